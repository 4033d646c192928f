import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { findActivation, knownNames } from './activations/index.ts';
import type { ParamValues } from './activations/index.ts';
import { closest, didYouMean, UserError } from './errors.ts';
import { MAX_POINTS, type GridSpec } from './grid.ts';
import { describeParams, ParamError, resolveParams } from './params.ts';

// ---------------------------------------------------------------------------------------------
// The config as users write it. Every object is strict: an unknown key is an error, not ignored.

const finite = z.number();

const gridSchema = z
  .strictObject({
    /** Smallest z. */
    min: finite.optional(),
    /** Largest z (included with `samples`, excluded with `step`, as in numpy). */
    max: finite.optional(),
    /** numpy.linspace(min, max, samples). */
    samples: z.number().int().min(2).max(MAX_POINTS).optional(),
    /** numpy.arange(min, max, step). */
    step: z.number().positive().optional(),
    /** Explicit z values. */
    points: z.array(finite).min(1).max(MAX_POINTS).optional(),
  })
  .superRefine((g, ctx) => {
    if (g.points) {
      for (const key of ['min', 'max', 'samples', 'step'] as const) {
        if (g[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'cannot be combined with points' });
      }
      return;
    }
    if (g.min === undefined) return void ctx.addIssue({ code: 'custom', path: ['min'], message: 'missing (give min, max and samples or step, or points)' });
    if (g.max === undefined) return void ctx.addIssue({ code: 'custom', path: ['max'], message: 'missing (give min, max and samples or step, or points)' });
    if (!(g.min < g.max)) return void ctx.addIssue({ code: 'custom', path: ['max'], message: `must be greater than min (${g.min}), got ${g.max}` });
    if (g.samples === undefined && g.step === undefined) ctx.addIssue({ code: 'custom', path: ['samples'], message: 'missing (give samples or step)' });
    if (g.samples !== undefined && g.step !== undefined) ctx.addIssue({ code: 'custom', path: ['step'], message: 'cannot be combined with samples' });
    if (g.step !== undefined && (g.max - g.min) / g.step > MAX_POINTS) {
      ctx.addIssue({ code: 'custom', path: ['step'], message: `makes ${Math.ceil((g.max - g.min) / g.step)} points; at most ${MAX_POINTS}` });
    }
  });

const styleShape = {
  /** 'light' (default) or 'dark'. */
  theme: z.enum(['light', 'dark']).optional(),
  /** 'lab' (the lab's blue/green with a red derivative, default) or 'colorblind' (Okabe–Ito). */
  palette: z.enum(['lab', 'colorblind']).optional(),
  /** Panel width and height in CSS pixels. */
  width: z.number().int().min(50).max(4000).optional(),
  height: z.number().int().min(50).max(4000).optional(),
  /** 'slide' sizes the whole figure for a 16:9 slide (about 960×540 CSS pixels). */
  preset: z.enum(['default', 'slide']).optional(),
  xTitle: z.string().optional(),
  yTitle: z.string().optional(),
  /** Draw the derivative (dashed) beside the activation. Default true. */
  derivative: z.boolean().optional(),
  /** Show a legend in each panel. Default true. */
  legend: z.boolean().optional(),
};

/** Problems with an activation reference: an unknown name, or params that do not fit it. */
function activationProblems(p: { activation: string; params?: Record<string, unknown> }): { path: PropertyKey[]; message: string }[] {
  const activation = findActivation(p.activation);
  if (!activation) return [{ path: ['activation'], message: `unknown activation "${p.activation}"${didYouMean(p.activation, knownNames)}` }];
  try {
    resolveParams(activation, p.params ?? {});
    return [];
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    return [{ path: ['params', error.key], message: error.message }];
  }
}

const paramsSchema = z.record(z.string(), z.union([z.number(), z.string()]));

