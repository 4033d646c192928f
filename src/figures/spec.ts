// What every figure's spec starts with: the schema, its alt text, the figure's title and the theme.
import { packageVersion } from '../versions.ts';
import type { FigureBase } from './model.ts';
import { titleText } from './place.ts';
import { type Colors, vegaLiteConfig } from './theme.ts';

export const SCHEMA_URL = `https://vega.github.io/schema/vega-lite/v${packageVersion('vega-lite').split('.')[0]}.json`;
export const DATASET = 'table';
/** The room around a figure on every side, in CSS pixels, unless fitted to a size (build/fit.ts). */
export const PADDING = 12;

export type Spec = Record<string, unknown> & { datasets: { [DATASET]: object[] }; description: string };

/** The spec's top: schema, description (the user's, else the generated alt text), title, padding, config. */
/** The head's fields, typed here so that the published types name no vega-lite module. */
export interface SpecHead {
  $schema: string;
  description: string;
  title?: { text: string | string[]; fontSize: number; offset: number };
  padding: number | { top: number; bottom: number; left: number; right: number };
  config: object;
}

export function specHead(figure: FigureBase, c: Colors, description: string): SpecHead {
  const fs = figure.fontScale;
  return {
    $schema: SCHEMA_URL,
    description: figure.description ?? description,
    // The figure's title is larger than its panels' and set apart from them.
    ...(figure.title !== undefined && {
      title: {
        // A figure of a fixed size wraps a title wider than itself onto more lines.
        text: figure.size ? titleText(figure.title, 16 * fs, figure.size[0] - 24) : figure.title,
        fontSize: Math.round(16 * fs * 10) / 10,
        offset: Math.round(10 * fs),
      },
    }),
    padding: figure.padding ?? PADDING,
    config: vegaLiteConfig(c, fs, figure.lineWidth, figure.font?.family),
  };
}
