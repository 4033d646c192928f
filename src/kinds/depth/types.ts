// A depth figure once normalized: the simulated network and the activations it is run with.
import type { FigureBase, Series } from '../../figures/model.ts';

export const NAME = 'vanishing-gradient-depth';

export const SIMULATION = { depth: 30, units: 128, batch: 16, seed: 0 };
/** The simulation's work limit, depth × units² × batch: above it a build would take minutes. */
export const DEPTH_WORK = 2e9;

export interface DepthFigure extends FigureBase {
  kind: typeof NAME;
  series: Series[];
  simulation: { depth: number; width: number; batch: number; seed: number };
  bound: boolean;
}
