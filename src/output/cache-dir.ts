import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the tool may keep caches for work done near `path`: node_modules/.cache/activation-figures in
 * the nearest folder above it that has node_modules, else the system's temporary folder. A cache is
 * never required: a missing or unwritable one costs time, not correctness.
 */
export function cacheDir(path: string): string {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules/.cache/activation-figures');
    if (dirname(dir) === dir) return join(tmpdir(), 'activation-figures-cache');
  }
}
