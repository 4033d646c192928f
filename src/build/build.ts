import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config, Figure } from '../config/model.ts';
import { selectFigures } from '../config/select.ts';
import { UserError } from '../errors.ts';
import { canonicalFormats, type Format } from '../formats.ts';
import { fileKeys, keyContext, type KeyContext } from '../output/content-key.ts';
import { discard, TEMP_FILE, writeAtomic } from '../output/files.ts';
import { rememberHash, saveHashes } from '../output/hashes.ts';
import { lockFolder, processAlive } from '../output/lock.ts';
import { type FileRole, hasPage, hasPages, LOCK, outputFiles, PAGE_ASSETS, PENDING } from '../output/layout.ts';
import {
  fileRecord,
  fileState,
  GENERATOR,
  type Manifest,
  type ManifestFigure,
  type ManifestFile,
  ManifestWriter,
} from '../output/manifest.ts';
import { type JobRunner, runnerFor } from '../render/pool.ts';
import { toolVersion } from '../versions.ts';
import { buildDate } from './date.ts';
import type { FigureResult } from './job.ts';
import { checkFolder, isMine, orderEntries, type OutputFolder, openFolder, refuseFolder } from './folder.ts';

/**
 * The build, in named stages over explicit values:
 *   1. plan:   the config's figures (narrowed by --only), each file with its content key; a file whose
 *              key matches the manifest and whose bytes are intact is current and not touched;
 *   2. prune:  the figures this config made before and no longer has lose exactly the files the
 *              manifest lists for them (other configs' figures in a shared folder are never touched);
 *   3. render: each figure to render becomes a job (spec, CSV, images, written as temporary files) in
 *              a pool of render processes, or in this process when only one or two figures need it;
 *   4. write:  one figure at a time, its temporary files are renamed into place (a journal names them
 *              meanwhile) and the manifest is saved;
 *   5. site:   the gallery (index.html, gallery.css), when a figure changed or its files are not intact.
 * The output folder is locked for the whole build. A figure that fails is reported and skipped.
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

/** A figure of the plan: its files' keys, and the image formats that must be rendered now. */
interface Planned {
  figure: Figure;
  keys: Record<FileRole, string>;
  /** The formats this build makes for it (the config's, or --formats). */
  formats: Format[];
  /** The formats a file may have and keep: the config's and this build's. */
  allowed: Format[];
  render: boolean;
}

export async function build(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const context = await keyContext(config.png, options.date ?? buildDate());
  const formats = canonicalFormats(options.formats ?? config.formats);
  const figures = selectFigures(config, options.only);
  refuseFolder(config);
  const release = await openOutput(config.outDir, options);
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
  try {
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
    const save = () => writer.save(currentManifest(folder));
    // Narrowing (--only) never deletes what it did not build.
    if (!options.only) await pruneFigures(config, folder, options.prune ?? true, result, options.progress);
    let dropped = false;
    for (const p of plan) if (!p.render && (await dropFormats(config.outDir, folder, p))) dropped = true;

    // The render processes stop while the gallery is written.
    closing = (await renderAndWrite(config, folder, todo, context, options, result, save))?.closing;
    const siteChanged =
      result.rendered.length > 0 || result.removed.length > 0 || dropped || !(await siteIntact(config, folder));
    if ((config.gallery !== false || pagesIn(folder)) && siteChanged) {
      await writeSite(config, folder, result);
    }
    await save();
  } finally {
    await closing;
    await saveHashes();
    await release();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** File-system errors that mean the output folder cannot be used, whatever the build does. */
const UNUSABLE = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EEXIST',
  'ENAMETOOLONG',
  'ENOENT',
  'ELOOP',
  'ENOSPC',
  'EDQUOT',
  'EISDIR',
  'EINVAL',
  'ENOSYS',
  'ENOTSUP',
  'EOPNOTSUPP',
]);

/** Creates and locks the output folder; an unusable path is one line naming it, in bounded time. */
async function openOutput(dir: string, options: BuildOptions): Promise<() => Promise<void>> {
  try {
    await makeFolder(dir, 0);
    return await lockFolder(dir, {
      ...(options.lockTimeoutMs !== undefined && { timeoutMs: options.lockTimeoutMs }),
      onWait: (owner) => options.progress?.({ type: 'waiting', pid: owner.pid, host: owner.host }),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && UNUSABLE.has(code)) {
      throw new UserError(`${dir}: cannot use as the output folder (${(error as Error).message.split(',')[0]})`);
    }
    throw error;
  }
}

/**
 * mkdir -p with a bound: node's recursive mkdir loops forever under /proc, where creating a folder
 * fails with ENOENT however often its parent is made.
 */
async function makeFolder(dir: string, depth: number): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return;
      throw error;
    }
    if (code !== 'ENOENT' || depth > 64 || dirname(dir) === dir) throw error;
    await makeFolder(dirname(dir), depth + 1);
    await mkdir(dir);
  }
}

