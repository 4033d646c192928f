// A local record of the output files already hashed, keyed by what stat says of them (size, mtime,
// ctime, inode), as git's index does: a no-op build or check then reads no file whose stat is
// unchanged. Kept outside the output folder (see cacheDir) and never committed; losing it costs time.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { cacheDir, readCache, writeCache } from './cache-dir.ts';

type Entry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, sha256: string];

interface Folder {
  file: string;
  entries: Record<string, Entry>;
  changed: boolean;
}

const folders = new Map<string, Promise<Folder>>();

function open(dir: string): Promise<Folder> {
  const key = resolve(dir);
  const known = folders.get(key);
  if (known) return known;
  const file = join(cacheDir(key), `hashes-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.json`);
  const folder: Promise<Folder> = readCache(file).then((entries) => ({
    file,
    entries: entries && typeof entries === 'object' ? (entries as Record<string, Entry>) : {},
    changed: false,
  }));
  folders.set(key, folder);
  return folder;
}

const same = (e: Entry | undefined, info: Stats) =>
  Array.isArray(e) && e[0] === info.size && e[1] === info.mtimeMs && e[2] === info.ctimeMs && e[3] === info.ino;

/** The sha256 of a file, from the record when its stat is unchanged, else from its bytes. */
export async function hashOf(path: string, info: Stats): Promise<string | undefined> {
  const folder = await open(dirname(path));
  const name = basename(path);
  const known = folder.entries[name];
  if (same(known, info)) return known[4];
  const data = await readFile(path).catch(() => undefined);
  if (!data) return undefined;
  const sha = createHash('sha256').update(data).digest('hex');
  record(folder, name, info, sha);
  return sha;
}

function record(folder: Folder, name: string, info: Stats, sha256: string): void {
  folder.entries[name] = [info.size, info.mtimeMs, info.ctimeMs, info.ino, sha256];
  folder.changed = true;
}

/**
 * Records the sha256 of a file just written (the build knows it), so that the next build or check
 * need not read it back. A file that cannot be stat'ed is simply not recorded.
 */
export async function rememberHash(path: string, sha256: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return;
  record(await open(dirname(path)), basename(path), info, sha256);
}

/** Saves the records that changed; failures are ignored. */
export async function saveHashes(): Promise<void> {
  for (const pending of folders.values()) {
    const folder = await pending;
    if (!folder.changed) continue;
    folder.changed = false;
    await writeCache(folder.file, folder.entries);
  }
}
