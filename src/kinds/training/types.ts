// A training figure once normalized: the task, the networks' shape, the descent, and the activations.
import type { FigureBase, Series } from '../../figures/model.ts';
import type { Training } from '../../math/train.ts';

export const NAME = 'training';

/** The defaults: chosen for the lesson (docs/TRAINING.md says how). */
export const TRAINING = { task: 'moons', depth: 10, units: 12, samples: 64, steps: 200, lr: 0.08, seed: 0 } as const;
/**
 * The work limit, activations × steps × samples × depth × units²: about a second of training per 1e8 on
 * one core, so a build, and a page's every change, stays within about five seconds.
 */
export const TRAINING_WORK = 4e8;
/** The file written beside the figure: the data, the initial weights and what training gave. */
export const RECORD = 'training.json';

export interface TrainingFigure extends FigureBase {
  kind: typeof NAME;
  series: Series[];
  training: Training & { loss: 'bce' | 'mse' };
  /** A step marked in both panels (a rule and each curve's values), if any. */
  at?: number;
}