/** An activation on a shared set of axes: its name, or {activation, params, label}. */
const seriesSchema = z.union([
  z.string(),
  z.strictObject({ activation: z.string(), params: paramsSchema.optional(), label: z.string().optional() }),
]);
const checkSeries = (list: z.output<typeof seriesSchema>[] | undefined, ctx: z.RefinementCtx) =>
  list?.forEach((s, i) => {
    // A bare name is itself the activation: report at activations[i], not activations[i].activation.
    for (const { path, message } of activationProblems(typeof s === 'string' ? { activation: s } : s)) {
      ctx.addIssue({ code: 'custom', path: ['activations', i, ...(typeof s === 'string' ? [] : path)], message });
    }
  });

const panelSchema = z
  .strictObject({
    activation: z.string(),
    params: paramsSchema.optional(),
    title: z.string().optional(),
    grid: gridSchema.optional(),
    derivative: z.boolean().optional(),
    /** Clip the y axis to [min, max], for functions that grow without bound. */
    yDomain: z.tuple([finite, finite]).optional(),
    /** The activation's line colour (any CSS colour); the palette's otherwise. */
    color: z.string().optional(),
    labels: z.strictObject({ activation: z.string().optional(), derivative: z.string().optional() }).optional(),
    /** Put the activation's kink points on the grid. Default true. */
    kinks: z.boolean().optional(),
    /** Shade where |f'(z)| < threshold (default 0.01): the saturated, vanishing-gradient regions. */
    saturation: z.union([z.boolean(), z.strictObject({ threshold: z.number().positive().optional() })]).optional(),
  })
  .superRefine((p, ctx) => {
    for (const { path, message } of activationProblems(p)) ctx.addIssue({ code: 'custom', path, message });
    if (p.yDomain && !(p.yDomain[0] < p.yDomain[1])) ctx.addIssue({ code: 'custom', path: ['yDomain', 1], message: `must be greater than yDomain[0] (${p.yDomain[0]})` });
  });

const commonShape = {
  /** A safe file name: the figure's files are <id>.vl.json, <id>.png, <id>.svg, <id>.pdf. */
  id: z.string(),
  title: z.string().optional(),
  /** Alt text; generated from the content when omitted. */
  description: z.string().optional(),
  /** A caption for the gallery. */
  caption: z.string().optional(),
  ...styleShape,
};

const checkId = (f: { id: string }, ctx: z.RefinementCtx) => {
  const problem = idProblem(f.id);
  if (problem) ctx.addIssue({ code: 'custom', path: ['id'], message: problem });
};

/** Panels side by side, each an activation (solid) with its derivative (dashed). The default kind. */
const activationsFigureSchema = z
  .strictObject({
    kind: z.literal('activations'),
    ...commonShape,
    grid: gridSchema.optional(),
    panels: z.array(panelSchema).min(1).max(8),
  })
  .superRefine((f, ctx) => {
    checkId(f, ctx);
    f.panels.forEach((p, i) => {
      if (!p.grid && !f.grid) ctx.addIssue({ code: 'custom', path: ['panels', i, 'grid'], message: 'missing: give the figure a grid or the panel its own' });
    });
  });

/** The derivatives of several activations on one set of axes, their peaks labelled. */
const overlayFigureSchema = z
  .strictObject({
    kind: z.literal('derivatives-overlay'),
    ...commonShape,
    /** Default sigmoid, tanh, relu. */
    activations: z.array(seriesSchema).min(1).max(8).optional(),
    /** Default linspace(-10, 10, 401). */
    grid: gridSchema.optional(),
    /** Label each derivative's largest value. Default true. */
    labelPeaks: z.boolean().optional(),
    yDomain: z.tuple([finite, finite]).optional(),
  })
  .superRefine((f, ctx) => {
    checkId(f, ctx);
    checkSeries(f.activations, ctx);
  });

