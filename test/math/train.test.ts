// The trained networks of a training figure (src/math/train.ts): backpropagation agrees with central
// differences of the loss, the same seed gives the same bits, and every activation starts from the same draws.
import { describe, expect, it } from 'vitest';
import { findActivation } from '../../src/math/activations/registry.ts';
import { initialLayers, type LinearLayer, makeTask, train, type Training } from '../../src/math/train.ts';
import { TASKS } from '../../src/math/toy-data.ts';

const small = (task: Training['task']): Training => ({
  task,
  depth: 4,
  width: 5,
  samples: 12,
  steps: 1,
  lr: 0.1,
  seed: 11,
});
const defaults = (name: string) =>
  Object.fromEntries(Object.entries(findActivation(name)!.params).map(([k, s]) => [k, s.default]));

/** The loss of the network with these layers (no step taken). */
const lossOf = (name: string, layers: LinearLayer[], t: Training) =>
  train(findActivation(name)!, defaults(name), layers, makeTask(t), { ...t, steps: 0 }).loss[0];

describe('train', () => {
  it.each(TASKS.flatMap((task) => ['sigmoid', 'tanh', 'gelu', 'softplus'].map((name) => [task, name])))(
    "%s, %s: every layer's gradient norm is that of the loss's central differences",
    (task, name) => {
      const t = small(task as Training['task']);
      const layers = initialLayers(makeTask(t), t, 'xavier');
      const run = train(findActivation(name)!, defaults(name), layers, makeTask(t), t);
      layers.forEach((layer, l) => {
        let sum = 0;
        for (let i = 0; i < layer.W.length; i++) {
          const h = 1e-6;
          const moved = (d: number) =>
            layers.map((m, k) => (k === l ? { ...m, W: m.W.map((w, j) => (j === i ? w + d : w)) } : m));
          const g = (lossOf(name, moved(h), t) - lossOf(name, moved(-h), t)) / (2 * h);
          sum += g * g;
        }
        expect(run.gradNorm[0][l]).toBeCloseTo(Math.sqrt(sum), 7);
      });
    },
  );

  it('gives the same bits for the same seed, and other data for another', () => {
    const t = { ...small('moons'), steps: 5 };
    const a = train(findActivation('relu')!, {}, initialLayers(makeTask(t), t, 'he'), makeTask(t), t);
    const b = train(findActivation('relu')!, {}, initialLayers(makeTask(t), t, 'he'), makeTask(t), t);
    expect(b).toEqual(a);
    expect(makeTask({ ...t, seed: 12 }).data.x).not.toEqual(makeTask(t).data.x);
  });

  it('starts every initialisation from the same draws, scaled by its deviation', () => {
    const t = small('moons');
    const task = makeTask(t);
    const [he, xavier] = [initialLayers(task, t, 'he'), initialLayers(task, t, 'xavier')];
    // The first layer is 2 → 5: He's deviation is √(2/2), Xavier's √(2/7).
    expect(he[0].W[3] / xavier[0].W[3]).toBeCloseTo(Math.sqrt(2 / 2) / Math.sqrt(2 / 7), 12);
    expect([...he[0].b]).toEqual([0, 0, 0, 0, 0]);
  });

  it('leaves the initial layers as they were, and the loss falls', () => {
    const t = { ...small('regression'), steps: 50 };
    const task = makeTask(t);
    const layers = initialLayers(task, t, 'he');
    const before = layers.map((l) => [...l.W]);
    const run = train(findActivation('relu')!, {}, layers, task, t);
    expect(layers.map((l) => [...l.W])).toEqual(before);
    expect(run.loss).toHaveLength(51);
    expect(run.gradNorm).toHaveLength(50);
    expect(run.loss[50]).toBeLessThan(run.loss[0]);
  });
});
