import type { ActivationsFigure, DepthFigure, OverlayFigure } from '../config/model.ts';
import { saturatedIntervals } from './panels.ts';
import type { Sampled } from './data.ts';
import type { DepthSeries } from './depth.ts';
import { short } from '../text.ts';

const fmt = (v: number) => short(v, 4);
const where = (at: number | string) => (typeof at === 'number' ? `z = ${fmt(at)}` : at);

/** Alt text for an activations figure: what is drawn, over what range, the derivative's peak, saturation. */
export function describeActivations(figure: ActivationsFigure, panels: Sampled[]): string {
  const parts = figure.panels.map((panel, i) => {
    const { activation, zRange } = panels[i];
    const props = activation.properties(panel.params);
    const peak = props.maxAbsDerivative;
    const what = panel.derivative
      ? `${panel.title}: ${activation.displayName} (solid) and its derivative (dashed)`
      : `${panel.title}: ${activation.displayName}`;
    const facts = [`over z from ${fmt(zRange[0])} to ${fmt(zRange[1])}`, `output range ${props.range}`];
    if (panel.derivative) facts.push(`the largest slope is ${fmt(peak.value)}, at ${where(peak.at)}`);
    if (panel.derivative && props.saturating) facts.push('the derivative falls towards 0 for large |z|');
    const saturated = saturatedIntervals(panel, panels[i]);
    if (saturated.length) {
      const intervals = saturated.map(([a, b]) => `${fmt(a)} to ${fmt(b)}`).join(' and ');
      facts.push(`shaded where |f'(z)| < ${short(panel.saturation!.threshold)}: ${intervals}`);
    }
    return `${what}, ${facts.join('; ')}.`;
  });
  const count = panels.length === 1 ? 'One panel' : `${panels.length} panels side by side`;
  return `${figure.title ? `${figure.title}. ` : ''}${count}. ${parts.join(' ')}`;
}

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