/** The RMS gradient at each layer of a simulated deep network, against depth, on a log scale. */
const depthFigureSchema = z
  .strictObject({
    kind: z.literal('vanishing-gradient-depth'),
    ...commonShape,
    /** Default sigmoid, tanh, relu. */
    activations: z.array(seriesSchema).min(1).max(8).optional(),
    /** Layers. Default 30. */
    depth: z.number().int().min(2).max(500).optional(),
    /** Units per layer. Default 128. */
    units: z.number().int().min(2).max(2048).optional(),
    /** Random inputs in the batch. Default 16. */
    batch: z.number().int().min(1).max(4096).optional(),
    /** Seed of the pseudo-random generator. Default 0. */
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    /** Draw the bound max|f'|^(depth-1), dashed, for activations whose max |f'| is below 1. Default true. */
    bound: z.boolean().optional(),
  })
  .superRefine((f, ctx) => {
    checkId(f, ctx);
    checkSeries(f.activations, ctx);
    const work = (f.depth ?? 30) * (f.units ?? 128) ** 2 * (f.batch ?? 16);
    if (work > 2e9) ctx.addIssue({ code: 'custom', path: ['units'], message: `depth × units² × batch is ${work.toExponential(1)}; at most 2e9 (the simulation would take minutes)` });
  });

export const FIGURE_KINDS = ['activations', 'derivatives-overlay', 'vanishing-gradient-depth'] as const;

// A figure without `kind` is an activations figure.
const figureSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { kind: 'activations', ...v } : v),
  z.discriminatedUnion('kind', [activationsFigureSchema, overlayFigureSchema, depthFigureSchema]),
);

const configSchema = z
  .strictObject({
    /** Output folder, relative to the config file. Default "figures". */
    outDir: z.string().min(1).optional(),
    /** Which images to render; the .vl.json spec is always written. Default all three. */
    formats: z.array(z.enum(['png', 'svg', 'pdf'])).optional(),
    png: z
      .strictObject({
        /** Device pixels per CSS pixel. Default 2. */
        scale: z.number().min(0.5).max(8).optional(),
        /** zlib level 0-9: higher is smaller and slower. Default 3 (measured: see README, Benchmark). */
        compression: z.number().int().min(0).max(9).optional(),
        /** PNG row filter. Default "up". */
        filter: z.enum(['none', 'sub', 'up', 'avg', 'paeth']).optional(),
      })
      .optional(),
    figures: z.array(figureSchema).min(1),
    ...styleShape,
  })
  .superRefine((c, ctx) => {
    const seen = new Map<string, number>();
    c.figures.forEach((f, i) => {
      const key = f.id.toLowerCase(); // figures/A.png and figures/a.png collide on case-insensitive disks
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['figures', i, 'id'], message: `duplicate id "${f.id}" (also figures[${seen.get(key)}].id)` });
      else seen.set(key, i);
    });
  });

/** A figure's id must be usable as a file name on every system, without escaping the output folder. */
function idProblem(id: string): string | undefined {
  if (id === '') return 'must not be empty';
  if (id.includes('/') || id.includes('\\')) return `must not contain a slash: "${id}"`;
  if (id.includes('..')) return `must not contain "..": "${id}"`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return `must be letters, digits, ".", "_" or "-", starting with a letter or digit: "${id}"`;
  if (id.length > 100) return 'must be at most 100 characters';
  return undefined;
}

export type GridConfig = z.input<typeof gridSchema>;
export type PanelConfig = z.input<typeof panelSchema>;
export type FigureConfig =
  | (Omit<z.input<typeof activationsFigureSchema>, 'kind'> & { kind?: 'activations' })
  | z.input<typeof overlayFigureSchema>
  | z.input<typeof depthFigureSchema>;
export type UserConfig = Omit<z.input<typeof configSchema>, 'figures'> & { figures: FigureConfig[] };

/** Identity helper for figures.config.ts: costs nothing at run time, gives the editor the types. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

// ---------------------------------------------------------------------------------------------
// The normalized config: every default filled in, every name canonical, every grid explicit.

export type Format = 'png' | 'svg' | 'pdf';
export type Theme = 'light' | 'dark';
export type Palette = 'lab' | 'colorblind';

export interface Panel {
  activation: string;
  params: ParamValues;
  title: string;
  grid: GridSpec;
  derivative: boolean;
  yDomain?: [number, number];
  color?: string;
  labels: { activation: string; derivative: string };
  kinks: boolean;
  /** Shade where |f'| is below this. */
  saturation?: { threshold: number };
}

