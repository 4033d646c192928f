import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildDate, pngOptions } from './build.ts';
import type { Config } from './config.ts';
import { contentKey, keyContext } from './content-key.ts';
import { readManifest, sha256 } from './manifest.ts';
import { buildSite } from './site/index.ts';

export interface Problem {
  kind: 'stale' | 'missing' | 'modified' | 'orphaned';
  file: string;
  why: string;
}

/**
 * What a build would change in the output folder now, decided from content keys and file hashes
 * alone: nothing is rendered and nothing is written. An empty list means the folder is current.
 */
export async function check(config: Config, date = buildDate()): Promise<Problem[]> {
  const dir = config.outDir;
  const context = keyContext(config.formats, pngOptions(config), date);
  const manifest = await readManifest(dir);
  const entries = new Map(manifest.figures.map((f) => [f.id, f]));
  const problems: Problem[] = [];
  for (const figure of config.figures) {
    const entry = entries.get(figure.id);
    const expected = [`${figure.id}.vl.json`, `${figure.id}.csv`, ...config.formats.map((f) => `${figure.id}.${f}`)];
    if (!entry) {
      for (const file of expected) problems.push({ kind: 'missing', file, why: `figure "${figure.id}" has not been built` });
      continue;
    }
    if (entry.key !== contentKey(figure, context)) {
      for (const file of expected) problems.push({ kind: 'stale', file, why: `figure "${figure.id}" changed (config, tool or renderer)` });
      continue;
    }
    for (const file of entry.files) {
      const data = await readFile(join(dir, file.name)).catch(() => undefined);
      if (!data) problems.push({ kind: 'missing', file: file.name, why: 'listed in the manifest, not on disk' });
      else if (data.length !== file.bytes || sha256(data) !== file.sha256) problems.push({ kind: 'modified', file: file.name, why: 'its bytes differ from what the build wrote' });
    }
  }
  // The gallery: what is on disk must be what the manifest recorded, and what the manifest now makes.
  if (problems.length === 0) {
    const pages = buildSite({ generator: manifest.generator, figures: config.figures.map((f) => entries.get(f.id)!) }, config, basename(dir));
    for (const [name, text] of Object.entries(pages)) {
      const data = await readFile(join(dir, name)).catch(() => undefined);
      const recorded = manifest.site?.files.find((f) => f.name === name);
      if (!data) problems.push({ kind: 'missing', file: name, why: 'the gallery has not been built' });
      else if (recorded && (recorded.bytes !== data.length || recorded.sha256 !== sha256(data))) problems.push({ kind: 'modified', file: name, why: 'its bytes differ from what the build wrote' });
      else if (data.toString('utf8') !== text) problems.push({ kind: 'stale', file: name, why: 'the gallery does not match the figures' });
    }
  }
  const ids = new Set(config.figures.map((f) => f.id));
  for (const entry of manifest.figures) {
    if (ids.has(entry.id)) continue;
    for (const file of entry.files) {
      const exists = await readFile(join(dir, file.name)).then(() => true, () => false);
      if (exists) problems.push({ kind: 'orphaned', file: file.name, why: `figure "${entry.id}" is no longer in the config` });
    }
  }
  return problems;
}
