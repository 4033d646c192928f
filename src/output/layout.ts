// The output folder's layout, once: which files a figure has, and the folder's own files.
import type { Format } from '../formats.ts';

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
    ...formats.map((format) => ({ name: `${id}.${format}`, role: format })),
  ];
}

/** Whether a figure has an interactive page (`interactive: false` turns it off). */
export const hasPage = (figure: { interactive?: unknown }): boolean => figure.interactive !== false;

/** Whether any of these figures' files is an interactive page (then vega's scripts belong beside them). */
export const hasPages = (figures: Iterable<{ id: string; files: { name: string }[] }>): boolean =>
  [...figures].some((e) => e.files.some((f) => f.name === `${e.id}.html`));

/** The scripts interactive pages load, beside them in the output folder; in order: vega-lite needs vega. */
export const PAGE_ASSETS = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'actfig-page.js'] as const;

/** The role of a figure's file from its name, or undefined for a name that is not one of its files. */
export function fileRole(id: string, name: string): FileRole | undefined {
  if (!name.startsWith(`${id}.`)) return undefined;
  const ext = name.slice(id.length + 1);
  return ext === 'vl.json'
    ? 'spec'
    : ext === 'csv' || ext === 'html' || ext === 'png' || ext === 'svg' || ext === 'pdf'
      ? ext
      : undefined;
}

export const MANIFEST = 'manifest.json';
export const LOCK = '.actfig.lock';
/** A figure's files being switched in: lists the new hashes, so check can name a torn figure. */
export const PENDING = '.actfig.pending.json';
