// A figure as an interactive Vega-Lite spec: sliders for the activations' parameters and a pointer that
// reads the values off the curves. Every curve a slider can show is computed here, by the library, for
// each value the slider offers; the page only picks the precomputed rows of the current values.
import type { ActivationsFigure, Figure, Fn, PanelSeries } from '../config/model.ts';
import { FUNCTIONS, figureActivations, figureTitle } from '../config/model.ts';
import { FONT_FAMILY } from '../font.ts';
import { depthKeys } from '../figures/depth.ts';
import { overlayKeys } from '../figures/overlay.ts';
import { legendSpec, seriesColors } from '../figures/panels.ts';
import { chooseLegend } from '../figures/place.ts';
import { buildSpec, SCHEMA_URL } from '../figures/spec.ts';
import { type Colors, colors, vegaLiteConfig, xTickCount, yTickCount } from '../figures/theme.ts';
import { COLUMN, type Group, type InteractiveOptions, type PanelPlan, planFigure, SEGMENT, tables } from './plan.ts';

export type { InteractiveOptions } from './plan.ts';

/** How the pointer's tooltip writes a number: four significant digits, no trailing zeros. */
export const TOOLTIP_FORMAT = '.4~g';
/** The font the static figures use, then what a reader's system has when it lacks it. */
const FONT_STACK = `${FONT_FAMILY}, Verdana, sans-serif`;

export type InteractiveSpec = Record<string, unknown> & {
  datasets: { table: Record<string, unknown>[] } & Record<string, Record<string, unknown>[]>;
  description: string;
};

/** The dash of each function, as the static figure draws it: f solid, f' dashed, f'' dotted. */
const DASH: Record<Fn, number[]> = { f: [1, 0], df: [6, 4], d2f: [1.5, 3] };
const FN_LABEL: Record<Fn, string> = { f: 'f(z)', df: "f'(z)", d2f: "f''(z)" };
const FN_OF: Record<string, Fn> = { y: 'f', dy: 'df', d2y: 'd2f' };

/**
 * An interactive Vega-Lite spec of a figure. For an activations figure: a slider per number parameter of
 * each activation in each panel (the series of one activation in a panel share it and draw one curve);
 * `datasets.table` holds rows {activation, <parameter>..., z, y, dy[, d2y], sy, sdy[, sd2y]} for every
 * combination of slider values, sy/sdy/sd2y numbering the pieces of f, f', f'' between that value's
 * jumps; under the pointer a rule at the nearest z and a tooltip of z, f, f' (and f'') per series.
 * Overlay and depth figures get their static spec with the pointer rule and tooltip added.
 */
export function interactiveSpec(figure: Figure, options: InteractiveOptions = {}): InteractiveSpec {
  if (figure.kind !== 'activations') return withPointer(figure);
  const c = colors(figure.theme, figure.palette, figure.background);
  const fs = figure.fontScale;
  const plans = planFigure(figure, options);
  const merged: ActivationsFigure = {
    ...figure,
    panels: plans.map((p) => ({ ...p.panel, series: p.groups.map((g) => g.series) })),
  };
  const colorOf = seriesColors(merged, c);
  const data = tables(plans);
  // One y domain for every value of the sliders, so the axes stand still while a slider moves.
  const shared = figure.shareY ? margin(valueRange(plans)) : undefined;
  const specs = plans.map((plan, i) =>
    panelSpec(figure, plan, i, colorOf, c, plan.panel.yDomain ?? shared ?? margin(valueRange([plan]))),
  );
  const sliders = plans.flatMap((p) => p.sliders);
  const layout =
    figure.columns < figure.panels.length ? { concat: specs, columns: figure.columns } : { hconcat: specs };
  const datasets: InteractiveSpec['datasets'] = { table: data.table };
  if (data.markers.length) datasets.markers = data.markers;
  if (data.saturation.length) datasets.saturation = data.saturation;
  if (data.notes.length) datasets.notes = data.notes;
  const described = sliders.length ? `, with a slider for ${sliders.map((s) => s.label).join(', ')}` : '';
  return {
    $schema: SCHEMA_URL,
    description:
      figure.description ??
      `${figureTitle(figure)}: ${figureActivations(figure).join(', ')}${described}; ` +
        'the pointer reads z, f(z) and its derivatives off the curves.',
    ...(figure.title !== undefined && {
      title: { text: figure.title, fontSize: Math.round(16 * fs * 10) / 10, offset: Math.round(10 * fs) },
    }),
    padding: 12,
    config: withFontStack(vegaLiteConfig(c, fs, figure.lineWidth)),
    ...(sliders.length && {
      params: sliders.map((s) => ({
        name: s.name,
        value: s.value,
        bind: { input: 'range', min: s.min, max: s.max, step: s.step, name: `${s.label} ` },
      })),
    }),
    ...layout,
    resolve: { scale: { color: 'independent', strokeDash: 'independent', ...(figure.shareY && { y: 'shared' }) } },
    datasets,
  };
}

