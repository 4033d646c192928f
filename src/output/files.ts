import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary file's name beside `path`: hidden, with the process and a random part, ending in .tmp. */
const tempName = (path: string) =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** A temporary file left by writeTemp or writeAtomic (by a build that was killed before its rename). */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/** Writes `data` to a new temporary file beside `path`; returns its path, for a rename later. */
export async function writeTemp(path: string, data: string | Uint8Array): Promise<string> {
  const temp = tempName(path);
  try {
    await writeFile(temp, data, { flag: 'wx' });
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
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
    throw error;
  }
}

/**
 * JSON with two-space indentation, except that each element of `datasets` arrays sits on one line:
 * the structure reads like a spec, the data diffs row by row, and the bytes depend only on the value.
 */
export function stringifySpec(spec: { datasets?: Record<string, unknown[]> }): string {
  const { datasets, ...rest } = spec;
  if (!datasets) return JSON.stringify(spec, null, 2) + '\n';
  const names = Object.keys(datasets);
  const body = names
    .map((name) => {
      const rows = datasets[name].map((row) => `      ${JSON.stringify(row)}`).join(',\n');
      return `    ${JSON.stringify(name)}: [\n${rows}\n    ]`;
    })
    .join(',\n');
  const head = JSON.stringify(rest, null, 2);
  return `${head.slice(0, -2)},\n  "datasets": {\n${body}\n  }\n}\n`;
}

/** A table as CSV: a header row from the first row's keys, numbers in shortest round-trip form. */
export function toCsv(rows: readonly object[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]);
  const cell = (v: unknown) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [keys.join(',')];
  for (const row of rows) lines.push(keys.map((k) => cell((row as Record<string, unknown>)[k])).join(','));
  return lines.join('\n') + '\n';
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
