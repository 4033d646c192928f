import { FUNCTIONS, type Fn } from '../../figures/model.ts';
import { COLUMN, type Column, type Sampled } from '../../figures/data.ts';
import { hideEntries, jumpLayers, legendSpec, revealed, segment } from '../../figures/layers.ts';
import { axisTitle, legendBox, titleText } from '../../figures/place.ts';
import type { Body, Encoding, Layer, Plot, Position } from '../../figures/vl.ts';
type Resolve = import('vega-lite/types_unstable/resolve.js').Resolve;
import { userYScale } from '../../figures/axes.ts';
import { hueColors } from '../../figures/hues.ts';
import { type Colors, sequential, xTickCount, yTickCount } from '../../figures/theme.ts';
import { sampleFigure } from './data.ts';
import { autoLegend, curvePoints } from './geometry.ts';
import { saturationLayers } from './saturation.ts';
import { type ActivationsFigure, isCrowded, type Panel, type PanelSeries, X_TITLE } from './types.ts';

/** The dash of each function: f solid, f' dashed, f'' dotted. */
const DASH: Record<Fn, number[]> = { f: [1, 0], df: [6, 4], d2f: [1.5, 3] };
/** The dash legend's entries when a panel holds several series. */
const FN_LABEL: Record<Fn, string> = { f: 'f(z)', df: 'f′(z)', d2f: 'f″(z)' };

/**
 * The colour of each series, by activation and parameters, so the same series has the same colour in
 * every panel. One-series panels keep the lab's look: the activation in the palette's activation colours,
 * its derivative in the derivative colour; so do figures of one or two series.
 */
export function seriesColors(figure: ActivationsFigure, c: Colors): (s: PanelSeries) => string {
  const identity = (s: PanelSeries) => JSON.stringify([s.activation, s.params]);
  // A sweep (a panel of one activation for several parameter values) reads from light to dark as the
  // value grows: a sequential ramp in the order of the values.
  const swept = new Map<string, string>();
  for (const panel of figure.panels) {
    if (panel.legendTitle === undefined) continue;
    const sorted = [...panel.series].sort(byParams);
    for (const [k, s] of sorted.entries()) {
      swept.set(identity(s), sequential(c, sorted.length === 1 ? 1 : k / (sorted.length - 1)));
    }
  }
  const all = figure.panels.flatMap((p) => p.series);
  const order = [...new Map(all.map((s) => [identity(s), s.activation])).entries()];
  const several = figure.panels.some((p) => p.series.length > 1);
  if (order.length <= 2 && !several) {
    return (s) => s.color ?? swept.get(identity(s)) ?? c.activation[order.findIndex(([id]) => id === identity(s))];
  }
  // A lone series' derivative is drawn in the derivative's colour (and f'' in the second's): no series takes them.
  const lone = figure.panels.filter((p) => p.series.length === 1);
  const second = lone.some((p) => p.series[0].show.includes('d2f'));
  const reserved = lone.length ? [c.derivative, ...(second ? [c.second] : [])] : [];
  const colors = hueColors(
    order.map(([, activation]) => activation),
    figure.hues,
    c.series,
    reserved,
  );
  const colorOf = new Map(order.map(([id], i) => [id, colors[i]]));
  return (s) => s.color ?? swept.get(identity(s)) ?? colorOf.get(identity(s))!;
}

