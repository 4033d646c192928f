// The output folder's layout, once: which files a figure has, and the scripts its pages need beside them
// (the folder's own bookkeeping files are named in names.ts).
import { type Format, formatRecord } from '../formats.ts';

export type FileRole = 'spec' | 'csv' | 'html' | Format;

/**
 * A figure's files for the given image formats: the spec and the CSV always, its interactive page
 * when it has one, then one per format.
 */
export function outputFiles(id: string, formats: readonly Format[], page = false): { name: string; role: FileRole }[] {
  return [
    { name: `${id}.vl.json`, role: 'spec' },
    { name: `${id}.csv`, role: 'csv' },
    ...(page ? [{ name: `${id}.html`, role: 'html' as const }] : []),
    ...formats.map((format) => ({ name: `${id}.${formatRecord(format).ext}`, role: format })),
  ];
}

/** Whether a figure has an interactive page (`interactive: false` turns it off). */
export const hasPage = (figure: { interactive?: unknown }): boolean => figure.interactive !== false;

/** Whether any of these figures' files is an interactive page (then vega's scripts belong beside them). */
export const hasPages = (figures: Iterable<{ id: string; files: { name: string }[] }>): boolean =>
  [...figures].some((e) => e.files.some((f) => f.name === `${e.id}.html`));

/** The scripts interactive pages load, beside them in the output folder; in order: vega-lite needs vega. */
export const PAGE_ASSETS = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'actfig-page.js'] as const;
