// <id>.training.json: what an outside check needs to replay the figure in PyTorch (scripts/replay-training.py):
// the data, each network's initial weights, and the losses and gradient norms training gave.
import type { Trained } from './run.ts';
import type { TrainingFigure } from './types.ts';

/** A row-major matrix as nested arrays, `rows` of `columns`. */
const nested = (a: Float64Array, rows: number, columns: number): number[][] =>
  Array.from({ length: rows }, (_, i) => Array.from(a.subarray(i * columns, (i + 1) * columns)));

/** The record's text, in the shape and key order (JSON numbers round-trip every float64). */
export function trainingRecord(figure: TrainingFigure, trained: Trained): string {
  const { data } = trained.task;
  const { loss, lr, steps } = figure.training;
  const doc = {
    loss,
    lr,
    steps,
    x: nested(data.x, data.n, data.inputs),
    y: Array.from(data.y),
    runs: trained.series.map((s, i) => ({
      activation: figure.series[i].activation,
      params: figure.series[i].params,
      init: s.init,
      layers: s.run.layers.map((l) => ({ W: nested(l.W, l.out, l.in), b: Array.from(l.b) })),
      loss: s.run.loss,
      gradNorm: s.run.gradNorm,
    })),
  };
  return `${JSON.stringify(doc)}\n`;
}
