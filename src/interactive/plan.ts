// What an interactive page precomputes: for each panel its sliders (one per number parameter of each
// activation it shows) and its groups (the series of one activation, which share those sliders and so
// draw one curve), and for each group every combination of its sliders' values sampled exactly as a
// static figure samples it: the library's evaluate on the panel's grid plus that combination's breaks.
import type { ActivationsFigure, Fn, Panel, PanelSeries } from '../config/model.ts';
import { FUNCTIONS } from '../config/model.ts';
import { findActivation } from '../math/activations/registry.ts';
import type { Activation, NumberParam, ParamValues } from '../math/activations/types.ts';
import { ParamError, resolveParams } from '../math/params.ts';
import { saturatedIntervals } from '../figures/panels.ts';
import { COLUMN, sampleActivation, type Column, type Sampled, type Split } from '../figures/data.ts';
import { short } from '../text.ts';
import { defaultRange, MAX_COMBINATIONS, MAX_STEPS, type SliderRange, sliderValues } from './sliders.ts';

export interface InteractiveOptions {
  /**
   * Slider ranges by parameter name ("negative_slope") or, for one activation only, by
   * "activation.parameter" ("leaky_relu.negative_slope"); they replace the parameter's own `range`.
   */
  sliders?: Record<string, SliderRange>;
}

/** One slider: a Vega-Lite parameter bound to a range input. */
export interface Slider {
  /** The Vega-Lite parameter's name: a JavaScript identifier, unique in the spec. */
  name: string;
  /** The activation's canonical name and its parameter. */
  activation: string;
  param: string;
  /** The column of the rows that holds this parameter's value. */
  column: string;
  /** The input's label. */
  label: string;
  min: number;
  max: number;
  step: number;
  values: number[];
  /** The initial value: the first series' own. */
  value: number;
}

/** One parameter combination of a group: its sampled curve, or why the library rejects it. */
export interface Combination {
  /** Each slider's value, in the group's slider order. */
  values: number[];
  params: ParamValues;
  sampled?: Sampled;
  invalid?: string;
}

/** The series of a panel that share an activation (and its choice parameters): one curve on the page. */
export interface Group {
  /** The `activation` value of its rows (several panels' equal groups share rows). */
  key: string;
  /** Whether this group is the first with its key (then its rows go into the table). */
  isNew: boolean;
  activation: Activation;
  /** The merged series as the page draws it: the first member's parameters, every member's functions. */
  series: PanelSeries;
  /** The panel's series it stands for. */
  members: PanelSeries[];
  sliders: Slider[];
  combinations: Combination[];
  /** Index of the combination of the sliders' initial values. */
  initial: number;
  /** Whether rows carry f'' (the group draws it). */
  second: boolean;
  /** Saturated intervals are shaded (a panel of one group that asks for it). */
  saturation?: { threshold: number };
}

export interface PanelPlan {
  panel: Panel;
  groups: Group[];
  sliders: Slider[];
}

/** Columns no parameter column may take. */
const RESERVED = new Set(['activation', 'z', 'y', 'dy', 'd2y', 'sy', 'sdy', 'sd2y', 'value', 'open', 'fn', 'note']);
/** Names Vega gives its own signals, or forbids. */
const VEGA_NAMES = new Set(['datum', 'event', 'item', 'parent', 'width', 'height', 'padding', 'autosize', 'cursor']);

const identifier = (s: string) => s.replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(?=[0-9])/, '_');

/** The parameter's slider range: options by "activation.param", then by "param", then its own. */
function rangeOf(activation: Activation, param: string, spec: NumberParam, options: InteractiveOptions): SliderRange {
  return options.sliders?.[`${activation.name}.${param}`] ?? options.sliders?.[param] ?? defaultRange(spec);
}

/** Every slider value combination, the first slider outermost. */
function product(lists: number[][]): number[][] {
  return lists.reduce<number[][]>((acc, list) => acc.flatMap((c) => list.map((v) => [...c, v])), [[]]);
}

/** The label replacing a merged sweep's: its activation with the sliders' parameters. */
function sweepName(activation: Activation, sliders: Slider[]): string {
  return sliders.length ? `${activation.displayName} (${sliders.map((s) => `${s.param}=${s.value}`).join(', ')})` : '';
}

/**
 * The page's plan of an activations figure: sliders, groups and every combination sampled. Combinations
 * the library rejects (rrelu's lower above upper, a value failing a parameter's check) are kept with the
 * message, so the page can say why nothing is drawn.
 */
