// A config's own fonts (`font: { file }`), read where the config is loaded: each file must be there and
// be a font; its family is read from it (the name the spec gives vega and canvas registers it under),
// and its hash goes into the figure's content key (the path does not: keys are the same on every machine).
// Not part of normalize.ts, which runs in the browser too. fontkit loads only for a config that names a font.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config, Figure } from './model.ts';
import { UserError } from '../errors.ts';
import type { FontFace } from '../font.ts';

const read = new Map<string, { family: string; sha256: string }>();

/** Reads every figure's font files (once per process), filling in family and hashes; a bad one is a UserError. */
export async function resolveFonts(config: Config): Promise<void> {
  const figures = config.figures.filter((f) => f.font);
  if (figures.length === 0) return;
  const fontkit = await import('fontkit');
  for (const [i, figure] of config.figures.entries()) {
    const font = figure.font;
    if (!font) continue;
    const faces = font.files.map((file) => {
      let face = read.get(file);
      if (!face) {
        const at = `${config.file}: ${font.top ? '' : `figures[${i}].`}font.file`;
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          throw new UserError(`${at}: cannot read ${file}${code === 'ENOENT' ? ': no such file' : ` (${code})`}`);
        }
        let family: string;
        try {
          const parsed = fontkit.create(bytes);
          family = ('fonts' in parsed ? parsed.fonts[0] : parsed).familyName;
        } catch {
          throw new UserError(`${at}: ${file} is not a font file fontkit can read (TrueType or OpenType)`);
        }
        face = { family, sha256: createHash('sha256').update(bytes).digest('hex') };
        read.set(file, face);
      }
      return face;
    });
    font.family = faces[0].family;
    font.sha256 = faces.map((f) => f.sha256);
  }
}

/** The faces to register: each figure font's regular file, and its bold (the regular again when none is given). */
export function fontFaces(figures: readonly Figure[]): FontFace[] {
  const faces = new Map<string, FontFace>();
  for (const { font } of figures) {
    if (!font?.family) continue;
    const [regular, bold = regular] = font.files;
    for (const face of [
      { file: regular, family: font.family, weight: 'normal' as const },
      { file: bold, family: font.family, weight: 'bold' as const },
    ])
      faces.set(`${face.family}:${face.weight}`, face);
  }
  return [...faces.values()];
}
