import { drawnText, fmt, where } from '../../figures/describe.ts';
import type { Sampled } from '../../figures/data.ts';
import { short } from '../../text.ts';
import { saturatedIntervals } from './saturation.ts';
import type { ActivationsFigure } from './types.ts';

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
