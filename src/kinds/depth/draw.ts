import { hueColors } from '../../figures/hues.ts';
import { findActivation, type ParamValues } from '../../math/activations/registry.ts';
import { initialisation, simulateDepth, type DepthRow } from '../../math/simulate.ts';
import { RowKeys } from '../../figures/data.ts';
import { UserError } from '../../errors.ts';
import { short } from '../../text.ts';
import { hideEntries, legendSpec, revealed } from '../../figures/layers.ts';
import { type Colors, xTickCount } from '../../figures/theme.ts';
import { axisTitle } from '../../figures/place.ts';
import type { Layer, Position } from '../../figures/vl.ts';
import type { DepthFigure } from './types.ts';

export interface DepthSeries {
  key: string;
  label: string;
  rows: DepthRow[];
  /** The largest |f'|: the most the gradient can keep per layer, weights aside. */
  maxSlope: number;
}

/** The `activation` value of each series' rows. */
export function depthKeys(figure: DepthFigure): string[] {
  const keys = new RowKeys();
  return figure.series.map((s) => keys.key(s.activation, s.params, figure.simulation).key);
}

/** Runs the simulation for every activation of the figure. */
export function simulateFigure(figure: DepthFigure): DepthSeries[] {
  const keys = depthKeys(figure);
  return figure.series.map((s, i) => {
    const key = keys[i];
    const rows = simulateDepth(s.activation, s.params, figure.simulation, s.init).map((r) => ({
      ...r,
      activation: key,
    }));
    // A log axis cannot show 0: a gradient that underflows is refused with the depth where it happens.
    const zero = rows.find((r) => !(r.gradient > 0) || !Number.isFinite(r.gradient));
    if (zero) {
      throw new UserError(
        `figure "${figure.id}": the ${s.label} network's gradient underflows to ${zero.gradient} ` +
          `at depth ${zero.depth} of ${figure.simulation.depth}, ` +
          `which a log scale cannot show; use depth < ${zero.depth}`,
      );
    }
    return {
      key,
      label: `${s.label} (${initialisation(s.activation, s.init).name} init)`,
      rows,
      maxSlope: maxSlope(s.activation, s.params),
    };
  });
}

const maxSlope = (name: string, params: ParamValues) => findActivation(name)!.properties(params).maxAbsDerivative.value;

const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
/**
 * A log axis's labels as powers of ten with a real superscript (10⁰, 10⁻⁵); a tick that is not a power
 * of ten keeps its plain number. format 'd' writes the minus as U+2212.
 */
export const POWER_OF_TEN = (() => {
  const exponent = 'round(log(datum.value) / LN10)';
  let sup = `replace(format(${exponent}, 'd'), /−/g, '⁻')`;
  SUPERSCRIPTS.forEach((glyph, digit) => {
    sup = `replace(${sup}, /${digit}/g, '${glyph}')`;
  });
  const isPower = `abs(log(datum.value) / LN10 - ${exponent}) < 1e-9`;
  return `${isPower} ? '10' + ${sup} : format(datum.value, '~g')`;
})();

/**
 * A log axis's domain with headroom: it reaches 4% of its decades past the highest and lowest values, so
 * a line near 10⁰ does not run along the frame.
 */
export function logDomain(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const margin = 0.04 * Math.max(Math.log10(hi / lo), 1);
  return [lo / 10 ** margin, hi * 10 ** margin];
}

/**
 * RMS gradient against depth on a log scale, one line per activation, and for each activation whose
 * largest slope is below 1 the bound g(1)·max|f'|^(depth-1), dashed: what is left of the gradient
 * after passing that many layers if every unit sat at the steepest point of f.
 */
