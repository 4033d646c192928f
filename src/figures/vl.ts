// Vega-Lite's own types for the specs built here: a typo in a channel, mark or property is a type error,
// not a blank figure. Type-only: nothing of vega-lite is loaded to build a spec.
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { Encoding as VlEncoding } from 'vega-lite/types_unstable/encoding.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';

/** One layer of a plot: a unit spec (a mark with its encoding) or a nested layer. */
export type Layer = UnitSpec<Field> | LayerSpec<Field>;
/** A plot: its layers over shared axes, with its size and title. */
export type Plot = LayerSpec<Field>;
/** A unit's channels. */
export type Encoding = VlEncoding<Field>;
/** An x or y channel bound to a field. */
export type Position = PositionFieldDef<Field>;
/** A figure's body: one plot of layers, or plots in a row or wrapped into rows. */
export type Body =
  | { width: number; height: number; layer: Layer[] }
  | { hconcat: Plot[]; resolve: Resolve }
  | { concat: Plot[]; columns: number; resolve: Resolve };
type Resolve = import('vega-lite/types_unstable/resolve.js').Resolve;
export type { TopLevelSpec } from 'vega-lite';
export type Config = import('vega-lite/types_unstable/config.js').Config;
