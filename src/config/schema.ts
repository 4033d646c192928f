// The config's validation: the zod schema of what a user may write, put together from the shared pieces
// (schema/kit.ts) and each figure kind's own schema (src/kinds/). The user's types are inferred from it
// (types.ts). Every object is strict: an unknown key is an error, not ignored.
import { z } from 'zod';
import { FORMATS, PNG_FILTERS } from '../formats.ts';
import {
  activationProblems,
  canonicalName,
  kit,
  styleShape,
  type gridSchema,
  type seriesSchema,
} from '../schema/kit.ts';
import { allKinds, DEFAULT_KIND, kindsVersion } from '../kinds/registry.ts';

const { finite } = kit;

/** A figure as validated: the common fields every kind shares, and its kind's own (loosely typed here). */
export type ParsedFigure = z.output<z.ZodObject<typeof kit.common>> & { kind: string } & Record<string, unknown>;

/** Each kind's figure schema: a figure without `kind` is one of the first kind. */
function buildFigureSchema() {
  const schemas = allKinds().map((kind) => kind.schema(kit));
  return z.preprocess(
    (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { kind: DEFAULT_KIND, ...v } : v),
    z.discriminatedUnion('kind', schemas as unknown as [z.ZodObject, ...z.ZodObject[]]),
  ) as unknown as z.ZodType<ParsedFigure>;
}

/** A custom activation: a formula in z with its parameters (compiled and checked in formulas.ts). */
export const definitionSchema = z.strictObject({
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

const buildConfigSchema = (figureSchema: z.ZodType<ParsedFigure>) =>
  z
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
      /** The order in which activations take the palette's colours; null keeps a colour free. */
      hues: z
        .array(z.string().nullable())
        .max(64)
        .superRefine((list, ctx) => {
          list.forEach((name, i) => {
            if (name === null) return;
            const problem = activationProblems({ activation: name })[0];
            if (problem) ctx.addIssue({ code: 'custom', path: [i], message: problem.message });
            else if (list.findIndex((n) => n !== null && canonicalName(n) === canonicalName(name)) !== i)
              ctx.addIssue({ code: 'custom', path: [i], message: `"${name}" is listed twice` });
          });
        })
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

let built: { version: number; schema: ReturnType<typeof buildConfigSchema> } | undefined;

/** The whole config's schema, built once (again only when a kind has been registered since). */
export function configSchema(): ReturnType<typeof buildConfigSchema> {
  if (built?.version !== kindsVersion())
    built = { version: kindsVersion(), schema: buildConfigSchema(buildFigureSchema()) };
  return built.schema;
}

export type ConfigSchema = ReturnType<typeof buildConfigSchema>;
export type ParsedConfig = z.output<ConfigSchema>;
export type ParsedGrid = z.output<typeof gridSchema>;
export type ParsedSeries = z.output<typeof seriesSchema>;
export { styleShape };
