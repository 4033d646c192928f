import type { ActivationsFigure, DepthFigure, Fn, OverlayFigure } from '../config/model.ts';
import { saturatedIntervals } from './panels.ts';
import type { Sampled } from './data.ts';
import type { DepthSeries } from './depth.ts';
import { short } from '../text.ts';

const fmt = (v: number) => short(v, 4);
const where = (at: number | string) => (typeof at === 'number' ? `z = ${fmt(at)}` : at);

/** "Sigmoid (solid) and its derivative (dashed)". */
function drawnText(name: string, show: readonly Fn[]): string {
  const parts: string[] = [];
  if (show.includes('f')) parts.push(`${name} (solid)`);
  const of = (what: string) => (parts.length ? `its ${what}` : `the ${what} of ${name}`);
  if (show.includes('df')) parts.push(`${of('derivative')} (dashed)`);
  if (show.includes('d2f')) parts.push(`${of('second derivative')} (dotted)`);
  return parts.length === 3 ? `${parts[0]}, ${parts[1]} and ${parts[2]}` : parts.join(' and ');
}

/** Alt text for an activations figure: what is drawn, over what range, the derivative's peak, saturation. */
export function describeActivations(figure: ActivationsFigure, panels: Sampled[][]): string {
  const parts = figure.panels.map((panel, i) => {
    const sampled = panels[i];
    const [lo, hi] = sampled[0].zRange;
    const range = `over z from ${fmt(lo)} to ${fmt(hi)}`;
    const series = panel.series.map((s, j) => {
      const props = sampled[j].activation.properties(s.params);
      const peak = props.maxAbsDerivative;
      const facts = [`output range ${props.range}`];
      if (s.show.includes('df')) facts.push(`the largest slope is ${fmt(peak.value)}, at ${where(peak.at)}`);
      if (s.show.includes('df') && props.saturating) facts.push('the derivative falls towards 0 for large |z|');
      return { drawn: drawnText(s.name, s.show), facts };
    });
    const saturated = panel.series.length === 1 ? saturatedIntervals(panel, sampled[0]) : [];
    const shaded = saturated.length
      ? [
          `shaded where |f'(z)| < ${short(panel.saturation!.threshold)}: ` +
            saturated.map(([a, b]) => `${fmt(a)} to ${fmt(b)}`).join(' and '),
        ]
      : [];
    if (series.length === 1) {
      const [{ drawn, facts }] = series;
      return `${panel.title}: ${drawn}, ${[range, ...facts, ...shaded].join('; ')}.`;
    }
    return `${panel.title}: ${range}; ${series.map((s) => `${s.drawn}: ${s.facts.join(', ')}`).join('; ')}.`;
  });
  const rows = Math.ceil(panels.length / figure.columns);
  const count =
    panels.length === 1
      ? 'One panel'
      : rows === 1
        ? `${panels.length} panels side by side`
        : `${panels.length} panels in ${rows} rows`;
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
