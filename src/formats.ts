// The image formats, one record each: what a new format needs besides its renderer module in
// src/render/formats/ (which src/render/render.ts's table, typed Record<Format, ...>, must then name).
// The CLI's help, the config's schema, the file layout, the content keys, the dev server and the
// gallery read these records and name no format (the config's default list aside).

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

/** What every figure of a build shares that may decide an image's bytes. */
export interface ImageOptions {
  png: PngOptions;
  /** The PDF date, ISO. */
  date: string;
}

export interface FormatRecord {
  /** The file's extension: a figure's file is `<id>.<ext>`. */
  ext: string;
  /** Its Content-Type, as the dev server sends it. */
  mime: string;
  /**
   * What, besides the figure, the tool and the renderer, decides its bytes: part of its content key,
   * so that changing one format's options leaves the others current.
   */
  key(options: ImageOptions): object;
  /** How the gallery shows it. */
  gallery: {
    /** Its download link's text. */
    label: string;
    /** Its link's place among a figure's downloads (after the interactive page, before the spec). */
    link: number;
    /** Its rank as the <img> of a card (lowest first); none: never an <img>. */
    img?: number;
    /** Its rank as the image of the Markdown snippet; none: never. */
    markdown?: number;
    /** A bitmap at twice the CSS size, offered as the <img>'s srcset when another format is its src. */
    srcset?: boolean;
    /** The format of the LaTeX snippet (\includegraphics). */
    latex?: boolean;
  };
}

/**
 * The image formats a build can render, in their canonical order (the order of a figure's files in the
 * manifest); the .vl.json spec and the .csv data are always written.
 */
export const FORMAT_RECORDS = {
  png: {
    ext: 'png',
    mime: 'image/png',
    key: (options) => ({ png: options.png }),
    gallery: { label: 'PNG', link: 3, img: 2, markdown: 1, srcset: true },
  },
  svg: {
    ext: 'svg',
    mime: 'image/svg+xml',
    key: () => ({}),
    gallery: { label: 'SVG', link: 1, img: 1, markdown: 2 },
  },
  pdf: {
    ext: 'pdf',
    mime: 'application/pdf',
    key: (options) => ({ date: options.date }),
    gallery: { label: 'PDF', link: 2, latex: true },
  },
} as const satisfies Record<string, FormatRecord>;

export type Format = keyof typeof FORMAT_RECORDS;
export const FORMATS = Object.keys(FORMAT_RECORDS) as readonly Format[] as readonly [Format, ...Format[]];

/** The record of a format. */
export const formatRecord = (format: Format): FormatRecord => FORMAT_RECORDS[format];

/** Formats in their canonical order, without repeats: the order a user lists them in never matters. */
export function canonicalFormats(formats: readonly Format[]): Format[] {
  return FORMATS.filter((f) => formats.includes(f));
}
