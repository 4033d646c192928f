import type { ActivationsFigure, Panel } from '../config/model.ts';
import { belowThreshold } from '../math/saturation.ts';
import { sampleFigure, type Sampled } from './data.ts';
import { short } from '../text.ts';
import { jumpLayers, segment } from './layers.ts';
import type { Colors } from './theme.ts';

/** Saturated intervals of a panel: where |f'| < threshold, solved from f', within the panel's range. */
export function saturatedIntervals(panel: Panel, data: Sampled): [number, number][] {
  if (!panel.saturation) return [];
  const { activation, params, zRange } = data;
  return belowThreshold((z) => activation.df(z, params), panel.saturation.threshold, zRange[0], zRange[1]);
}

/**
 * Panels side by side. Each filters the shared table by its activation, folds y and dy into a solid
 * and a dashed line, breaks each line where it jumps, marks the jump's ends, and may shade the
 * saturated regions beneath.
 */
export function activationsBody(figure: ActivationsFigure, c: Colors) {
  const { rows, panels } = sampleFigure(figure);
  return {
    hconcat: figure.panels.map((panel, i) => panelSpec(figure, panel, panels[i], i, c)),
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    rows,
    panels,
  };
}

function panelSpec(figure: ActivationsFigure, panel: Panel, data: Sampled, index: number, c: Colors) {
  const { activation: labelA, derivative: labelD } = panel.labels;
  const labels = panel.derivative ? [labelA, labelD] : [labelA];
  const colorA = panel.color ?? c.activation[index % c.activation.length];
  const legend = figure.legend ? { title: null, orient: 'top-left' } : null;
  const x = { field: 'z', type: 'quantitative', title: figure.xTitle, scale: { domain: data.zRange, nice: false } };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: figure.yTitle,
    scale: panel.yDomain ? { domain: panel.yDomain, zero: false } : { zero: false },
  };
  const color = {
    field: 'label',
    type: 'nominal',
    scale: { domain: labels, range: [colorA, c.derivative].slice(0, labels.length) },
  };
  const lines = {
    transform: [
      { filter: { field: 'activation', equal: data.key } },
      { fold: panel.derivative ? ['y', 'dy'] : ['y'], as: ['series', 'value'] },
      { calculate: `datum.series === 'y' ? ${JSON.stringify(labelA)} : ${JSON.stringify(labelD)}`, as: 'label' },
      { calculate: `datum.series === 'y' ? ${segment(data.splits.y)} : ${segment(data.splits.dy)}`, as: 'segment' },
    ],
    mark: { type: 'line', strokeWidth: 2, clip: true },
    encoding: {
      x,
      y,
      color: { ...color, legend },
      strokeDash: {
        field: 'label',
        type: 'nominal',
        scale: {
          domain: labels,
          range: [
            [1, 0],
            [6, 4],
          ].slice(0, labels.length),
        },
        legend,
      },
      detail: { field: 'segment', type: 'quantitative' },
      order: { field: 'z', type: 'quantitative' },
    },
  };
  const seriesColor = { y: colorA, dy: c.derivative };
  const layer: object[] = [
    ...saturationLayers(panel, data, c, figure.height),
    lines,
    ...jumpLayers(
      data.markers.map((m) => ({ ...m, color: seriesColor[m.series] })),
      c,
    ),
  ];
  return { title: panel.title, width: figure.width, height: figure.height, data: { name: 'table' }, layer };
}

/** Shaded saturated regions with their label and solved boundary, drawn beneath the lines. */
function saturationLayers(panel: Panel, data: Sampled, c: Colors, height: number): object[] {
  const intervals = saturatedIntervals(panel, data);
  if (intervals.length === 0) return [];
  const [lo, hi] = data.zRange;
  const t = short(panel.saturation!.threshold);
  // Labels sit 30% down the plot: below the top-left legend, above the flat tails of f and f'.
  // A region at an edge of the plot is labelled from that edge inwards, so its text stays in the plot.
  const range = (a: number, b: number) =>
    a <= lo ? `z < ${short(b, 4)}` : b >= hi ? `z > ${short(a, 4)}` : `${short(a, 4)} < z < ${short(b, 4)}`;
  const values = intervals.map(([a, b]) => ({
    z0: a,
    z1: b,
    at: a <= lo ? a : b >= hi ? b : (a + b) / 2,
    align: a <= lo ? 'left' : b >= hi ? 'right' : 'center',
    label: `saturated: |f'(z)| < ${t}\n${range(a, b)}`,
  }));
  const text = (align: string) => ({
    data: { values: values.filter((v) => v.align === align) },
    mark: {
      type: 'text',
      align,
      baseline: 'top',
      dx: align === 'left' ? 4 : align === 'right' ? -4 : 0,
      fontSize: 10,
      lineBreak: '\n',
      color: c.text,
    },
    encoding: {
      x: { field: 'at', type: 'quantitative' },
      y: { value: Math.round(0.3 * height) },
      text: { field: 'label' },
    },
  });
  return [
    {
      data: { values: values.map(({ z0, z1 }) => ({ z0, z1 })) },
      mark: { type: 'rect', color: c.shade, opacity: 0.18 },
      encoding: { x: { field: 'z0', type: 'quantitative' }, x2: { field: 'z1' } },
    },
    ...['left', 'right', 'center'].filter((align) => values.some((v) => v.align === align)).map(text),
  ];
}
