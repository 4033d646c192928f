// The normalized config of an unchanged config, from a local cache: a no-op build or a check then
// loads neither zod nor the normalizer. Keyed by the config's value (after it ran), its path, and the
// tool's own validating code (its version and the size and time of its compiled files), so that any
// change to either normalizes afresh. A missing or unwritable cache costs time, not correctness.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, readCache, writeCache } from '../output/cache-dir.ts';
import { stableStringify } from '../output/content-key.ts';
import { toolVersion } from '../versions.ts';
import { type Config, NORMALIZED } from './model.ts';

let codeSignature: string | undefined;

/** The validating code's identity: every compiled file of config/ and math/, by size and time. */
function signature(): string {
  if (codeSignature) return codeSignature;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const parts = [toolVersion];
  for (const folder of ['config', 'math', 'math/activations']) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      const info = statSync(join(root, folder, name));
      if (info.isFile()) parts.push(`${folder}/${name}:${info.size}:${info.mtimeMs}`);
    }
  }
  return (codeSignature = parts.join('\n'));
}

function keyOf(input: unknown, path: string): string | undefined {
  try {
    return createHash('sha256')
      .update(stableStringify({ input, path, code: signature() }))
      .digest('hex');
  } catch {
    return undefined;
  }
}

const fileOf = (path: string, key: string) => join(cacheDir(dirname(path)), `config-${key.slice(0, 32)}.json`);

export async function cachedConfig(input: unknown, path: string): Promise<Config | undefined> {
  const key = keyOf(input, path);
  if (!key) return undefined;
  const saved = (await readCache(fileOf(path, key))) as { key?: string; config?: Omit<Config, typeof NORMALIZED> };
  return saved?.key === key && saved.config ? { ...saved.config, [NORMALIZED]: true } : undefined;
}

export async function saveConfig(input: unknown, path: string, config: Config): Promise<void> {
  const key = keyOf(input, path);
  if (!key) return;
  await writeCache(fileOf(path, key), { key, config });
}
