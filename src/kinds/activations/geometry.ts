// Where a panel's curves and markers lie in plot pixels, and so where its automatic legend may go.
import { COLUMN, type Sampled } from '../../figures/data.ts';
import { chooseLegend, plotPixels } from '../../figures/place.ts';
import type { ActivationsFigure, Panel } from './types.ts';

/** Where a panel's automatic legend goes: a corner that covers no curve point or marker, else outside. */
export function autoLegend(
  figure: ActivationsFigure,
  panel: Panel,
  sampled: Sampled[],
  yDomain: [number, number],
  legends: string[][],
) {
  const points = curvePoints(figure, panel, sampled, yDomain);
  const title = panel.legendTitle !== undefined;
  return chooseLegend(
    legends,
    figure,
    figure.fontScale,
    points,
    title,
    markerPoints(figure, sampled, yDomain),
    figure.size,
  );
}

/** The panel's curves in plot pixels (every few rows: enough to tell where a legend would hide one). */
export function curvePoints(figure: ActivationsFigure, panel: Panel, sampled: Sampled[], yDomain: [number, number]) {
  const points: { x: number; y: number }[] = [];
  sampled.forEach((d, j) => {
    const px = plotPixels(d.zRange, yDomain, figure);
    const step = Math.max(1, Math.floor(d.rows.length / 2000));
    for (const fn of panel.series[j].show) {
      for (let i = 0; i < d.rows.length; i += step) {
        const v = d.rows[i][COLUMN[fn]]!;
        if (v >= yDomain[0] && v <= yDomain[1]) points.push(px(d.rows[i].z, v));
      }
    }
  });
  return points;
}

/** The panel's jump markers in plot pixels. */
export function markerPoints(figure: ActivationsFigure, sampled: Sampled[], yDomain: [number, number]) {
  return sampled.flatMap((d) => {
    const px = plotPixels(d.zRange, yDomain, figure);
    return d.markers.map((m) => px(m.z, m.value));
  });
}
