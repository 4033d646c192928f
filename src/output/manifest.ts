// figures/manifest.json: what the build wrote, file by file, with content keys and hashes.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import type { Properties } from '../math/activations/types.ts';

/** A formula activation's row of the gallery's property table, made where the figure was drawn. */
export interface ActivationRow {
  name: string;
  displayName: string;
  latex: { f: string; df: string };
  /** With its default parameters. */
  properties: Properties;
}
import { safeName } from '../text.ts';
import { sha256 } from './content-key.ts';
import { writeAtomic } from './files.ts';
import { hashOf } from './hashes.ts';
import { MANIFEST } from './names.ts';

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
  /** The content key the file was made from (absent for the gallery's files). */
  key?: string;
}

export interface ManifestFigure {
  id: string;
  /** The config that made it: its path relative to the output folder ("" for a config given in code). */
  config: string;
  kind: string;
  title: string;
  alt: string;
  caption?: string;
  /** The image's size in CSS pixels, for <img width height> in the gallery. */
  width?: number;
  height?: number;
  /** The formula activations the figure draws, as the gallery's property table shows them. */
  activations?: ActivationRow[];
  files: ManifestFile[];
}

export interface Manifest {
  generator: string;
  figures: ManifestFigure[];
  /** The gallery's files (index.html, gallery.css). */
  site?: { files: ManifestFile[] };
}

export const GENERATOR = 'activation-figures';
/** A manifest larger than this is not one a build wrote (a thousand figures take about a megabyte). */
const MAX_MANIFEST_BYTES = 64 * 2 ** 20;

const isFile = (f: unknown): f is ManifestFile => {
  const r = f as ManifestFile;
  return (
    Boolean(r) &&
    safeName(r.name) &&
    Number.isSafeInteger(r.bytes) &&
    r.bytes >= 0 &&
    typeof r.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(r.sha256) &&
    (r.key === undefined || typeof r.key === 'string')
  );
};
const finiteSize = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 100_000 ? Math.round(v) : undefined;

/**
 * The manifest in `dir`: undefined when there is none; an empty one when it is unreadable or not
 * well-formed (the next build rewrites it). Entries are checked field by field, since a manifest
 * may have been edited by hand: ids and file names must be safe names, sizes sane numbers.
 */
/** An entry's formula activation rows as a build wrote them: identifiers, with text and numbers. */
function rowsOf(v: unknown): ActivationRow[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const ok = v.every(
    (r) =>
      r &&
      typeof r === 'object' &&
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(r.name)) &&
      typeof r.displayName === 'string' &&
      typeof r.latex?.f === 'string' &&
      typeof r.latex?.df === 'string' &&
      r.properties &&
      typeof r.properties === 'object',
  );
  return ok ? (v as ActivationRow[]) : undefined;
}

/** A manifest as read: with the safe file names of the entries it had to drop (see `salvage`). */
export interface ReadManifest extends Manifest {
  /**
   * The safe file names listed by an entry (or a site record) that was not well-formed and so was dropped:
   * still this tool's files, which the next build may overwrite, so that one bad entry does not turn its
   * files into strangers that make every later build refuse.
   */
  salvaged: string[];
}

/** The safe names in a dropped entry's file list (an unsafe one, such as "../x", is never ours to touch). */
const salvage = (files: unknown): string[] =>
  Array.isArray(files) ? files.map((x) => (x as { name?: unknown })?.name).filter((n) => safeName(n)) : [];

export async function readManifest(dir: string): Promise<ReadManifest | undefined> {
  const path = join(dir, MANIFEST);
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  if (info.size > MAX_MANIFEST_BYTES)
    throw new UserError(
      `${path}: ${Math.round(info.size / 2 ** 20)} MB is not a manifest this tool wrote; move it away`,
    );
  let data: Partial<Manifest>;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as Partial<Manifest>;
  } catch {
    return { generator: '', figures: [], salvaged: [] };
  }
  if (!data || typeof data !== 'object' || !Array.isArray(data.figures))
    return { generator: String(data?.generator ?? ''), figures: [], salvaged: [] };
  const figures: ManifestFigure[] = [];
  const salvaged: string[] = [];
  for (const f of data.figures) {
    if (!f || !safeName(f.id) || !Array.isArray(f.files) || !f.files.every(isFile)) {
      salvaged.push(...salvage(f?.files));
      continue;
    }
    figures.push({
      id: f.id,
      config: typeof f.config === 'string' ? f.config : '',
      kind: typeof f.kind === 'string' ? f.kind : '',
      title: String(f.title ?? f.id),
      alt: String(f.alt ?? ''),
      ...(typeof f.caption === 'string' && { caption: f.caption }),
      ...(finiteSize(f.width) && finiteSize(f.height) && { width: finiteSize(f.width), height: finiteSize(f.height) }),
      ...(rowsOf(f.activations) && { activations: rowsOf(f.activations) }),
      files: f.files.map((x) => ({
        name: x.name,
        bytes: x.bytes,
        sha256: x.sha256,
        ...(x.key !== undefined && { key: x.key }),
      })),
    });
  }
  const site =
    Array.isArray(data.site?.files) && data.site.files.every(isFile) ? { files: data.site.files } : undefined;
  if (!site) salvaged.push(...salvage(data.site?.files));
  return { generator: String(data.generator ?? ''), figures, ...(site && { site }), salvaged };
}

/** Whether a manifest was written by this tool (a folder's own manifest.json is not ours to replace). */
export const isOurs = (m: Manifest) => m.generator.startsWith(GENERATOR);

export const fileRecord = (name: string, data: string | Uint8Array, key?: string): ManifestFile => ({
  name,
  bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length,
  sha256: sha256(data),
  ...(key !== undefined && { key }),
});

/** Whether a recorded file is in `dir` with the bytes the build wrote. */
export async function fileState(
  dir: string,
  file: Pick<ManifestFile, 'name' | 'bytes' | 'sha256'>,
): Promise<'intact' | 'missing' | 'modified'> {
  const path = join(dir, file.name);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return 'missing';
  if (info.size !== file.bytes) return 'modified';
  const sha = await hashOf(path, info);
  if (sha === undefined) return 'missing';
  return sha === file.sha256 ? 'intact' : 'modified';
}

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Saves the manifest after each figure, one save at a time and in order (renders finish concurrently),
 * and only when its text changed: the text of the last save is kept in memory, not read back.
 */
export class ManifestWriter {
  private last: string | undefined;
  private queue: Promise<void> = Promise.resolve();

  /** `text`: the manifest file's text as the build found it, so that an unchanged manifest is not rewritten. */
  constructor(
    private readonly dir: string,
    text: string | undefined,
  ) {
    this.last = text;
  }

  save(manifest: Manifest): Promise<void> {
    const text = manifestText(manifest);
    // A save that failed (a full disk) does not stop the next one from trying.
    this.queue = this.queue
      .catch(() => {})
      .then(async () => {
        if (text === this.last) return;
        await writeAtomic(join(this.dir, MANIFEST), text);
        this.last = text;
      });
    return this.queue;
  }
}
