// The pieces every figure kind's config schema is made of (zod): grids, style keys, activation
// references and the checks they share. A kind's folder builds its own schema from them (kinds/kind.ts);
// config/schema.ts puts the kinds' schemas together. Every object is strict: an unknown key is an error.
import { color } from 'd3-color';
import { z } from 'zod';
import { canonicalName, findActivation, knownNames } from '../math/activations/registry.ts';

// For the config's `hues`, which name activations as figures do.
export { canonicalName };
import { arangeLength, MAX_POINTS } from '../math/grid.ts';
import { ParamError, resolveParams } from '../math/params.ts';
import { didYouMean } from '../errors.ts';
import { safeName } from '../text.ts';
import { animateSchema, revealSchema } from './motion.ts';
import { FUNCTIONS, INIT_NAMES, LEGEND_POSITIONS, PALETTES, PRESETS, THEMES } from '../figures/model.ts';

const finite = z.number();

/** Any CSS colour d3-color can parse: a name, #rgb, #rrggbb, rgb(), hsl(). */
const colorSchema = z.string().refine((c) => color(c) !== null, {
  error: (issue) =>
    `not a CSS colour (a name such as "teal", #0072b2 or rgb(0, 114, 178)), got ${JSON.stringify(issue.input)}`,
});

/** Which of f, f', f'' to draw: e.g. ['f', 'df']. */
const showSchema = z
  .array(z.enum(FUNCTIONS))
  .min(1)
  .superRefine((list, ctx) => {
    list.forEach((f, i) => {
      if (list.indexOf(f) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `"${f}" is listed twice` });
    });
  });

export const gridSchema = z
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
        if (g[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: 'cannot be combined with points' });
      }
      return;
    }
    if (g.min === undefined)
      return void ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: 'missing (give min, max and samples or step, or points)',
      });
    if (g.max === undefined)
      return void ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'missing (give min, max and samples or step, or points)',
      });
    if (!(g.min < g.max))
      return void ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `must be greater than min (${g.min}), got ${g.max}`,
      });
    // numpy's linspace steps by (max - min) / (samples - 1): a range wider than the largest double makes
    // every point Infinity or NaN, as `actfig eval` says of the same range.
    if (!Number.isFinite(g.max - g.min))
      return void ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `the range ${g.min} to ${g.max} is too wide for double precision (max - min overflows)`,
      });
    if (g.samples === undefined && g.step === undefined)
      ctx.addIssue({ code: 'custom', path: ['samples'], message: 'missing (give samples or step)' });
    if (g.samples !== undefined && g.step !== undefined)
      ctx.addIssue({ code: 'custom', path: ['step'], message: 'cannot be combined with samples' });
    if (g.step !== undefined && (g.max - g.min) / g.step > MAX_POINTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['step'],
        message: `makes ${Math.ceil((g.max - g.min) / g.step)} points; at most ${MAX_POINTS}`,
      });
    }
  });

export const styleShape = {
  /** 'light' (default) or 'dark'. */
  theme: z.enum(THEMES).optional(),
  /** 'lab' (the lab's blue/green with a red derivative, default) or 'colorblind' (Okabe–Ito). */
  palette: z.enum(PALETTES).optional(),
  /** Panel width and height in CSS pixels. */
  width: z.number().int().min(50).max(4000).optional(),
  height: z.number().int().min(50).max(4000).optional(),
  /** 'slide' sizes the whole figure for a 16:9 slide (about 960×540 CSS pixels). */
  preset: z.enum(PRESETS).optional(),
  /** The whole figure's [width, height] in CSS pixels, titles, legends and margins included. */
  size: z.tuple([z.number().int().min(100).max(4000), z.number().int().min(100).max(4000)]).optional(),
  xTitle: z.string().optional(),
  yTitle: z.string().optional(),
  /** Draw the derivative (dashed) beside the activation. Default true. */
  derivative: z.boolean().optional(),
  /** Show a legend in each panel (true: top-left), where, or not (false). Default true. */
  legend: z.union([z.boolean(), z.enum(LEGEND_POSITIONS)]).optional(),
  /** Which of f, f', f'' each series draws. Default ['f', 'df'] (or ['f'] with derivative: false). */
  show: showSchema.optional(),
  /** Multiplies every font size. Default 1 (the slide preset: larger). */
  fontScale: z.number().min(0.5).max(4).optional(),
  /** The curves' stroke width in CSS pixels. Default 2 (the slide preset: 3). */
  lineWidth: z.number().min(0.5).max(12).optional(),
  /** The background: a CSS colour, or 'transparent' (PNG and SVG; PDF pages stay opaque white). */
  background: z.union([z.literal('transparent'), colorSchema]).optional(),
  /** SVG text as outlines ('path', default: the same in every viewer) or as <text> elements ('text'). */
  svg: z.strictObject({ text: z.enum(['path', 'text']).optional() }).optional(),
  /** Your own font: a file, or [regular, bold], relative to the config; the family comes from the file. */
  font: z
    .strictObject({ file: z.union([z.string().min(1), z.tuple([z.string().min(1), z.string().min(1)])]) })
    .optional(),
};

