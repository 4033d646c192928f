import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure, Format } from './config.ts';
import { FONT_FILES } from './fonts.mjs';
import { sha256, stableStringify } from './manifest.ts';
import { packageVersion, toolVersion } from './versions.ts';

export interface PngOptions {
  scale: number;
  compression: number;
  filter: 'none' | 'sub' | 'up' | 'avg' | 'paeth';
}

/** What every figure of a build shares: tool and renderer versions, the font, the output options. */
export interface KeyContext {
  tool: { version: string; source: string };
  packages: Record<string, string>;
  font: string;
  formats: Format[];
  png: PngOptions;
  date: string;
}

let sourceHash: string | undefined;

/**
 * A hash of the tool's own source files. The version alone would miss a change to the code that
 * draws figures between releases, and CI must then see the committed figures as stale.
 */
function toolSource(): string {
  if (sourceHash) return sourceHash;
  const root = fileURLToPath(new URL('.', import.meta.url));
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ts|mts|mjs)$/.test(f)).sort();
  const hash = files.map((f) => `${f}\0${sha256(readFileSync(join(root, f)))}`).join('\n');
  return (sourceHash = sha256(hash));
}

export function keyContext(formats: Format[], png: PngOptions, date: Date): KeyContext {
  return {
    tool: { version: toolVersion, source: toolSource() },
    packages: Object.fromEntries(['vega', 'vega-lite', 'canvas', 'dejavu-fonts-ttf', 'katex'].map((name) => [name, packageVersion(name)])),
    font: sha256(FONT_FILES.map((f) => sha256(readFileSync(f))).join('')),
    formats,
    png,
    date: date.toISOString(),
  };
}

/** The figure's content key: a hash of its normalized config and everything else that decides its bytes. */
export function contentKey(figure: Figure, context: KeyContext): string {
  return sha256(stableStringify({ figure, context }));
}
