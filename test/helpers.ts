import { findActivation } from '../src/math/activations/registry.ts';
import { resolveParams } from '../src/math/params.ts';

export function act(name: string, params: Record<string, unknown> = {}) {
  const a = findActivation(name);
  if (!a) throw new Error(`no activation ${name}`);
  const p = resolveParams(a, params);
  return { a, p, f: (z: number) => a.f(z, p), df: (z: number) => a.df(z, p) };
}

/** Relative error within `rel`; values the double range cannot hold relatively (below 1e-300) compare absolutely. */
export function close(actual: number, expected: number, rel = 1e-12): boolean {
  if (!Number.isFinite(actual)) return false;
  return Math.abs(actual - expected) <= rel * Math.abs(expected) || Math.abs(actual - expected) <= 1e-300;
}
