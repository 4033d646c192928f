import type { OverlayFigure } from '../config/model.ts';
import { append, RowKeys, sampleActivation, type Row } from './data.ts';
import { short } from '../text.ts';
import { jumpLayers, segment } from './layers.ts';
import type { Colors } from './theme.ts';

/**
 * The derivatives of several activations on one set of axes: one line per activation (broken at its
 * jumps), each derivative's largest value marked and labelled (sigmoid's 0.25 at z = 0, tanh's 1).
 */
export function overlayBody(figure: OverlayFigure, c: Colors) {
  const keys = overlayKeys(figure);
  const rows: Row[] = [];
  const sampled = figure.series.map((s, i) => {
    const { key, isNew } = keys[i];
    const d = sampleActivation(s.activation, s.params, figure.grid, { kinks: true, key, y: false, dy: true });
    if (isNew) append(rows, d.rows);
    return d;
  });
  const labels = figure.series.map((s) => `${s.label}'(z)`);
  const colors = figure.series.map((_, i) => c.series[i % c.series.length]);
  const byKey = (values: string[]) =>
    sampled.reduceRight((rest, d, i) => `datum.activation === ${JSON.stringify(d.key)} ? ${values[i]} : ${rest}`, '0');
  const [lo, hi] = sampled[0].zRange;
  const lines = {
    data: { name: 'table' },
    transform: [
      { calculate: byKey(labels.map((l) => JSON.stringify(l))), as: 'label' },
      { calculate: byKey(sampled.map((d) => segment(d.splits.dy))), as: 'segment' },
    ],
    mark: { type: 'line', strokeWidth: 2, clip: true },
    encoding: {
      x: { field: 'z', type: 'quantitative', title: figure.xTitle, scale: { domain: [lo, hi], nice: false } },
      // Headroom above the highest peak for its label.
      y: {
        field: 'dy',
        type: 'quantitative',
        title: figure.yTitle,
        scale: {
          domain: figure.yDomain ?? dyDomain(rows),
        },
      },
      color: {
        field: 'label',
        type: 'nominal',
        scale: { domain: labels, range: colors },
        legend: figure.legend ? { title: null, orient: 'top-left' } : null,
      },
      detail: { field: 'segment', type: 'quantitative' },
      order: { field: 'z', type: 'quantitative' },
    },
  };
  const markers = sampled.flatMap((d, i) => d.markers.map((m) => ({ ...m, color: colors[i] })));
  return {
    layer: [lines, ...jumpLayers(markers, c), ...(figure.labelPeaks ? peakLayers(figure, sampled, colors, c) : [])],
    rows,
    sampled,
  };
}

/** The `activation` value of each series' rows, and whether the series is the first with those rows. */
export function overlayKeys(figure: OverlayFigure): { key: string; isNew: boolean }[] {
  const keys = new RowKeys();
  return figure.series.map((s) => keys.key(s.activation, s.params, figure.grid));
}

/**
 * [min(0, smallest dy), 1.15 × largest dy], in a loop: Math.min(...values) passes every value as an
 * argument and overflows the stack on a large grid. Math.min/max per value keep their NaN and -0 rules.
 */
function dyDomain(rows: readonly Row[]): [number, number] {
  let lo = 0;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    lo = Math.min(lo, r.dy);
    hi = Math.max(hi, r.dy);
  }
  return [lo, 1.15 * hi];
}

/**
 * A dot on each derivative's largest value and a label beside it, joined by a dotted leader.
 * Labels alternate right and left of their peaks so that peaks at the same z do not collide.
 */
function peakLayers(
  figure: OverlayFigure,
  sampled: ReturnType<typeof sampleActivation>[],
  colors: string[],
  c: Colors,
): object[] {
  const [lo, hi] = sampled[0].zRange;
  const offset = 0.12 * (hi - lo);
  let side = 1;
  const peaks = sampled.flatMap((d, i) => {
    const s = figure.series[i];
    const { value, at } = d.activation.properties(d.params).maxAbsDerivative;
    const peak = d.activation.df(typeof at === 'number' ? at : 0, d.params);
    if (typeof at === 'number') {
      if (at < lo || at > hi) return [];
      const textAt = at + side * offset;
      const align = side > 0 ? 'left' : 'right';
      side = -side;
      return [
        {
          z: at,
          value: peak,
          textZ: textAt,
          align,
          color: colors[i],
          text: `max ${s.label}' = ${short(value, 4)} at z = ${short(at, 4)}`,
          dot: true,
        },
      ];
    }
    // A plateau (relu' = 1 for z > 0): label the line itself, towards the right of the plot.
    const z = lo + 0.7 * (hi - lo);
    return [
      {
        z,
        value: d.activation.df(z, d.params),
        textZ: z,
        align: 'center',
        color: colors[i],
        text: `${s.label}' = ${short(value, 4)} for ${at}`,
        dot: false,
      },
    ];
  });
  const x = (field: string) => ({ field, type: 'quantitative' });
  return [
    {
      data: {
        values: peaks.filter((p) => p.dot).map((p) => ({ z: p.z, z2: p.textZ, value: p.value, color: p.color })),
      },
      mark: { type: 'rule', strokeDash: [2, 2], strokeWidth: 1 },
      encoding: {
        x: x('z'),
        x2: { field: 'z2' },
        y: x('value'),
        stroke: { field: 'color', type: 'nominal', scale: null },
      },
    },
    {
      data: { values: peaks.filter((p) => p.dot).map((p) => ({ z: p.z, value: p.value, color: p.color })) },
      mark: { type: 'point', filled: true, size: 50, opacity: 1 },
      encoding: { x: x('z'), y: x('value'), fill: { field: 'color', type: 'nominal', scale: null } },
    },
    ...['left', 'right', 'center']
      .map((align) => ({
        data: {
          values: peaks.filter((p) => p.align === align).map((p) => ({ z: p.textZ, value: p.value, text: p.text })),
        },
        mark: {
          type: 'text',
          align,
          baseline: 'bottom',
          dx: align === 'left' ? 3 : align === 'right' ? -3 : 0,
          dy: -4,
          fontSize: 11,
          color: c.text,
        },
        encoding: { x: x('z'), y: x('value'), text: { field: 'text' } },
      }))
      .filter((layer) => layer.data.values.length > 0),
  ];
}
