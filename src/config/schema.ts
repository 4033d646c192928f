// The config's validation: zod schemas of what a user may write (types.ts has the same shape as
// TypeScript types). Every object is strict: an unknown key is an error, not ignored.
import { color } from 'd3-color';
import { z } from 'zod';
import { FORMATS, PNG_FILTERS } from '../formats.ts';
import { findActivation, knownNames } from '../math/activations/registry.ts';
import { arangeLength, MAX_POINTS } from '../math/grid.ts';
import { ParamError, resolveParams } from '../math/params.ts';
import { didYouMean } from '../errors.ts';
import { safeName } from '../text.ts';
import { kinds, type KindName } from '../figures/kinds/registry.ts';
import type { SchemaKit } from '../figures/kinds/kind.ts';
import { FUNCTIONS, LEGEND_POSITIONS, PALETTES, PRESETS, THEMES } from './model.ts';

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
};

/** Problems with an activation reference: an unknown name, or params that do not fit it. */
function activationProblems(p: {
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
    /** A depth figure's weight initialisation; default: the one practice pairs with the activation. */
    init: z.enum(['xavier', 'he', 'lecun']).optional(),
  }),
]);
const checkSeries = (list: z.output<typeof seriesSchema>[] | undefined, ctx: z.RefinementCtx) =>
  list?.forEach((s, i) => {
    // A bare name is itself the activation: report at activations[i], not activations[i].activation.
    for (const { path, message } of activationProblems(typeof s === 'string' ? { activation: s } : s)) {
      ctx.addIssue({ code: 'custom', path: ['activations', i, ...(typeof s === 'string' ? [] : path)], message });
    }
  });

/** The most series one panel may hold, sweeps expanded. */
export const MAX_SERIES = 12;

/** An activation on a panel's axes: its name, or {activation, params, label, color, show, sweep}. */
export const panelSeriesSchema = z.union([
  z.string(),
  z
    .strictObject({
      activation: z.string(),
      params: paramsSchema.optional(),
      label: z.string().optional(),
      color: colorSchema.optional(),
      show: showSchema.optional(),
      /** One series per value (per combination, for several parameters): { beta: [1, 2, 5] }. */
      sweep: z
        .record(
          z.string(),
          z
            .array(z.union([z.number(), z.string()]))
            .min(1)
            .max(MAX_SERIES),
        )
        .optional(),
    })
    .superRefine((s, ctx) => {
      for (const { path, message } of activationProblems(s)) ctx.addIssue({ code: 'custom', path, message });
      const activation = findActivation(s.activation);
      for (const [key, values] of Object.entries(s.sweep ?? {})) {
        if (s.params && Object.hasOwn(s.params, key))
          ctx.addIssue({
            code: 'custom',
            path: ['sweep', key],
            message: 'is also set in params; give it in one place',
          });
        if (activation && !Object.hasOwn(activation.params, key)) {
          // Said once for the key, not once per value.
          const [problem] = activationProblems({ activation: s.activation, params: { [key]: values[0] } });
          ctx.addIssue({ code: 'custom', path: ['sweep', key], message: problem.message });
          continue;
        }
        values.forEach((value, i) => {
          for (const problem of activationProblems({ activation: s.activation, params: { ...s.params, [key]: value } }))
            ctx.addIssue({ code: 'custom', path: ['sweep', key, i], message: problem.message });
        });
      }
    }),
]);
type ParsedPanelSeries = z.output<typeof panelSeriesSchema>;

/** How many series a panel's list makes once its sweeps are expanded. */
export const sweepCount = (s: ParsedPanelSeries): number =>
  typeof s === 'string' ? 1 : Object.values(s.sweep ?? {}).reduce((n, values) => n * values.length, 1);

