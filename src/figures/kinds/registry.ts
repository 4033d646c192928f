// Every figure kind, by the name a config gives in `kind`. A new kind is one module and one line here.
import { activations } from './activations.ts';
import { depth } from './depth.ts';
import type { FigureKind } from './kind.ts';
import { overlay } from './overlay.ts';

export const kinds = {
  activations,
  'derivatives-overlay': overlay,
  'vanishing-gradient-depth': depth,
} as const;

export type KindName = keyof typeof kinds;

/** The kind module of a figure (or of a kind's name), typed for the figure at hand. */
export const kindOf = (name: KindName): FigureKind => kinds[name] as unknown as FigureKind;
