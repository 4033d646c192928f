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
  let written = 0;
  for (const [name, data] of Object.entries(pages)) {
    const old = await readFile(join(config.outDir, name)).catch(() => undefined);
    const record = fileRecord(name, data);
    if (!old?.equals(typeof data === 'string' ? Buffer.from(data) : data)) {
      await writeAtomic(join(config.outDir, name), data);
      await rememberHash(join(config.outDir, name), record.sha256);
      written++;
    }
    files.push(record);
  }
  folder.site = { files };
  return written;
}
