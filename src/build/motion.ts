// The files of a figure that moves, made beside its images (job.ts): a reveal's frames, drawn from the
// fitted figure with only its first series (or panels) shown, and an animation's GIF, each frame the
// figure with the swept parameter at one value and every y axis fixed to the range of all the frames.
import type { Figure } from '../config/model.ts';
import type { Format } from '../formats.ts';
import { kindOf } from '../kinds/registry.ts';
import { buildSpec, specForRender } from '../kinds/spec.ts';
import type { FileRole } from '../output/layout.ts';
import { revealFrames } from '../output/layout.ts';
import type { RenderOptions } from '../render/render.ts';

/** A file to write: its name and role, and its bytes. */
export interface MotionFile {
  name: string;
  role: FileRole;
  bytes: Uint8Array;
}

/**
 * A reveal's frames in every format rendered: frame i drawn with the first i series (or panels), the
 * last one the figure's own bytes (`rendered`), so that it is the figure byte for byte.
 */
export async function revealFiles(
  figure: Figure,
  rendered: Partial<Record<Format, Uint8Array>>,
  options: RenderOptions,
): Promise<MotionFile[]> {
  const reveal = figure.reveal;
  if (!reveal) return [];
  const { render } = await import('../render/render.ts');
  const frames: Partial<Record<Format, Uint8Array>>[] = [];
  for (let shown = 1; shown < reveal.steps; shown++) {
    const frame = { ...figure, frame: { by: reveal.by, shown } } as Figure;
    frames.push(await render(specForRender(frame, buildSpec(frame), options.scale), options));
  }
  frames.push(rendered);
  return options.formats.flatMap((format) =>
    revealFrames(figure.id, format, reveal.steps).map(({ name, role }, i) => ({
      name,
      role,
      bytes: frames[i][format]!,
    })),
  );
}

/**
 * An animation's GIF: its frames laid out as the fitted figure is (its panel size and margins), each
 * plot's y axis fixed to the range it takes over all the frames, drawn at one pixel per CSS pixel.
 * Says on stderr, in one line, what it draws and encodes, as that takes a while.
 */
export async function animationFile(figure: Figure): Promise<MotionFile[]> {
  const animate = figure.animate;
  if (!animate) return [];
  const kind = kindOf(figure.kind);
  const layout = { width: figure.width, height: figure.height, padding: figure.padding };
  const frames = (animate.frames as Figure[]).map((f) => ({ ...f, ...layout }) as Figure);
  const ranges = frames.map((f) => plotYDomains(buildSpec(f)));
  const fixed = ranges[0].map((_, p): [number, number] => [
    Math.min(...ranges.map((r) => r[p][0])),
    Math.max(...ranges.map((r) => r[p][1])),
  ]);
  const { pixelsOf } = await import('../render/pixels.ts');
  const pixels = [];
  const { param, values } = animate;
  const range = `${param} ${values[0]} to ${values.at(-1)}`;
  process.stderr.write(
    `${figure.id}.gif: drawing and encoding ${frames.length} frames (${range}) at ${animate.fps} fps\n`,
  );
  for (const frame of frames) {
    const still = kind.fixAxes!(frame, fixed) as Figure;
    pixels.push(await pixelsOf(specForRender(still, buildSpec(still), 1)));
  }
  const { encodeGif } = await import('./gif.ts');
  const files: MotionFile[] = [{ name: `${figure.id}.gif`, role: 'gif', bytes: await encodeGif(pixels, animate.fps) }];
  if (animate.mp4) {
    const { encodeMp4 } = await import('./mp4.ts');
    files.push({ name: `${figure.id}.mp4`, role: 'mp4', bytes: await encodeMp4(pixels, animate.fps, figure.id) });
  }
  return files;
}

type Node = Record<string, unknown>;

/** Each plot's y range as the spec gives it (the kinds write every domain out), in the spec's order. */
export function plotYDomains(spec: object): [number, number][] {
  const s = spec as Node;
  const plots = ((s.hconcat ?? s.concat ?? [s]) as Node[]).map((plot) => firstDomain(plot));
  return plots.filter((d): d is [number, number] => d !== undefined);
}

function firstDomain(node: Node): [number, number] | undefined {
  const domain = ((node.encoding as Node | undefined)?.y as Node | undefined)?.scale as Node | undefined;
  const d = domain?.domain;
  if (Array.isArray(d) && d.length === 2 && d.every((v) => typeof v === 'number')) return d as [number, number];
  for (const layer of (node.layer as Node[] | undefined) ?? []) {
    const found = firstDomain(layer);
    if (found) return found;
  }
  return undefined;
}
