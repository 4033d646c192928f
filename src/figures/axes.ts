// The y scale of a domain the user gave (a clipped `yDomain`): its ends are labelled, as the reader
// needs to know where the plot cuts the curves, and a curve that runs along an end is drawn whole (the
// plot's clip would cut it along its middle, leaving half a line under the frame).
import { ticks } from 'd3-array';

export interface UserYScale {
  scale: { domain: [number, number]; nice: false };
  axis: { values: number[] };
}

/**
 * The scale and tick values of a y domain the user gave, for a plot `height` px tall with ticks about
 * `count` and lines `lineWidth` px wide; `values` are the drawn curves' values. Nice ticks inside, the
 * two ends labelled, and a tick too close to an end for two labels left out for it.
 */
export function userYScale(
  domain: readonly [number, number],
  height: number,
  count: number,
  lineWidth: number,
  values: readonly (readonly number[])[],
  fontScale = 1,
): UserYScale {
  const [lo, hi] = domain;
  // A tick label keeps a line and a half of the tick labels' text (11 px) from an end's label.
  const gap = ((hi - lo) * 1.5 * 11 * fontScale) / height;
  const inner = ticks(lo, hi, count).filter((t) => t - lo >= gap && hi - t >= gap);
  // Half a line's width beyond an end that a curve runs along, in data units.
  const half = ((hi - lo) * lineWidth) / 2 / height;
  const along = (end: number) => {
    for (const run of values) {
      let n = 0;
      for (const v of run) {
        n = Math.abs(v - end) <= half ? n + 1 : 0;
        if (n >= 2) return true;
      }
    }
    return false;
  };
  const extended: [number, number] = [along(lo) ? lo - half : lo, along(hi) ? hi + half : hi];
  return { scale: { domain: extended, nice: false }, axis: { values: [lo, ...inner, hi] } };
}
