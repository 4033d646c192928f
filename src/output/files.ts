import { createHash, randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.ts';

/** A temporary file's name beside `path`: hidden, with the process and a random part, ending in .tmp. */
const tempName = (path: string) =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** A temporary file left by writeTemp or writeAtomic (by a build that was killed before its rename). */
export const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * A file that cannot be written (a full disk, a folder in its place, no permission) as one line naming it
 * and the cause, exit 1: not a bug, and not the user's config either. Another error stays as it is.
 */
export function cannotWrite(path: string, error: unknown): Error {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || typeof message !== 'string') return error as Error;
  // "ENOSPC: no space left on device, write" -> "no space left on device (ENOSPC)"
  const cause = message.replace(/^E[A-Z]+: /, '').replace(/,.*$/s, '');
  return new UserError(`${path}: cannot write: ${cause} (${code})`, 1);
}

/** Writes `data` to a new temporary file beside `path`; returns its path, for a rename later. */
export async function writeTemp(path: string, data: string | Uint8Array): Promise<string> {
  const temp = tempName(path);
  try {
    await writeFile(temp, data, { flag: 'wx' });
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw cannotWrite(path, error);
  }
  return temp;
}

/** Deletes temporary files that will not be renamed into place. */
export async function discard(temps: readonly (string | undefined)[]): Promise<void> {
  await Promise.all(temps.map((temp) => (temp ? unlink(temp).catch(() => {}) : undefined)));
}

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder, which is then
 * renamed over the target. A reader (or an interrupted build) sees the old file or the new one,
 * never a torn one.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(path, data);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw cannotWrite(path, error);
  }
}

/** Rows per piece when a table is written piece by piece: large tables never become one string. */
const BATCH = 4096;

/**
 * JSON with two-space indentation, except that each element of `datasets` arrays sits on one line:
 * the structure reads like a spec, the data diffs row by row, and the bytes depend only on the value.
 * In pieces, for writing; `stringifySpec` joins them.
 */
export function* specChunks(spec: { datasets?: Record<string, unknown[]> }): Generator<string> {
  const { datasets, ...rest } = spec;
  if (!datasets) {
    yield `${JSON.stringify(spec, null, 2)}\n`;
    return;
  }
  const head = JSON.stringify(rest, null, 2);
  yield `${head.slice(0, -2)},\n  "datasets": {\n`;
  let first = true;
  for (const [name, rows] of Object.entries(datasets)) {
    yield `${first ? '' : ',\n'}    ${JSON.stringify(name)}: [\n`;
    first = false;
    for (let i = 0; i < rows.length; i += BATCH) {
      let piece = '';
      for (let j = i; j < Math.min(rows.length, i + BATCH); j++)
        piece += `${j ? ',\n' : ''}      ${JSON.stringify(rows[j])}`;
      yield piece;
    }
    yield '\n    ]';
  }
  yield '\n  }\n}\n';
}

export const stringifySpec = (spec: { datasets?: Record<string, unknown[]> }): string => [...specChunks(spec)].join('');

/** A table as CSV: a header row from the first row's keys, numbers in shortest round-trip form. In pieces. */
export function* csvChunks(rows: readonly object[]): Generator<string> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const cell = (v: unknown) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  yield keys.join(',');
  for (let i = 0; i < rows.length; i += BATCH) {
    let piece = '';
    for (let j = i; j < Math.min(rows.length, i + BATCH); j++) {
      piece += `\n${keys.map((k) => cell((rows[j] as Record<string, unknown>)[k])).join(',')}`;
    }
    yield piece;
  }
  yield '\n';
}

/**
 * Writes pieces of text to a new temporary file beside `path` (or only hashes them when `path` is
 * undefined), hashing as it goes; returns the size, the sha256 and the temporary file.
 */
export async function writeChunks(
  path: string | undefined,
  chunks: Iterable<string>,
): Promise<{ bytes: number; sha256: string; temp?: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const temp = path === undefined ? undefined : tempName(path);
  const handle =
    path === undefined || temp === undefined
      ? undefined
      : await open(temp, 'wx').catch((error: unknown) => Promise.reject(cannotWrite(path, error)));
  try {
    for (const chunk of chunks) {
      const data = Buffer.from(chunk);
      hash.update(data);
      bytes += data.length;
      if (handle) await handle.write(data);
    }
    await handle?.close();
  } catch (error) {
    await handle?.close().catch(() => {});
    if (temp) await unlink(temp).catch(() => {});
    throw path === undefined ? error : cannotWrite(path, error);
  }
  return { bytes, sha256: hash.digest('hex'), ...(temp && { temp }) };
}

/** The CSS-pixel size of a rendered figure, from its SVG's attributes or its PNG's header and scale. */
export function imageSize(
  svg: Uint8Array | undefined,
  png: Uint8Array | undefined,
  scale: number,
): { width: number; height: number } | undefined {
  if (svg) {
    const m = /<svg[^>]*? width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(
      Buffer.from(svg.subarray(0, 2000)).toString('utf8'),
    );
    if (m) return { width: Number(m[1]), height: Number(m[2]) };
  }
  if (png && png.length > 24) {
    const view = Buffer.from(png.buffer, png.byteOffset, png.length);
    return { width: Math.round(view.readUInt32BE(16) / scale), height: Math.round(view.readUInt32BE(20) / scale) };
  }
  return undefined;
}
