import { fmt, where } from '../../figures/describe.ts';
import type { Sampled } from '../../figures/data.ts';
import type { OverlayFigure } from './types.ts';

/** Alt text for an overlay: each derivative's peak and where it is. */
export function describeOverlay(figure: OverlayFigure, sampled: Sampled[]): string {
  const [lo, hi] = sampled[0].zRange;
  const parts = sampled.map((d, i) => {
    const { value, at } = d.activation.properties(d.params).maxAbsDerivative;
    return `${figure.series[i].label}' peaks at ${fmt(value)} (${where(at)})`;
  });
  const title = figure.title ? `${figure.title}. ` : '';
  const labels = figure.series.map((s) => s.label).join(', ');
  return (
    `${title}The derivatives of ${labels} on one set of axes, ` +
    `over z from ${fmt(lo)} to ${fmt(hi)}: ${parts.join('; ')}.`
  );
}
