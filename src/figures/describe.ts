import type { Figure } from '../config.ts';
import type { PanelData } from './data.ts';

const fmt = (v: number) => String(Number(v.toPrecision(4)));

/** Alt text for a figure: what is drawn, over what range, and the derivative's peak. */
export function describeFigure(figure: Figure, panels: PanelData[]): string {
  const parts = figure.panels.map((panel, i) => {
    const { activation, zRange } = panels[i];
    const props = activation.properties(panel.params);
    const peak = props.maxAbsDerivative;
    const where = typeof peak.at === 'number' ? `z = ${fmt(peak.at)}` : peak.at;
    const what = panel.derivative ? `${panel.title}: ${activation.displayName} (solid) and its derivative (dashed)` : `${panel.title}: ${activation.displayName}`;
    const facts = [`over z from ${fmt(zRange[0])} to ${fmt(zRange[1])}`, `output range ${props.range}`];
    if (panel.derivative) facts.push(`the largest slope is ${fmt(peak.value)}, at ${where}`);
    if (panel.derivative && props.saturating) facts.push('the derivative falls towards 0 for large |z|');
    return `${what}, ${facts.join('; ')}.`;
  });
  const count = panels.length === 1 ? 'One panel' : `${panels.length} panels side by side`;
  return `${figure.title ? `${figure.title}. ` : ''}${count}. ${parts.join(' ')}`;
}
