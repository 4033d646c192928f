// One figure's files, made from its normalized config: the spec and CSV (pure), then the images (the
// renderer). Runs in a render process of the pool, or in the build's own process for small builds.
import { join } from 'node:path';
import type { Figure } from '../config/model.ts';
import { figureTitle } from '../config/model.ts';
import { buildSpec } from '../figures/spec.ts';
import type { Format, PngOptions } from '../formats.ts';
import { sha256 } from '../output/content-key.ts';
import { discard, imageSize, stringifySpec, toCsv, writeTemp } from '../output/files.ts';
import { type FileRole, outputFiles } from '../output/layout.ts';

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
  width?: number;
  height?: number;
  files: MadeFile[];
}

export async function runJob(job: FigureJob): Promise<FigureResult> {
  const { figure } = job;
  const spec = buildSpec(figure);
  const title = figureTitle(figure);
  const data: Partial<Record<FileRole, Uint8Array>> = {
    spec: Buffer.from(stringifySpec(spec)),
    csv: Buffer.from(toCsv(spec.datasets.table)),
  };
  let size: { width: number; height: number } | undefined;
  if (job.formats.length) {
    const { render } = await import('../render/render.ts');
    const rendered = await render(spec, {
      formats: job.formats,
      scale: job.png.scale,
      pngCompression: job.png.compression,
      pngFilter: job.png.filter,
      date: new Date(job.date),
      title,
      id: figure.id,
    });
    Object.assign(data, rendered);
    size = imageSize(rendered.svg, rendered.png, job.png.scale);
  }
  const files: MadeFile[] = [];
  try {
    for (const { name, role } of outputFiles(figure.id, job.formats)) {
      const bytes = data[role]!;
      const temp = job.dir === undefined ? undefined : await writeTemp(join(job.dir, name), bytes);
      files.push({ name, role, bytes: bytes.length, sha256: sha256(bytes), ...(temp && { temp }) });
    }
  } catch (error) {
    await discard(files.map((f) => f.temp));
    throw error;
  }
  return { title, alt: spec.description, ...size, files };
}
