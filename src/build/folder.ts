// The output folder as a build finds it: created and locked, its manifest's entries, which config made
// each one, and the rules that keep a build from destroying what is not its own.
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { displayPath } from '../config/load.ts';
import type { Config, Figure } from '../config/model.ts';
import { UserError } from '../errors.ts';
import { FORMATS } from '../formats.ts';
import { TEMP_FILE } from '../output/files.ts';
import { hasPage, motionOf, outputFiles } from '../output/layout.ts';
import { LOCK, MANIFEST, PENDING } from '../output/names.ts';
import { type LockOptions, lockFolder, processAlive } from '../output/lock.ts';
import { isOurs, type ManifestFigure, type ManifestFile, readManifest } from '../output/manifest.ts';
import { siteFiles } from '../site/files.ts';

export interface OutputFolder {
  dir: string;
  /** This config's name in the manifest: its path relative to the folder. */
  label: string;
  /** The manifest's text as found, undefined when there is none. */
  text: string | undefined;
  entries: Map<string, ManifestFigure>;
  site: { files: ManifestFile[] } | undefined;
  /** The config order of this config's figures. */
  order: Map<string, number>;
  /** File names of manifest entries that were dropped as not well-formed: ours still (manifest.ts). */
  salvaged: string[];
  /** Whether another figure's entry lists this file name (a hand-edited manifest may claim a live file). */
  claimedElsewhere(name: string, id: string): boolean;
}

/** How the manifest names a config: its path relative to the output folder, with forward slashes. */
export function configLabel(config: Config): string {
  return config.path === undefined ? '' : relative(config.outDir, config.path).split(sep).join('/');
}

export async function openFolder(config: Config): Promise<OutputFolder> {
  const dir = config.outDir;
  const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined);
  const manifest = await readManifest(dir);
  if (manifest && text !== undefined && !isOurs(manifest)) {
    throw new UserError(
      `${join(dir, MANIFEST)}: this folder has a manifest.json that activation-figures did not write; ` +
        'build into another folder (--out or outDir)',
    );
  }
  const label = configLabel(config);
  const entries = new Map((manifest?.figures ?? []).map((f) => [f.id, f]));
  const order = new Map(config.figures.map((f, i) => [f.id, i]));
  return {
    dir,
    label,
    text,
    entries,
    site: manifest?.site,
    salvaged: manifest?.salvaged ?? [],
    order,
    claimedElsewhere: (name, id) =>
      [...entries.values()].some((e) => e.id !== id && e.files.some((f) => f.name === name)),
  };
}

/**
 * Entries of a manifest that a config may treat as its own: those it made, and those of a manifest that predates
 * config labels.
 */
export const isMine = (folder: OutputFolder, entry: ManifestFigure) =>
  entry.config === folder.label || entry.config === '';

/**
 * Refuses, before anything is created or locked there, an output folder that is a place of its own, and a
 * figure whose page would be the gallery's (id "index" and the gallery index.html): each build would
 * overwrite the other's file and the folder would never be current.
 */
export function refuseFolder(config: Config): void {
  refuseGalleryIds(config);
  const dir = resolve(config.outDir);
  const where = `${config.file}: outDir`;
  if (dir === resolve('/')) throw new UserError(`${where}: refusing to build into the root folder`);
  if (dir === resolve(homedir())) throw new UserError(`${where}: refusing to build into the home folder ${dir}`);
  if (config.path !== undefined && dir === dirname(config.path)) {
    throw new UserError(
      `${where}: refusing to build into the config's own folder; use a folder of its own such as "figures"`,
    );
  }
}

/** A figure whose interactive page has the gallery's file name (on a case-insensitive disk too) is refused. */
export function refuseGalleryIds(config: Config): void {
  if (config.gallery === false) return;
  const gallery = config.gallery.toLowerCase();
  config.figures.forEach((figure, i) => {
    if (hasPage(figure) && `${figure.id}.html`.toLowerCase() === gallery)
      throw new UserError(
        `${config.file}: figures[${i}].id: "${figure.id}" would write ${figure.id}.html, the gallery's page ` +
          `(gallery: '${config.gallery}'); rename the figure, or name the gallery otherwise (gallery: 'figures.html')`,
      );
  });
}

/**
 * Refuses a build that would destroy what is not its own: an output folder that is the root, the home
 * folder or the config's own folder; an id another config made in this folder; a file the build would
 * overwrite that no manifest of ours lists.
 */