/** Temporary files of a build that was killed before its renames: ours, and now garbage. */
async function removeTemporaryFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const match = TEMP_FILE.exec(name);
    // A lock's temporary file may belong to a build waiting for this lock right now: only a dead one's goes.
    // Any other is a killed build's (its render processes may even outlive it): ours to remove.
    const pid = Number(match?.[1]);
    const waiting = name.startsWith(`${LOCK}.`) && pid !== process.pid && processAlive(pid);
    if (match && !waiting) await unlink(join(dir, name)).catch(() => {});
  }
}

/** Stage 1: which figures must be rendered, and in which formats. */
async function planFigures(
  config: Config,
  folder: OutputFolder,
  figures: Figure[],
  formats: Format[],
  context: KeyContext,
  force: boolean,
): Promise<Planned[]> {
  const plan: Planned[] = [];
  const allowed = canonicalFormats([...config.formats, ...formats]);
  for (const figure of figures) {
    const keys = fileKeys(figure, context);
    const entry = folder.entries.get(figure.id);
    let render = force || !entry;
    for (const { name, role } of outputFiles(figure.id, formats, hasPage(figure))) {
      if (render) break;
      const record = entry?.files.find((f) => f.name === name);
      if (!record || record.key !== keys[role] || (await fileState(config.outDir, record)) !== 'intact') render = true;
    }
    plan.push({ figure, keys, formats, allowed, render });
  }
  return plan;
}

/** Stage 2: the figures this config made before and no longer has. */
async function pruneFigures(
  config: Config,
  folder: OutputFolder,
  prune: boolean,
  result: BuildResult,
  progress: BuildOptions['progress'],
): Promise<void> {
  const ids = new Set(config.figures.map((f) => f.id));
  for (const entry of [...folder.entries.values()]) {
    if (!isMine(folder, entry) || ids.has(entry.id)) continue;
    if (!prune) {
      result.kept.push(entry.id);
      progress?.({ type: 'kept', id: entry.id });
      continue;
    }
    for (const file of entry.files)
      if (!folder.claimedElsewhere(file.name, entry.id)) await unlink(join(config.outDir, file.name)).catch(() => {});
    folder.entries.delete(entry.id);
    result.removed.push(entry.id);
    progress?.({ type: 'removed', id: entry.id });
  }
}

/** A current figure whose config no longer lists a format: that format's file is ours to remove. */
async function dropFormats(dir: string, folder: OutputFolder, p: Planned): Promise<boolean> {
  const entry = folder.entries.get(p.figure.id);
  if (!entry) return false;
  const keep = new Set(outputFiles(p.figure.id, p.allowed, hasPage(p.figure)).map((f) => f.name));
  const dropped = entry.files.filter((f) => !keep.has(f.name));
  if (dropped.length === 0) return false;
  for (const file of dropped) await unlink(join(dir, file.name)).catch(() => {});
  folder.entries.set(entry.id, { ...entry, files: entry.files.filter((f) => keep.has(f.name)) });
  return true;
}

/**
 * Stages 3 and 4: render the figures (concurrently), write each one's files as its render finishes (in
 * turn). Returns the runner's closing, for the caller to await once it has done what it can meanwhile.
 */
async function renderAndWrite(
  config: Config,
  folder: OutputFolder,
  todo: Planned[],
  context: KeyContext,
  options: BuildOptions,
  result: BuildResult,
  save: () => Promise<void>,
): Promise<{ closing: Promise<void> } | undefined> {
  if (todo.length === 0) return undefined;
  const runner =
    options.runner ??
    (await runnerFor(
      todo.map((p) => p.figure),
      options.jobs,
    ));
  let done = 0;
  let writing = Promise.resolve();
  let rendered = false;
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
            await writeFigure(config.outDir, folder, p, made, result);
            await save();
            await unlink(join(config.outDir, PENDING)).catch(() => {});
          });
          writing = write.catch(() => {});
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
  return { closing: runner.close() };
}

