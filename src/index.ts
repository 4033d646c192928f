// The public API: re-exports only.
export { activations, activationNames, findActivation, knownNames } from './activations/index.ts';
export type { Activation, ActivationName, Break, ParamSpec, ParamValues, Properties } from './activations/index.ts';
export { evaluate } from './evaluate.ts';
export type { Evaluated } from './evaluate.ts';
export { arange, linspace, sample, withBreaks, MAX_POINTS } from './grid.ts';
export type { GridSpec } from './grid.ts';
export { resolveParams, describeParams } from './params.ts';
export { UserError } from './errors.ts';
export { defineConfig, normalizeConfig, loadConfig } from './config.ts';
export type { UserConfig, FigureConfig, PanelConfig, GridConfig, Config, Figure, Panel } from './config.ts';
export { buildSpec } from './figures/spec.ts';
export type { Row } from './figures/data.ts';
export { build, buildDate } from './build.ts';
export type { BuildOptions, BuildResult } from './build.ts';
export { check } from './check.ts';
export type { Problem } from './check.ts';
export { simulateDepth } from './simulate.ts';
export { belowThreshold } from './saturation.ts';
