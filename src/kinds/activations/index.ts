// Panels of activations: each panel one set of axes holding one or more series, each series an
// activation with its parameters drawn as f (solid), f' (dashed) and f'' (dotted). The default kind.
import { type Fn, fnsOf } from '../../figures/model.ts';
import { gridLength } from '../../math/grid.ts';
import { nameSeries, paramSymbol, resolveRef } from '../../math/params.ts';
import { defineKind, type NormalizeKit } from '../kind.ts';
import { seriesKeys } from './data.ts';
import { describeActivations } from './describe.ts';
import { activationsBody } from './panels.ts';
import { activationsSchema } from './schema.ts';
import { type ActivationsFigure, isCrowded, NAME, type PanelSeries, X_TITLE } from './types.ts';

/** Where |f'| counts as saturated unless a panel says. */
export const SATURATION_THRESHOLD = 0.01;

type Parsed = import('zod').z.output<ReturnType<typeof activationsSchema>>;
type ParsedPanel = Parsed['panels'][number];
type ParsedPanelSeries = NonNullable<ParsedPanel['series']>[number];

interface Ref {
  activation: string;
  params?: Record<string, number | string>;
  swept: string[];
  label?: string;
  color?: string;
  show?: Fn[];
}

/** A panel's series, each sweep expanded into one series per value (per combination), knowing what was swept. */
function refsOf(p: ParsedPanel): Ref[] {
  if (!p.series) return [{ activation: p.activation!, params: p.params, swept: [] }];
  return p.series.flatMap((s: ParsedPanelSeries): Ref[] => {
    if (typeof s === 'string') return [{ activation: s, swept: [] }];
    const entries = Object.entries(s.sweep ?? {});
    let combos: Record<string, number | string>[] = [{}];
    for (const [key, values] of entries) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
    return combos.map((c) => ({
      activation: s.activation,
      params: { ...s.params, ...c },
      swept: entries.map(([key]) => key),
      ...(s.label !== undefined && { label: s.label }),
      ...(s.color !== undefined && { color: s.color }),
      ...(s.show !== undefined && { show: s.show }),
    }));
  });
}

