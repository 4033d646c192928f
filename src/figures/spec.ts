import { packageVersion } from '../versions.ts';
import type { Figure, Panel } from '../config.ts';
import { sampleFigure, type PanelData, type Row, type Split } from './data.ts';
import { describeFigure } from './describe.ts';
import { colors, vegaLiteConfig, type Colors } from './theme.ts';

export const SCHEMA_URL = `https://vega.github.io/schema/vega-lite/v${packageVersion('vega-lite').split('.')[0]}.json`;
export const DATASET = 'table';

export type Spec = Record<string, unknown> & { datasets: { [DATASET]: Row[] }; description: string };

/**
 * A figure as a self-contained Vega-Lite spec: the sampled table in `datasets.table`
 * (one row per point: {activation, z, y, dy}), one panel per activation, which filters that table,
 * folds y and dy into a solid and a dashed line, and breaks each line where it jumps.
 */
export function buildSpec(figure: Figure): Spec {
  const { rows, panels } = sampleFigure(figure);
  const c = colors(figure.theme, figure.palette);
  const description = figure.description ?? describeFigure(figure, panels);
  return {
    $schema: SCHEMA_URL,
    description,
    ...(figure.title !== undefined && { title: { text: figure.title, fontSize: 16 } }),
    padding: 12,
    config: vegaLiteConfig(c),
    hconcat: figure.panels.map((panel, i) => panelSpec(figure, panel, panels[i], i, c)),
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    datasets: { [DATASET]: rows },
  };
}

function panelSpec(figure: Figure, panel: Panel, data: PanelData, index: number, c: Colors) {
  const { activation: labelA, derivative: labelD } = panel.labels;
  const labels = panel.derivative ? [labelA, labelD] : [labelA];
  const colorA = panel.color ?? c.activation[index % c.activation.length];
  const legend = figure.legend ? { title: null, orient: 'top-left' } : null;
  const x = {
    field: 'z', type: 'quantitative', title: figure.xTitle,
    scale: { domain: data.zRange, nice: false },
  };
  const y = {
    field: 'value', type: 'quantitative', title: figure.yTitle,
    scale: panel.yDomain ? { domain: panel.yDomain, zero: false } : { zero: false },
  };
  const color = { field: 'label', type: 'nominal', scale: { domain: labels, range: [colorA, c.derivative].slice(0, labels.length) } };
  const lines = {
    transform: [
      { filter: { field: 'activation', equal: data.key } },
      { fold: panel.derivative ? ['y', 'dy'] : ['y'], as: ['series', 'value'] },
      { calculate: `datum.series === 'y' ? ${JSON.stringify(labelA)} : ${JSON.stringify(labelD)}`, as: 'label' },
      { calculate: `datum.series === 'y' ? ${segment(data.splits.y)} : ${segment(data.splits.dy)}`, as: 'segment' },
    ],
    mark: { type: 'line', strokeWidth: 2, clip: true },
    encoding: {
      x, y,
      color: { ...color, legend },
      strokeDash: { field: 'label', type: 'nominal', scale: { domain: labels, range: [[1, 0], [6, 4]].slice(0, labels.length) }, legend },
      detail: { field: 'segment', type: 'quantitative' },
      order: { field: 'z', type: 'quantitative' },
    },
  };
  const layer: object[] = [lines];
  // Jump ends: a filled dot at the value, an open one at the other limit. Colours are given directly
  // through fill/stroke with scale: null, so these layers share no scale or legend with the lines
  // (a color channel here, even unscaled, stops vega-lite merging the colour and dash legends).
  const seriesColor = { y: colorA, dy: c.derivative };
  const markers = data.markers.map((m) => ({ z: m.z, value: m.value, color: seriesColor[m.series], open: m.open }));
  for (const open of [false, true]) {
    const values = markers.filter((m) => m.open === open);
    if (values.length === 0) continue;
    layer.push({
      data: { values },
      mark: open
        ? { type: 'point', filled: false, fill: c.background, strokeWidth: 1.5, size: 40, opacity: 1, clip: true }
        : { type: 'point', filled: true, size: 40, opacity: 1, clip: true },
      encoding: {
        x: { field: 'z', type: 'quantitative' },
        y: { field: 'value', type: 'quantitative' },
        [open ? 'stroke' : 'fill']: { field: 'color', type: 'nominal', scale: null },
      },
    });
  }
  return { title: panel.title, width: figure.width, height: figure.height, data: { name: DATASET }, layer };
}

/** A Vega expression numbering the pieces of a line between its jumps. */
function segment(splits: Split[]): string {
  if (splits.length === 0) return '0';
  return splits.map((s) => `(datum.z ${s.side === 'left' ? '>' : '>='} ${s.z} ? 1 : 0)`).join(' + ');
}
