// What alt texts share: numbers as they are printed, where a value is, and what a series draws.
import type { Fn } from './model.ts';
import { short } from '../text.ts';

export const fmt = (v: number) => short(v, 4);
export const where = (at: number | string) => (typeof at === 'number' ? `z = ${fmt(at)}` : at);

/** "Sigmoid (solid) and its derivative (dashed)". */
export function drawnText(name: string, show: readonly Fn[]): string {
  const parts: string[] = [];
  if (show.includes('f')) parts.push(`${name} (solid)`);
  const of = (what: string) => (parts.length ? `its ${what}` : `the ${what} of ${name}`);
  if (show.includes('df')) parts.push(`${of('derivative')} (dashed)`);
  if (show.includes('d2f')) parts.push(`${of('second derivative')} (dotted)`);
  return parts.length === 3 ? `${parts[0]}, ${parts[1]} and ${parts[2]}` : parts.join(' and ');
}
