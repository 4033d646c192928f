// The output folder's layout, once: which files a figure has, and the scripts its pages need beside them
// (the folder's own bookkeeping files are named in names.ts).
import { type Format, formatRecord } from '../formats.ts';

/** 'data': a file a figure's kind writes beside it (a training figure's <id>.training.json). */
export type FileRole = 'spec' | 'csv' | 'data' | 'html' | 'gif' | 'mp4' | Format;

/** A figure's files beyond its images: reveal frames (<id>-1 … <id>-steps per format) and an animation. */
export interface Motion {
  steps?: number;
  gif?: boolean;
  mp4?: boolean;
}

/**
 * A figure's files for the given image formats: the spec and the CSV always, the data files its kind
 * writes (`sidecars`, named after the id), its interactive page when it has one, then one per format.
 */
export function outputFiles(
  id: string,
  formats: readonly Format[],
  page = false,
  sidecars: readonly string[] = [],
  motion: Motion = {},
): { name: string; role: FileRole }[] {
  return [
    { name: `${id}.vl.json`, role: 'spec' },
    { name: `${id}.csv`, role: 'csv' },
    ...sidecars.map((name) => ({ name: `${id}.${name}`, role: 'data' as const })),
    ...(page ? [{ name: `${id}.html`, role: 'html' as const }] : []),
    ...formats.flatMap((format) => [
      { name: `${id}.${formatRecord(format).ext}`, role: format },
      ...revealFrames(id, format, motion.steps),
    ]),
    ...(motion.gif ? [{ name: `${id}.gif`, role: 'gif' as const }] : []),
    ...(motion.mp4 ? [{ name: `${id}.mp4`, role: 'mp4' as const }] : []),
  ];
}

/** A reveal's frames of one format: <id>-1.<ext> … <id>-<steps>.<ext>. */
export function revealFrames(id: string, format: Format, steps = 0): { name: string; role: Format }[] {
  return Array.from({ length: steps }, (_, i) => ({
    name: `${id}-${i + 1}.${formatRecord(format).ext}`,
    role: format,
  }));
}

/** The figure's motion, as its files need it. */
export const motionOf = (figure: { reveal?: { steps: number }; animate?: { mp4?: boolean } }): Motion => ({
  ...(figure.reveal && { steps: figure.reveal.steps }),
  ...(figure.animate !== undefined && { gif: true }),
  ...(figure.animate?.mp4 && { mp4: true }),
});

/** Every file of a figure for these image formats: outputFiles with its page, its kind's data files and its motion. */
export const figureFiles = (
  figure: {
    id: string;
    interactive?: unknown;
    sidecars?: readonly string[];
    reveal?: { steps: number };
    animate?: { mp4?: boolean };
  },
  formats: readonly Format[],
): { name: string; role: FileRole }[] =>
  outputFiles(figure.id, formats, hasPage(figure), figure.sidecars, motionOf(figure));

/** Whether a figure has an interactive page (`interactive: false` turns it off). */
export const hasPage = (figure: { interactive?: unknown }): boolean => figure.interactive !== false;

/** Whether any of these figures' files is an interactive page (then vega's scripts belong beside them). */
export const hasPages = (figures: Iterable<{ id: string; files: { name: string }[] }>): boolean =>
  [...figures].some((e) => e.files.some((f) => f.name === `${e.id}.html`));

/** The scripts interactive pages load, beside them in the output folder; in order: vega-lite needs vega. */
export const PAGE_ASSETS = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'actfig-page.js'] as const;