/**
 * Stage 4 for one figure: rename its temporary files into place and record them. While the renames
 * run, a journal (PENDING) names the new files, so that a build killed between two renames leaves a
 * figure that `check` can name as torn and the next build heals.
 */
async function writeFigure(
  dir: string,
  folder: OutputFolder,
  p: Planned,
  made: FigureResult,
  result: BuildResult,
): Promise<void> {
  const old = folder.entries.get(p.figure.id);
  const records = new Map<string, ManifestFile>();
  const keep = new Set(outputFiles(p.figure.id, p.allowed, hasPage(p.figure)).map((f) => f.name));
  for (const file of old?.files ?? []) if (keep.has(file.name)) records.set(file.name, file);
  try {
    const changed = [];
    for (const file of made.files) {
      const before = records.get(file.name);
      if (before && before.sha256 === file.sha256 && (await fileState(dir, before)) === 'intact') {
        await unlink(file.temp!).catch(() => {});
      } else {
        changed.push(file);
      }
      records.set(file.name, { name: file.name, bytes: file.bytes, sha256: file.sha256, key: p.keys[file.role] });
    }
    if (changed.length) {
      await writeAtomic(
        join(dir, PENDING),
        JSON.stringify({ id: p.figure.id, files: changed.map((f) => ({ name: f.name, sha256: f.sha256 })) }),
      );
      for (const file of changed) {
        await rename(file.temp!, join(dir, file.name));
        await rememberHash(join(dir, file.name), file.sha256);
      }
      result.filesWritten += changed.length;
    }
  } catch (error) {
    await discard(made.files.map((f) => f.temp));
    throw error;
  }
  for (const file of old?.files ?? []) if (!keep.has(file.name)) await unlink(join(dir, file.name)).catch(() => {});
  const files = outputFiles(p.figure.id, p.allowed, hasPage(p.figure))
    .map((f) => records.get(f.name))
    .filter((f): f is ManifestFile => f !== undefined);
  const size =
    made.width !== undefined
      ? { width: made.width, height: made.height }
      : old?.width !== undefined
        ? { width: old.width, height: old.height }
        : {};
  folder.entries.set(p.figure.id, {
    id: p.figure.id,
    config: folder.label,
    kind: p.figure.kind,
    title: made.title,
    alt: made.alt,
    ...(p.figure.caption !== undefined && { caption: p.figure.caption }),
    ...size,
    ...(made.activations && { activations: made.activations }),
    files,
  } as ManifestFigure);
}

function currentManifest(folder: OutputFolder): Manifest {
  return {
    generator: `${GENERATOR} ${toolVersion}`,
    figures: orderEntries(folder),
    ...(folder.site && { site: folder.site }),
  };
}

const pagesIn = (folder: OutputFolder): boolean => hasPages(folder.entries.values());

async function siteIntact(config: Config, folder: OutputFolder): Promise<boolean> {
  if (!folder.site) return !pagesIn(folder) && config.gallery === false;
  const names = new Set(folder.site.files.map((f) => f.name));
  if (config.gallery !== false && !names.has(config.gallery)) return false;
  if (pagesIn(folder) !== PAGE_ASSETS.every((name) => names.has(name))) return false;
  for (const file of folder.site.files) if ((await fileState(config.outDir, file)) !== 'intact') return false;
  return true;
}

/** Stage 5: the gallery, a function of the manifest (every figure of the folder, whichever config made it). */
async function writeSite(config: Config, folder: OutputFolder, result: BuildResult): Promise<void> {
  const { siteContents } = await import('../site/contents.ts');
  const manifest = { generator: '', figures: orderEntries(folder) };
  let math: Map<string, string> | undefined;
  if (config.gallery !== false) {
    const { galleryFormulas } = await import('../site/gallery.ts');
    const { typeset } = await import('../site/formulas.ts');
    math = await typeset(galleryFormulas(manifest), config.outDir);
  }
  const pages = await siteContents(manifest, config.outDir, config.gallery, math);
  const files: ManifestFile[] = [];
  for (const [name, data] of Object.entries(pages)) {
    const old = await readFile(join(config.outDir, name)).catch(() => undefined);
    const record = fileRecord(name, data);
    if (!old?.equals(typeof data === 'string' ? Buffer.from(data) : data)) {
      await writeAtomic(join(config.outDir, name), data);
      await rememberHash(join(config.outDir, name), record.sha256);
      result.filesWritten++;
    }
    files.push(record);
  }
  folder.site = { files };
}
