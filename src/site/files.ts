/** The gallery's files in the output folder. */
export const SITE_FILES = ['index.html', 'gallery.css'] as const;
export type SiteFile = (typeof SITE_FILES)[number];
