// What every figure's spec starts with: the schema, its alt text, the figure's title and the theme.
import { packageVersion } from '../versions.ts';
import type { FigureBase } from './model.ts';
import { type Colors, vegaLiteConfig } from './theme.ts';

export const SCHEMA_URL = `https://vega.github.io/schema/vega-lite/v${packageVersion('vega-lite').split('.')[0]}.json`;
export const DATASET = 'table';

export type Spec = Record<string, unknown> & { datasets: { [DATASET]: object[] }; description: string };

/** The spec's top: schema, description (the user's, else the generated alt text), title, padding, config. */
export function specHead(figure: FigureBase, c: Colors, description: string) {
  const fs = figure.fontScale;
  return {
    $schema: SCHEMA_URL,
    description: figure.description ?? description,
    // The figure's title is larger than its panels' and set apart from them.
    ...(figure.title !== undefined && {
      title: { text: figure.title, fontSize: Math.round(16 * fs * 10) / 10, offset: Math.round(10 * fs) },
    }),
    padding: 12,
    config: vegaLiteConfig(c, fs, figure.lineWidth),
  };
}
