// What an activations figure may say: panels of one activation or of several series, sweeps included.
import type { SchemaKit } from '../../schema/kit.ts';
import { NAME } from './types.ts';

/** The most series one panel may hold, sweeps expanded. */
export const MAX_SERIES = 12;

/** How many series a panel's list makes once its sweeps are expanded. */
export const sweepCount = (s: string | { sweep?: Record<string, unknown[]> }): number =>
  typeof s === 'string' ? 1 : Object.values(s.sweep ?? {}).reduce((n, values) => n * values.length, 1);

/** The figure's schema, built with the zod the config loader passes in (render processes never load zod). */
export function activationsSchema({
  z,
  common,
  grid,
  params,
  color,
  show,
  finite,
  check,
  gridRows,
  activationProblems,
  findActivation,
}: SchemaKit) {
  /** An activation on a panel's axes: its name, or {activation, params, label, color, show, sweep}. */
  const panelSeries = z.union([
    z.string(),
    z
      .strictObject({
        activation: z.string(),
        params: params.optional(),
        label: z.string().optional(),
        color: color.optional(),
        show: show.optional(),
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
          }
        }
        // Each combination the sweep makes is checked as it will be drawn: rrelu's swept lower with the
        // swept upper it is paired with, not with upper's default.
        const known = Object.entries(s.sweep ?? {}).filter(
          ([key]) => !activation || Object.hasOwn(activation.params, key),
        );
        let combos: { params: Record<string, unknown>; at: Record<string, number> }[] = [{ params: {}, at: {} }];
        for (const [key, values] of known)
          combos = combos.flatMap((c) =>
            values.map((v, i) => ({ params: { ...c.params, [key]: v }, at: { ...c.at, [key]: i } })),
          );
        const said = new Set<string>();
        for (const combo of known.length ? combos : []) {
          for (const problem of activationProblems({
            activation: s.activation,
            params: { ...s.params, ...combo.params },
          })) {
            const key = String(problem.path[1] ?? '');
            const path = Object.hasOwn(combo.at, key) ? ['sweep', key, combo.at[key]] : ['sweep'];
            if (said.has(path.join())) continue;
            said.add(path.join());
            ctx.addIssue({ code: 'custom', path, message: problem.message });
          }
        }
      }),
  ]);

  const panel = z
    .strictObject({
      /** The panel's one activation (or give `series`). */
      activation: z.string().optional(),
      params: params.optional(),
      /** Several activations on this panel's axes. */
      series: z.array(panelSeries).min(1).optional(),
      /** The panel's title, or false for none. */
      title: z.union([z.string(), z.literal(false)]).optional(),
      grid: grid.optional(),
      derivative: z.boolean().optional(),
      show: show.optional(),
      /** Clip the y axis to [min, max], for functions that grow without bound. */
      yDomain: z.tuple([finite, finite]).optional(),
      /** The activation's line colour (any CSS colour); the palette's otherwise. */
      color: color.optional(),
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

  return z
    .strictObject({
      kind: z.literal(NAME),
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
}