/** The config with the bundled font first and fallbacks for a reader's browser that lacks it. */
function withFontStack<T>(config: T): T {
  return JSON.parse(JSON.stringify(config), (_, v) => (v === FONT_FAMILY ? FONT_STACK : v));
}

/** [lo, hi] of the drawn functions over every combination of the panels' groups. */
function valueRange(plans: PanelPlan[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { groups } of plans) {
    for (const g of groups) {
      const columns = g.series.show.map((fn) => COLUMN[fn]);
      for (const combination of g.combinations) {
        for (const row of combination.sampled?.rows ?? []) {
          for (const column of columns) {
            const v = row[column]!;
            if (!Number.isFinite(v)) continue;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
        }
      }
    }
  }
  return [lo, hi];
}

/** A y domain with room so no curve runs along the frame. */
function margin([lo, hi]: [number, number]): [number, number] {
  if (!(lo < hi)) [lo, hi] = Number.isFinite(lo) ? [lo - 1, hi + 1] : [-1, 1];
  const m = 0.05 * (hi - lo);
  return [lo - m, hi + m];
}

/** The Vega expression testing that a row belongs to a group at its sliders' current values. */
function inGroup(g: Group): string {
  const tests = g.sliders.map((s) => ` && abs(datum[${JSON.stringify(s.column)}] - ${s.name}) < ${s.step / 1000}`);
  return `(datum.activation === ${JSON.stringify(g.key)}${tests.join('')})`;
}

/** Per group, a Vega expression; null for a row of no group. */
const byGroup = (groups: Group[], value: (g: Group, i: number) => string) =>
  groups.length === 1
    ? value(groups[0], 0)
    : groups.reduceRight(
        (rest, g, i) => `datum.activation === ${JSON.stringify(g.key)} ? ${value(g, i)} : ${rest}`,
        'null',
      );

/** Per folded function (datum.fn), a Vega expression; null for a function the group does not draw. */
const byFn = (fns: Fn[], value: (fn: Fn) => string) =>
  fns.reduceRight((rest, fn) => `datum.fn === '${COLUMN[fn]}' ? ${value(fn)} : ${rest}`, 'null');

/**
 * Text that names a slider's initial value ("negative_slope=0.01", a sweep's "negative_slope = 0.01, 0.1")
 * as a Vega expression with the slider's current value in its place; the text itself when it names none.
 */
function liveText(text: string, plan: PanelPlan): string | { expr: string } {
  const patterns = plan.sliders.flatMap((s) => {
    const values = plan.groups
      .filter((g) => g.activation.name === s.activation)
      .flatMap((g) => g.members.map((m) => m.params[s.param]));
    return [
      ...(values.length > 1 ? [`${s.param} = ${values.join(', ')}`] : []),
      `${s.param} = ${s.value}`,
      `${s.param}=${s.value}`,
    ].map((literal) => ({
      literal,
      prefix: literal.slice(0, literal.indexOf('=') + 1) + (literal.includes(' = ') ? ' ' : ''),
      s,
    }));
  });
  patterns.sort((a, b) => b.literal.length - a.literal.length);
  const pieces: string[] = [];
  let plain = '';
  let live = false;
  for (let i = 0; i < text.length; ) {
    // Whole words and numbers only: "b=4" is not in "lamb=4" or "b=45".
    const hit = patterns.find(
      (p) =>
        text.startsWith(p.literal, i) &&
        !/[\w$]/.test(text[i - 1] ?? '') &&
        !/^(\w|\.\d)/.test(text.slice(i + p.literal.length)),
    );
    if (!hit) {
      plain += text[i++];
      continue;
    }
    pieces.push(JSON.stringify(plain + hit.prefix), hit.s.name);
    plain = '';
    live = true;
    i += hit.literal.length;
  }
  if (!live) return text;
  if (plain) pieces.push(JSON.stringify(plain));
  return { expr: pieces.join(' + ') };
}

function panelSpec(
  figure: ActivationsFigure,
  plan: PanelPlan,
  index: number,
  colorOf: (s: PanelSeries) => string,
  c: Colors,
  yDomain: [number, number],
) {
  const { panel, groups } = plan;
  const one = groups.length === 1;
  const initial = groups.map((g) => g.combinations[g.initial].sampled!);
  const zRange = initial[0].zRange;
  const x = {
    field: 'z',
    type: 'quantitative',
    title: figure.xTitle,
    scale: { domain: zRange, nice: false },
    axis: { tickCount: xTickCount(figure.width, figure.fontScale) },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: figure.yTitle,
    scale: { domain: yDomain, nice: false },
    axis: { tickCount: yTickCount(figure.height, figure.fontScale) },
  };
  const fnColor = (s: PanelSeries, fn: Fn) => (!one || fn === 'f' ? colorOf(s) : fn === 'df' ? c.derivative : c.second);
  const drawn = groups.flatMap((g) => g.series.show.map((fn) => ({ s: g.series, fn })));
  const fns = FUNCTIONS.filter((fn) => drawn.some((d) => d.fn === fn));
  const legends = one
    ? [drawn.map((d) => d.s.labels[d.fn])]
    : [groups.map((g) => g.series.name), ...(fns.length > 1 ? [fns.map((fn) => FN_LABEL[fn])] : [])];
  const position =
    figure.legend === 'auto'
      ? chooseLegend(
          legends,
          figure,
          figure.fontScale,
          curvePoints(figure, groups, zRange, yDomain),
          panel.legendTitle !== undefined,
          markerPoints(figure, groups, zRange, yDomain),
        )
      : figure.legend;
  const legend = legendSpec(position);
  // Labels that name a slider's value follow the slider.
  const labelExpr = (labels: string[]) => {
    const live = labels.map((l) => ({ l, t: liveText(l, plan) })).filter((x) => typeof x.t !== 'string');
    if (live.length === 0) return {};
    const chain = live.reduceRight(
      (rest, { l, t }) => `datum.value === ${JSON.stringify(l)} ? ${(t as { expr: string }).expr} : ${rest}`,
      'datum.label',
    );
    return { labelExpr: chain };
  };
  const withLabels = (l: ReturnType<typeof legendSpec>, labels: string[]) => (l ? { ...l, ...labelExpr(labels) } : l);
  const oneLabels = drawn.map((d) => d.s.labels[d.fn]);
  const names = groups.map((g) => g.series.name);
  const encoding = one
    ? {
        color: {
          field: 'label',
          type: 'nominal',
          scale: { domain: oneLabels, range: drawn.map((d) => fnColor(d.s, d.fn)) },
          legend: withLabels(legend, oneLabels),
        },
        strokeDash: {
          field: 'label',
          type: 'nominal',
          scale: { domain: oneLabels, range: drawn.map((d) => DASH[d.fn]) },
          legend: withLabels(legend, oneLabels),
        },
      }
    : {
        color: {
          field: 'label',
          type: 'nominal',
          scale: { domain: names, range: groups.map((g) => colorOf(g.series)) },
          legend: withLabels(legendSpec(position, panel.legendTitle ?? null), names),
        },
        strokeDash: {
          field: 'fnLabel',
          type: 'nominal',
          scale: { domain: fns.map((fn) => FN_LABEL[fn]), range: fns.map((fn) => DASH[fn]) },
          legend: fns.length > 1 ? legend : null,
        },
      };
  const visible = groups.map(inGroup).join(' || ');
  const complete = groups.every((g) => g.series.show.length === fns.length);
  const columns = fns.map((fn) => COLUMN[fn]);
  // The panel's rows at the sliders' values are filtered once, for the layers that read the table.
  const curves = [
    { fold: columns, as: ['fn', 'value'] },
    {
      calculate: byGroup(groups, (g) =>
        byFn(g.series.show, (fn) => JSON.stringify(one ? g.series.labels[fn] : g.series.name)),
      ),
      as: 'label',
    },
    ...(complete ? [] : [{ filter: 'datum.label !== null' }]),
    ...(one ? [] : [{ calculate: byFn(fns, (fn) => JSON.stringify(FN_LABEL[fn])), as: 'fnLabel' }]),
    { calculate: byFn(fns, (fn) => `datum.${SEGMENT[COLUMN[fn]]}`), as: 'segment' },
  ];
  const lines = {
    name: `lines_${index}`,
    transform: curves,
    mark: { type: 'line', strokeWidth: figure.lineWidth, clip: true },
    encoding: {
      x,
      y,
      ...encoding,
      detail: { field: 'segment', type: 'quantitative' },
      order: { field: 'z', type: 'quantitative' },
    },
  };
  // The colour of a function's curve, for the dots that mark its jumps and the pointer's dots.
  const colorExpr = byGroup(groups, (g) => byFn(g.series.show, (fn) => JSON.stringify(fnColor(g.series, fn))));
  const size = Math.round(40 * (figure.lineWidth / 2) ** 2);
  const hover = `hover_${index}`;
  const layer: object[] = [
    ...saturationLayers(figure, groups, visible, c),
    lines,
    ...markerLayers(figure, groups, visible, colorExpr, c, size),
    ...noteLayers(figure, groups, visible, c),
    {
      transform: [...curves, { filter: { param: hover, empty: false } }, { calculate: colorExpr, as: 'color' }],
      mark: { type: 'point', filled: true, size, opacity: 1, clip: true },
      encoding: {
        x: { field: 'z', type: 'quantitative' },
        y: { field: 'value', type: 'quantitative' },
        fill: { field: 'color', type: 'nominal', scale: null },
      },
    },
    { name: `pointer_${index}`, ...pointerRule(groups, hover, c, one) },
  ];
  const title = liveText(panel.title, plan);
  return {
    title: typeof title === 'string' ? title : { text: title },
    width: figure.width,
    height: figure.height,
    data: { name: 'table' },
    transform: [{ filter: visible }],
    layer,
  };
}

/**
 * The rule at the z nearest the pointer, with a tooltip of z and of f, f' (and f'' where drawn) of every
 * series there. The rows are pivoted to one per z; a series without a row at that z (another series'
 * break point) shows a dash.
 */
function pointerRule(groups: Group[], hover: string, c: Colors, one: boolean): object {
  const tips = groups.flatMap((g, i) =>
    (['y', 'dy', ...(g.second ? ['d2y'] : [])] as const).map((column) => ({
      field: `g${i}_${column}`,
      title: one ? FN_LABEL[FN_OF[column]] : `${tipName(g, groups)}: ${FN_LABEL[FN_OF[column]]}`,
    })),
  );
  const second = groups.some((g) => g.second);
  return {
    transform: [
      { fold: ['y', 'dy', ...(second ? ['d2y'] : [])], as: ['fn', 'v'] },
      { calculate: `(${byGroup(groups, (_, i) => `'g${i}'`)}) + '_' + datum.fn`, as: 'key' },
      { pivot: 'key', value: 'v', groupby: ['z'], op: 'max' },
      ...tips.map((t) => ({
        calculate: `isValid(datum.${t.field}) ? format(datum.${t.field}, '${TOOLTIP_FORMAT}') : '–'`,
        as: `t_${t.field}`,
      })),
      { calculate: `format(datum.z, '${TOOLTIP_FORMAT}')`, as: 't_z' },
    ],
    params: [
      { name: hover, select: { type: 'point', fields: ['z'], nearest: true, on: 'pointerover', clear: 'pointerout' } },
    ],
    mark: { type: 'rule', color: c.domain, strokeWidth: 1 },
    encoding: {
      x: { field: 'z', type: 'quantitative' },
      opacity: { condition: { param: hover, empty: false, value: 0.8 }, value: 0 },
      tooltip: [
        { field: 't_z', type: 'nominal', title: 'z' },
        ...tips.map((t) => ({ field: `t_${t.field}`, type: 'nominal', title: t.title })),
      ],
    },
  };
}

/** A series' name in the tooltip: its activation's (the name's parameter values follow the slider). */
function tipName(g: Group, groups: Group[]): string {
  const d = g.activation.displayName;
  return groups.filter((h) => h.activation.displayName === d).length > 1 || g.sliders.length === 0 ? g.series.name : d;
}

/** Dots at each jump's ends for the current values: filled at the value, open at the other limit. */
function markerLayers(
  figure: ActivationsFigure,
  groups: Group[],
  visible: string,
  colorExpr: string,
  c: Colors,
  size: number,
): object[] {
  if (!groups.some((g) => g.combinations.some((k) => k.sampled?.markers.length))) return [];
  return [false, true].map((open) => ({
    data: { name: 'markers' },
    transform: [
      { filter: visible },
      { filter: open ? 'datum.open' : '!datum.open' },
      { calculate: colorExpr, as: 'color' },
    ],
    mark: open
      ? {
          type: 'point',
          filled: false,
          fill: c.background,
          strokeWidth: 0.75 * figure.lineWidth,
          size,
          opacity: 1,
          clip: true,
        }
      : { type: 'point', filled: true, size, opacity: 1, clip: true },
    encoding: {
      x: { field: 'z', type: 'quantitative' },
      y: { field: 'value', type: 'quantitative' },
      [open ? 'stroke' : 'fill']: { field: 'color', type: 'nominal', scale: null },
    },
  }));
}

/** Shaded saturated regions for the current values, with their labels, as the static figure draws them. */
function saturationLayers(figure: ActivationsFigure, groups: Group[], visible: string, c: Colors): object[] {
  const g = groups[0];
  if (groups.length !== 1 || !g.saturation) return [];
  if (!g.combinations.some((k) => k.sampled)) return [];
  const { height, fontScale } = figure;
  const text = (align: string) => ({
    data: { name: 'saturation' },
    transform: [{ filter: visible }, { filter: `datum.align === '${align}'` }],
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
      data: { name: 'saturation' },
      transform: [{ filter: visible }],
      mark: { type: 'rect', color: c.shade, opacity: 0.18 },
      encoding: { x: { field: 'z0', type: 'quantitative' }, x2: { field: 'z1' } },
    },
    ...['left', 'right', 'center'].map(text),
  ];
}

/** Why nothing is drawn at values the library rejects (rrelu's lower above upper). */
function noteLayers(figure: ActivationsFigure, groups: Group[], visible: string, c: Colors): object[] {
  if (!groups.some((g) => g.combinations.some((k) => k.invalid))) return [];
  return [
    {
      data: { name: 'notes' },
      transform: [{ filter: visible }],
      mark: { type: 'text', align: 'center', baseline: 'top', fontSize: 11 * figure.fontScale, color: c.text },
      encoding: {
        x: { value: figure.width / 2 },
        y: { value: 8 },
        text: { field: 'note' },
      },
    },
  ];
}

/** Every few rows of the initial curves in plot pixels: where an automatic legend would hide one. */
function curvePoints(figure: ActivationsFigure, groups: Group[], zRange: number[], yDomain: [number, number]) {
  const points: { x: number; y: number }[] = [];
  for (const g of groups) {
    const rows = g.combinations[g.initial].sampled!.rows;
    const step = Math.max(1, Math.floor(rows.length / 2000));
    for (const fn of g.series.show) {
      for (let i = 0; i < rows.length; i += step) {
        const v = rows[i][COLUMN[fn]]!;
        if (v >= yDomain[0] && v <= yDomain[1]) points.push(toPixels(figure, rows[i].z, v, zRange, yDomain));
      }
    }
  }
  return points;
}

/** The initial jump markers in plot pixels. */
function markerPoints(figure: ActivationsFigure, groups: Group[], zRange: number[], yDomain: [number, number]) {
  return groups.flatMap((g) =>
    g.combinations[g.initial].sampled!.markers.map((m) => toPixels(figure, m.z, m.value, zRange, yDomain)),
  );
}

const toPixels = (figure: ActivationsFigure, z: number, v: number, zRange: number[], yDomain: [number, number]) => ({
  x: ((z - zRange[0]) / (zRange[1] - zRange[0])) * figure.width,
  y: figure.height - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * figure.height,
});

/**
 * An overlay or depth figure's static spec with a pointer added: a rule at the nearest z (depth) and a
 * tooltip of every series' values there. A spec that is not one layered view is returned as it is.
 */
function withPointer(figure: Exclude<Figure, ActivationsFigure>): InteractiveSpec {
  const spec = buildSpec(figure) as InteractiveSpec;
  if (!Array.isArray(spec.layer)) return spec;
  const table = spec.datasets.table as Record<string, unknown>[];
  const present = [...new Set(table.map((r) => r.activation as string))];
  const keys = figure.kind === 'derivatives-overlay' ? overlayKeys(figure).map((k) => k.key) : depthKeys(figure);
  const titles = new Map<string, string>();
  for (const [i, k] of keys.entries()) if (!titles.has(k)) titles.set(k, figure.series[i].label);
  const series = present.map((key) => ({ key, title: titles.get(key) ?? key }));
  const [xField, columns]: [string, [string, string][]] =
    figure.kind === 'derivatives-overlay'
      ? [
          'z',
          [
            ['y', 'f(z)'],
            ['dy', "f'(z)"],
          ],
        ]
      : ['depth', [['gradient', 'RMS gradient']]];
  const tips = series.flatMap((s, i) =>
    columns.map(([column, name]) => ({ field: `g${i}_${column}`, title: `${s.title}: ${name}` })),
  );
  const c = colors(figure.theme, figure.palette, figure.background);
  const keyExpr = series.reduceRight(
    (rest, s, i) => `datum.activation === ${JSON.stringify(s.key)} ? 'g${i}' : ${rest}`,
    "'none'",
  );
  const rule = {
    data: { name: 'table' },
    transform: [
      { fold: columns.map(([column]) => column), as: ['fn', 'v'] },
      { calculate: `(${keyExpr}) + '_' + datum.fn`, as: 'key' },
      { pivot: 'key', value: 'v', groupby: [xField], op: 'max' },
      ...tips.map((t) => ({
        calculate: `isValid(datum.${t.field}) ? format(datum.${t.field}, '${TOOLTIP_FORMAT}') : '–'`,
        as: `t_${t.field}`,
      })),
      { calculate: `format(datum.${xField}, '${TOOLTIP_FORMAT}')`, as: 't_x' },
    ],
    params: [
      {
        name: 'hover',
        select: { type: 'point', fields: [xField], nearest: true, on: 'pointerover', clear: 'pointerout' },
      },
    ],
    mark: { type: 'rule', color: c.domain, strokeWidth: 1 },
    encoding: {
      x: { field: xField, type: 'quantitative' },
      opacity: { condition: { param: 'hover', empty: false, value: 0.8 }, value: 0 },
      tooltip: [
        { field: 't_x', type: 'nominal', title: xField },
        ...tips.map((t) => ({ field: `t_${t.field}`, type: 'nominal', title: t.title })),
      ],
    },
  };
  return { ...spec, config: withFontStack(spec.config), layer: [...spec.layer, rule] };
}