/** One activation of an overlay or depth figure. */
export interface Series {
  activation: string;
  params: ParamValues;
  label: string;
}

interface FigureBase {
  id: string;
  title?: string;
  description?: string;
  caption?: string;
  width: number;
  height: number;
  theme: Theme;
  palette: Palette;
  xTitle: string;
  yTitle: string;
  legend: boolean;
}

export interface ActivationsFigure extends FigureBase {
  kind: 'activations';
  panels: Panel[];
}

export interface OverlayFigure extends FigureBase {
  kind: 'derivatives-overlay';
  series: Series[];
  grid: GridSpec;
  labelPeaks: boolean;
  yDomain?: [number, number];
}

export interface DepthFigure extends FigureBase {
  kind: 'vanishing-gradient-depth';
  series: Series[];
  simulation: { depth: number; width: number; batch: number; seed: number };
  bound: boolean;
}

export type Figure = ActivationsFigure | OverlayFigure | DepthFigure;

export interface Config {
  /** Where the config came from, for messages. */
  file: string;
  outDir: string;
  formats: Format[];
  png: { scale: number; compression: number; filter: 'none' | 'sub' | 'up' | 'avg' | 'paeth' };
  figures: Figure[];
}

export const DEFAULT_CONFIG_FILES = ['figures.config.ts', 'figures.config.mjs', 'figures.config.js', 'figures.config.json'];

/** Validates a config object; on failure throws a UserError naming the file and the field path. */
export function normalizeConfig(input: unknown, file: string, baseDir = process.cwd()): Config {
  const result = configSchema.safeParse(input);
  if (!result.success) throw configError(file, result.error.issues, input);
  const c = result.data;
  const figures = c.figures.map((f) => normalizeFigure(f, c));
  return {
    file,
    outDir: resolve(baseDir, c.outDir ?? 'figures'),
    formats: c.formats ?? ['png', 'svg', 'pdf'],
    png: { scale: c.png?.scale ?? 2, compression: c.png?.compression ?? 3, filter: c.png?.filter ?? 'up' },
    figures,
  };
}

type ParsedConfig = z.output<typeof configSchema>;
type ParsedFigure = z.output<typeof activationsFigureSchema> | z.output<typeof overlayFigureSchema> | z.output<typeof depthFigureSchema>;

const DEFAULT_SERIES = ['sigmoid', 'tanh', 'relu'];

function normalizeSeries(list: z.output<typeof seriesSchema>[] | undefined): Series[] {
  return (list ?? DEFAULT_SERIES).map((s) => {
    const ref = typeof s === 'string' ? { activation: s } : s;
    const activation = findActivation(ref.activation)!;
    const params = resolveParams(activation, ref.params ?? {});
    const changed = describeParams(activation, params);
    return { activation: activation.name, params, label: ref.label ?? (changed ? `${activation.displayName} (${changed})` : activation.displayName) };
  });
}

