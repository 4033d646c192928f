// The config fields of a network drawn per activation, shared by depth and training figures: the
// activations, the layers and their width, the seed.
import type { SchemaKit } from '../kind.ts';

/** The network fields, each figure kind with its own most layers and units (its work grows with both). */
export const networkShape = ({ z, series }: SchemaKit, most: { depth: number; units: number }) => ({
  /** Default sigmoid, tanh, relu. */
  activations: z.array(series).min(1).max(8).optional(),
  /** Layers. */
  depth: z.number().int().min(2).max(most.depth).optional(),
  /** Units per layer. */
  units: z.number().int().min(2).max(most.units).optional(),
  /** Seed of the pseudo-random generator. Default 0. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 2)
    .optional(),
});
