import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { userYScale } from '../../src/figures/axes.ts';
import { buildSpec } from '../../src/kinds/spec.ts';

/** The y encodings of a spec's line layers. */
function yOf(spec: object): { scale: { domain: number[] }; axis: { values?: number[] } }[] {
  const out: { scale: { domain: number[] }; axis: { values?: number[] } }[] = [];
  JSON.stringify(spec, (key, value) => {
    if (key === 'y' && value?.scale?.domain) out.push(value);
    return value;
  });
  return out;
}

describe('a y domain the user gave', () => {
  it('labels both ends, with nice ticks between that keep clear of the ends’ labels', () => {
    const { axis, scale } = userYScale([-0.5, 0.7], 300, 8, 2, [[0.1, 0.2]]);
    expect(axis.values[0]).toBe(-0.5);
    expect(axis.values.at(-1)).toBe(0.7);
    expect(axis.values).toEqual(expect.arrayContaining([0, 0.2, 0.4]));
    const px = (v: number) => ((v + 0.5) / 1.2) * 300;
    const gaps = axis.values.slice(1).map((v, i) => px(v) - px(axis.values[i]));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(16.5);
    expect(scale.domain).toEqual([-0.5, 0.7]); // no curve runs along an end
  });

  it('reaches half a line beyond an end a curve runs along, so the line is drawn whole', () => {
    const { scale } = userYScale([0, 0.5], 300, 8, 2, [[0, 0, 0, 0.3]]);
    expect(scale.domain[0]).toBeCloseTo(-0.5 / 300, 12);
    expect(scale.domain[1]).toBe(0.5);
  });

  it('is what an overlay with yDomain [0, 0.5] draws (ReLU′ = 0 runs along its bottom)', () => {
    const figure = normalizeConfig({
      figures: [
        {
          id: 'o',
          kind: 'derivatives-overlay',
          activations: ['sigmoid', 'relu'],
          yDomain: [0, 0.5],
          grid: { min: -5, max: 5, samples: 101 },
        },
      ],
    }).figures[0];
    const [y] = yOf(buildSpec(figure));
    expect(y.scale.domain[0]).toBeLessThan(0);
    expect(y.axis.values?.[0]).toBe(0);
    expect(y.axis.values?.at(-1)).toBe(0.5);
  });

  it('is what a panel with a clipped yDomain draws; a domain from the data keeps its tick count', () => {
    const config = normalizeConfig({
      figures: [
        { id: 'a', grid: { min: -5, max: 5, samples: 101 }, panels: [{ activation: 'tanh', yDomain: [-0.5, 0.7] }] },
        { id: 'b', grid: { min: -5, max: 5, samples: 101 }, panels: [{ activation: 'tanh' }] },
      ],
    });
    const [clipped] = yOf(buildSpec(config.figures[0]));
    expect(clipped.axis.values?.[0]).toBe(-0.5);
    expect(clipped.axis.values?.at(-1)).toBe(0.7);
    const [data] = yOf(buildSpec(config.figures[1]));
    expect(data.axis.values).toBeUndefined();
  });
});