export function depthBody(figure: DepthFigure, series: DepthSeries[], c: Colors) {
  const labels = series.map((s) => s.label);
  const colors = hueColors(
    figure.series.map((s) => s.activation),
    figure.hues,
    c.series,
  );
  const byKey = series.reduceRight(
    (rest, s, i) => `datum.activation === ${JSON.stringify(s.key)} ? ${JSON.stringify(labels[i])} : ${rest}`,
    "''",
  );
  const L = figure.simulation.depth;
  // A bound's label starts a little past the middle, just above its line: the line falls away to the
  // right of the label's start, and every other line of the activation lies below the bound.
  const labelDepth = Math.max(1, Math.round(1 + 0.55 * (L - 1)));
  const x: Position = {
    field: 'depth',
    type: 'quantitative',
    title: axisTitle(figure.xTitle, figure.width, figure),
    scale: { domain: [1, L], nice: false },
    axis: { values: depthTicks(L, xTickCount(figure.width, figure.fontScale)) },
  };
  const values = series.flatMap((s) => [
    ...s.rows.map((r) => r.gradient),
    ...(figure.bound && s.maxSlope < 1 ? [s.rows[0].gradient * s.maxSlope ** (L - 1)] : []),
  ]);
  const yDomain = logDomain(values);
  // A reveal's frame draws the first series only; the others keep their legend entries' room.
  const shows = (i: number) => revealed(figure.frame, 0, i);
  const hidden = labels.filter((_, i) => !shows(i));
  const lines: Layer = {
    data: { name: 'table' },
    transform: [
      ...(hidden.length
        ? [{ filter: { field: 'activation', oneOf: series.filter((_, i) => shows(i)).map((s) => s.key) } }]
        : []),
      { calculate: byKey, as: 'label' },
    ],
    mark: {
      type: 'line',
      strokeWidth: figure.lineWidth,
      point: { size: Math.round(18 * (figure.lineWidth / 2) ** 2) },
    },
    encoding: {
      x,
      y: {
        field: 'gradient',
        type: 'quantitative',
        title: axisTitle(figure.yTitle, figure.height, figure),
        scale: { type: 'log', domain: yDomain, nice: false },
        axis: { labelExpr: POWER_OF_TEN },
      },
      color: {
        field: 'label',
        type: 'nominal',
        scale: { domain: labels, range: colors },
        legend: hideEntries(
          legendSpec(figure.legend === 'auto' ? 'bottom-left' : figure.legend),
          hidden,
          labels.length,
        ),
      },
    },
  };
  const bounds = figure.bound
    ? series.flatMap((s, i) => {
        if (!(s.maxSlope < 1) || !shows(i)) return [];
        const g1 = s.rows[0].gradient;
        return s.rows.map((r) => ({
          depth: r.depth,
          bound: g1 * s.maxSlope ** (r.depth - 1),
          color: colors[i],
          text: r.depth === labelDepth ? `f′ factor alone: ${short(s.maxSlope, 3)}ᵈ⁻¹` : '',
        }));
      })
    : [];
  const layer: Layer[] = [lines];
  if (bounds.length) {
    layer.push(
      {
        data: { values: bounds },
        mark: { type: 'line', strokeWidth: 1.5, strokeDash: [6, 4] },
        encoding: {
          x: { field: 'depth', type: 'quantitative' },
          y: { field: 'bound', type: 'quantitative' },
          stroke: { field: 'color', type: 'nominal', scale: null },
          detail: { field: 'color' },
        },
      },
      {
        data: { values: bounds.filter((b) => b.text) },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'bottom',
          dy: -6 * figure.fontScale,
          fontSize: Math.round(11 * figure.fontScale * 10) / 10,
          color: c.text,
        },
        encoding: {
          x: { field: 'depth', type: 'quantitative' },
          y: { field: 'bound', type: 'quantitative' },
          text: { field: 'text' },
        },
      },
    );
  }
  return { layer, rows: series.flatMap((s) => s.rows) };
}

/**
 * The depth axis's ticks: the first layer and the last always, and round depths between them (every 1, 2,
 * 5, 10, ... layers, about `count` in all), none so close to an end that its label would touch it.
 */
export function depthTicks(last: number, count: number): number[] {
  const raw = (last - 1) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  const ticks = [1];
  for (let d = whole; d < last; d += whole) if (d - 1 >= whole / 2 && last - d >= whole / 2) ticks.push(d);
  ticks.push(last);
  return [...new Set(ticks)];
}
