// Every activation's network trained, once per figure: a fixed-size figure is drawn several times while
// it is fitted, and a page's step slider draws it again, with the same training each time.
import { UserError } from '../../errors.ts';
import { RowKeys } from '../../figures/data.ts';
import type { InitName } from '../../math/activations/types.ts';
import { resolveRef } from '../../math/params.ts';
import { defaultInit, initialisation } from '../../math/simulate.ts';
import { initialLayers, makeTask, type Run, train, type TrainingTask } from '../../math/train.ts';
import type { TrainingFigure } from './types.ts';

export interface TrainedSeries {
  /** The `activation` value of its rows. */
  key: string;
  label: string;
  init: InitName;
  run: Run;
}

export interface Trained {
  task: TrainingTask;
  series: TrainedSeries[];
}

let last: { key: string; trained: Trained } | undefined;

/** The figure's networks trained (the last figure's kept: the same training is asked for again). */
export function trainFigure(figure: TrainingFigure): Trained {
  const key = JSON.stringify([figure.series, figure.training]);
  if (last?.key === key) return last.trained;
  const t = figure.training;
  const task = makeTask(t);
  const keys = new RowKeys();
  const series = figure.series.map((s) => {
    const init = s.init ?? defaultInit(s.activation);
    const run = train(resolveRef(s.activation).activation, s.params, initialLayers(task, t, init), task, t);
    refuseUnplottable(figure, s.label, run);
    return {
      key: keys.key(s.activation, s.params, init).key,
      label: `${s.label} (${initialisation(s.activation, init).name} init)`,
      init,
      run,
    };
  });
  last = { key, trained: { task, series } };
  return last.trained;
}

/** A loss that diverges, or a gradient of 0 (a log axis cannot show it), is refused in one line. */
function refuseUnplottable(figure: TrainingFigure, label: string, run: Run): void {
  const where = `figure "${figure.id}": the ${label} network's`;
  const bad = run.loss.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0)
    throw new UserError(`${where} loss is ${run.loss[bad]} at step ${bad}: training diverged; use a smaller lr`);
  const zero = run.gradNorm.findIndex((g) => !(g[0] > 0 && Number.isFinite(g[0])));
  if (zero >= 0)
    throw new UserError(
      `${where} first-layer gradient is ${run.gradNorm[zero][0]} at step ${zero}, which a log scale cannot show ` +
        '(its units dead or saturated); use a smaller lr, fewer layers or another seed',
    );
  const flat = run.loss.findIndex((v) => !(v > 0));
  if (flat >= 0) throw new UserError(`${where} loss is 0 at step ${flat}, which a log scale cannot show`);
}