/** "GELU, SiLU and Mish"; a sweep of one parameter: "Leaky ReLU, α = 0.01, 0.1, 0.3". */
function panelTitle(refs: Ref[]): string {
  const names = [...new Set(refs.map((r) => resolveRef(r.activation).activation.displayName))];
  const swept = [...new Set(refs.flatMap((r) => r.swept))];
  if (names.length === 1 && swept.length === 1 && refs.every((r) => r.swept.length === 1)) {
    const values = refs.map((r) => resolveRef(r.activation, r.params).params[swept[0]]);
    return `${names[0]}, ${paramSymbol(swept[0])} = ${values.join(', ')}`;
  }
  if (names.length === 1) return `${names[0]} for several parameters`;
  return names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function normalizePanel(f: Parsed, p: ParsedPanel, { base, show, grid }: NormalizeKit) {
  // Three or more panels across a fixed size (a slide) leave each little room: a one-activation panel
  // is titled by its name alone.
  const crowded = isCrowded(base.size, Math.min(f.columns ?? f.panels.length, f.panels.length));
  // On a fixed size the panel's title names the activation, so its legend need only name the functions:
  // a small legend finds a corner that covers no curve where a long one would have to go outside.
  const short = base.size !== undefined;
  const panelShow = p.show
    ? fnsOf(p.show)
    : p.derivative !== undefined
      ? fnsOf(p.derivative ? ['f', 'df'] : ['f'])
      : show;
  const refs = refsOf(p);
  // Several series of one activation (a sweep) are told apart by their parameters alone, under its name.
  const oneActivation =
    refs.length > 1 && new Set(refs.map((r) => resolveRef(r.activation).activation.name)).size === 1;
  const series = refs.map((ref): PanelSeries => {
    const { activation, params, name, paramText } = nameSeries(ref.activation, ref.params, ref.swept);
    const display = resolveRef(activation).activation.displayName;
    const one = refs.length === 1;
    const label = ref.label ?? (oneActivation && paramText ? paramText : name);
    const color = p.color ?? ref.color;
    return {
      activation,
      params,
      name: label,
      show: ref.show ? fnsOf(ref.show) : panelShow,
      // One series keeps the lab's legend ("Sigmoid Activation", "Sigmoid Derivative"); several are told
      // apart by colour (their names) and the functions by dash.
      labels: {
        f: p.labels?.activation ?? (one ? (short ? 'f(z)' : `${display} Activation`) : label),
        df: p.labels?.derivative ?? (one ? (short ? 'f′(z)' : `${display} Derivative`) : `${label}′`),
        d2f: p.labels?.second ?? (one ? (short ? 'f″(z)' : `${display} Second Derivative`) : `${label}″`),
      },
      ...(color !== undefined && { color }),
    };
  });
  const saturation = p.saturation === true ? {} : p.saturation === false ? undefined : p.saturation;
  const only = series.length === 1 ? series[0] : undefined;
  const title =
    (p.title === false ? undefined : p.title) ??
    (only
      ? only.show.includes('df') && !crowded
        ? `${only.name} Activation & Gradient`
        : only.name
      : panelTitle(refs));
  const yDomain = p.yDomain ?? (f.yDomain as [number, number] | undefined);
  return {
    title,
    ...(p.title === false && { hideTitle: true as const }),
    grid: grid((p.grid ?? f.grid)!),
    series,
    ...(oneActivation && { legendTitle: resolveRef(refs[0].activation).activation.displayName }),
    ...(yDomain && { yDomain }),
    kinks: p.kinks ?? true,
    ...(saturation && { saturation: { threshold: saturation.threshold ?? SATURATION_THRESHOLD } }),
  };
}

/** The distinct activations and parameters a figure draws. */
function distinct(f: Parsed): number {
  const seen = new Set<string>();
  for (const ref of f.panels.flatMap(refsOf)) {
    const { activation, params } = resolveRef(ref.activation, ref.params);
    seen.add(JSON.stringify([activation.name, params]));
  }
  return seen.size;
}

export const activations = defineKind<ActivationsFigure, ReturnType<typeof activationsSchema>>({
  name: NAME,
  caption: 'The activation (solid) and its derivative (dashed), as PyTorch computes them.',
  schema: activationsSchema,
  layout: (f, show) => {
    const columns = Math.min(f.columns ?? f.panels.length, f.panels.length);
    return {
      columns,
      rows: Math.ceil(f.panels.length / columns),
      width: 360,
      axisY: 35,
      panelTitles: true,
      figureTitle: typeof f.title === 'string',
      colours: distinct(f),
      onePerPanel: f.panels.every((p) => refsOf(p).length === 1),
      xTitle: X_TITLE,
      yTitle: show.length > 1 ? 'Activation / Gradient' : show[0] === 'f' ? 'Activation' : 'Gradient',
    };
  },
  normalize: (f, kit) => ({
    ...kit.base,
    kind: NAME,
    columns: Math.min(f.columns ?? f.panels.length, f.panels.length),
    shareY: f.shareY ?? false,
    panels: f.panels.map((p) => normalizePanel(f, p, kit)),
  }),
  drawn: (figure) =>
    figure.panels.flatMap((panel, i) =>
      panel.series.map((s, j) => ({
        activation: s.activation,
        params: s.params,
        at: `panels[${i}].series[${j}]`,
        grid: panel.grid,
      })),
    ),
  // A panel that shades saturation gets a threshold slider: the bounds are solved again as it moves.
  controls: (figure) =>
    figure.panels.flatMap((panel, i) =>
      panel.saturation
        ? [
            {
              type: 'range' as const,
              id: `panels.${i}.threshold`,
              label: `${panel.title}: saturation threshold`,
              min: 0.001,
              max: 0.25,
              step: 0.001,
              value: panel.saturation.threshold,
            },
          ]
        : [],
    ),
  apply: (input, id, value) => {
    const i = Number(id.split('.')[1]);
    const panels = [...(input.panels as Record<string, unknown>[])];
    panels[i] = { ...panels[i], saturation: { threshold: value } };
    return { ...input, panels };
  },
  steps: (figure, by) =>
    by === 'panels' ? figure.panels.length : figure.panels.reduce((n, p) => n + p.series.length, 0),
  fixAxes: (figure, yDomains) => ({
    ...figure,
    panels: figure.panels.map((p, i) => (p.yDomain || !yDomains[i] ? p : { ...p, fixedY: yDomains[i] })),
  }),
  title: (figure) => figure.title ?? figure.panels.map((p) => p.title).join(' | '),
  keyed: (figure) => seriesKeys(figure).map(({ key, series }) => ({ key, ...series })),
  rows: (figure) => figure.panels.reduce((n, panel) => n + gridLength(panel.grid) * panel.series.length, 0),
  draw: (figure, c) => {
    const { body, rows, panels } = activationsBody(figure, c);
    return { body, rows, description: describeActivations(figure, panels) };
  },
});
