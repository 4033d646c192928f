// Loose in, normalized out: validates a config object and fills in every default.
import { resolve } from 'node:path';
import { findActivation } from '../math/activations/registry.ts';
import type { GridSpec } from '../math/grid.ts';
import { describeParams, resolveParams } from '../math/params.ts';
import { canonicalFormats } from '../formats.ts';
import { configError } from './messages.ts';
import { checkOnGrid, type FormulaDefinition, normalizeFormulas } from './formulas.ts';
import {
  DEFAULTS,
  figureActivations,
  FUNCTIONS,
  NORMALIZED,
  type Config,
  type Figure,
  type FigureBase,
  type Fn,
  type PanelSeries,
  type Series,
} from './model.ts';
import type { ParamValues } from '../math/activations/registry.ts';
import {
  configSchema,
  type ParsedConfig,
  type ParsedFigure,
  type ParsedGrid,
  type ParsedSeries,
  type styleShape,
} from './schema.ts';

/**
 * Validates a config object; on failure throws a UserError naming the file and the field path.
 * `file` names the config in messages; `baseDir` is where a relative outDir starts.
 */
export function normalizeConfig(input: unknown, file = 'config', baseDir = process.cwd(), path?: string): Config {
  // Formula activations first: the figures may name them.
  const formulas = normalizeFormulas(input, file);
  const result = configSchema.safeParse(input);
  if (!result.success) throw configError(file, result.error.issues, input);
  const c = result.data;
  const figures = c.figures.map((f) => normalizeFigure(f, c));
  if (formulas) figures.forEach((f, i) => attachFormulas(f, formulas, file, `figures[${i}]`));
  return {
    [NORMALIZED]: true,
    file,
    ...(path !== undefined && { path }),
    outDir: resolve(baseDir, c.outDir ?? DEFAULTS.outDir),
    formats: canonicalFormats(c.formats ?? DEFAULTS.formats),
    png: { ...DEFAULTS.png, ...c.png },
    gallery: c.gallery ?? DEFAULTS.gallery,
    ...(formulas && { activations: formulas }),
    figures,
  };
}

/**
 * Gives a figure the definitions of the formula activations it draws (so its content key covers them)
 * and checks each is finite on the figure's grid.
 */
function attachFormulas(figure: Figure, formulas: Record<string, FormulaDefinition>, file: string, at: string): void {
  const used = figureActivations(figure).filter((name) => Object.hasOwn(formulas, name));
  if (used.length === 0) return;
  figure.formulas = Object.fromEntries(used.map((name) => [name, formulas[name]]));
  if (figure.kind === 'activations') {
    figure.panels.forEach((panel, i) =>
      panel.series.forEach((s, j) => {
        if (used.includes(s.activation))
          checkOnGrid(s.activation, s.params, panel.grid, file, `${at}.panels[${i}].series[${j}]`);
      }),
    );
  } else if (figure.kind === 'derivatives-overlay') {
    figure.series.forEach((s, j) => {
      if (used.includes(s.activation))
        checkOnGrid(s.activation, s.params, figure.grid, file, `${at}.activations[${j}]`);
    });
  }
}

function seriesLabel(
  name: string,
  params: Record<string, number | string>,
): { activation: string; params: typeof params; name: string } {
  const activation = findActivation(name)!;
  const resolved = resolveParams(activation, params);
  const changed = describeParams(activation, resolved);
  return {
    activation: activation.name,
    params: resolved,
    name: changed ? `${activation.displayName} (${changed})` : activation.displayName,
  };
}

function normalizeSeries(list: ParsedSeries[] | undefined): Series[] {
  return (list ?? DEFAULTS.series).map((s) => {
    const ref = typeof s === 'string' ? { activation: s } : s;
    const { activation, params, name } = seriesLabel(ref.activation, ref.params ?? {});
    const init = typeof s === 'string' ? undefined : s.init;
    return { activation, params, label: (typeof s === 'string' ? undefined : s.label) ?? name, ...(init && { init }) };
  });
}

/** The figure's distinct series (activation and parameters): how many colours it needs. */
function distinctSeries(f: ParsedFigure): number {
  if (f.kind !== 'activations') return (f.activations ?? DEFAULTS.series).length;
  const seen = new Set<string>();
  for (const p of f.panels) {
    for (const s of p.series
      ? p.series.flatMap((s) => expandSweep(s))
      : [{ activation: p.activation!, params: p.params }])
      seen.add(
        JSON.stringify([
          findActivation(s.activation)!.name,
          resolveParams(findActivation(s.activation)!, s.params ?? {}),
        ]),
      );
  }
  return seen.size;
}

type ParsedPanelSeries =
  | Exclude<NonNullable<Extract<ParsedFigure, { kind: 'activations' }>['panels'][number]['series']>[number], string>
  | string;

