// A figure's manifest entry: made here only, by the build when it writes a figure and by `check
// --render` when it makes the gallery again from what the render gives now.
import type { Figure } from '../config/model.ts';
import type { ManifestFigure, ManifestFile } from '../output/manifest.ts';
import type { FigureResult } from './job.ts';

/**
 * The entry of `figure`, made by the config labelled `label`, from what its render gave: its size is
 * the old entry's when no image was made now (a build of no image format).
 */
export function manifestEntry(
  figure: Figure,
  label: string,
  made: Omit<FigureResult, 'files'>,
  old: ManifestFigure | undefined,
  files: ManifestFile[],
): ManifestFigure {
  const size =
    made.width !== undefined
      ? { width: made.width, height: made.height }
      : old?.width !== undefined
        ? { width: old.width, height: old.height }
        : {};
  return {
    id: figure.id,
    config: label,
    kind: figure.kind,
    title: made.title,
    alt: made.alt,
    ...(figure.caption !== undefined && { caption: figure.caption }),
    ...size,
    ...(made.activations && { activations: made.activations }),
    files,
  } as ManifestFigure;
}
