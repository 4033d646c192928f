// The tool's local caches (normalized configs, file hashes, typeset formulas, V8 code): where they live and
// how they are read and written. A cache is never required: a missing, unreadable or unwritable one costs
// time, not correctness.
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { writeAtomic } from './files.ts';

const uid = process.getuid?.();

/** The fallback in the shared temporary folder: one of this user's own, made readable by no one else. */
export const TEMP_CACHE = join(tmpdir(), `activation-figures-cache${uid === undefined ? '' : `-${uid}`}`);

/**
 * Where the tool may keep caches for work done near `path`: node_modules/.cache/activation-figures in
 * the nearest folder above it that has node_modules, else TEMP_CACHE.
 */
export function cacheDir(path: string): string {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules/.cache/activation-figures');
    if (dirname(dir) === dir) return TEMP_CACHE;
  }
}

/** Whether a cache folder may be trusted: in the shared temporary folder, only one that is this user's alone. */
export function trustedCacheDir(dir: string): boolean {
  if (uid === undefined || dir !== TEMP_CACHE) return true;
  try {
    const info = statSync(dir);
    return info.uid === uid && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Makes a cache folder (TEMP_CACHE for this user alone). */
export const makeCacheDir = (dir: string) => mkdir(dir, { recursive: true, mode: dir === TEMP_CACHE ? 0o700 : 0o777 });

/** A cache file's JSON value, or undefined when it is missing, untrusted or not JSON. */
export async function readCache(file: string): Promise<unknown> {
  if (!trustedCacheDir(dirname(file))) return undefined;
  return readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
}

/** Writes a cache file's JSON value atomically; every failure is ignored. */
export async function writeCache(file: string, value: unknown): Promise<void> {
  await makeCacheDir(dirname(file))
    .then(() => writeAtomic(file, JSON.stringify(value)))
    .catch(() => {});
}