/** A series with a sweep as one series per value (per combination), each knowing which keys were swept. */
function expandSweep(s: ParsedPanelSeries): {
  activation: string;
  params?: Record<string, number | string>;
  swept: string[];
  label?: string;
  color?: string;
  show?: Fn[];
}[] {
  if (typeof s === 'string') return [{ activation: s, swept: [] }];
  const entries = Object.entries(s.sweep ?? {});
  let combos: Record<string, number | string>[] = [{}];
  for (const [key, values] of entries) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  const swept = entries.map(([key]) => key);
  return combos.map((c) => ({
    activation: s.activation,
    params: { ...s.params, ...c },
    swept,
    ...(s.label !== undefined && { label: s.label }),
    ...(s.color !== undefined && { color: s.color }),
    ...(s.show !== undefined && { show: s.show }),
  }));
}

/** "Softplus (beta=2)": the parameters that differ from PyTorch's, and every swept one, default or not. */
function seriesName(
  name: string,
  params: Record<string, number | string>,
  swept: string[],
): { activation: string; params: ParamValues; name: string; paramText: string } {
  const activation = findActivation(name)!;
  const resolved = resolveParams(activation, params);
  const keys = Object.keys(activation.params).filter(
    (key) => swept.includes(key) || resolved[key] !== activation.params[key].default,
  );
  const changed = keys.map((key) => `${key}=${resolved[key]}`).join(', ');
  return {
    activation: activation.name,
    params: resolved,
    name: changed ? `${activation.displayName} (${changed})` : activation.displayName,
    paramText: keys.map((key) => `${key} = ${resolved[key]}`).join(', '),
  };
}

/**
 * Panel sizes that make a 960×540 (16:9) figure: what the axes, titles, spacing and padding take, per
 * column and per row, at this font scale, measured from rendered figures (test/figures/slide.test.ts).
 */
function slideSize(f: ParsedFigure, fontScale: number, columns: number, rows: number, legendOutside: boolean) {
  const spacing = 30 * fontScale;
  // The depth figure's log axis (10⁻¹⁸) and longer title take more room than a linear one.
  const axisY = (f.kind === 'vanishing-gradient-depth' ? 75 : 35) * fontScale;
  const panelTitles = f.kind === 'activations';
  const figureTitle = f.kind !== 'activations' || f.title !== undefined ? 27 * fontScale : 0;
  const row = (panelTitles ? 48 : 31) * fontScale;
  const legend = legendOutside ? 160 * fontScale : 0;
  return {
    width: Math.floor((960 - 24 - legend - (columns - 1) * spacing) / columns - axisY),
    height: Math.floor((540 - 24 - figureTitle - (rows - 1) * spacing) / rows - row),
  };
}

const fnsOf = (show: readonly Fn[]): Fn[] => FUNCTIONS.filter((fn) => show.includes(fn));

