// A panel's saturated regions: where |f'| is below the threshold, solved from f', shaded beneath the
// lines and labelled with the bounds.
import type { Sampled } from '../../figures/data.ts';
import type { Colors } from '../../figures/theme.ts';
import type { Layer } from '../../figures/vl.ts';
import { belowThreshold } from '../../math/saturation.ts';
import { short } from '../../text.ts';
import type { ActivationsFigure, Panel } from './types.ts';

/** Saturated intervals of a panel: where |f'| < threshold, solved from f', within the panel's range. */
export function saturatedIntervals(panel: Panel, data: Sampled): [number, number][] {
  if (!panel.saturation) return [];
  const { activation, params, zRange } = data;
  return belowThreshold((z) => activation.df(z, params), panel.saturation.threshold, zRange[0], zRange[1]);
}

/** Shaded saturated regions with their label and solved boundary, drawn beneath the lines. */
export function saturationLayers(panel: Panel, data: Sampled, c: Colors, figure: ActivationsFigure): Layer[] {
  const { height, fontScale } = figure;
  const intervals = saturatedIntervals(panel, data);
  if (intervals.length === 0) return [];
  const [lo, hi] = data.zRange;
  const t = short(panel.saturation!.threshold);
  // Labels sit 30% down the plot: below the top-left legend, above the flat tails of f and f'.
  // A region at an edge of the plot is labelled from that edge inwards, so its text stays in the plot.
  // An end where |f'| is below the threshold belongs to the region (hardtanh's flat piece is z ≥ 1, where
  // f'(1) = 0); one where it only reaches it does not (sigmoid's z < -4.585).
  const below = (z: number) => Math.abs(data.activation.df(z, data.params)) < panel.saturation!.threshold;
  const lt = (z: number) => (below(z) ? '≤' : '<');
  const range = (a: number, b: number) =>
    a <= lo
      ? `z ${lt(b)} ${short(b, 4)}`
      : b >= hi
        ? `z ${lt(a).replace('≤', '≥').replace('<', '>')} ${short(a, 4)}`
        : `${short(a, 4)} ${lt(a)} z ${lt(b)} ${short(b, 4)}`;
  const values = intervals.map(([a, b]) => ({
    z0: a,
    z1: b,
    at: a <= lo ? a : b >= hi ? b : (a + b) / 2,
    align: a <= lo ? 'left' : b >= hi ? 'right' : 'center',
    label: `saturated: |f'(z)| < ${t}\n${range(a, b)}`,
  }));
  const text = (align: 'left' | 'right' | 'center'): Layer => ({
    data: { values: values.filter((v) => v.align === align) },
    mark: {
      type: 'text',
      align,
      baseline: 'top',
      dx: align === 'left' ? 4 : align === 'right' ? -4 : 0,
      fontSize: 10 * fontScale,
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
    ...(['left', 'right', 'center'] as const).filter((align) => values.some((v) => v.align === align)).map(text),
  ];
}
