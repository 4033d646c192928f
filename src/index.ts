// The public API: re-exports only.
export { build, buildSpec, check, evaluate, resolveConfig } from './api.ts';
export type { ApiOptions, ConfigInput, Evaluated } from './api.ts';
export type { BuildOptions, BuildResult, ProgressEvent } from './build/build.ts';
export type { CheckOptions, Problem } from './build/check.ts';
export { defineConfig } from './config/types.ts';
export type {
  ActivationRef,
  ActivationsFigureConfig,
  ConfigBody,
  DepthFigureConfig,
  FigureConfig,
  FormulaConfig,
  GridConfig,
  OverlayFigureConfig,
  PanelConfig,
  PanelSeriesConfig,
  SeriesConfig,
  SeriesPanelConfig,
  SingleActivationPanelConfig,
  StyleConfig,
  UserConfig,
} from './config/types.ts';
export type { Config, Figure, Series } from './config/model.ts';
export type { Panel } from './kinds/activations/types.ts';
export { UserError } from './errors.ts';
export type { Spec } from './kinds/spec.ts';
export type { Row } from './figures/data.ts';
export { FORMATS, PNG_FILTERS } from './formats.ts';
export type { Format, PngFilter, PngOptions } from './formats.ts';
export { activationNames, activations, findActivation, knownNames } from './math/activations/registry.ts';
export type {
  Activation,
  ActivationName,
  ActivationParams,
  Break,
  ParamSpec,
  ParamValues,
  Properties,
} from './math/activations/registry.ts';
export { arange, linspace, MAX_POINTS, sample, withBreaks } from './math/grid.ts';
export type { GridSpec } from './math/grid.ts';
export { describeParams, resolveParams } from './math/params.ts';
export { simulateDepth } from './math/simulate.ts';
export { belowThreshold } from './math/saturation.ts';
