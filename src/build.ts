import { availableParallelism } from 'node:os';
import { readdir, readFile, mkdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Config, Figure, Format } from './config.ts';
import { contentKey, keyContext, type PngOptions } from './content-key.ts';
import { didYouMean, UserError } from './errors.ts';
import { imageSize, stringifySpec, TEMP_FILE, toCsv, writeAtomic } from './files.ts';
import { buildSpec } from './figures/spec.ts';
import { lockFolder } from './lock.ts';
import { fileRecord, fileState, readManifest, manifestText, MANIFEST, safeName, writeManifest, type Manifest, type ManifestFigure } from './manifest.ts';
import type { Rendered, RenderOptions } from './render.d.mts';
import { toolVersion } from './versions.ts';

/**
 * The build pipeline, in order:
 *   1. plan:     the config's figures (narrowed by --only), each with its content key; a figure whose
 *                key matches the manifest and whose files are intact is unchanged and not touched;
 *   2. spec:     sample each figure to render and build its Vega-Lite spec (pure, main thread);
 *   3. render:   spec to PNG, SVG and PDF bytes, in a pool of worker threads (render.mjs);
 *   4. write:    a figure's files atomically once all of its renders succeeded, then the manifest;
 *   5. prune:    delete the files the manifest lists for figures no longer in the config.
 * The output folder is locked for the whole build. A figure that fails is reported and skipped.
 */

export interface BuildOptions {
  only?: string[];
  formats?: Format[];
  /** Re-render every figure, whatever the manifest says. */
  force?: boolean;
  /** Render threads; default: the number of cores. */
  jobs?: number;
  /** PDF creation date; defaults to SOURCE_DATE_EPOCH, else a fixed date. */
  date?: Date;
  progress?: (event: ProgressEvent) => void;
  /** Renders in this thread with this function instead of the pool (tests use it to make a figure fail). */
  render?: (spec: object, options: RenderOptions) => Promise<Rendered>;
}

export type ProgressEvent =
  | { type: 'start'; total: number; toRender: number }
  | { type: 'waiting'; pid: number }
  | { type: 'figure'; id: string; status: 'rendered' | 'failed'; done: number; total: number; error?: Error }
  | { type: 'removed'; id: string };

