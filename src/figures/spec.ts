import type { Figure } from '../config/model.ts';
import { useFormulas } from '../math/formula/register.ts';
import { packageVersion } from '../versions.ts';
import { activationsBody } from './panels.ts';
import { depthBody, simulateFigure } from './depth.ts';
import { describeActivations, describeDepth, describeOverlay } from './describe.ts';
import { overlayBody } from './overlay.ts';
import { colors, vegaLiteConfig } from './theme.ts';

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
  if (figure.kind === 'derivatives-overlay') {
    const { layer, rows, sampled } = overlayBody(figure, c);
    return {
      ...head(describeOverlay(figure, sampled)),
      width: figure.width,
      height: figure.height,
      layer,
      datasets: { [DATASET]: rows },
    };
  }
  if (figure.kind === 'vanishing-gradient-depth') {
    const series = simulateFigure(figure);
    const { layer, rows } = depthBody(figure, series, c);
    return {
      ...head(describeDepth(figure, series)),
      width: figure.width,
      height: figure.height,
      layer,
      datasets: { [DATASET]: rows },
    };
  }
  const { rows, panels, ...layout } = activationsBody(figure, c);
  return { ...head(describeActivations(figure, panels)), ...layout, datasets: { [DATASET]: rows } };
}
