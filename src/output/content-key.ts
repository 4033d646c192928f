// Content keys: a hash of exactly what decides a file's bytes. Not the tool's source: a refactor that
// changes no byte of output must leave every committed figure current in every course repository.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { CJK_FONTS, FONT_FILES, NEEDS_FALLBACK } from '../font.ts';
import { FORMATS, type Format, formatRecord, type ImageOptions, type PngOptions } from '../formats.ts';
import { packageVersion } from '../versions.ts';
import { hashOf } from './hashes.ts';
import type { FileRole } from './layout.ts';

/**
 * The version of what the tool draws. Bump it in the same commit as any change that alters an output
 * byte; test/output/output-version.test.ts fails when output changes and this did not.
 */
// 2: grids of more than 10,000 points per activation are drawn from thinned rows (figures/thin.ts).
// 3: depth figures give GELU, SiLU, Mish, ELU and CELU He initialisation and SELU LeCun's (was Xavier).
// 4: depth figures label their log axis as powers of ten (10⁻⁵) and typeset the bound 0.25ᵈ⁻¹ clear of lines.
// 5: one composition model (series, sweeps, f''), headroom, nice ticks, placed labels, legends clear of markers.
// 6: axis titles 13 px (slide titles at least 9 pt).
// 7: an interactive page per figure (<id>.html) with vega, vega-lite and vega-embed beside it.
// 8: the depth figure's log axis leaves headroom above and below its lines.
// 9: hardswish' at ±3 as PyTorch 2.x; hardsigmoid as PyTorch computes it; saturation labels with ≤ and ≥;
//    the depth figure's dashed line is "f′ factor alone"; PDF pages in points (0.75 pt per CSS pixel); jump
//    markers: open circles beneath and larger, none with kinks: false; legend titles scale with the text;
//    at least three x ticks; fixed sizes (`size`, presets) fitted exactly.
// 10: opaque PNGs as RGB, row filter none by default (png-encode.ts); no ARIA description per data item in SVG.
// 11: images drawn from the rows their lines need (figures/simplify.ts): SVG paths a third to a half shorter.
// 12: a yDomain the user gives labels its ends, and a curve along an end is drawn whole (figures/axes.ts).
// 13: SVG text drawn as glyph outlines (fontkit, kerning applied, each glyph once in <defs>), its words in
//     aria-label; generated labels with primes (f′, Tanh′(z)) and true minus signs (z ≤ −4.585).
// 14: the f/f′/f″ legend of a panel of several series with true primes, as every other generated label.
// 15: opaque PNGs drawn on an RGB canvas and written by node-canvas (libpng): the same pixels, other bytes.
// 16: an activation keeps its colour across the build (figures/hues.ts, the config's `hues`).
export const OUTPUT_VERSION = 16;

/** The renderer packages whose versions are part of every key. */
export const RENDER_PACKAGES = ['vega', 'vega-lite', 'canvas', 'dejavu-fonts-ttf', 'katex'] as const;

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * The page template's version: raise it when interactive/page.ts changes what a page holds (a page's key
 * has no other part of its code).
 */
export const PAGE_VERSION = 4;

/**
 * The animation's version: raise it when build/motion.ts or build/gif.ts change what a GIF holds (its
 * key has no other part of their code; its frames are drawn as the figure is, under OUTPUT_VERSION).
 */
export const GIF_VERSION = 1;

/** JSON with sorted keys: the same value always gives the same text, whatever order it was built in. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What every figure of a build shares: the image options, and the versions of what draws. */
export interface KeyContext extends ImageOptions {
  output: number;
  packages: Record<string, string>;
  font: string;
  /** The fallback fonts (size and date as the package installed them), for figures whose text needs them. */
  fallback: string;
}

let fontHash: string | undefined;
let packages: Record<string, string> | undefined;
let fallback: string | undefined;

export async function keyContext(png: PngOptions, date: Date): Promise<KeyContext> {
  packages ??= Object.fromEntries(RENDER_PACKAGES.map((name) => [name, packageVersion(name)]));
  // The font files' hashes come from the stat-keyed record when they are unchanged (1.4 MB not reread).
  fontHash ??= sha256((await Promise.all(FONT_FILES.map(async (f) => hashOf(f, await stat(f))))).join(''));
  // A stat, not a hash: Noto CJK is 40 MB, and a Debian package installs its files with its own dates.
  fallback ??= (
    await Promise.all(
      Object.values(CJK_FONTS).map(async ({ file }) => {
        const s = await stat(file).catch(() => undefined);
        return s ? `${s.size}:${Math.trunc(s.mtimeMs / 1000)}` : 'none';
      }),
    )
  ).join(',');
  return {
    output: OUTPUT_VERSION,
    packages,
    font: fontHash,
    fallback,
    png: { scale: png.scale, compression: png.compression, filter: png.filter },
    date: date.toISOString(),
  };
}

/**
 * The keys of one figure's files (`figure`: its normalized config). The spec, the CSV and a kind's data
 * files depend on the figure alone; each image on the figure and what its format's record says decides
 * its bytes (PNG its scale and encoding, PDF its date), so that narrowing a build to one format leaves the
 * others current.
 */
/** Each file role's key; an animation's GIF has one only in a figure that animates. */
export type FileKeys = Record<Exclude<FileRole, 'gif' | 'mp4'>, string> & { gif?: string; mp4?: string };

export function fileKeys(figure: { source?: unknown; animate?: unknown }, context: KeyContext): FileKeys {
  // A figure's source decides its page alone: the images are drawn from the normalized figure.
  const { source, ...rest } = figure as {
    source?: unknown;
    animate?: unknown;
    font?: { family?: string; sha256?: string[] };
  };
  // A font by its family and bytes, not its path: the same key on every machine.
  const drawn = rest.font ? { ...rest, font: { family: rest.font.family, sha256: rest.font.sha256 } } : rest;
  const base = {
    figure: drawn,
    output: context.output,
    packages: context.packages,
    font: context.font,
    // Only a figure with text DejaVu cannot draw depends on the fallback fonts (and is stale without them).
    ...(NEEDS_FALLBACK.test(stableStringify(drawn)) && { fallback: context.fallback }),
  };
  const key = (extra: object) => sha256(stableStringify({ ...base, ...extra }));
  const data = key({ role: 'data' });
  const images = FORMATS.map((format) => [format, key({ role: format, ...formatRecord(format).key(context) })]);
  return {
    spec: data,
    csv: data,
    data,
    html: key({ role: 'html', source, page: PAGE_VERSION }),
    ...(Object.fromEntries(images) as Record<Format, string>),
    // An animation's GIF is drawn at one pixel per CSS pixel and encoded by gifenc (only its figures ask).
    ...(drawn.animate !== undefined && {
      gif: key({ role: 'gif', gif: GIF_VERSION, gifenc: packageVersion('gifenc') }),
    }),
    // Its MP4 is made by the ffmpeg on PATH at build time, whose version is not read (check needs no ffmpeg).
    ...((drawn.animate as { mp4?: boolean } | undefined)?.mp4 && {
      mp4: key({ role: 'mp4', gif: GIF_VERSION, mp4: 1 }),
    }),
  };
}
