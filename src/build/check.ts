import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/model.ts';
import { fileKeys, keyContext } from '../output/content-key.ts';
import { outputFiles, PENDING } from '../output/layout.ts';
import { saveHashes } from '../output/hashes.ts';
import { fileState, type ManifestFile, readManifest } from '../output/manifest.ts';
import { buildDate } from './date.ts';
import { configLabel } from './folder.ts';

export interface Problem {
  kind: 'stale' | 'missing' | 'modified' | 'orphaned' | 'torn';
  file: string;
  why: string;
}

export interface CheckOptions {
  /** PDF date; defaults to SOURCE_DATE_EPOCH, else the fixed date. */
  date?: Date;
}

/**
 * What a build of this config would change in the output folder now, decided from content keys and
 * file hashes alone: nothing is rendered and nothing is written. Only this config's figures are
 * judged (a shared folder holds other configs' figures too), and the gallery. Empty: the folder is current.
 */
export async function check(config: Config, options: CheckOptions = {}): Promise<Problem[]> {
  const dir = config.outDir;
  const context = await keyContext(config.png, options.date ?? buildDate());
  const manifest = (await readManifest(dir)) ?? { generator: '', figures: [] };
  const entries = new Map(manifest.figures.map((f) => [f.id, f]));
  const pending = await readFile(join(dir, PENDING), 'utf8').then(
    (t) => JSON.parse(t) as { id?: string },
    () => undefined,
  );
  const problems: Problem[] = [];
  const state = (file: ManifestFile) => fileState(dir, file);
  for (const figure of config.figures) {
    const entry = entries.get(figure.id);
    const expected = outputFiles(figure.id, config.formats);
    if (!entry) {
      for (const { name } of expected)
        problems.push({ kind: 'missing', file: name, why: `figure "${figure.id}" has not been built` });
      continue;
    }
    const keys = fileKeys(figure, context);
    const found: Problem[] = [];
    for (const { name, role } of expected) {
      const record = entry.files.find((f) => f.name === name);
      if (!record) found.push({ kind: 'missing', file: name, why: `figure "${figure.id}" has no ${role} file yet` });
      else if (record.key !== keys[role])
        found.push({ kind: 'stale', file: name, why: `figure "${figure.id}" changed (config, tool or renderer)` });
      else {
        const s = await state(record);
        if (s !== 'intact')
          found.push({
            kind: s,
            file: name,
            why: s === 'missing' ? 'listed in the manifest, not on disk' : 'its bytes differ from what the build wrote',
          });
      }
    }
    const names = new Set(expected.map((f) => f.name));
    for (const file of entry.files) {
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
  if (!manifest.site) {
    problems.push({ kind: 'missing', file: 'index.html', why: 'the gallery has not been built' });
  } else {
    for (const file of manifest.site.files) {
      const s = await state(file);
      if (s !== 'intact')
        problems.push({
          kind: s,
          file: file.name,
          why: s === 'missing' ? 'listed in the manifest, not on disk' : 'its bytes differ from what the build wrote',
        });
    }
  }
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
  return problems;
}
