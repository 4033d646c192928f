import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/model.ts';
import { selectFigures } from '../config/select.ts';
import { canonicalFormats, type Format } from '../formats.ts';
import { keyContext, type KeyContext } from '../output/content-key.ts';
import { saveHashes } from '../output/hashes.ts';
import { PENDING } from '../output/names.ts';
import { GENERATOR, type Manifest, ManifestWriter } from '../output/manifest.ts';
import { toolVersion } from '../versions.ts';
import { buildDate } from './date.ts';
import {
  checkFolder,
  type OutputFolder,
  openFolder,
  openOutput,
  orderEntries,
  refuseFolder,
  removeTemporaryFiles,
} from './folder.ts';
import { type Planned, planFigures } from './plan.ts';
import { type JobRunner, runnerFor } from './pool.ts';
import { dropFormats, pruneFigures } from './prune.ts';
import { pagesIn, siteIntact, writeSite } from './site.ts';
import { writeFigure } from './write.ts';

/**
 * The build, in named stages over explicit values, each in a module of its own:
 *   1. plan:   the config's figures (narrowed by --only), each file with its content key; a file whose
 *              key matches the manifest and whose bytes are intact is current and not touched
 *              (plan.ts, judged by freshness.ts as `check` judges it);
 *   2. prune:  the figures this config made before and no longer has lose exactly the files the
 *              manifest lists for them (other configs' figures in a shared folder are never touched) (prune.ts);
 *   3. render: each figure to render becomes a job (spec, CSV, images, written as temporary files) in
 *              a pool of render processes, or in this process when only one or two figures need it
 *              (job.ts, pool.ts);
 *   4. write:  one figure at a time, its temporary files are renamed into place (a journal names them
 *              meanwhile) and the manifest is saved (write.ts, its entry made by entry.ts);
 *   5. site:   the gallery (index.html, gallery.css), when a figure changed or its files are not intact (site.ts).
 * The output folder is locked for the whole build (folder.ts). A figure that fails is reported and skipped.
 */

export interface BuildOptions {
  only?: string[];
  /** Render only these image formats now; the others stay as they are. Default: the config's. */
  formats?: Format[];
  /** Re-render every figure, whatever the manifest says. */
  force?: boolean;
  /** Delete the figures this config made before and no longer has. Default true. */
  prune?: boolean;
  /** Render processes; default: the number of cores. */
  jobs?: number;
  /** PDF creation date; defaults to SOURCE_DATE_EPOCH, else a fixed date. */
  date?: Date;
  /** How long to wait for another build's lock, in ms. Default 600 000. */
  lockTimeoutMs?: number;
  progress?: (event: ProgressEvent) => void;
  /** Runs the figure jobs (tests use it to make a figure fail). */
  runner?: JobRunner;
}

/** Render processes started before planning (--force), until renderAndWrite takes them. */
interface EarlyRunner {
  runner?: Promise<JobRunner>;
}

export type ProgressEvent =
  | { type: 'start'; total: number; toRender: number }
  | { type: 'waiting'; pid: number; host: string }
  | { type: 'figure'; id: string; status: 'rendered' | 'failed'; done: number; total: number; error?: Error }
  | { type: 'removed'; id: string }
  | { type: 'kept'; id: string };

export interface BuildResult {
  figures: number;
  rendered: string[];
  unchanged: string[];
  removed: string[];
  /** Figures that left the config but were kept (prune: false). */
  kept: string[];
  failed: { id: string; error: Error }[];
  filesWritten: number;
  seconds: number;
}

