// A derivatives overlay once normalized: several activations' derivatives on one set of axes.
import type { FigureBase, Series } from '../../figures/model.ts';
import type { GridSpec } from '../../math/grid.ts';

export const NAME = 'derivatives-overlay';

/** linspace(-10, 10, 401), the lab's range with a point at 0. */
export const OVERLAY_GRID: GridSpec = { min: -10, max: 10, samples: 401 };

export interface OverlayFigure extends FigureBase {
  kind: typeof NAME;
  series: Series[];
  grid: GridSpec;
  labelPeaks: boolean;
  yDomain?: [number, number];
  /** An animation's y range over all its frames (kinds/kind.ts fixAxes): drawn as a range found from the data is. */
  fixedY?: [number, number];
}