/** Problems with an activation reference: an unknown name, or params that do not fit it. */
export function activationProblems(p: {
  activation: string;
  params?: Record<string, unknown>;
}): { path: PropertyKey[]; message: string }[] {
  const activation = findActivation(p.activation);
  if (!activation)
    return [
      { path: ['activation'], message: `unknown activation "${p.activation}"${didYouMean(p.activation, knownNames)}` },
    ];
  try {
    resolveParams(activation, p.params ?? {});
    return [];
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    return [{ path: ['params', error.key], message: error.message }];
  }
}

// A key such as "__proto__" is refused by name rather than dropped: every key must be a parameter.
const paramsSchema = z.preprocess(
  (v, ctx) => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      if (v && typeof v === 'object' && Object.hasOwn(v, key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'not a parameter name', input: v });
      }
    }
    return v;
  },
  z.record(z.string(), z.union([z.number(), z.string()])),
);

/** An activation on a shared set of axes: its name, or {activation, params, label}. */
export const seriesSchema = z.union([
  z.string(),
  z.strictObject({
    activation: z.string(),
    params: paramsSchema.optional(),
    label: z.string().optional(),
    /** A depth or training figure's weight initialisation; default: the one practice pairs with the activation. */
    init: z.enum(INIT_NAMES).optional(),
  }),
]);
const checkSeries = (list: z.output<typeof seriesSchema>[] | undefined, ctx: z.RefinementCtx) =>
  list?.forEach((s, i) => {
    // A bare name is itself the activation: report at activations[i], not activations[i].activation.
    for (const { path, message } of activationProblems(typeof s === 'string' ? { activation: s } : s)) {
      ctx.addIssue({ code: 'custom', path: ['activations', i, ...(typeof s === 'string' ? [] : path)], message });
    }
  });

/** A slider's range on an interactive page. */
const sliderSchema = z
  .strictObject({ min: finite, max: finite, step: z.number().positive() })
  .refine((r) => r.min < r.max, { error: 'min must be below max', path: ['max'] });

/** A figure's interactive page: true (default), false for none, or slider ranges by parameter name. */
const interactiveSchema = z.union([z.boolean(), z.record(z.string(), sliderSchema)]);

export const commonShape = {
  /** The figure's interactive page (<id>.html): true, false, or slider ranges by parameter name. */
  interactive: interactiveSchema.optional(),
  /** A safe file name: the figure's files are <id>.vl.json, <id>.png, <id>.svg, <id>.pdf. */
  id: z.string(),
  /** The figure's title, or false for none (a slide's heading is its title). */
  title: z.union([z.string(), z.literal(false)]).optional(),
  /** Alt text; generated from the content when omitted. */
  description: z.string().optional(),
  /** A caption for the gallery. */
  caption: z.string().optional(),
  /** Also write <id>-1.<ext> … <id>-k.<ext>, frame i drawing the first i series (or panels). */
  reveal: revealSchema.optional(),
  /** Also write <id>.gif, sweeping one series' parameter over the frames. */
  animate: animateSchema.optional(),
  ...styleShape,
};

/** A figure's rows: every point of every panel or series. Above this a render process would need gigabytes. */
export const MAX_FIGURE_ROWS = 4_000_000;

type GridInput = { points?: number[]; samples?: number; min?: number; max?: number; step?: number } | undefined;
const gridRows = (g: GridInput, fallback = 0): number =>
  !g
    ? fallback
    : g.points
      ? g.points.length
      : (g.samples ?? (g.step ? arangeLength(g.min ?? 0, g.max ?? 0, g.step) : 0));

const checkRows = (rows: number, ctx: z.RefinementCtx) => {
  if (rows > MAX_FIGURE_ROWS) {
    const message = `${rows} points in all panels and series; at most ${MAX_FIGURE_ROWS} per figure`;
    ctx.addIssue({ code: 'custom', path: ['grid'], message });
  }
};

const checkId = (f: { id: string }, ctx: z.RefinementCtx) => {
  const problem = idProblem(f.id);
  if (problem) ctx.addIssue({ code: 'custom', path: ['id'], message: problem });
};

/** The shared pieces a kind's schema is made of: its folder (src/kinds/) builds its schema from these. */
export const kit = {
  z,
  /** id, title, description, caption, interactive and the style keys every figure has. */
  common: commonShape,
  grid: gridSchema,
  /** An activation on shared axes: a name or {activation, params, label, init}. */
  series: seriesSchema,
  params: paramsSchema,
  color: colorSchema,
  show: showSchema,
  finite,
  /** Problems with an activation reference: an unknown name, or params that do not fit it. */
  activationProblems,
  findActivation,
  check: { id: checkId, series: checkSeries, rows: checkRows },
  /** The rows a grid makes (`fallback` when there is none). */
  gridRows,
};

export type SchemaKit = typeof kit;

/** A figure's id must be usable as a file name on every system, without escaping the output folder. */
function idProblem(id: string): string | undefined {
  if (id === '') return 'must not be empty';
  if (id.includes('/') || id.includes('\\')) return `must not contain a slash: "${id}"`;
  if (id.includes('..')) return `must not contain "..": "${id}"`;
  if (id.length > 100) return 'must be at most 100 characters';
  // The same rule as the manifest's file names (text.ts), so every figure's files are safe names.
  if (!safeName(id)) return `must be letters, digits, ".", "_" or "-", starting with a letter or digit: "${id}"`;
  return undefined;
}
