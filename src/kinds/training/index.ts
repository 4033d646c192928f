// Small networks trained per activation by full-batch gradient descent: the loss and the first layer's
// gradient norm against the step, and beside the figure <id>.training.json, for a replay in PyTorch.
import { DEFAULT_SERIES } from '../../figures/model.ts';
import { LOSS } from '../../math/train.ts';
import { TASKS } from '../../math/toy-data.ts';
import { networkShape } from '../depth/network.ts';
import { defineKind, type SchemaKit } from '../kind.ts';
import { describeTraining } from './describe.ts';
import { QUANTITIES, trainingBody, trainingRows } from './draw.ts';
import { trainingRecord } from './record.ts';
import { trainFigure } from './run.ts';
import { NAME, RECORD, TRAINING, TRAINING_WORK, type TrainingFigure } from './types.ts';

const schema = (kit: SchemaKit) => {
  const { z } = kit;
  return z
    .strictObject({
      kind: z.literal(NAME),
      ...kit.common,
      // Default 10 layers (the last one linear) of 12 units.
      ...networkShape(kit, { depth: 50, units: 256 }),
      /** 'moons' (two moons, binary cross-entropy; default) or 'regression' (sin(πx), mean squared error). */
      task: z.enum(TASKS).optional(),
      /** Points in the data set. Default 64. */
      samples: z.number().int().min(4).max(4096).optional(),
      /** Gradient descent steps. Default 200. */
      steps: z.number().int().min(1).max(10000).optional(),
      /** The learning rate. Default 0.08. */
      lr: z.number().positive().max(100).optional(),
      /** A step to mark in both panels: a rule and each curve's value there. */
      at: z.number().int().min(0).optional(),
    })
    .superRefine((f, ctx) => {
      kit.check.id(f, ctx);
      kit.check.series(f.activations, ctx);
      const d = TRAINING;
      const steps = f.steps ?? d.steps;
      if (f.at !== undefined && f.at > steps)
        ctx.addIssue({ code: 'custom', path: ['at'], message: `must be at most steps (${steps}), got ${f.at}` });
      const work =
        (f.activations ?? DEFAULT_SERIES).length *
        steps *
        (f.samples ?? d.samples) *
        (f.depth ?? d.depth) *
        (f.units ?? d.units) ** 2;
      if (work > TRAINING_WORK) {
        const message =
          `activations × steps × samples × depth × units² is ${work.toExponential(1)}; ` +
          `at most ${TRAINING_WORK.toExponential(0)} (seconds of training, again at each change on its page)`;
        ctx.addIssue({ code: 'custom', path: ['steps'], message });
      }
    });
};

export const training = defineKind<TrainingFigure, ReturnType<typeof schema>>({
  name: NAME,
  caption: 'Small networks trained by gradient descent: the loss and the first layer’s gradient against the step.',
  schema,
  layout: (f) => ({
    columns: 2,
    rows: 1,
    width: 360,
    axisY: 75,
    panelTitles: false,
    figureTitle: f.title !== false,
    colours: (f.activations ?? DEFAULT_SERIES).length,
    xTitle: 'Step',
    yTitle: QUANTITIES.loss,
  }),
  normalize: (f, { base, series }) => {
    const d = TRAINING;
    const task = f.task ?? d.task;
    const training = {
      task,
      loss: LOSS[task],
      depth: f.depth ?? d.depth,
      width: f.units ?? d.units,
      samples: f.samples ?? d.samples,
      steps: f.steps ?? d.steps,
      lr: f.lr ?? d.lr,
      seed: f.seed ?? d.seed,
    };
    const on = task === 'moons' ? 'two moons' : 'a regression';
    return {
      ...base,
      kind: NAME,
      series: series(f.activations),
      training,
      ...(f.at !== undefined && { at: f.at }),
      ...(f.title !== false && { title: f.title ?? `Training ${training.depth}-layer networks on ${on}` }),
      sidecars: [RECORD],
    };
  },
  // A page trains again in the browser (once: the slider only marks a step of the same training).
  controls: (figure) => [
    {
      type: 'range',
      id: 'at',
      label: 'Step',
      min: 0,
      max: figure.training.steps,
      step: 1,
      value: figure.at ?? figure.training.steps,
    },
  ],
  apply: (input, id, value) => ({ ...input, [id]: value }),
  // Drawn through trained networks, on no grid.
  drawn: (figure) =>
    figure.series.map((s, j) => ({ activation: s.activation, params: s.params, at: `activations[${j}]` })),
  title: (figure) => figure.title ?? figure.id,
  keyed: () => [],
  rows: (figure) => figure.series.length * (2 * figure.training.steps + 1),
  draw: (figure, c) => {
    const trained = trainFigure(figure);
    const rows = trainingRows(trained);
    return {
      body: trainingBody(figure, trained, rows, c),
      rows,
      description: describeTraining(figure, trained),
      sidecars: { [RECORD]: () => trainingRecord(figure, trained) },
    };
  },
});
