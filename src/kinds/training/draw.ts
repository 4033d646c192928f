// Two panels side by side: the loss against the step, and the first layer's gradient norm against the
// step, both on a log scale, one line per activation; the legend inside the loss panel, bottom left,
// where no loss can be (every loss starts high).
import { hueColors } from '../../figures/hues.ts';
import { legendSpec } from '../../figures/layers.ts';
import type { LegendPosition } from '../../figures/model.ts';
import { axisTitle, chooseLegend, plotPixels } from '../../figures/place.ts';
import { type Colors, xTickCount } from '../../figures/theme.ts';
import type { Body, Layer } from '../../figures/vl.ts';
import { logDomain, POWER_OF_TEN } from '../depth/draw.ts';
import type { Trained } from './run.ts';
import type { TrainingFigure } from './types.ts';

/** The quantities drawn, one panel each: the row's `quantity`, and its axis title. */
export const QUANTITIES = {
  loss: 'Loss (log scale)',
  gradNorm: '‖∂L/∂W₁‖ (log scale)',
} as const;
type Quantity = keyof typeof QUANTITIES;

export interface TrainingRow {
  activation: string;
  quantity: Quantity;
  step: number;
  value: number;
}

/** The table: every step's loss, and the first layer's gradient norm before every step. */
export function trainingRows(trained: Trained): TrainingRow[] {
  return trained.series.flatMap(({ key, run }) => [
    ...run.loss.map((value, step) => ({ activation: key, quantity: 'loss' as const, step, value })),
    ...run.gradNorm.map((g, step) => ({ activation: key, quantity: 'gradNorm' as const, step, value: g[0] })),
  ]);
}

export function trainingBody(figure: TrainingFigure, trained: Trained, rows: TrainingRow[], c: Colors): Body {
  const labels = trained.series.map((s) => s.label);
  const colors = hueColors(
    figure.series.map((s) => s.activation),
    figure.hues,
    c.series,
  );
  const byKey = trained.series.reduceRight(
    (rest, s, i) => `datum.activation === ${JSON.stringify(s.key)} ? ${JSON.stringify(labels[i])} : ${rest}`,
    "''",
  );
  const colorOf = new Map(trained.series.map((s, i) => [s.key, colors[i]]));
  const steps = figure.training.steps;
  const domains = {
    loss: logDomain(rows.filter((r) => r.quantity === 'loss').map((r) => r.value)),
    gradNorm: logDomain(rows.filter((r) => r.quantity === 'gradNorm').map((r) => r.value)),
  };
  const position = legendPosition(figure, rows, labels, domains.loss);
  // A legend inside the loss panel is its own; one outside is below (or beside) both panels.
  const inside = position !== 'right' && position !== 'bottom' && position !== false;
  const panel = (quantity: Quantity, first: boolean) => {
    const domain = domains[quantity];
    const ticks = logTicks(domain);
    const layer: Layer[] = [
      {
        data: { name: 'table' },
        transform: [{ filter: `datum.quantity === '${quantity}'` }, { calculate: byKey, as: 'label' }],
        mark: { type: 'line', strokeWidth: figure.lineWidth, clip: true },
        encoding: {
          x: {
            field: 'step',
            type: 'quantitative',
            title: axisTitle(figure.xTitle, figure.width, figure),
            scale: { domain: [0, steps], nice: false },
            axis: { tickCount: xTickCount(figure.width, figure.fontScale) },
          },
          y: {
            field: 'value',
            type: 'quantitative',
            title: axisTitle(first ? figure.yTitle : QUANTITIES.gradNorm, figure.height, figure),
            scale: { type: 'log', domain, nice: false },
            // Powers of ten as 10⁻³; a finer axis (1, 2, 5 times them) as plain numbers throughout.
            axis: { values: ticks, ...(ticks.every(isPower) ? { labelExpr: POWER_OF_TEN } : { format: '~g' }) },
          },
          color: {
            field: 'label',
            type: 'nominal',
            scale: { domain: labels, range: colors },
            legend: first || !inside ? legendSpec(position) : null,
          },
        },
      },
    ];
    if (figure.at !== undefined) layer.push(...stepMarker(figure, quantity, rows, colorOf, c));
    return { width: figure.width, height: figure.height, layer };
  };
  return {
    hconcat: [panel('loss', true), panel('gradNorm', false)],
    resolve: { legend: { color: inside ? 'independent' : 'shared' } },
  };
}

/**
 * The legend's place: as configured, or for 'auto' the first corner of the loss panel that covers no
 * curve (figures/place.ts), else outside.
 */
function legendPosition(
  figure: TrainingFigure,
  rows: TrainingRow[],
  labels: string[],
  domain: [number, number],
): LegendPosition | false {
  if (figure.legend !== 'auto') return figure.legend;
  const plot = { width: figure.width, height: figure.height };
  // On a log axis a value's pixel is linear in its logarithm.
  const px = plotPixels([0, figure.training.steps], [Math.log10(domain[0]), Math.log10(domain[1])], plot);
  const curve = rows.filter((r) => r.quantity === 'loss').map((r) => px(r.step, Math.log10(r.value)));
  return chooseLegend([labels], plot, figure.fontScale, curve, false, [], figure.size);
}

const isPower = (v: number) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;

/**
 * A log axis's ticks: the powers of ten in the domain, and 2 and 5 times each where fewer than three
 * powers fit (a loss from 0.7 to 0.003 spans two decades).
 */
export function logTicks([lo, hi]: [number, number]): number[] {
  const powers: number[] = [];
  for (let k = Math.ceil(Math.log10(lo)); 10 ** k <= hi; k++) powers.push(10 ** k);
  if (powers.length >= 3) return powers;
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); 10 ** k <= hi; k++)
    for (const m of [1, 2, 5])
      if (m * 10 ** k >= lo && m * 10 ** k <= hi) ticks.push(Number((m * 10 ** k).toPrecision(1)));
  return ticks;
}

/** A rule at the marked step, and each curve's value there as a point. */
function stepMarker(
  figure: TrainingFigure,
  quantity: Quantity,
  rows: TrainingRow[],
  colorOf: Map<string, string>,
  c: Colors,
): Layer[] {
  const at = Math.min(figure.at!, quantity === 'loss' ? figure.training.steps : figure.training.steps - 1);
  return [
    {
      data: { values: [{ step: at }] },
      mark: { type: 'rule', strokeDash: [4, 3], color: c.domain },
      encoding: { x: { field: 'step', type: 'quantitative' } },
    },
    {
      data: {
        values: rows
          .filter((r) => r.quantity === quantity && r.step === at)
          .map((r) => ({ ...r, color: colorOf.get(r.activation) })),
      },
      mark: { type: 'point', filled: true, size: Math.round(30 * (figure.lineWidth / 2) ** 2), opacity: 1 },
      encoding: {
        x: { field: 'step', type: 'quantitative' },
        y: { field: 'value', type: 'quantitative' },
        fill: { field: 'color', type: 'nominal', scale: null },
      },
    },
  ];
}
