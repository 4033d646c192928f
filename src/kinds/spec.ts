import type { FigureBase } from '../figures/model.ts';
import { DATASET, type Spec, specHead } from '../figures/spec.ts';
import { colors } from '../figures/theme.ts';
import { thinSpec } from '../figures/thin.ts';
import type { TopLevelSpec } from '../figures/vl.ts';
import { useFormulas } from '../math/formula/register.ts';
import type { Sidecars } from './kind.ts';
import { kindOf } from './registry.ts';

export { DATASET, SCHEMA_URL, type Spec } from '../figures/spec.ts';

/**
 * A figure as a self-contained Vega-Lite spec, drawn by its kind. Its sampled table is `datasets.table`:
 * rows of {activation, z, y, dy} for activation and overlay figures, {activation, depth, gradient} for
 * depth figures, {activation, quantity, step, value} for training figures. Everything else (jump markers,
 * saturated regions, peak labels, bounds) is inline data of its own layer, so the table stays exactly the
 * data contract.
 */
export function buildSpec(figure: FigureBase): Spec {
  return drawFigure(figure).spec;
}

/** The figure's spec and the files its kind writes beside it (kinds/kind.ts's `Sidecars`). */
export function drawFigure(figure: FigureBase): { spec: Spec; sidecars: Sidecars } {
  // A figure carries the formulas it draws, so it can be drawn in any process (a render worker too).
  useFormulas(figure.formulas);
  const c = colors(figure.theme, figure.palette, figure.background);
  const { body, rows, description, sidecars = {} } = kindOf(figure.kind).draw(figure, c);
  // Checked against vega-lite's own types; ajv checks the written JSON against its schema in the tests.
  const spec = { ...specHead(figure, c, description), ...body, datasets: { [DATASET]: rows } } satisfies TopLevelSpec;
  return { spec, sidecars };
}

/** The spec to give the renderer: a large table thinned to what the plot's pixels show (figures/thin.ts). */
export const specForRender = (figure: FigureBase, spec: Spec, scale: number): Spec =>
  thinSpec(kindOf(figure.kind).keyed(figure), figure.width, spec, scale);
