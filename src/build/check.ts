import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config, Figure } from '../config/model.ts';
import { fileKeys, type KeyContext, keyContext, sha256 } from '../output/content-key.ts';
import { saveHashes } from '../output/hashes.ts';
import { figureFiles, hasPage, hasPages } from '../output/layout.ts';
import { PENDING } from '../output/names.ts';
import { fileState, type Manifest, type ManifestFigure, readManifest } from '../output/manifest.ts';
import { buildDate } from './date.ts';
import { manifestEntry } from './entry.ts';
import { configLabel, refuseGalleryIds } from './folder.ts';
import { figureProblems, type Problem, siteProblems } from './freshness.ts';
import type { FigureResult } from './job.ts';
import { runnerFor } from './pool.ts';

export type { Problem };

export interface CheckOptions {
  /** PDF date; defaults to SOURCE_DATE_EPOCH, else the fixed date. */
  date?: Date;
  /**
   * Also re-make every figure of the config and the gallery in memory and compare them with the bytes
   * on disk, trusting neither the manifest's hashes nor the values it gives the gallery.
   */
  render?: boolean;
  /** Render processes for `render`; default: the number of cores. */
  jobs?: number;
}

/** Why `render` reports a file: its record looks intact, so only `build --force` rewrites it. */
export const DIFFERS = 'differs from what the build makes now';

/**
 * What a build of this config would change in the output folder now, decided from content keys and
 * file hashes alone: nothing is rendered and nothing is written. Only this config's figures are
 * judged (a shared folder holds other configs' figures too), and the gallery. Empty: the folder is current.
 * With `render`, the figures and the gallery are also made again in memory and compared byte for byte,
 * so a file replaced together with its manifest record is found too.
 */
export async function check(config: Config, options: CheckOptions = {}): Promise<Problem[]> {
  // A config no build can make current is refused as the build refuses it.
  refuseGalleryIds(config);
  const dir = config.outDir;
  const context = await keyContext(config.png, options.date ?? buildDate());
  const manifest = (await readManifest(dir)) ?? { generator: '', figures: [], salvaged: [] };
  const entries = new Map(manifest.figures.map((f) => [f.id, f]));
  const pending = await readFile(join(dir, PENDING), 'utf8').then(
    (t) => JSON.parse(t) as { id?: string },
    () => undefined,
  );
  const problems: Problem[] = [];
  const state = (file: { name: string; bytes: number; sha256: string }) => fileState(dir, file);
  for (const figure of config.figures) {
    const entry = entries.get(figure.id);
    const found: Problem[] = [];
    for await (const problem of figureProblems(dir, figure, config.formats, entry, fileKeys(figure, context)))
      found.push(problem);
    const names = new Set(figureFiles(figure, config.formats).map((f) => f.name));
    for (const file of entry?.files ?? []) {
      if (!names.has(file.name) && (await state(file)) !== 'missing')
        found.push({ kind: 'orphaned', file: file.name, why: `the config no longer asks for this format` });
    }
    if (pending?.id === figure.id && found.some((p) => p.kind === 'modified')) {
      for (const p of found)
        if (p.kind === 'modified')
          Object.assign(p, {
            kind: 'torn',
            why: `figure "${figure.id}" was being written when a build stopped: some of its files are new, some old`,
          });
    }
    problems.push(...found);
  }
  // The gallery is a function of the figures' entries: current when its files are the ones recorded.
  const pages = config.figures.some(hasPage) || hasPages(manifest.figures);
  problems.push(...(await siteProblems(dir, manifest.site, config.gallery, pages)));
  const ids = new Set(config.figures.map((f) => f.id));
  const label = configLabel(config);
  for (const entry of manifest.figures) {
    if (ids.has(entry.id) || (entry.config !== label && entry.config !== '')) continue;
    for (const file of entry.files) {
      if ((await state(file)) !== 'missing')
        problems.push({ kind: 'orphaned', file: file.name, why: `figure "${entry.id}" is no longer in the config` });
    }
  }
  await saveHashes();
  if (options.render) problems.push(...(await compareRendered(config, manifest, context, problems, options.jobs)));
  return problems;
}

/**
 * `check --render`: every figure of the config made again in memory (in a pool of render processes),
 * each file compared with the bytes on disk (hashed here, not taken from the manifest); then the gallery
 * made again from the manifest with this config's entries as the render gives them (title, alt text,
 * size, kind, caption), compared with its files on disk. Files already reported are not reported twice.
 */
async function compareRendered(
  config: Config,
  manifest: Manifest,
  context: KeyContext,
  reported: Problem[],
  jobs: number | undefined,
): Promise<Problem[]> {
  const dir = config.outDir;
  const named = new Set(reported.map((p) => p.file));
  const found: Problem[] = [];
  const add = (problem: Problem) => {
    if (named.has(problem.file)) return;
    named.add(problem.file);
    found.push(problem);
  };
  const made = await remake(config.figures, config, context, jobs);
  const now = new Map<string, ManifestFigure>();
  for (const [i, figure] of config.figures.entries()) {
    const result = made[i];
    if (result instanceof Error) {
      // Named on its last file: with a problem already there, the reason is added to it.
      const { name } = figureFiles(figure, config.formats).at(-1)!;
      const why = `figure "${figure.id}" cannot be made now: ${result.message}`;
      const there = reported.find((p) => p.file === name);
      if (there) there.why += `; ${why}`;
      else add({ kind: 'stale', file: name, why });
      continue;
    }
    for (const file of result.files) {
      const data = await readFile(join(dir, file.name)).catch(() => undefined);
      if (data === undefined) add({ kind: 'missing', file: file.name, why: 'not on disk' });
      else if (sha256(data) !== file.sha256) add({ kind: 'modified', file: file.name, why: DIFFERS });
    }
    const entry = manifest.figures.find((e) => e.id === figure.id);
    if (!entry) continue;
    now.set(figure.id, manifestEntry(figure, entry.config, result, entry, entry.files));
  }
  const figures = manifest.figures.map((e) => now.get(e.id) ?? e);
  const { siteContents } = await import('../site/contents.ts');
  const pages = await siteContents({ generator: '', figures }, dir, config.gallery);
  for (const [name, text] of Object.entries(pages)) {
    const data = await readFile(join(dir, name)).catch(() => undefined);
    if (data === undefined) add({ kind: 'missing', file: name, why: 'the gallery has not been built' });
    else if (sha256(data) !== sha256(text)) add({ kind: 'modified', file: name, why: DIFFERS });
  }
  return found;
}

/** Each figure's files made again without writing them (hashes only); a figure that fails gives its error. */
async function remake(
  figures: readonly Figure[],
  config: Config,
  context: KeyContext,
  jobs: number | undefined,
): Promise<(FigureResult | Error)[]> {
  if (figures.length === 0) return [];
  const runner = await runnerFor(figures, jobs);
  try {
    return await Promise.all(
      figures.map((figure) =>
        runner
          .run({ figure, formats: config.formats, png: context.png, date: context.date })
          .catch((error: unknown) => (error instanceof Error ? error : new Error(messageOf(error)))),
      ),
    );
  } finally {
    await runner.close();
  }
}

/** An error's message; one from a render process arrives as a plain object with the error's fields. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
