// Stage 5 of a build: the folder's own files (the gallery, the scripts interactive pages load), a
// function of the manifest: every figure of the folder, whichever config made it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/model.ts';
import { writeAtomic } from '../output/files.ts';
import { rememberHash } from '../output/hashes.ts';
import { hasPages } from '../output/layout.ts';
import { fileRecord, type ManifestFile } from '../output/manifest.ts';
import { type OutputFolder, orderEntries } from './folder.ts';
import { siteProblems } from './freshness.ts';
import { journal } from './write.ts';

/** Whether any figure of the folder has an interactive page. */
export const pagesIn = (folder: OutputFolder): boolean => hasPages(folder.entries.values());

/** Whether the folder's own files are the ones recorded, and all that it needs. */
export async function siteIntact(config: Config, folder: OutputFolder): Promise<boolean> {
  return (await siteProblems(config.outDir, folder.site, config.gallery, pagesIn(folder))).length === 0;
}

/** Writes the folder's own files whose bytes changed and records them all; returns how many were written. */
export async function writeSite(config: Config, folder: OutputFolder): Promise<number> {
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
  const changed: ManifestFile[] = [];
  for (const [name, data] of Object.entries(pages)) {
    const old = await readFile(join(config.outDir, name)).catch(() => undefined);
    const record = fileRecord(name, data);
    if (!old?.equals(typeof data === 'string' ? Buffer.from(data) : data)) changed.push(record);
    files.push(record);
  }
  // The journal names them first: a write that fails part way (a full disk) leaves files the next build
  // knows as its own, even when the manifest cannot be saved either.
  if (changed.length) await journal(config.outDir, undefined, changed);
  // Meanwhile the record is what is on disk: the new record of each file written, the old one of the rest.
  const records = new Map((folder.site?.files ?? []).map((f) => [f.name, f]));
  for (const record of changed) {
    await writeAtomic(join(config.outDir, record.name), pages[record.name]);
    await rememberHash(join(config.outDir, record.name), record.sha256);
    records.set(record.name, record);
    folder.site = { files: [...records.values()] };
  }
  folder.site = { files };
  return changed.length;
}
