import { PAGE_ASSETS } from '../output/layout.ts';

/** The gallery's stylesheet, beside its page. */
export const GALLERY_STYLESHEET = 'gallery.css';

/**
 * The folder's own files: the gallery's page (index.html unless the config names another) and
 * stylesheet, and, when figures have interactive pages, the scripts those load.
 */
export function siteFiles(gallery: string | false, pages = false): string[] {
  return [...(gallery === false ? [] : [gallery, GALLERY_STYLESHEET]), ...(pages ? PAGE_ASSETS : [])];
}
