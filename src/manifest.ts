import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './files.ts';

export const MANIFEST = 'manifest.json';

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface ManifestFigure {
  id: string;
  title: string;
  alt: string;
  /** Hash of everything that decides the figure's bytes; see contentKey. */
  key: string;
  /** The image's size in CSS pixels, for <img width height> in the gallery. */
  width?: number;
  height?: number;
  files: ManifestFile[];
}

export interface Manifest {
  generator: string;
  figures: ManifestFigure[];
  /** The gallery's files (index.html, gallery.css). */
  site?: { files: ManifestFile[] };
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** JSON with sorted keys: the same value always gives the same text, whatever order it was built in. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** A file name the manifest may name: one entry of the output folder, nothing above or beside it. */
export function safeName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && !name.includes('..');
}

/** The manifest in `dir`, or an empty one when there is none or it cannot be read (the next build rewrites it). */
export async function readManifest(dir: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
    if (!Array.isArray(data.figures)) throw new Error('no figures');
    // Keep only well-formed entries, whose file names stay inside the folder.
    const figures = data.figures.filter((f) => typeof f?.id === 'string' && Array.isArray(f.files) && f.files.every((file) => safeName(file?.name)));
    const site = Array.isArray(data.site?.files) && data.site.files.every((f) => safeName(f?.name)) ? { files: data.site.files } : undefined;
    return { generator: String(data.generator ?? ''), figures, ...(site && { site }) };
  } catch {
    return { generator: '', figures: [] };
  }
}

export const fileRecord = (name: string, data: string | Uint8Array): ManifestFile => ({
  name, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length, sha256: sha256(data),
});

/** Whether a recorded file is in `dir` with the bytes the build wrote. */
export async function fileState(dir: string, file: ManifestFile): Promise<'intact' | 'missing' | 'modified'> {
  const data = await readFile(join(dir, file.name)).catch(() => undefined);
  if (!data) return 'missing';
  return data.length === file.bytes && sha256(data) === file.sha256 ? 'intact' : 'modified';
}

export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeAtomic(join(dir, MANIFEST), manifestText(manifest));
}
