// The output formats and PNG options: each fact once, the types derived from the runtime lists.

/** The image formats a build can render; the .vl.json spec and the .csv data are always written. */
export const FORMATS = ['png', 'svg', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

/** PNG row filters, as node-canvas names them (PNG_FILTER_<NAME>). */
export const PNG_FILTERS = ['none', 'sub', 'up', 'avg', 'paeth'] as const;
export type PngFilter = (typeof PNG_FILTERS)[number];

export interface PngOptions {
  /** Device pixels per CSS pixel. */
  scale: number;
  /** zlib level 0-9. */
  compression: number;
  filter: PngFilter;
}

/** Formats in their canonical order, without repeats: the order a user lists them in never matters. */
export function canonicalFormats(formats: readonly Format[]): Format[] {
  return FORMATS.filter((f) => formats.includes(f));
}
