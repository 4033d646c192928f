// Every figure kind. A new kind is one folder and one line in this list.
import { activations } from './activations/index.ts';
import { depth } from './depth/index.ts';
import type { FigureKind } from './kind.ts';
import { overlay } from './overlay/index.ts';
import { training } from './training/index.ts';

const LIST = [activations, overlay, depth, training] as const satisfies readonly FigureKind[];

type Kinds = (typeof LIST)[number];
/** The built-in kinds' modules, as types (config/types.ts infers the user's config from their schemas). */
export type BuiltInKind = Kinds;
/** The kind a figure without `kind` is. */
export type DefaultKind = (typeof LIST)[0];
export type KindName = Kinds['name'];
/** A normalized figure of any kind. */
export type Figure = Kinds extends FigureKind<infer F, infer _S> ? F : never;

const registered = new Map<string, FigureKind>(LIST.map((k) => [k.name, k as unknown as FigureKind]));
let version = 0;

/** The kind of a figure that names none: the first. */
export const DEFAULT_KIND: KindName = LIST[0].name;

/** Every kind, in order: the built-in ones, then any registered since. */
export const allKinds = (): FigureKind[] => [...registered.values()];

/** Changes whenever a kind is registered, so that schemas built from the kinds are built again. */
export const kindsVersion = (): number => version;

/** The kind module of a figure (or of a kind's name). */
export function kindOf(name: string): FigureKind {
  const kind = registered.get(name);
  if (!kind) throw new Error(`unknown figure kind "${name}"`);
  return kind;
}

export const hasKind = (name: string): boolean => registered.has(name);

/**
 * Adds a kind defined outside this list (a test's fixture, a plugin): the config schema, normalization,
 * drawing, pages and listings take it from here like the built-in ones.
 */
export function registerKind(kind: FigureKind): void {
  if (registered.has(kind.name)) throw new Error(`figure kind "${kind.name}" is already registered`);
  registered.set(kind.name, kind as unknown as FigureKind);
  version++;
}
