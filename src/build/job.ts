// One figure's files, made from its normalized config: the spec and CSV (pure), then the images (the
// renderer). Runs in a render process of the pool, or in the build's own process for small builds.
import { join } from 'node:path';
import type { Figure } from '../config/model.ts';
import { kindOf } from '../kinds/registry.ts';
import { buildSpec } from '../kinds/spec.ts';
import { specForRender } from '../kinds/spec.ts';
import { fitFigure } from './fit.ts';
import type { Format, PngOptions } from '../formats.ts';
import { sha256 } from '../output/content-key.ts';
import type { ActivationRow } from '../output/manifest.ts';
import { resolveRef } from '../math/params.ts';
import { csvChunks, discard, imageSize, specChunks, writeChunks, writeTemp } from '../output/files.ts';
import { type FileRole, hasPage, outputFiles } from '../output/layout.ts';

export interface FigureJob {
  figure: Figure;
  /** The images to render; the spec and CSV are always made. */
  formats: Format[];
  png: PngOptions;
  /** The PDF date, ISO. */
  date: string;
  /** Where to write the files, as temporary files the build renames into place; none: hashes only. */
  dir?: string;
}

export interface MadeFile {
  name: string;
  role: FileRole;
  bytes: number;
  sha256: string;
  /** The temporary file holding the bytes, in the job's `dir`. */
  temp?: string;
}

export interface FigureResult {
  title: string;
  alt: string;
  /** The formula activations it draws, for the gallery (compiled here, so the gallery needs no mathjs). */
  activations?: ActivationRow[];
  width?: number;
  height?: number;
  files: MadeFile[];
}

export async function runJob(given: FigureJob): Promise<FigureResult> {
  // A figure of a fixed size is first fitted to it (its panel size and margins): the renderer measures.
  const figure = await fitFigure(given.figure, given.png.scale);
  const job = { ...given, figure };
  const title = kindOf(figure.kind).title(figure);
  const files: MadeFile[] = [];
  try {
    const { alt, drawn } = await writeData(job, files);
    let size: { width: number; height: number } | undefined;
    if (job.formats.length) {
      const { render } = await import('../render/render.ts');
      const rendered = await render(drawn, {
        formats: job.formats,
        scale: job.png.scale,
        pngCompression: job.png.compression,
        pngFilter: job.png.filter,
        date: new Date(job.date),
        title,
        id: figure.id,
        ...(figure.svgText && { svgText: figure.svgText }),
      });
      size = imageSize(rendered.svg, rendered.png, job.png.scale);
      for (const { name, role } of outputFiles(figure.id, job.formats)) {
        const bytes = rendered[role as Format];
        if (!bytes) continue;
        const temp = job.dir === undefined ? undefined : await writeTemp(join(job.dir, name), bytes);
        files.push({ name, role, bytes: bytes.length, sha256: sha256(bytes), ...(temp && { temp }) });
      }
    }
    return { title, alt, ...activationRows(figure), ...size, files };
  } catch (error) {
    await discard(files.map((f) => f.temp));
    throw error;
  }
}

/**
 * The spec and CSV with every row, written piece by piece (a million rows never become one string),
 * and the spec to draw, whose table holds only the rows that decide its pixels (figures/thin.ts). A
 * function of its own so that the whole table is not kept alive across the render's awaits.
 */
async function writeData(
  job: FigureJob,
  files: MadeFile[],
): Promise<{ alt: string; drawn: object & { description?: string } }> {
  const spec = buildSpec(job.figure);
  const path = (name: string) => (job.dir === undefined ? undefined : join(job.dir, name));
  for (const { name, role } of outputFiles(job.figure.id, [], hasPage(job.figure))) {
    const chunks =
      role === 'spec'
        ? specChunks(spec)
        : role === 'csv'
          ? csvChunks(spec.datasets.table)
          : [await interactivePageOf(job.figure)];
    files.push({ name, role, ...(await writeChunks(path(name), chunks)) });
  }
  return { alt: spec.description, drawn: specForRender(job.figure, spec, job.png.scale) };
}

/** The figure's interactive page: its config and controls, drawn in the browser by the library's own code. */
async function interactivePageOf(figure: Figure): Promise<string> {
  const { interactivePage } = await import('../interactive/page.ts');
  return interactivePage(figure, kindOf(figure.kind).title(figure));
}

/** The property-table rows of the formula activations a figure draws (registered by buildSpec). */
function activationRows(figure: Figure): { activations?: ActivationRow[] } {
  const names = Object.keys(figure.formulas ?? {});
  if (names.length === 0) return {};
  const activations = names.map((name) => {
    const a = resolveRef(name).activation;
    const defaults = Object.fromEntries(Object.entries(a.params).map(([k, spec]) => [k, spec.default]));
    return { name, displayName: a.displayName, latex: { ...a.latex }, properties: a.properties(defaults) };
  });
  return { activations };
}