/** Series of one activation in the order of their parameter values (numbers ascending, in key order). */
export function byParams(a: PanelSeries, b: PanelSeries): number {
  for (const key of Object.keys(a.params)) {
    const [x, y] = [a.params[key], b.params[key]];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return 0;
}

/** [lo, hi] of the drawn functions over the panel's rows, with a margin so no curve runs along the frame. */
function dataDomain(figure: ActivationsFigure, panels: number[], sampled: Sampled[][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of panels) {
    sampled[i].forEach((d, j) => {
      for (const fn of figure.panels[i].series[j].show) {
        const column = COLUMN[fn];
        for (const row of d.rows) {
          const v = row[column]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
    });
  }
  if (!(lo < hi)) [lo, hi] = [lo - 1, hi + 1];
  const margin = 0.05 * (hi - lo);
  return [lo - margin, hi + margin];
}

/**
 * Panels in a row (or wrapped after `columns`). Each holds one or more series: each draws f (solid),
 * f' (dashed) and f'' (dotted) as it shows them, broken where they jump, the jump's ends marked; a panel
 * of one series may shade its saturated regions beneath.
 */
export function activationsBody(figure: ActivationsFigure, c: Colors) {
  const { rows, panels } = sampleFigure(figure);
  const colorOf = seriesColors(figure, c);
  const all = figure.panels.map((_, i) => i);
  const shared = figure.shareY ? dataDomain(figure, all, panels) : undefined;
  const domains = figure.panels.map(
    (panel, i) => panel.yDomain ?? panel.fixedY ?? shared ?? dataDomain(figure, [i], panels),
  );
  // Where panels share one legend (crowded ones of one activation each), it goes in the first panel that
  // has a corner free of curves for it.
  const free = figure.panels.findIndex((panel, i) => {
    const labels = [panel.series[0].show.map((fn) => panel.series[0].labels[fn])];
    return !['right', 'bottom'].includes(autoLegend(figure, panel, panels[i], domains[i], labels) as string);
  });
  // A reveal's frame draws the first series (or panels) only: series are counted across the panels.
  const firsts = figure.panels.map((_, i) => figure.panels.slice(0, i).reduce((n, p) => n + p.series.length, 0));
  const specs = figure.panels.map((panel, i) => {
    const shows = (j: number) => revealed(figure.frame, i, firsts[i] + j);
    return panelSpec(figure, panel, panels[i], colorOf, c, domains[i], i, free, shows);
  });
  const resolve: Resolve = {
    scale: { color: 'independent', strokeDash: 'independent', ...(figure.shareY && { y: 'shared' }) },
  };
  const layout =
    figure.columns < figure.panels.length ? { concat: specs, columns: figure.columns } : { hconcat: specs };
  // Crowded panels on a fixed size sit closer: their inner axes have no titles to keep apart.
  const crowded = isCrowded(figure.size, figure.columns);
  const body: Body = { ...layout, ...(crowded && { spacing: Math.round(18 * figure.fontScale) }), resolve };
  return { body, rows, panels };
}

function panelSpec(
  figure: ActivationsFigure,
  panel: Panel,
  sampled: Sampled[],
  colorOf: (s: PanelSeries) => string,
  c: Colors,
  yDomain: [number, number],
  index: number,
  legendPanel: number,
  shows: (series: number) => boolean,
): Plot {
  const one = panel.series.length === 1;
  // A sweep's legend lists its values in order.
  const legendOrder = panel.legendTitle === undefined ? panel.series : [...panel.series].sort(byParams);
  // Three or more panels across a fixed size: axis titles on the outer panels only, and where every
  // panel holds one activation (its legend is f(z), f′(z)), one legend, in the first panel.
  const crowded = isCrowded(figure.size, figure.columns);
  const lastRow = index >= figure.panels.length - figure.columns;
  const firstColumn = index % figure.columns === 0;
  const sameLegends = crowded && figure.panels.every((p) => p.series.length === 1);
  const x: Position = {
    field: 'z',
    type: 'quantitative',
    title:
      crowded && !lastRow
        ? null
        : axisTitle(crowded && figure.xTitle === X_TITLE ? 'z' : figure.xTitle, figure.width, figure),
    scale: { domain: sampled[0].zRange, nice: false },
    axis: { tickCount: xTickCount(figure.width, figure.fontScale) },
  };
  const tickCount = yTickCount(figure.height, figure.fontScale);
  // A domain the user gave labels its ends and draws a curve along one whole (figures/axes.ts).
  const curves = () =>
    panel.series.flatMap((s, j) => s.show.map((fn) => sampled[j].rows.map((r) => r[COLUMN[fn]] ?? 0)));
  const given =
    panel.yDomain && userYScale(panel.yDomain, figure.height, tickCount, figure.lineWidth, curves(), figure.fontScale);
  const y: Position = {
    field: 'value',
    type: 'quantitative',
    title: crowded && !firstColumn ? null : axisTitle(figure.yTitle, figure.height, figure),
    scale: given ? given.scale : { domain: yDomain, nice: false },
    axis: given ? given.axis : { tickCount },
  };
  const fnColor = (s: PanelSeries, fn: Fn) => (!one || fn === 'f' ? colorOf(s) : fn === 'df' ? c.derivative : c.second);
  const drawn = panel.series.flatMap((s) => s.show.map((fn) => ({ s, fn })));
  const fns = FUNCTIONS.filter((fn) => drawn.some((d) => d.fn === fn));
  const legends = one
    ? [drawn.map((d) => d.s.labels[d.fn])]
    : [legendOrder.map((s) => s.name), ...(fns.length > 1 ? [fns.map((fn) => FN_LABEL[fn])] : [])];
  const position =
    sameLegends && index !== Math.max(0, legendPanel)
      ? false
      : figure.legend === 'auto'
        ? autoLegend(figure, panel, sampled, yDomain, legends)
        : figure.legend;
  // A shared legend with no free corner anywhere goes above its panel, in one line: it takes a line's
  // height from the figure rather than a column's width.
  const above = sameLegends && index === 0 && legendPanel < 0;
  const legendRect = position === false ? undefined : legendBox(position, legends, figure, figure.fontScale, false);
  const hidden = panel.series.flatMap((s, j) => (shows(j) ? [] : one ? s.show.map((fn) => s.labels[fn]) : [s.name]));
  const noneShown = !panel.series.some((_, j) => shows(j));
  const hide = <T extends object | null>(l: T) =>
    hideEntries(l, one ? hidden : noneShown ? fns.map((fn) => FN_LABEL[fn]) : [], one ? hidden.length : fns.length);
  const legend = hide(
    above ? { title: null, orient: 'top' as const, direction: 'horizontal' as const } : legendSpec(position),
  );
  // One series: one legend entry per function, told apart by colour and dash (the lab's look). Several:
  // the series by colour, the functions by dash, in two legends.
  const encoding: Encoding = one
    ? {
        color: {
          field: 'label',
          type: 'nominal',
          scale: { domain: drawn.map((d) => d.s.labels[d.fn]), range: drawn.map((d) => fnColor(d.s, d.fn)) },
          legend,
        },
        strokeDash: {
          field: 'label',
          type: 'nominal',
          scale: { domain: drawn.map((d) => d.s.labels[d.fn]), range: drawn.map((d) => DASH[d.fn]) },
          legend,
        },
      }
    : {
        color: {
          field: 'label',
          type: 'nominal',
          scale: { domain: legendOrder.map((s) => s.name), range: legendOrder.map(colorOf) },
          legend: hideEntries(legendSpec(position, panel.legendTitle ?? null), hidden, panel.series.length),
        },
        strokeDash: {
          field: 'fn',
          type: 'nominal',
          scale: {
            domain: FUNCTIONS.filter((fn) => drawn.some((d) => d.fn === fn)).map((fn) => FN_LABEL[fn]),
            range: FUNCTIONS.filter((fn) => drawn.some((d) => d.fn === fn)).map((fn) => DASH[fn]),
          },
          legend: fns.length > 1 ? legend : null,
        },
      };
  const columns = FUNCTIONS.filter((fn) => drawn.some((d) => d.fn === fn)).map((fn) => COLUMN[fn]);
  // Every folded row of a series that draws all the folded functions has a label; otherwise the rows of
  // the functions it does not draw get null and are filtered out.
  const complete = panel.series.every((s) => s.show.length === fns.length);
  const byKey = (value: (s: PanelSeries, d: Sampled, column: Column, fn: Fn) => string) => {
    const inner = (s: PanelSeries, d: Sampled) => {
      const shown = FUNCTIONS.filter((fn) => s.show.includes(fn));
      const last = complete ? shown.at(-1) : undefined;
      return shown.reduceRight(
        (r, fn) =>
          fn === last
            ? value(s, d, COLUMN[fn], fn)
            : `datum.series === '${COLUMN[fn]}' ? ${value(s, d, COLUMN[fn], fn)} : ${r}`,
        'null',
      );
    };
    if (sampled.length === 1) return inner(panel.series[0], sampled[0]);
    return sampled.reduceRight(
      (rest, d, j) => `datum.activation === ${JSON.stringify(d.key)} ? ${inner(panel.series[j], d)} : ${rest}`,
      'null',
    );
  };
  const keys = [...new Set(sampled.filter((_, j) => shows(j)).map((d) => d.key))];
  const lines: Layer = {
    transform: [
      keys.length === 1
        ? { filter: { field: 'activation', equal: keys[0] } }
        : keys.length
          ? { filter: { field: 'activation', oneOf: keys } }
          : { filter: 'false' },
      { fold: columns, as: ['series', 'value'] },
      { calculate: byKey((s, _d, _c, fn) => JSON.stringify(one ? s.labels[fn] : s.name)), as: 'label' },
      ...(one ? [] : [{ calculate: byKey((_s, _d, _c, fn) => JSON.stringify(FN_LABEL[fn])), as: 'fn' }]),
      ...(complete ? [] : [{ filter: 'datum.label !== null' }]),
      { calculate: byKey((_s, d, column) => segment(d.splits[column])), as: 'segment' },
    ],
    mark: { type: 'line', strokeWidth: figure.lineWidth, clip: true },
    encoding: {
      x,
      y,
      ...encoding,
      detail: { field: 'segment', type: 'quantitative' },
      order: { field: 'z', type: 'quantitative' },
    },
  };
  const fnOf = { y: 'f', dy: 'df', d2y: 'd2f' } as const;
  const markers = sampled.flatMap((d, j) =>
    shows(j) ? d.markers.map((m) => ({ ...m, color: fnColor(panel.series[j], fnOf[m.series]) })) : [],
  );
  const layer: Layer[] = [
    ...(one && shows(0)
      ? saturationLayers(
          panel,
          sampled[0],
          c,
          figure,
          curvePoints(figure, panel, sampled, yDomain),
          yDomain,
          legendRect,
        )
      : []),
    lines,
    ...jumpLayers(markers, c, figure.lineWidth),
  ];
  // On a figure of a fixed size, a panel's title wider than the panel wraps onto more lines.
  const text = figure.size ? titleText(panel.title, 14 * figure.fontScale, figure.width + 20) : panel.title;
  const title = panel.hideTitle ? {} : { title: text };
  return { ...title, width: figure.width, height: figure.height, data: { name: 'table' }, layer };
}