function normalizeFigure(f: ParsedFigure, c: ParsedConfig): Figure {
  const pick = <K extends keyof typeof styleShape>(key: K) => f[key] ?? c[key];
  const preset = pick('preset') ?? DEFAULTS.preset;
  const columns = f.kind === 'activations' ? Math.min(f.columns ?? f.panels.length, f.panels.length) : 1;
  const legendOption = pick('legend') ?? true;
  const legend = legendOption === true ? 'auto' : legendOption;
  // The slide preset aims at a 960×540 figure: panels share the width; axes and legend take the rest.
  const rows = f.kind === 'activations' ? Math.ceil(f.panels.length / columns) : 1;
  const fontScale = pick('fontScale') ?? (preset === 'slide' ? 1.75 : 1);
  const slide = slideSize(f, fontScale, columns, rows, legend === 'right');
  const width = pick('width') ?? (preset === 'slide' ? slide.width : f.kind === 'activations' ? 360 : 520);
  const height = pick('height') ?? (preset === 'slide' ? slide.height : 300);
  const showDerivative = pick('derivative') ?? true;
  const show = fnsOf(pick('show') ?? (showDerivative ? ['f', 'df'] : ['f']));
  const background = pick('background');
  const base: FigureBase = {
    id: f.id,
    ...(f.title !== undefined && { title: f.title }),
    ...(f.description !== undefined && { description: f.description }),
    ...(f.caption !== undefined && { caption: f.caption }),
    width,
    height,
    theme: pick('theme') ?? DEFAULTS.theme,
    palette: pick('palette') ?? (distinctSeries(f) > 2 ? 'colorblind' : DEFAULTS.palette),
    xTitle:
      pick('xTitle') ??
      (f.kind === 'vanishing-gradient-depth' ? 'Depth (layers back from the output)' : 'Input Value (z)'),
    yTitle:
      pick('yTitle') ??
      (f.kind === 'vanishing-gradient-depth'
        ? 'RMS gradient (log scale)'
        : f.kind === 'derivatives-overlay'
          ? "Derivative f'(z)"
          : show.length > 1
            ? 'Activation / Gradient'
            : show[0] === 'f'
              ? 'Activation'
              : 'Gradient'),
    legend,
    fontScale,
    lineWidth: pick('lineWidth') ?? (preset === 'slide' ? 3 : 2),
    ...(background !== undefined && { background }),
  };
  if (f.kind === 'derivatives-overlay') {
    const series = normalizeSeries(f.activations);
    return {
      ...base,
      kind: f.kind,
      series,
      title: f.title ?? `Derivatives of ${series.map((s) => s.label).join(', ')}`,
      grid: f.grid ? toGridSpec(f.grid) : DEFAULTS.overlayGrid,
      labelPeaks: f.labelPeaks ?? true,
      ...(f.yDomain && { yDomain: f.yDomain }),
    };
  }
  if (f.kind === 'vanishing-gradient-depth') {
    const d = DEFAULTS.depth;
    const simulation = {
      depth: f.depth ?? d.depth,
      width: f.units ?? d.units,
      batch: f.batch ?? d.batch,
      seed: f.seed ?? d.seed,
    };
    return {
      ...base,
      kind: f.kind,
      series: normalizeSeries(f.activations),
      simulation,
      title: f.title ?? `Gradient size through ${simulation.depth} layers`,
      bound: f.bound ?? true,
    };
  }
  return {
    ...base,
    kind: 'activations',
    columns,
    shareY: f.shareY ?? false,
    panels: f.panels.map((p) => {
      const panelShow = p.show
        ? fnsOf(p.show)
        : p.derivative !== undefined
          ? fnsOf(p.derivative ? ['f', 'df'] : ['f'])
          : show;
      const refs = p.series
        ? p.series.flatMap((s) => expandSweep(s))
        : [{ activation: p.activation!, params: p.params, swept: [] as string[] }];
      // Several series of one activation (a sweep) are told apart by their parameters alone, under its name.
      const oneActivation = refs.length > 1 && new Set(refs.map((r) => findActivation(r.activation)!.name)).size === 1;
      const series = refs.map((ref): PanelSeries => {
        const { activation, params, name, paramText } = seriesName(ref.activation, ref.params ?? {}, ref.swept);
        const display = findActivation(activation)!.displayName;
        const one = refs.length === 1;
        const given = 'label' in ref ? ref.label : undefined;
        const label = given ?? (oneActivation && paramText ? paramText : name);
        return {
          activation,
          params,
          name: label,
          show: 'show' in ref && ref.show ? fnsOf(ref.show) : panelShow,
          // One series keeps the lab's legend ("Sigmoid Activation", "Sigmoid Derivative"); several are told
          // apart by colour (their names) and the functions by dash.
          labels: {
            f: p.labels?.activation ?? (one ? `${display} Activation` : label),
            df: p.labels?.derivative ?? (one ? `${display} Derivative` : `${label}'`),
            d2f: p.labels?.second ?? (one ? `${display} Second Derivative` : `${label}''`),
          },
          ...((p.color ?? ('color' in ref ? ref.color : undefined)) !== undefined && {
            color: p.color ?? (ref as { color?: string }).color,
          }),
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
        grid: toGridSpec((p.grid ?? f.grid)!),
        series,
        ...(oneActivation && { legendTitle: findActivation(refs[0].activation)!.displayName }),
        ...(yDomain && { yDomain }),
        kinks: p.kinks ?? true,
        ...(saturation && { saturation: { threshold: saturation.threshold ?? DEFAULTS.saturationThreshold } }),
      };
    }),
  };
}

/** "GELU, SiLU and Mish"; a sweep of one parameter: "Leaky ReLU, negative_slope = 0.01, 0.1, 0.3". */
function panelTitle(refs: ReturnType<typeof expandSweep>): string {
  const names = [...new Set(refs.map((r) => findActivation(r.activation)!.displayName))];
  const swept = [...new Set(refs.flatMap((r) => r.swept))];
  if (names.length === 1 && swept.length === 1 && refs.every((r) => r.swept.length === 1)) {
    const values = refs.map((r) => resolveParams(findActivation(r.activation)!, r.params ?? {})[swept[0]]);
    return `${names[0]}, ${swept[0]} = ${values.join(', ')}`;
  }
  if (names.length === 1) return `${names[0]} for several parameters`;
  return names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function toGridSpec(g: ParsedGrid): GridSpec {
  if (g.points) return { points: g.points };
  if (g.samples !== undefined) return { min: g.min!, max: g.max!, samples: g.samples };
  return { min: g.min!, max: g.max!, step: g.step! };
}