function normalizeFigure(f: ParsedFigure, c: ParsedConfig): Figure {
  const pick = <K extends keyof typeof styleShape>(key: K) => f[key] ?? c[key];
  const preset = pick('preset') ?? 'default';
  const n = f.kind === 'activations' ? f.panels.length : 1;
  // The slide preset aims at a 960×540 figure: panels share the width; axes and legend take the rest.
  const width = pick('width') ?? (preset === 'slide' ? Math.floor((960 - 20) / n) - 70 : f.kind === 'activations' ? 360 : 520);
  const height = pick('height') ?? (preset === 'slide' ? 400 : 300);
  const showDerivative = pick('derivative') ?? true;
  const base: FigureBase = {
    id: f.id,
    ...(f.title !== undefined && { title: f.title }),
    ...(f.description !== undefined && { description: f.description }),
    ...(f.caption !== undefined && { caption: f.caption }),
    width,
    height,
    theme: pick('theme') ?? 'light',
    palette: pick('palette') ?? 'lab',
    xTitle: pick('xTitle') ?? (f.kind === 'vanishing-gradient-depth' ? 'Depth (layers back from the output)' : 'Input Value (z)'),
    yTitle:
      pick('yTitle') ??
      (f.kind === 'vanishing-gradient-depth' ? 'RMS gradient (log scale)' : f.kind === 'derivatives-overlay' ? "Derivative f'(z)" : showDerivative ? 'Activation / Gradient' : 'Activation'),
    legend: pick('legend') ?? true,
  };
  if (f.kind === 'derivatives-overlay') {
    const series = normalizeSeries(f.activations);
    return {
      ...base, kind: f.kind, series,
      title: f.title ?? `Derivatives of ${series.map((s) => s.label).join(', ')}`,
      grid: f.grid ? toGridSpec(f.grid) : { min: -10, max: 10, samples: 401 },
      labelPeaks: f.labelPeaks ?? true,
      ...(f.yDomain && { yDomain: f.yDomain }),
    };
  }
  if (f.kind === 'vanishing-gradient-depth') {
    const simulation = { depth: f.depth ?? 30, width: f.units ?? 128, batch: f.batch ?? 16, seed: f.seed ?? 0 };
    return {
      ...base, kind: f.kind, series: normalizeSeries(f.activations), simulation,
      title: f.title ?? `Gradient size through ${simulation.depth} layers`,
      bound: f.bound ?? true,
    };
  }
  return {
    ...base,
    kind: 'activations',
    panels: f.panels.map((p) => {
      const activation = findActivation(p.activation)!;
      const params = resolveParams(activation, p.params ?? {});
      const changed = describeParams(activation, params);
      const name = changed ? `${activation.displayName} (${changed})` : activation.displayName;
      const grid = (p.grid ?? f.grid)!;
      const saturation = p.saturation === true ? {} : p.saturation === false ? undefined : p.saturation;
      return {
        activation: activation.name,
        params,
        title: p.title ?? (p.derivative ?? showDerivative ? `${name} Activation & Gradient` : name),
        grid: toGridSpec(grid),
        derivative: p.derivative ?? showDerivative,
        ...(p.yDomain && { yDomain: p.yDomain }),
        ...(p.color !== undefined && { color: p.color }),
        labels: {
          activation: p.labels?.activation ?? `${activation.displayName} Activation`,
          derivative: p.labels?.derivative ?? `${activation.displayName} Derivative`,
        },
        kinks: p.kinks ?? true,
        ...(saturation && { saturation: { threshold: saturation.threshold ?? 0.01 } }),
      };
    }),
  };
}

function toGridSpec(g: z.output<typeof gridSchema>): GridSpec {
  if (g.points) return { points: g.points };
  if (g.samples !== undefined) return { min: g.min!, max: g.max!, samples: g.samples };
  return { min: g.min!, max: g.max!, step: g.step! };
}

/** The activations a figure shows, for listings. */
export function figureActivations(f: Figure): string[] {
  return f.kind === 'activations' ? f.panels.map((p) => p.activation) : f.series.map((s) => s.activation);
}

// ---------------------------------------------------------------------------------------------
// Loading and messages.

/** Reads and validates a config file (.ts, .mjs, .js or .json). */
export async function loadConfig(file: string): Promise<Config> {
  const path = resolve(file);
  const name = basename(file);
  if (!['.json', '.ts', '.mts', '.js', '.mjs'].includes(extname(path))) {
    throw new UserError(`${file}: config must be a .ts, .js, .mjs or .json file`);
  }
  let input: unknown;
  if (extname(path) === '.json') {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw missing(file, error);
    }
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new UserError(`${name}: not valid JSON: ${(error as Error).message}`);
    }
  } else {
    try {
      await readFile(path);
    } catch (error) {
      throw missing(file, error);
    }
    const module = await import(pathToFileURL(path).href);
    input = module.default;
    if (input === undefined) throw new UserError(`${name}: has no default export (export default defineConfig({...}))`);
  }
  return normalizeConfig(input, name, dirname(path));
}

