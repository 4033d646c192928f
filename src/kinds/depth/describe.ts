import type { DepthSeries } from './draw.ts';
import type { DepthFigure } from './types.ts';

/** Alt text for a depth figure: the network, and how much each activation's gradient shrinks. */
export function describeDepth(figure: DepthFigure, series: DepthSeries[]): string {
  const { depth, width, batch } = figure.simulation;
  const parts = series.map((s) => {
    const first = s.rows[0].gradient;
    const last = s.rows.at(-1)!.gradient;
    return (
      `${s.label}: from ${first.toPrecision(2)} at depth 1 to ${last.toPrecision(2)} at depth ${depth} ` +
      `(a factor of ${(last / first).toPrecision(2)})`
    );
  });
  const title = figure.title ? `${figure.title}. ` : '';
  return (
    `${title}RMS gradient with respect to each layer's pre-activations in a ${depth}-layer, ` +
    `${width}-unit fully connected network ` +
    `(batch of ${batch}), against depth counted back from the output, on a log scale. ${parts.join('; ')}.`
  );
}
