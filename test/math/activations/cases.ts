// The parameter sets and points the accuracy tests (f, f' and f'') share.
import { activationNames } from '../../../src/math/activations/registry.ts';

export type Case = [string, Record<string, number | string>];

// Each activation with its defaults and with non-default parameters.
export const cases: Case[] = [
  ...activationNames.map((name): Case => [name, {}]),
  ['leaky_relu', { negative_slope: 0.2 }],
  ['prelu', { weight: -0.5 }],
  ['rrelu', { lower: 0.1, upper: 0.3 }],
  ['elu', { alpha: 0.5 }],
  ['celu', { alpha: 2 }],
  ['gelu', { approximate: 'tanh' }],
  ['softplus', { beta: 2, threshold: 10 }],
  ['softplus', { beta: -1.5, threshold: 20 }],
  ['softplus', { beta: 1, threshold: 1000 }],
  ['hardtanh', { min_val: -2, max_val: 0.5 }],
  ['softshrink', { lambd: 1.25 }],
  ['hardshrink', { lambd: 2 }],
  ['threshold', { threshold: 1, value: -2 }],
];

export const points = [
  -1e15, -1e5, -1000, -745, -700, -100, -40, -37, -20, -10, -5, -3, -2.5, -1.5, -1, -0.5, -0.09, -1e-3, -1e-8, -1e-300,
  0, 1e-300, 1e-8, 1e-3, 0.09, 0.5, 1, 1.5, 2.5, 3, 5, 10, 20, 40, 100, 700, 745, 1000, 1e5, 1e15,
];

export const label = ([name, p]: [string, Record<string, unknown>]) =>
  `${name}(${Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')})`;
