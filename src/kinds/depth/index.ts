// The RMS gradient at each layer of a simulated deep network, against depth, on a log scale.
import { DEFAULT_SERIES, INIT_NAMES } from '../../figures/model.ts';
import { defineKind, type SchemaKit } from '../kind.ts';
import { describeDepth } from './describe.ts';
import { networkShape } from './network.ts';
import { depthBody, simulateFigure } from './draw.ts';
import { DEPTH_WORK, type DepthFigure, NAME, SIMULATION } from './types.ts';

const schema = (kit: SchemaKit) => {
  // Default 30 layers of 128 units. The seed after the batch: a config is kept (on its page) in this order.
  const { seed, ...network } = networkShape(kit, { depth: 500, units: 2048 });
  return kit.z
    .strictObject({
      kind: kit.z.literal(NAME),
      ...kit.common,
      ...network,
      /** Random inputs in the batch. Default 16. */
      batch: kit.z.number().int().min(1).max(4096).optional(),
      seed,
      /**
       * Draw the f' factor alone, g(1)·max|f'|^(depth-1), dashed, where max |f'| is below 1 (not a bound:
       * the weights move the curve). Default true.
       */
      bound: kit.z.boolean().optional(),
    })
    .superRefine((f, ctx) => {
      kit.check.id(f, ctx);
      kit.check.series(f.activations, ctx);
      const d = SIMULATION;
      const work = (f.depth ?? d.depth) * (f.units ?? d.units) ** 2 * (f.batch ?? d.batch);
      if (work > DEPTH_WORK) {
        const message = `depth × units² × batch is ${work.toExponential(1)}; at most 2e9 (it would take minutes)`;
        ctx.addIssue({ code: 'custom', path: ['units'], message });
      }
    });
};

export const depth = defineKind<DepthFigure, ReturnType<typeof schema>>({
  name: NAME,
  caption: 'RMS gradient at each layer of a simulated deep network, counted back from the output (log scale).',
  schema,
  layout: (f) => ({
    columns: 1,
    rows: 1,
    width: 520,
    // The log axis's labels (10⁻¹⁸) and its longer title take more room than a linear axis.
    axisY: 75,
    panelTitles: false,
    figureTitle: f.title !== false,
    colours: (f.activations ?? DEFAULT_SERIES).length,
    xTitle: 'Depth (layers back from the output)',
    yTitle: 'RMS gradient (log scale)',
  }),
  normalize: (f, { base, series }) => {
    const d = SIMULATION;
    const simulation = {
      depth: f.depth ?? d.depth,
      width: f.units ?? d.units,
      batch: f.batch ?? d.batch,
      seed: f.seed ?? d.seed,
    };
    return {
      ...base,
      kind: NAME,
      series: series(f.activations),
      simulation,
      ...(f.title !== false && { title: f.title ?? `Gradient size through ${simulation.depth} layers` }),
      bound: f.bound ?? true,
    };
  },
  // A page simulates again in the browser, with the same seeded generator: layers, width, initialisation.
  controls: (figure) => [
    {
      type: 'range',
      id: 'depth',
      label: 'Layers',
      min: 2,
      max: Math.max(100, figure.simulation.depth),
      step: 1,
      value: figure.simulation.depth,
    },
    {
      type: 'range',
      id: 'units',
      label: 'Units per layer',
      min: 2,
      max: Math.max(256, figure.simulation.width),
      step: 1,
      value: figure.simulation.width,
    },
    { type: 'choice', id: 'init', label: 'Initialisation', choices: ['customary', ...INIT_NAMES], value: 'customary' },
  ],
  apply: (input, id, value) => {
    if (id !== 'init') return { ...input, [id]: value };
    const list = (input.activations as unknown[] | undefined) ?? [...DEFAULT_SERIES];
    const ref = (s: unknown) => (typeof s === 'string' ? { activation: s } : (s as Record<string, unknown>));
    return { ...input, activations: list.map((s) => ({ ...ref(s), init: value })) };
  },
  // Drawn through a simulated network, on no grid.
  drawn: (figure) =>
    figure.series.map((s, j) => ({ activation: s.activation, params: s.params, at: `activations[${j}]` })),
  steps: (figure, by) => (by === 'series' ? figure.series.length : 1),
  title: (figure) => figure.title ?? figure.id,
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
