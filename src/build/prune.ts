// Stage 2 of a build: the figures this config made before and no longer has, and the formats a current
// figure no longer has, lose exactly the files the manifest lists for them (other configs' figures in a
// shared folder are never touched).
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/model.ts';
import { figureFiles } from '../output/layout.ts';
import { isMine, type OutputFolder } from './folder.ts';
import type { Planned } from './plan.ts';

/** Removes (or, without `prune`, keeps) each figure this config made before and no longer has. */
export async function pruneFigures(
  config: Config,
  folder: OutputFolder,
  prune: boolean,
  report: (what: 'removed' | 'kept', id: string) => void,
): Promise<void> {
  const ids = new Set(config.figures.map((f) => f.id));
  for (const entry of [...folder.entries.values()]) {
    if (!isMine(folder, entry) || ids.has(entry.id)) continue;
    if (!prune) {
      report('kept', entry.id);
      continue;
    }
    for (const file of entry.files)
      if (!folder.claimedElsewhere(file.name, entry.id)) await unlink(join(config.outDir, file.name)).catch(() => {});
    folder.entries.delete(entry.id);
    report('removed', entry.id);
  }
}

/** A current figure whose config no longer lists a format: that format's file is ours to remove. */
export async function dropFormats(dir: string, folder: OutputFolder, p: Planned): Promise<boolean> {
  const entry = folder.entries.get(p.figure.id);
  if (!entry) return false;
  const keep = new Set(figureFiles(p.figure, p.allowed).map((f) => f.name));
  const dropped = entry.files.filter((f) => !keep.has(f.name));
  if (dropped.length === 0) return false;
  for (const file of dropped) await unlink(join(dir, file.name)).catch(() => {});
  folder.entries.set(entry.id, { ...entry, files: entry.files.filter((f) => keep.has(f.name)) });
  return true;
}
