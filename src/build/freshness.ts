// Whether the output folder is what a build would make now, decided from content keys and file hashes
// alone: the one judgement that the build (what to render, whether to write the gallery) and check (what
// to report) both make. Nothing here renders or writes.
import { stat } from 'node:fs/promises';
import type { Figure } from '../config/model.ts';
import { hashOf } from '../output/hashes.ts';
import type { Format } from '../formats.ts';
import type { FileKeys } from '../output/content-key.ts';
import { figureFiles, PAGE_ASSETS } from '../output/layout.ts';
import { fileState, type ManifestFigure, type ManifestFile } from '../output/manifest.ts';
import { siteFiles } from '../site/files.ts';

export interface Problem {
  kind: 'stale' | 'missing' | 'modified' | 'orphaned' | 'torn';
  file: string;
  why: string;
}

const ON_DISK = {
  missing: 'listed in the manifest, not on disk',
  modified: 'its bytes differ from what the build wrote',
} as const;

/** A file whose record the manifest has: its problem when it is not on disk with the bytes recorded. */
async function recordProblem(dir: string, file: ManifestFile): Promise<Problem | undefined> {
  const state = await fileState(dir, file);
  return state === 'intact' ? undefined : { kind: state, file: file.name, why: ON_DISK[state] };
}

/**
 * The problems of a figure's files for these formats, one at a time (a build stops at the first): a file
 * without a record, one recorded from another content key than its current one (`keys`, content-key.ts),
 * one not on disk as recorded.
 */
export async function* figureProblems(
  dir: string,
  figure: Figure,
  formats: readonly Format[],
  entry: ManifestFigure | undefined,
  keys: FileKeys,
): AsyncGenerator<Problem> {
  const expected = figureFiles(figure, formats);
  if (!entry) {
    for (const { name } of expected)
      yield { kind: 'missing', file: name, why: `figure "${figure.id}" has not been built` };
    return;
  }
  for (const { name, role } of expected) {
    const record = entry.files.find((f) => f.name === name);
    if (!record) yield { kind: 'missing', file: name, why: `figure "${figure.id}" has no ${role} file yet` };
    else if (record.key !== keys[role])
      yield { kind: 'stale', file: name, why: `figure "${figure.id}" changed (config, tool or renderer)` };
    else {
      const problem = await recordProblem(dir, record);
      if (problem) yield problem;
    }
  }
}

/** Whether every file a figure has for these formats is recorded with its current key and intact. */
export async function figureCurrent(...args: Parameters<typeof figureProblems>): Promise<boolean> {
  for await (const _ of figureProblems(...args)) return false;
  return true;
}

/**
 * The problems of the folder's own files (the gallery, and the scripts interactive pages load): none is
 * needed when there is no gallery and no page; else each must be recorded, none recorded that is no
 * longer made, and each recorded one intact.
 */
export async function siteProblems(
  dir: string,
  site: { files: ManifestFile[] } | undefined,
  gallery: string | false,
  pages: boolean,
): Promise<Problem[]> {
  if (gallery === false && !pages) return [];
  if (!site)
    return [
      { kind: 'missing', file: gallery === false ? PAGE_ASSETS[0] : gallery, why: 'the gallery has not been built' },
    ];
  const expected = new Set(siteFiles(gallery, pages));
  const problems: Problem[] = [];
  for (const name of expected)
    if (!site.files.some((f) => f.name === name))
      problems.push({ kind: 'missing', file: name, why: 'the gallery has not been built' });
  for (const file of site.files) {
    const problem = await recordProblem(dir, file);
    if (!expected.has(file.name) && problem?.kind !== 'missing')
      problems.push({ kind: 'orphaned', file: file.name, why: 'the gallery no longer has it' });
    else if (problem) problems.push(problem);
  }
  if (pages) problems.push(...(await assetProblems(site.files)));
  return problems;
}

/**
 * The page scripts recorded with other bytes than the tool ships now (an upgrade of the tool, or of
 * vega): the copies in the folder are intact but no longer what a build writes.
 */
async function assetProblems(files: readonly ManifestFile[]): Promise<Problem[]> {
  const { interactiveAssets } = await import('../interactive/assets.ts');
  const problems: Problem[] = [];
  for (const { name, path } of interactiveAssets()) {
    const record = files.find((f) => f.name === name);
    const now = await hashOf(path, await stat(path));
    if (record && now !== record.sha256)
      problems.push({ kind: 'stale', file: name, why: 'the tool ships another version of this page script' });
  }
  return problems;
}
