import type { Figure } from '../config/model.ts';
import { useFormulas } from '../math/formula/register.ts';
import { packageVersion } from '../versions.ts';
import { kindOf } from './kinds/registry.ts';
import { colors, vegaLiteConfig } from './theme.ts';
import type { TopLevelSpec } from './vl.ts';

export const SCHEMA_URL = `https://vega.github.io/schema/vega-lite/v${packageVersion('vega-lite').split('.')[0]}.json`;
export const DATASET = 'table';

export type Spec = Record<string, unknown> & { datasets: { [DATASET]: object[] }; description: string };

/**
 * A figure as a self-contained Vega-Lite spec. Its sampled table is `datasets.table`: rows of
 * {activation, z, y, dy} for activation and overlay figures, {activation, depth, gradient} for depth
 * figures. Everything else (jump markers, saturated regions, peak labels, bounds) is inline data of
 * its own layer, so the table stays exactly the data contract.
 */
export function buildSpec(figure: Figure): Spec {
  // A figure carries the formulas it draws, so it can be drawn in any process (a render worker too).
  useFormulas(figure.formulas);
  const c = colors(figure.theme, figure.palette, figure.background);
  const fs = figure.fontScale;
  const head = (description: string) => ({
    $schema: SCHEMA_URL,
    description: figure.description ?? description,
    // The figure's title is larger than its panels' and set apart from them.
    ...(figure.title !== undefined && {
      title: { text: figure.title, fontSize: Math.round(16 * fs * 10) / 10, offset: Math.round(10 * fs) },
    }),
    padding: 12,
    config: vegaLiteConfig(c, fs, figure.lineWidth),
  });
  const { body, rows, description } = kindOf(figure.kind).draw(figure, c);
  // Checked against vega-lite's own types; ajv checks the written JSON against its schema in the tests.
  const spec = { ...head(description), ...body, datasets: { [DATASET]: rows } } satisfies TopLevelSpec;
  return spec;
}