export interface BuildResult {
  figures: number;
  rendered: string[];
  unchanged: string[];
  removed: string[];
  failed: { id: string; error: Error }[];
  filesWritten: number;
  seconds: number;
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

/** A figure's title for metadata: its own, else its panels' titles. */
export function figureTitle(figure: Figure): string {
  return figure.title ?? (figure.kind === 'activations' ? figure.panels.map((p) => p.title).join(' | ') : figure.id);
}

/** Whether every file of a manifest entry is in `dir` with the recorded bytes. */
async function intact(dir: string, entry: Pick<ManifestFigure, 'files'>): Promise<boolean> {
  for (const file of entry.files) if ((await fileState(dir, file)) !== 'intact') return false;
  return true;
}

export async function build(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const formats = options.formats ?? config.formats;
  const figures = selectFigures(config, options.only);
  const context = keyContext(formats, config.png, options.date ?? buildDate());
  const dir = config.outDir;
  await mkdir(dir, { recursive: true });
  const release = await lockFolder(dir, (pid) => options.progress?.({ type: 'waiting', pid }));
  const result: BuildResult = { figures: figures.length, rendered: [], unchanged: [], removed: [], failed: [], filesWritten: 0, seconds: 0 };
  try {
    // Temporary files of a build that was killed before its renames: ours, and now garbage.
    for (const name of await readdir(dir)) if (TEMP_FILE.test(name)) await unlink(join(dir, name)).catch(() => {});

    const manifest = await readManifest(dir);
    const entries = new Map(manifest.figures.map((f) => [f.id, f]));
    const todo: { figure: Figure; key: string }[] = [];
    for (const figure of figures) {
      const key = contentKey(figure, context);
      const entry = entries.get(figure.id);
      if (!options.force && entry?.key === key && (await intact(dir, entry))) result.unchanged.push(figure.id);
      else todo.push({ figure, key });
    }
    options.progress?.({ type: 'start', total: figures.length, toRender: todo.length });

    const order = config.figures.map((f) => f.id);
    let site = manifest.site;
    const current = (): Manifest => ({ generator: `activation-figures ${toolVersion}`, figures: order.filter((id) => entries.has(id)).map((id) => entries.get(id)!) });
    const save = async () => {
      const next: Manifest = { ...current(), ...(site && { site }) };
      const text = manifestText(next);
      const old = await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined);
      if (text !== old) await writeManifest(dir, next);
    };

    // Figures no longer in the config: delete exactly the files the manifest lists for them.
    for (const entry of manifest.figures) {
      if (order.includes(entry.id)) continue;
      for (const file of entry.files) if (safeName(file.name)) await unlink(join(dir, file.name)).catch(() => {});
      entries.delete(entry.id);
      result.removed.push(entry.id);
      options.progress?.({ type: 'removed', id: entry.id });
    }

    const renderer = todo.length === 0 ? undefined : options.render ? inThread(options.render) : await pool(Math.min(options.jobs ?? availableParallelism(), todo.length));
    try {
      let done = 0;
      await Promise.all(
        todo.map(async ({ figure, key }) => {
          const spec = buildSpec(figure);
          const title = figureTitle(figure);
          try {
            const rendered = await renderer!.run({ id: figure.id, title, spec, formats, png: context.png, date: context.date });
            const files: [string, Uint8Array][] = [
              [`${figure.id}.vl.json`, Buffer.from(stringifySpec(spec))],
              [`${figure.id}.csv`, Buffer.from(toCsv(spec.datasets.table))],
            ];
            for (const format of formats) files.push([`${figure.id}.${format}`, Buffer.from(rendered[format]!)]);
            const size = imageSize(rendered.svg, rendered.png, context.png.scale);
            for (const [name, data] of files) await writeAtomic(join(dir, name), data);
            result.filesWritten += files.length;
            // Files this figure had before but no longer makes (a format dropped): ours, so remove them.
            const names = new Set(files.map(([name]) => name));
            for (const old of entries.get(figure.id)?.files ?? []) if (!names.has(old.name)) await unlink(join(dir, old.name)).catch(() => {});
            entries.set(figure.id, {
              id: figure.id, title, alt: spec.description, key, ...size,
              files: files.map(([name, data]) => fileRecord(name, data)),
            });
            await save();
            result.rendered.push(figure.id);
            options.progress?.({ type: 'figure', id: figure.id, status: 'rendered', done: ++done, total: todo.length });
          } catch (error) {
            result.failed.push({ id: figure.id, error: error as Error });
            options.progress?.({ type: 'figure', id: figure.id, status: 'failed', done: ++done, total: todo.length, error: error as Error });
          }
        }),
      );
    } finally {
      await renderer?.close();
    }
    // The gallery: a function of the manifest and the figures' configs (which their keys cover), so it
    // is regenerated only when a figure was rendered or removed, or its own files are not intact.
    if (result.rendered.length || result.removed.length || !site || !(await intact(dir, site))) {
      const { buildSite } = await import('./site/index.ts');
      const pages = buildSite(current(), config, basename(dir));
      for (const [name, text] of Object.entries(pages)) {
        const old = await readFile(join(dir, name), 'utf8').catch(() => undefined);
        if (old !== text) {
          await writeAtomic(join(dir, name), text);
          result.filesWritten++;
        }
      }
      site = { files: Object.entries(pages).map(([name, text]) => fileRecord(name, text)) };
    }
    await save();
  } finally {
    await release();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

export interface RenderJob {
  id: string;
  title: string;
  spec: object;
  formats: Format[];
  png: PngOptions;
  date: string;
}

interface Renderer {
  run(job: RenderJob): Promise<Rendered>;
  close(): Promise<void>;
}

function inThread(render: NonNullable<BuildOptions['render']>): Renderer {
  return {
    run: (job) => render(job.spec, { formats: job.formats, scale: job.png.scale, pngCompression: job.png.compression, pngFilter: job.png.filter, date: new Date(job.date), title: job.title, id: job.id }),
    close: async () => {},
  };
}

/**
 * A pool of render processes (tinypool); each loads vega once and renders many figures. Processes,
 * not threads: node-canvas crashes the process when a worker thread that used it is torn down.
 */
async function pool(size: number): Promise<Renderer> {
  const { default: Tinypool } = await import('tinypool');
  const p = new Tinypool({
    filename: new URL('./worker.mjs', import.meta.url).href,
    runtime: 'child_process',
    serialization: 'advanced', // structured clone: the rendered bytes arrive as Uint8Arrays
    minThreads: size,
    maxThreads: size,
    execArgv: [],
  });
  return { run: (job) => p.run(job), close: () => p.destroy() };
}
