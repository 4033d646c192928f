/** A parameter of an activation, named as `torch.nn.functional` names it. */
export interface NumberParam {
  kind: 'number';
  default: number;
  description: string;
  /** Returns a message when the value is not allowed (e.g. beta = 0). */
  check?: (value: number) => string | undefined;
  /** The slider range an interactive page offers; false for none (a parameter that changes no curve). */
  range?: { min: number; max: number; step: number } | false;
}

export interface ChoiceParam {
  kind: 'choice';
  default: string;
  choices: readonly string[];
  description: string;
}

export type ParamSpec = NumberParam | ChoiceParam;
export type ParamValues = Record<string, number | string>;

/**
 * A point where f, f' or f'' is not smooth. `f`/`df`/`d2f` say what happens there:
 * 'jump' (a discontinuity, drawn as a break in the line), 'kink' (continuous, not differentiable),
 * 'smooth' (no break in that function).
 */
export interface Break {
  z: number;
  f: 'jump' | 'kink' | 'smooth';
  df: 'jump' | 'kink' | 'smooth';
  /**
   * f'' as `d2f` returns it: e.g. 'smooth' where it is 0 on both sides (relu at 0). Every activation's
   * breaks have it; optional only so that breaks written by hand for `withBreaks` need not.
   */
  d2f?: 'jump' | 'kink' | 'smooth';
}

/** What a course's property table needs. */
export interface Properties {
  /** Output range in interval notation, e.g. "(0, 1)". */
  range: string;
  monotonic: boolean;
  zeroCentred: boolean;
  /** "C∞", "C¹", "C⁰" or "discontinuous". */
  smoothness: string;
  /** The largest |f'(z)| and where it occurs (a number, or a description such as "z > 0"). */
  maxAbsDerivative: { value: number; at: number | string };
  /** Whether f' tends to 0 for large |z| on at least one side (the vanishing-gradient hazard). */
  saturating: boolean;
}

/**
 * A weight initialisation (normal, fan_in = fan_out = n): 'xavier' (Glorot, Var(w) = 1/n), 'he' (Kaiming,
 * 2/n) or 'lecun' (1/n, as SELU's self-normalisation assumes).
 */
export type InitName = 'xavier' | 'he' | 'lecun';

export interface Activation<P extends ParamValues = ParamValues> {
  name: string;
  displayName: string;
  /**
   * The initialisation practice pairs with the activation, which a depth figure's network draws its
   * weights with unless a series says otherwise: He for the ReLU family and its smooth relatives, LeCun
   * for SELU, Xavier for the saturating and hard ones (and for formulas). A custom, not a cure: with He,
   * GELU, SiLU and Mish networks still lose gradient through depth (median g30/g1 of the default depth
   * figure over 100 seeds: 0.032, 2.5e-4 and 0.45, against ReLU's 0.93).
   */
  init: InitName;
  aliases?: readonly string[];
  params: { readonly [K in keyof P]: ParamSpec };
  /** f(z) as PyTorch computes it. */
  f(z: number, p: P): number;
  /** f'(z) exactly as PyTorch's autograd returns it, including at kinks. */
  df(z: number, p: P): number;
  /**
   * f''(z) as PyTorch's double backward returns it: 0 on linear pieces and at the kinks between them,
   * and at a kink between a curved and a linear piece whatever autograd's mask says (elu''(0) = 0).
   */
  d2f(z: number, p: P): number;
  latex: { f: string; df: string };
  /** Where f, f' or f'' is not smooth, each with what f, f' and f'' do there. */
  breaks(p: P): Required<Break>[];
  properties(p: P): Properties;
  /** Checks that involve several parameters; returns the offending key and why. */
  validate?(p: P): { key: keyof P & string; message: string } | undefined;
  /** A z range that shows the function's shape, for its own figure. */
  domain?: [number, number];
}

/** Identity helper that keeps each activation file's parameter type. */
export function defineActivation<P extends ParamValues>(a: Activation<P>): Activation<P> {
  return a;
}