export function planFigure(figure: ActivationsFigure, options: InteractiveOptions = {}): PanelPlan[] {
  // Which activation/parameter pairs have sliders in more than one panel: their labels name the panel.
  const pairsByPanel = figure.panels.map(
    (p) =>
      new Set(
        p.series.flatMap((s) => {
          const a = findActivation(s.activation)!;
          return Object.entries(a.params)
            .filter(([, spec]) => spec.kind === 'number' && spec.range !== false)
            .map(([k]) => `${a.name}.${k}`);
        }),
      ),
  );
  const panelsOf = (pair: string) => pairsByPanel.filter((set) => set.has(pair)).length;
  const names = new Set<string>();
  const unique = (base: string) => {
    let name = VEGA_NAMES.has(base) ? `${base}_` : base;
    for (let n = 2; names.has(name); n++) name = `${base}_${n}`;
    names.add(name);
    return name;
  };
  const keys = new Map<string, string>();
  const usedKeys = new Set<string>();
  return figure.panels.map((panel) => {
    // Groups: by activation and its choice parameters, in order of first appearance.
    const byGroup = new Map<string, PanelSeries[]>();
    for (const s of panel.series) {
      const a = findActivation(s.activation)!;
      const choices = Object.entries(a.params)
        .filter(([, spec]) => spec.kind === 'choice')
        .map(([k]) => [k, s.params[k]]);
      const id = JSON.stringify([a.name, choices]);
      byGroup.set(id, [...(byGroup.get(id) ?? []), s]);
    }
    // Sliders: one per number parameter of each activation of the panel, its value the first series'.
    const sliders = new Map<string, Slider>();
    const columns = new Map<string, string>();
    for (const s of panel.series) {
      const a = findActivation(s.activation)!;
      for (const [param, spec] of Object.entries(a.params)) {
        if (spec.kind !== 'number' || spec.range === false || sliders.has(`${a.name}.${param}`)) continue;
        const value = s.params[param] as number;
        const range = rangeOf(a, param, spec, options);
        const v = sliderValues(range, value, { maxSteps: MAX_STEPS, check: spec.check });
        const pair = `${a.name}.${param}`;
        const label = `${a.displayName}: ${param}`;
        if (!columns.has(param)) {
          const used = new Set(columns.values());
          let column = RESERVED.has(param) || identifier(param) !== param ? `param_${identifier(param)}` : param;
          for (let n = 2; used.has(column); n++) column = `${identifier(param)}_${n}`;
          columns.set(param, column);
        }
        sliders.set(pair, {
          name: unique(identifier(pair.replace('.', '_'))),
          activation: a.name,
          param,
          column: columns.get(param)!,
          label: panelsOf(pair) > 1 ? `${panel.title} · ${label}` : label,
          min: v.min,
          max: v.max,
          step: v.step,
          values: v.values,
          value,
        });
      }
    }
    // Two sliders make every pair of their values: coarser steps until the combinations fit.
    const byActivation = new Map<string, Slider[]>();
    for (const slider of sliders.values())
      byActivation.set(slider.activation, [...(byActivation.get(slider.activation) ?? []), slider]);
    for (const list of byActivation.values()) {
      while (list.reduce((n, s) => n * s.values.length, 1) > MAX_COMBINATIONS) {
        const widest = list.reduce((a, b) => (b.values.length > a.values.length ? b : a));
        const a = findActivation(widest.activation)!;
        const spec = a.params[widest.param] as NumberParam;
        const v = sliderValues(rangeOf(a, widest.param, spec, options), widest.value, {
          maxSteps: widest.values.length - 1,
          check: spec.check,
        });
        Object.assign(widest, { min: v.min, max: v.max, step: v.step, values: v.values });
      }
    }
    const oneGroup = byGroup.size === 1;
    const groups = [...byGroup.values()].map((members): Group => {
      const first = members[0];
      const activation = findActivation(first.activation)!;
      const own = byActivation.get(activation.name) ?? [];
      const show = FUNCTIONS.filter((fn) => members.some((m) => m.show.includes(fn)));
      const merged =
        members.length > 1 && members.some((m) => JSON.stringify(m.params) !== JSON.stringify(first.params));
      const series: PanelSeries = merged ? mergedSeries(activation, members, own, show, oneGroup) : { ...first, show };
      const second = show.includes('d2f');
      const saturation = oneGroup ? panel.saturation : undefined;
      const identity = JSON.stringify([
        activation.name,
        first.params,
        own.map((s) => [s.param, s.values]),
        panel.grid,
        panel.kinks,
        show,
        saturation ?? null,
      ]);
      let key = keys.get(identity);
      const isNew = key === undefined;
      if (key === undefined) {
        const base = activation.name;
        key = base;
        for (let n = 2; usedKeys.has(key); n++) key = `${base}#${n}`;
        usedKeys.add(key);
        keys.set(identity, key);
      }
      const combinations = product(own.map((s) => s.values)).map((values): Combination => {
        const given: ParamValues = { ...first.params };
        for (const [i, s] of own.entries()) given[s.param] = values[i];
        let params: ParamValues;
        try {
          params = resolveParams(activation, given);
        } catch (error) {
          if (!(error instanceof ParamError)) throw error;
          return { values, params: given, invalid: `${error.key} ${error.message}` };
        }
        const sampled = sampleActivation(activation.name, params, panel.grid, {
          kinks: panel.kinks,
          key: key!,
          y: show.includes('f'),
          dy: show.includes('df'),
          d2y: second,
          second,
        });
        return { values, params, sampled };
      });
      const initial = combinations.findIndex((c) => c.values.every((v, i) => v === own[i].value));
      return {
        key,
        isNew,
        activation,
        series,
        members,
        sliders: own,
        combinations,
        initial,
        second,
        ...(saturation && { saturation }),
      };
    });
    return { panel, groups, sliders: [...sliders.values()] };
  });
}