export async function checkFolder(config: Config, folder: OutputFolder, figures: Figure[]): Promise<void> {
  const dir = resolve(folder.dir);

  const owners = new Map<string, ManifestFigure>();
  for (const entry of folder.entries.values()) if (!isMine(folder, entry)) owners.set(entry.id.toLowerCase(), entry);
  config.figures.forEach((figure, i) => {
    const other = owners.get(figure.id.toLowerCase());
    if (other)
      throw new UserError(
        `${config.file}: figures[${i}].id: "${figure.id}" is also made by ${displayPath(resolve(dir, other.config))} ` +
          `in ${displayPath(dir)}; ` +
          'ids must be unique in a shared folder',
      );
  });

  const listed = new Set<string>([...folder.entries.values()].flatMap((e) => e.files.map((f) => f.name)));
  for (const f of folder.site?.files ?? []) listed.add(f.name);
  for (const name of folder.salvaged) listed.add(name);
  const pending = await readFile(join(dir, PENDING), 'utf8').then(
    (t) => JSON.parse(t) as { files?: { name?: unknown }[] },
    () => undefined,
  );
  for (const f of pending?.files ?? []) if (typeof f?.name === 'string') listed.add(f.name);
  const figureFiles = figures.flatMap((f) =>
    outputFiles(f.id, FORMATS, true, f.sidecars, motionOf(f)).map((x) => x.name),
  );
  const ours = [...figureFiles, ...siteFiles(config.gallery, config.figures.some(hasPage))];
  for (const name of ours) {
    if (listed.has(name)) continue;
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info) {
      throw new UserError(
        `${join(dir, name)}: exists and was not written by activation-figures; ` +
          'build into another folder (--out or outDir), ' +
          "name the gallery otherwise (gallery: 'figures.html', or false), or move the file away",
      );
    }
  }
}

/**
 * The manifest's figures in a fixed order: by config, then each config's own order, whatever order the builds
 * ran in.
 */
export function orderEntries(folder: OutputFolder): ManifestFigure[] {
  const all = [...folder.entries.values()];
  const index = new Map(all.map((e, i) => [e, i]));
  const label = (e: ManifestFigure) => (isMine(folder, e) ? folder.label : e.config);
  return all.sort((a, b) => {
    const la = label(a);
    const lb = label(b);
    if (la !== lb) return la < lb ? -1 : 1;
    const oa = isMine(folder, a) ? (folder.order.get(a.id) ?? Infinity) : index.get(a)!;
    const ob = isMine(folder, b) ? (folder.order.get(b.id) ?? Infinity) : index.get(b)!;
    return oa - ob || index.get(a)! - index.get(b)!;
  });
}

/** File-system errors that mean the output folder cannot be used, whatever the build does. */
const UNUSABLE = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EEXIST',
  'ENAMETOOLONG',
  'ENOENT',
  'ELOOP',
  'ENOSPC',
  'EDQUOT',
  'EISDIR',
  'EINVAL',
  'ENOSYS',
  'ENOTSUP',
  'EOPNOTSUPP',
]);

/** Creates and locks the output folder; returns the lock's release. An unusable path is one line naming it. */
export async function openOutput(dir: string, lock: LockOptions): Promise<() => Promise<void>> {
  try {
    await makeFolder(dir, 0);
    return await lockFolder(dir, lock);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && UNUSABLE.has(code)) {
      throw new UserError(`${dir}: cannot use as the output folder (${(error as Error).message.split(',')[0]})`);
    }
    throw error;
  }
}

/**
 * mkdir -p with a bound: node's recursive mkdir loops forever under /proc, where creating a folder
 * fails with ENOENT however often its parent is made.
 */
async function makeFolder(dir: string, depth: number): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return;
      throw error;
    }
    if (code !== 'ENOENT' || depth > 64 || dirname(dir) === dir) throw error;
    await makeFolder(dirname(dir), depth + 1);
    await mkdir(dir);
  }
}

/** Temporary files of a build that was killed before its renames: ours, and now garbage. */
export async function removeTemporaryFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const match = TEMP_FILE.exec(name);
    // A lock's temporary file may belong to a build waiting for this lock right now: only a dead one's goes.
    // Any other is a killed build's (its render processes may even outlive it): ours to remove.
    const pid = Number(match?.[1]);
    const waiting = name.startsWith(`${LOCK}.`) && pid !== process.pid && processAlive(pid);
    if (match && !waiting) await unlink(join(dir, name)).catch(() => {});
  }
}
