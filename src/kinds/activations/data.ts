// The rows of an activations figure: every series of every panel sampled, repeats sharing rows.
import { append, RowKeys, type Row, type Sampled, sampleActivation } from '../../figures/data.ts';
import type { ActivationsFigure, PanelSeries } from './types.ts';

/** Whether any series of the figure draws f'' (then every row carries d2y). */
export const showsSecond = (figure: ActivationsFigure): boolean =>
  figure.panels.some((p) => p.series.some((s) => s.show.includes('d2f')));

/** The series of every panel in order, with the `activation` value of their rows and whether it is new. */
export function seriesKeys(
  figure: ActivationsFigure,
): { panel: number; series: PanelSeries; key: string; isNew: boolean }[] {
  const keys = new RowKeys();
  return figure.panels.flatMap((panel, i) =>
    panel.series.map((s) => ({ panel: i, series: s, ...keys.key(s.activation, s.params, [panel.grid, panel.kinks]) })),
  );
}

/**
 * Samples every series of every panel of an activations figure; a series that repeats an earlier one
 * (same activation, parameters and grid) shares its rows. Returns each panel's sampled series.
 */
export function sampleFigure(figure: ActivationsFigure): { rows: Row[]; panels: Sampled[][] } {
  const second = showsSecond(figure);
  const rows: Row[] = [];
  const panels: Sampled[][] = figure.panels.map(() => []);
  for (const { panel, series, key, isNew } of seriesKeys(figure)) {
    const p = figure.panels[panel];
    const s = sampleActivation(series.activation, series.params, p.grid, {
      kinks: p.kinks,
      key,
      y: series.show.includes('f'),
      dy: series.show.includes('df'),
      d2y: series.show.includes('d2f'),
      second,
    });
    if (isNew) append(rows, s.rows);
    panels[panel].push(s);
  }
  return { rows, panels };
}