/**
 * A sweep's series made one: the slider sets the parameter for all of them, so they would draw one curve.
 * It keeps the first member's colour; its name gives the activation and the live parameters.
 */
function mergedSeries(
  activation: Activation,
  members: PanelSeries[],
  sliders: Slider[],
  show: Fn[],
  alone: boolean,
): PanelSeries {
  const first = members[0];
  const name = sweepName(activation, sliders) || first.name;
  const same = (fn: Fn) => members.every((m) => m.labels[fn] === first.labels[fn]);
  const d = activation.displayName;
  const defaults: Record<Fn, string> = alone
    ? { f: `${d} Activation`, df: `${d} Derivative`, d2f: `${d} Second Derivative` }
    : { f: name, df: `${name}'`, d2f: `${name}''` };
  const labels = Object.fromEntries(FUNCTIONS.map((fn) => [fn, same(fn) ? first.labels[fn] : defaults[fn]])) as Record<
    Fn,
    string
  >;
  return { ...first, name, show, labels };
}

/** The segment of a row: how many of its line's splits lie left of it. */
export function segmentOf(z: number, splits: readonly Split[]): number {
  let n = 0;
  for (const s of splits) if (s.side === 'left' ? z > s.z : z >= s.z) n++;
  return n;
}

/** The rows of the page's tables, for every new group of every panel. */
export function tables(plans: PanelPlan[]) {
  const table: Record<string, unknown>[] = [];
  const markers: Record<string, unknown>[] = [];
  const saturation: Record<string, unknown>[] = [];
  const notes: Record<string, unknown>[] = [];
  for (const { panel, groups } of plans) {
    for (const g of groups) {
      if (!g.isNew) continue;
      for (const c of g.combinations) {
        const head: Record<string, unknown> = { activation: g.key };
        for (const [i, s] of g.sliders.entries()) head[s.column] = c.values[i];
        if (!c.sampled) {
          notes.push({ ...head, note: c.invalid });
          continue;
        }
        const { rows, splits } = c.sampled;
        for (const r of rows) {
          const row: Record<string, unknown> = { ...head, z: r.z, y: r.y, dy: r.dy };
          if (g.second) row.d2y = r.d2y;
          row.sy = segmentOf(r.z, splits.y);
          row.sdy = segmentOf(r.z, splits.dy);
          if (g.second) row.sd2y = segmentOf(r.z, splits.d2y);
          table.push(row);
        }
        for (const m of c.sampled.markers)
          markers.push({ ...head, z: m.z, value: m.value, open: m.open, fn: m.series });
        if (g.saturation) {
          for (const s of saturationRows({ ...panel, saturation: g.saturation }, c.sampled))
            saturation.push({ ...head, ...s });
        }
      }
    }
  }
  return { table, markers, saturation, notes };
}

/** A panel's saturated regions with their labels, as the static figure writes them. */
function saturationRows(panel: Panel, sampled: Sampled) {
  const intervals = saturatedIntervals(panel, sampled);
  const [lo, hi] = sampled.zRange;
  const t = short(panel.saturation!.threshold);
  const range = (a: number, b: number) =>
    a <= lo ? `z < ${short(b, 4)}` : b >= hi ? `z > ${short(a, 4)}` : `${short(a, 4)} < z < ${short(b, 4)}`;
  return intervals.map(([a, b]) => ({
    z0: a,
    z1: b,
    at: a <= lo ? a : b >= hi ? b : (a + b) / 2,
    align: a <= lo ? 'left' : b >= hi ? 'right' : 'center',
    label: `saturated: |f'(z)| < ${t}\n${range(a, b)}`,
  }));
}

/** A row column for each function. */
export const SEGMENT: Record<Column, string> = { y: 'sy', dy: 'sdy', d2y: 'sd2y' };
export { COLUMN };
