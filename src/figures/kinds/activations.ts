// Panels of activations: each panel one set of axes holding one or more series, each series an
// activation with its parameters drawn as f (solid), f' (dashed) and f'' (dotted). The default kind.
import { type ActivationsFigure, DEFAULTS, type Fn, FUNCTIONS, type PanelSeries } from '../../config/model.ts';
import { gridLength } from '../../math/grid.ts';
import { nameSeries, resolveRef } from '../../math/params.ts';
import { seriesKeys } from '../data.ts';
import { describeActivations } from '../describe.ts';
import { activationsBody } from '../panels.ts';
import { defineKind, type NormalizeKit, type SchemaKit } from './kind.ts';

const schema = ({ z, common, grid, panel, finite, check, gridRows, sweepCount }: SchemaKit) =>
  z
    .strictObject({
      kind: z.literal('activations'),
      ...common,
      grid: grid.optional(),
      panels: z.array(panel).min(1).max(12),
      /** Panels per row; more wrap onto the next row. Default: all in one row. */
      columns: z.number().int().min(1).max(12).optional(),
      /** One y scale for every panel. Default false. */
      shareY: z.boolean().optional(),
      /** The y range of every panel (with shareY, or as each panel's default). */
      yDomain: z.tuple([finite, finite]).optional(),
    })
    .superRefine((f, ctx) => {
      check.id(f, ctx);
      const series = (p: (typeof f.panels)[number]) => (p.series ? p.series.reduce((k, s) => k + sweepCount(s), 0) : 1);
      check.rows(
        f.panels.reduce((n, p) => n + gridRows(p.grid ?? f.grid) * series(p), 0),
        ctx,
      );
      f.panels.forEach((p, i) => {
        if (!p.grid && !f.grid)
          ctx.addIssue({
            code: 'custom',
            path: ['panels', i, 'grid'],
            message: 'missing: give the figure a grid or the panel its own',
          });
      });
    });

type Parsed = import('zod').z.output<ReturnType<typeof schema>>;
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

/** "GELU, SiLU and Mish"; a sweep of one parameter: "Leaky ReLU, negative_slope = 0.01, 0.1, 0.3". */
function panelTitle(refs: Ref[]): string {
  const names = [...new Set(refs.map((r) => resolveRef(r.activation).activation.displayName))];
  const swept = [...new Set(refs.flatMap((r) => r.swept))];
  if (names.length === 1 && swept.length === 1 && refs.every((r) => r.swept.length === 1)) {
    const values = refs.map((r) => resolveRef(r.activation, r.params).params[swept[0]]);
    return `${names[0]}, ${swept[0]} = ${values.join(', ')}`;
  }
  if (names.length === 1) return `${names[0]} for several parameters`;
  return names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export const fnsOf = (show: readonly Fn[]): Fn[] => FUNCTIONS.filter((fn) => show.includes(fn));

function normalizePanel(f: Parsed, p: ParsedPanel, { show, grid }: NormalizeKit) {
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
        f: p.labels?.activation ?? (one ? `${display} Activation` : label),
        df: p.labels?.derivative ?? (one ? `${display} Derivative` : `${label}'`),
        d2f: p.labels?.second ?? (one ? `${display} Second Derivative` : `${label}''`),
      },
      ...(color !== undefined && { color }),
    };
  });
  const saturation = p.saturation === true ? {} : p.saturation === false ? undefined : p.saturation;
  const only = series.length === 1 ? series[0] : undefined;
  const title =
    p.title ??
    (only ? (only.show.includes('df') ? `${only.name} Activation & Gradient` : only.name) : panelTitle(refs));
  const yDomain = p.yDomain ?? (f.yDomain as [number, number] | undefined);
  return {
    title,
    grid: grid((p.grid ?? f.grid)!),
    series,
    ...(oneActivation && { legendTitle: resolveRef(refs[0].activation).activation.displayName }),
    ...(yDomain && { yDomain }),
    kinks: p.kinks ?? true,
    ...(saturation && { saturation: { threshold: saturation.threshold ?? DEFAULTS.saturationThreshold } }),
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

export const activations = defineKind<ActivationsFigure, ReturnType<typeof schema>>({
  name: 'activations',
  caption: 'The activation (solid) and its derivative (dashed), as PyTorch computes them.',
  schema,
  layout: (f, show) => {
    const columns = Math.min(f.columns ?? f.panels.length, f.panels.length);
    return {
      columns,
      rows: Math.ceil(f.panels.length / columns),
      width: 360,
      axisY: 35,
      panelTitles: true,
      figureTitle: f.title !== undefined,
      colours: distinct(f),
      xTitle: 'Input Value (z)',
      yTitle: show.length > 1 ? 'Activation / Gradient' : show[0] === 'f' ? 'Activation' : 'Gradient',
    };
  },
  normalize: (f, kit) => ({
    ...kit.base,
    kind: 'activations',
    columns: Math.min(f.columns ?? f.panels.length, f.panels.length),
    shareY: f.shareY ?? false,
    panels: f.panels.map((p) => normalizePanel(f, p, kit)),
  }),
  keyed: (figure) => seriesKeys(figure).map(({ key, series }) => ({ key, ...series })),
  rows: (figure) => figure.panels.reduce((n, panel) => n + gridLength(panel.grid) * panel.series.length, 0),
  draw: (figure, c) => {
    const { body, rows, panels } = activationsBody(figure, c);
    return { body, rows, description: describeActivations(figure, panels) };
  },
});