function missing(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UserError(code === 'ENOENT' ? `${file}: config file not found` : `${file}: cannot read: ${(error as Error).message}`);
}

/** Formats a field path the way users write it: figures[2].panels[0].activation. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[k];
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const json = JSON.stringify(v);
  return json === undefined ? String(v) : json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

/** Known keys of the object schema at `path`, for "did you mean" on an unknown key. */
const knownKeys: Record<string, readonly string[]> = {
  config: Object.keys(configSchema.shape),
  figure: [...new Set([activationsFigureSchema, overlayFigureSchema, depthFigureSchema].flatMap((schema) => Object.keys(schema.shape)))],
  panel: Object.keys(panelSchema.shape),
  grid: Object.keys(gridSchema.shape),
};

function keysFor(path: readonly PropertyKey[]): readonly string[] {
  const last = path.filter((k) => typeof k === 'string').at(-1);
  if (path.length === 0) return knownKeys.config;
  if (last === 'grid') return knownKeys.grid;
  if (last === 'panels') return knownKeys.panel;
  if (last === 'figures') return knownKeys.figure;
  return [];
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): { path: readonly PropertyKey[]; message: string } {
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const suggestion = closest(key, keysFor(issue.path));
      return { path: [...issue.path, key], message: `unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}` };
    }
    case 'invalid_type':
      if (got === undefined) return { path: issue.path, message: `missing (expected ${issue.expected})` };
      if (issue.expected === 'number' && typeof got === 'number') return { path: issue.path, message: `must be a finite number, got ${got}` };
      return { path: issue.path, message: `expected ${issue.expected}, got ${show(got)}` };
    case 'invalid_value':
      return { path: issue.path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(got)}` };
    case 'too_small':
      if (issue.origin === 'array') return { path: issue.path, message: `must have at least ${issue.minimum} item(s)` };
      return { path: issue.path, message: `must be ${issue.inclusive === false ? '>' : '≥'} ${issue.minimum}, got ${show(got)}` };
    case 'too_big':
      if (issue.origin === 'array') return { path: issue.path, message: `must have at most ${issue.maximum} items` };
      return { path: issue.path, message: `must be ${issue.inclusive === false ? '<' : '≤'} ${issue.maximum}, got ${show(got)}` };
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        return { path: issue.path, message: `must be one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}, got ${show(got)}` };
      }
      return { path: issue.path, message: `not a valid value, got ${show(got)}` };
    default:
      return { path: issue.path, message: issue.code === 'custom' ? issue.message : `${issue.message.replace(/^Invalid input: /, '')}, got ${show(got)}` };
  }
}

function configError(file: string, issues: readonly z.core.$ZodIssue[], input: unknown): UserError {
  const messages = issues.map((issue) => {
    const { path, message } = issueMessage(issue, input);
    return `${file}: ${path.length ? `${formatPath(path)}: ` : ''}${message}`;
  });
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : '';
  return new UserError(messages[0] + more);
}

/** The config file to use: the one given, else the first default name present in `cwd`. */
export async function resolveConfigFile(given: string | undefined, cwd = process.cwd()): Promise<string | undefined> {
  if (given !== undefined) return resolve(cwd, given);
  const { access } = await import('node:fs/promises');
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = resolve(cwd, name);
    try {
      await access(path);
      return path;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

/** Loads the config named by --config, or the default one; a missing default is a UserError. */
export async function loadConfigFrom(given: string | undefined, outDir?: string): Promise<Config> {
  const file = await resolveConfigFile(given);
  if (!file) throw new UserError(`no config: none of ${DEFAULT_CONFIG_FILES.join(', ')} here (give --config FILE)`);
  const config = await loadConfig(given ?? file);
  return outDir === undefined ? config : { ...config, outDir: resolve(outDir) };
}
