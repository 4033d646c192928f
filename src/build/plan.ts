// Stage 1 of a build: which figures must be rendered now, and in which formats.
import type { Config, Figure } from '../config/model.ts';
import { canonicalFormats, type Format } from '../formats.ts';
import { type FileKeys, fileKeys, type KeyContext } from '../output/content-key.ts';
import type { OutputFolder } from './folder.ts';
import { figureCurrent } from './freshness.ts';

/** A figure of the plan: its files' keys, and the image formats that must be rendered now. */
export interface Planned {
  figure: Figure;
  keys: FileKeys;
  /** The formats this build makes for it (the config's, or --formats). */
  formats: Format[];
  /** The formats a file may have and keep: the config's and this build's. */
  allowed: Format[];
  render: boolean;
}

/** A figure is rendered when forced, or when one of its files for `formats` is not current (freshness.ts). */
export async function planFigures(
  config: Config,
  folder: OutputFolder,
  figures: Figure[],
  formats: Format[],
  context: KeyContext,
  force: boolean,
): Promise<Planned[]> {
  const allowed = canonicalFormats([...config.formats, ...formats]);
  const plan: Planned[] = [];
  for (const figure of figures) {
    const entry = folder.entries.get(figure.id);
    const keys = fileKeys(figure, context);
    const render = force || !(await figureCurrent(config.outDir, figure, formats, entry, keys));
    plan.push({ figure, keys, formats, allowed, render });
  }
  return plan;
}
