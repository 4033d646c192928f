import { buildDate } from './build.ts';
import type { Config } from './config.ts';
import { contentKey, keyContext } from './content-key.ts';
import { fileState, readManifest, type ManifestFile } from './manifest.ts';

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
  const context = keyContext(config.formats, config.png, date);
  const manifest = await readManifest(dir);
  const entries = new Map(manifest.figures.map((f) => [f.id, f]));
  const problems: Problem[] = [];
  // Files the manifest records: each must be on disk with the bytes the build wrote.
  const recorded = async (files: ManifestFile[]) => {
    for (const file of files) {
      const state = await fileState(dir, file);
      if (state === 'missing') problems.push({ kind: 'missing', file: file.name, why: 'listed in the manifest, not on disk' });
      if (state === 'modified') problems.push({ kind: 'modified', file: file.name, why: 'its bytes differ from what the build wrote' });
    }
  };
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
    await recorded(entry.files);
  }
  // The gallery is a function of the figures' entries (whose keys cover their configs): it is current
  // when its files are the ones the manifest recorded.
  if (!manifest.site) {
    problems.push({ kind: 'missing', file: 'index.html', why: 'the gallery has not been built' });
  } else {
    await recorded(manifest.site.files);
  }
  const ids = new Set(config.figures.map((f) => f.id));
  for (const entry of manifest.figures) {
    if (ids.has(entry.id)) continue;
    for (const file of entry.files) {
      if ((await fileState(dir, file)) !== 'missing') problems.push({ kind: 'orphaned', file: file.name, why: `figure "${entry.id}" is no longer in the config` });
    }
  }
  return problems;
}
