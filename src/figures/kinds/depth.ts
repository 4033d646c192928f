// The RMS gradient at each layer of a simulated deep network, against depth, on a log scale.
import type { DepthFigure } from '../../config/model.ts';
import { DEFAULTS } from '../../config/model.ts';
import { depthBody, simulateFigure } from '../depth.ts';
import { describeDepth } from '../describe.ts';
import { defineKind, type SchemaKit } from './kind.ts';

const schema = ({ z, common, series, check }: SchemaKit) =>
  z
    .strictObject({
      kind: z.literal('vanishing-gradient-depth'),
      ...common,
      /** Default sigmoid, tanh, relu. */
      activations: z.array(series).min(1).max(8).optional(),
      /** Layers. Default 30. */
      depth: z.number().int().min(2).max(500).optional(),
      /** Units per layer. Default 128. */
      units: z.number().int().min(2).max(2048).optional(),
      /** Random inputs in the batch. Default 16. */
      batch: z.number().int().min(1).max(4096).optional(),
      /** Seed of the pseudo-random generator. Default 0. */
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .optional(),
      /** Draw the bound max|f'|^(depth-1), dashed, for activations whose max |f'| is below 1. Default true. */
      bound: z.boolean().optional(),
    })
    .superRefine((f, ctx) => {
      check.id(f, ctx);
      check.series(f.activations, ctx);
      const d = DEFAULTS.depth;
      const work = (f.depth ?? d.depth) * (f.units ?? d.units) ** 2 * (f.batch ?? d.batch);
      if (work > DEFAULTS.depthWork) {
        const message = `depth × units² × batch is ${work.toExponential(1)}; at most 2e9 (it would take minutes)`;
        ctx.addIssue({ code: 'custom', path: ['units'], message });
      }
    });

export const depth = defineKind<DepthFigure, ReturnType<typeof schema>>({
  name: 'vanishing-gradient-depth',
  caption: 'RMS gradient at each layer of a simulated deep network, counted back from the output (log scale).',
  schema,
  layout: (f) => ({
    columns: 1,
    rows: 1,
    width: 520,
    // The log axis's labels (10⁻¹⁸) and its longer title take more room than a linear axis.
    axisY: 75,
    panelTitles: false,
    figureTitle: true,
    colours: (f.activations ?? DEFAULTS.series).length,
    xTitle: 'Depth (layers back from the output)',
    yTitle: 'RMS gradient (log scale)',
  }),
  normalize: (f, { base, series }) => {
    const d = DEFAULTS.depth;
    const simulation = {
      depth: f.depth ?? d.depth,
      width: f.units ?? d.units,
      batch: f.batch ?? d.batch,
      seed: f.seed ?? d.seed,
    };
    return {
      ...base,
      kind: 'vanishing-gradient-depth',
      series: series(f.activations),
      simulation,
      title: f.title ?? `Gradient size through ${simulation.depth} layers`,
      bound: f.bound ?? true,
    };
  },
  // Small tables, drawn as they are.
  keyed: () => [],
  rows: (figure) => figure.series.length * figure.simulation.depth,
  draw: (figure, c) => {
    const series = simulateFigure(figure);
    const { layer, rows } = depthBody(figure, series, c);
    return {
      body: { width: figure.width, height: figure.height, layer },
      rows,
      description: describeDepth(figure, series),
    };
  },
});
