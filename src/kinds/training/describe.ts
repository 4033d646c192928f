import type { Trained } from './run.ts';
import type { TrainingFigure } from './types.ts';

const TASK_NAMES = { moons: 'two moons', regression: 'a 1-D regression' } as const;

/** Alt text for a training figure: the task, and each network's loss and first-layer gradient, first and last. */
export function describeTraining(figure: TrainingFigure, trained: Trained): string {
  const t = figure.training;
  const parts = trained.series.map(({ label, run }) => {
    const g = run.gradNorm;
    return (
      `${label}: loss from ${run.loss[0].toPrecision(3)} to ${run.loss[t.steps].toPrecision(3)}, ` +
      `first-layer gradient norm from ${g[0][0].toPrecision(2)} to ${g[g.length - 1][0].toPrecision(2)}`
    );
  });
  const title = figure.title ? `${figure.title}. ` : '';
  return (
    `${title}Full-batch gradient descent (${t.steps} steps, learning rate ${t.lr}) of ${t.depth}-layer, ` +
    `${t.width}-unit networks on ${TASK_NAMES[t.task]} (${t.samples} points, ` +
    `${t.loss === 'bce' ? 'binary cross-entropy' : 'mean squared error'}): the loss and the first layer's ` +
    `gradient norm against the step, on log scales. ${parts.join('; ')}.`
  );
}
