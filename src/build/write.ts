// Stage 4 of a build for one figure: its temporary files renamed into place, and its manifest entry.
import { readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { discard, writeAtomic } from '../output/files.ts';
import { rememberHash } from '../output/hashes.ts';
import { figureFiles } from '../output/layout.ts';
import { PENDING } from '../output/names.ts';
import { fileState, type ManifestFile } from '../output/manifest.ts';
import { manifestEntry } from './entry.ts';
import type { OutputFolder } from './folder.ts';
import type { FigureResult } from './job.ts';
import type { Planned } from './plan.ts';

/**
 * Renames a rendered figure's temporary files into place (a file whose bytes are already there is left
 * alone) and records them; returns how many files were written. While the renames run, a journal
 * (PENDING) names the new files, so that a build killed between two renames leaves a figure that
 * `check` can name as torn and the next build heals.
 */
export async function writeFigure(dir: string, folder: OutputFolder, p: Planned, made: FigureResult): Promise<number> {
  const old = folder.entries.get(p.figure.id);
  const expected = figureFiles(p.figure, p.allowed);
  const keep = new Set(expected.map((f) => f.name));
  const records = new Map<string, ManifestFile>();
  for (const file of old?.files ?? []) if (keep.has(file.name)) records.set(file.name, file);
  const changed = [];
  try {
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
      await journal(dir, p.figure.id, changed);
      for (const file of changed) {
        await rename(file.temp!, join(dir, file.name));
        await rememberHash(join(dir, file.name), file.sha256);
      }
    }
  } catch (error) {
    await discard(made.files.map((f) => f.temp));
    throw error;
  }
  for (const file of old?.files ?? []) if (!keep.has(file.name)) await unlink(join(dir, file.name)).catch(() => {});
  const files = expected.map((f) => records.get(f.name)).filter((f): f is ManifestFile => f !== undefined);
  folder.entries.set(p.figure.id, manifestEntry(p.figure, folder.label, made, old, files));
  return changed.length;
}

/**
 * Names files about to be written in the journal (PENDING), which the next build takes as ours and `check`
 * as torn when `id`'s figure is half written. Names a journal left by a write whose manifest could not be
 * saved (a full disk) are kept: until a manifest is saved after it, those files are recorded nowhere else.
 */
export async function journal(
  dir: string,
  id: string | undefined,
  files: readonly { name: string; sha256: string }[],
): Promise<void> {
  const path = join(dir, PENDING);
  const left = await readFile(path, 'utf8').then(
    (t) => (JSON.parse(t) as { files?: { name?: unknown; sha256?: unknown }[] }).files ?? [],
    () => [],
  );
  const names = new Set(files.map((f) => f.name));
  const kept = (Array.isArray(left) ? left : []).filter(
    (f) => typeof f?.name === 'string' && typeof f.sha256 === 'string' && !names.has(f.name),
  );
  const listed = [...kept, ...files.map((f) => ({ name: f.name, sha256: f.sha256 }))];
  await writeAtomic(path, JSON.stringify({ ...(id !== undefined && { id }), files: listed }));
}
