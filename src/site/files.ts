/** The gallery's stylesheet, beside its page. */
export const GALLERY_STYLESHEET = 'gallery.css';

/** The gallery's files in the output folder: its page (index.html unless the config names another) and stylesheet. */
export function siteFiles(gallery: string | false): string[] {
  return gallery === false ? [] : [gallery, GALLERY_STYLESHEET];
}
