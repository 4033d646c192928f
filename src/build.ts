import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config, Figure, Format } from './config.ts';
import { UserError, didYouMean } from './errors.ts';
import { writeAtomic, stringifySpec } from './files.ts';
import { buildSpec } from './figures/spec.ts';

/**
 * The build pipeline, in order:
 *   1. select:   the config's figures, narrowed by --only (the config is already validated);
 *   2. spec:     sample each figure's activations and build its Vega-Lite spec (pure);
 *   3. render:   spec to PNG, SVG and PDF bytes in memory (src/render.ts, the only vega/canvas code);
 *   4. write:    every file of a figure atomically, only once all of its renders succeeded.
 * A figure that fails is reported and skipped; the others are still written.
 */

export interface BuildOptions {
  only?: string[];
  formats?: Format[];
  /** PDF creation date; defaults to SOURCE_DATE_EPOCH, else a fixed date. */
  date?: Date;
  log?: (line: string) => void;
  /** The renderer; tests replace it to make a figure fail. */
  render?: typeof import('./render.ts').render;
}

export interface BuildResult {
  figures: number;
  files: string[];
  failed: { id: string; error: Error }[];
  seconds: number;
}

/** The files a figure owns, by format: the spec is always one of them. */
export function figureFiles(id: string, formats: readonly Format[]): string[] {
  return [`${id}.vl.json`, ...formats.map((f) => `${id}.${f}`)];
}

/** A fixed PDF date, so builds are byte-identical; SOURCE_DATE_EPOCH (seconds) overrides it. */
export function buildDate(env = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UserError(`SOURCE_DATE_EPOCH: must be whole seconds since 1970, got "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(Date.UTC(2000, 0, 1));
}

export function selectFigures(config: Config, only?: string[]): Figure[] {
  if (!only) return config.figures;
  const ids = config.figures.map((f) => f.id);
  for (const id of only) {
    if (!ids.includes(id)) throw new UserError(`--only: no figure "${id}" in ${config.file}${didYouMean(id, ids)}`);
  }
  return config.figures.filter((f) => only.includes(f.id));
}

export async function build(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const formats = options.formats ?? config.formats;
  const figures = selectFigures(config, options.only);
  const date = options.date ?? buildDate();
  const render = options.render ?? (await import('./render.ts')).render;
  await mkdir(config.outDir, { recursive: true });
  const files: string[] = [];
  const failed: BuildResult['failed'] = [];
  for (const figure of figures) {
    try {
      const spec = buildSpec(figure);
      const rendered = await render(spec, { formats, scale: config.png.scale, date, title: figureTitle(figure), id: figure.id });
      const outputs: [string, string | Uint8Array][] = [[`${figure.id}.vl.json`, stringifySpec(spec)]];
      for (const format of formats) outputs.push([`${figure.id}.${format}`, rendered[format]!]);
      for (const [name, data] of outputs) {
        await writeAtomic(join(config.outDir, name), data);
        files.push(name);
      }
      options.log?.(`${figure.id}: ${outputs.map(([name]) => name.slice(figure.id.length + 1)).join(', ')}`);
    } catch (error) {
      failed.push({ id: figure.id, error: error as Error });
      options.log?.(`${figure.id}: FAILED: ${(error as Error).message}`);
    }
  }
  return { figures: figures.length, files, failed, seconds: (performance.now() - started) / 1000 };
}

/** A figure's title for metadata: its own, else its panels' titles. */
export function figureTitle(figure: Figure): string {
  return figure.title ?? figure.panels.map((p) => p.title).join(' | ');
}