export async function build(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const date = options.date ?? buildDate();
  const formats = canonicalFormats(options.formats ?? config.formats);
  const figures = selectFigures(config, options.only);
  refuseFolder(config);
  const release = await openOutput(config.outDir, {
    ...(options.lockTimeoutMs !== undefined && { timeoutMs: options.lockTimeoutMs }),
    onWait: (owner) => options.progress?.({ type: 'waiting', pid: owner.pid, host: owner.host }),
  });
  // --force renders every figure: the render processes start now, while this process plans (starting
  // one and loading vega there takes longer than planning), and closed if the build stops first.
  const early: EarlyRunner = {
    runner: options.force && !options.runner && figures.length > 2 ? runnerFor(figures, options.jobs) : undefined,
  };
  const result: BuildResult = {
    figures: figures.length,
    rendered: [],
    unchanged: [],
    removed: [],
    kept: [],
    failed: [],
    filesWritten: 0,
    seconds: 0,
  };
  let closing: Promise<void> | undefined;
  let save: (() => Promise<void>) | undefined;
  try {
    const context = await keyContext(config.png, date);
    const folder = await openFolder(config);
    await removeTemporaryFiles(config.outDir);
    const plan = await planFigures(config, folder, figures, formats, context, options.force ?? false);
    await checkFolder(
      config,
      folder,
      plan.map((p) => p.figure),
    );
    const todo = plan.filter((p) => p.render);
    for (const p of plan) if (!p.render) result.unchanged.push(p.figure.id);
    options.progress?.({ type: 'start', total: figures.length, toRender: todo.length });

    const writer = new ManifestWriter(config.outDir, folder.text);
    save = () => writer.save(currentManifest(folder));
    // Narrowing (--only) never deletes what it did not build.
    if (!options.only) {
      await pruneFigures(config, folder, options.prune ?? true, (type, id) => {
        result[type].push(id);
        options.progress?.({ type, id });
      });
    }
    let dropped = false;
    for (const p of plan) if (!p.render && (await dropFormats(config.outDir, folder, p))) dropped = true;

    // The render processes stop while the gallery is written.
    const written = await renderAndWrite(config, folder, todo, context, options, result, save, early);
    closing = written?.closing;
    const siteChanged =
      result.rendered.length > 0 || result.removed.length > 0 || dropped || !(await siteIntact(config, folder));
    if ((config.gallery !== false || pagesIn(folder)) && siteChanged) {
      result.filesWritten += await writeSite(config, folder);
    }
    await save();
    // The manifest now records every file written, unless a figure's write failed part way (then the
    // journal names its torn files): the journal is done with.
    if (!written?.torn) await unlink(join(config.outDir, PENDING)).catch(() => {});
  } catch (error) {
    // A build that stops part way (a full disk) leaves a manifest true to what it wrote, if it can.
    await save?.().catch(() => {});
    throw error;
  } finally {
    await early.runner?.then((runner) => runner.close()).catch(() => {});
    await closing;
    await saveHashes();
    await release();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/**
 * Stages 3 and 4: render the figures (concurrently), write each one's files as its render finishes (in
 * turn). Returns the runner's closing, for the caller to await once it has done what it can meanwhile, and
 * whether a figure's write failed part way (its journal must stay).
 */
async function renderAndWrite(
  config: Config,
  folder: OutputFolder,
  todo: Planned[],
  context: KeyContext,
  options: BuildOptions,
  result: BuildResult,
  save: () => Promise<void>,
  early: EarlyRunner,
): Promise<{ closing: Promise<void>; torn: boolean } | undefined> {
  if (todo.length === 0) return undefined;
  const started = early.runner;
  early.runner = undefined; // this build's now, to close
  const runner =
    options.runner ??
    (await started) ??
    (await runnerFor(
      todo.map((p) => p.figure),
      options.jobs,
    ));
  let done = 0;
  let writing = Promise.resolve();
  let rendered = false;
  let torn = false;
  // The gallery's slow part (GELU's numeric search) is done while the render processes start, when this
  // process has nothing else to do, rather than after the last figure.
  if (config.gallery !== false) {
    setImmediate(() => void import('../site/gallery.ts').then((g) => g.prepareGallery()).catch(() => {}));
  }
  try {
    await Promise.all(
      todo.map(async (p) => {
        const id = p.figure.id;
        try {
          const made = await runner.run({
            figure: p.figure,
            formats: p.formats,
            png: context.png,
            date: context.date,
            dir: config.outDir,
          });
          const write = writing.then(async () => {
            result.filesWritten += await writeFigure(config.outDir, folder, p, made);
            await save();
            await unlink(join(config.outDir, PENDING)).catch(() => {});
          });
          writing = write.catch(() => {
            torn = true;
          });
          await write;
          result.rendered.push(id);
          options.progress?.({ type: 'figure', id, status: 'rendered', done: ++done, total: todo.length });
        } catch (error) {
          result.failed.push({ id, error: error as Error });
          options.progress?.({
            type: 'figure',
            id,
            status: 'failed',
            done: ++done,
            total: todo.length,
            error: error as Error,
          });
        }
      }),
    );
    rendered = true;
  } finally {
    // Closing is awaited here only when rendering itself failed; else the caller awaits it.
    if (!rendered) await runner.close();
  }
  return { closing: runner.close(), torn };
}

function currentManifest(folder: OutputFolder): Manifest {
  return {
    generator: `${GENERATOR} ${toolVersion}`,
    figures: orderEntries(folder),
    ...(folder.site && { site: folder.site }),
  };
}