export const panelSchema = z
  .strictObject({
    /** The panel's one activation (or give `series`). */
    activation: z.string().optional(),
    params: paramsSchema.optional(),
    /** Several activations on this panel's axes. */
    series: z.array(panelSeriesSchema).min(1).optional(),
    title: z.string().optional(),
    grid: gridSchema.optional(),
    derivative: z.boolean().optional(),
    show: showSchema.optional(),
    /** Clip the y axis to [min, max], for functions that grow without bound. */
    yDomain: z.tuple([finite, finite]).optional(),
    /** The activation's line colour (any CSS colour); the palette's otherwise. */
    color: colorSchema.optional(),
    labels: z
      .strictObject({
        activation: z.string().optional(),
        derivative: z.string().optional(),
        second: z.string().optional(),
      })
      .optional(),
    /** Put the activation's kink points on the grid. Default true. */
    kinks: z.boolean().optional(),
    /** Shade where |f'(z)| < threshold (default 0.01): the saturated, vanishing-gradient regions. */
    saturation: z.union([z.boolean(), z.strictObject({ threshold: z.number().positive().optional() })]).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.series) {
      if (p.activation !== undefined)
        ctx.addIssue({ code: 'custom', path: ['activation'], message: 'give either activation or series, not both' });
      for (const key of ['params', 'color', 'labels'] as const) {
        if (p[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: 'belongs to each series when the panel has series' });
      }
      const count = p.series.reduce((n, s) => n + sweepCount(s), 0);
      if (count > MAX_SERIES)
        ctx.addIssue({
          code: 'custom',
          path: ['series'],
          message: `makes ${count} series; at most ${MAX_SERIES} per panel`,
        });
      p.series.forEach((s, i) => {
        if (typeof s !== 'string') return;
        for (const { message } of activationProblems({ activation: s }))
          ctx.addIssue({ code: 'custom', path: ['series', i], message });
      });
    } else if (p.activation === undefined) {
      ctx.addIssue({ code: 'custom', path: ['activation'], message: 'missing (give activation, or series)' });
    } else {
      for (const { path, message } of activationProblems({ activation: p.activation, params: p.params }))
        ctx.addIssue({ code: 'custom', path, message });
    }
    if (p.yDomain && !(p.yDomain[0] < p.yDomain[1]))
      ctx.addIssue({
        code: 'custom',
        path: ['yDomain', 1],
        message: `must be greater than yDomain[0] (${p.yDomain[0]})`,
      });
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
  title: z.string().optional(),
  /** Alt text; generated from the content when omitted. */
  description: z.string().optional(),
  /** A caption for the gallery. */
  caption: z.string().optional(),
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

/** What a figure kind's schema is made of: its module (figures/kinds/) builds it from these. */
const kit: SchemaKit = {
  z,
  common: commonShape,
  grid: gridSchema,
  series: seriesSchema,
  panel: panelSchema,
  finite,
  check: { id: checkId, series: checkSeries as SchemaKit['check']['series'], rows: checkRows },
  gridRows: gridRows as SchemaKit['gridRows'],
  sweepCount: sweepCount as SchemaKit['sweepCount'],
};

/** Each kind's figure schema, by kind. */
export const figureSchemas = Object.fromEntries(
  Object.entries(kinds).map(([name, kind]) => [name, kind.schema(kit)]),
) as { [K in KindName]: ReturnType<(typeof kinds)[K]['schema']> };

// A figure without `kind` is an activations figure.
const figureSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { kind: 'activations', ...v } : v),
  z.discriminatedUnion(
    'kind',
    Object.values(figureSchemas) as unknown as [
      (typeof figureSchemas)['activations'],
      ...(typeof figureSchemas)[KindName][],
    ],
  ),
);

/** A custom activation: a formula in z with its parameters (compiled and checked in formulas.ts). */
const definitionSchema = z.strictObject({
  /** f(z), e.g. "(z + sqrt(z^2 + b)) / 2". */
  formula: z.string().min(1),
  /** Every symbol other than z, with its default. */
  params: z.record(z.string(), finite).optional(),
  /** The display name. Default: the key. */
  label: z.string().min(1).optional(),
  /** A hand-written f', checked against the symbolic derivative. */
  derivative: z.string().min(1).optional(),
  /** A hand-written f'', checked against the symbolic second derivative. */
  second: z.string().min(1).optional(),
  /** Which piece's derivative a kink takes: 'left' (default, as relu'(0) = 0) or 'right'. */
  kink: z.enum(['left', 'right']).optional(),
});

/** The config's own activations by name. */
export const activationsSchema = z.record(z.string(), definitionSchema);

export const configSchema = z
  .strictObject({
    /** Custom activations defined by formula. */
    activations: activationsSchema.optional(),
    /** Write an interactive page per figure (default true). */
    interactive: z.boolean().optional(),
    /** Output folder, relative to the config file. Default "figures". */
    outDir: z.string().min(1).optional(),
    /** Which images to render; the .vl.json spec is always written. Default all three. */
    formats: z
      .array(z.enum(FORMATS))
      .min(1)
      .superRefine((list, ctx) => {
        list.forEach((f, i) => {
          if (list.indexOf(f) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `"${f}" is listed twice` });
        });
      })
      .optional(),
    png: z
      .strictObject({
        /** Device pixels per CSS pixel. Default 2. */
        scale: z.number().min(0.5).max(8).optional(),
        /** zlib level 0-9: higher is smaller and slower. Default 3 (measured: see README, Benchmark). */
        compression: z.number().int().min(0).max(9).optional(),
        /** PNG row filter. Default "up". */
        filter: z.enum(PNG_FILTERS).optional(),
      })
      .optional(),
    /** The gallery page's file name (default index.html), or false for no gallery. */
    gallery: z
      .union([
        z.literal(false),
        z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.html$/, 'must be a file name ending in .html, or false'),
      ])
      .optional(),
    figures: z.array(figureSchema).min(1),
    ...styleShape,
  })
  .superRefine((c, ctx) => {
    const seen = new Map<string, number>();
    c.figures.forEach((f, i) => {
      const key = f.id.toLowerCase(); // figures/A.png and figures/a.png collide on case-insensitive disks
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['figures', i, 'id'],
          message: `duplicate id "${f.id}" (also figures[${seen.get(key)}].id)`,
        });
      else seen.set(key, i);
    });
  });

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

export type ParsedConfig = z.output<typeof configSchema>;
export type ParsedFigure = { [K in KindName]: z.output<(typeof figureSchemas)[K]> }[KindName];
export type ParsedGrid = z.output<typeof gridSchema>;
export type ParsedSeries = z.output<typeof seriesSchema>;
