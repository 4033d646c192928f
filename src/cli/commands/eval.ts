import { UserError, didYouMean } from '../../errors.ts';
import { customNames, findActivation, knownNames, type ParamValues } from '../../math/activations/registry.ts';
import { evaluate } from '../../math/evaluate.ts';
import { arange, arangeLength, linspace, MAX_POINTS, withBreaks } from '../../math/grid.ts';
import { ParamError, parseNumber, resolveParams } from '../../math/params.ts';
import type { Values } from '../args.ts';
import { write } from '../stdout.ts';

export const evalUsage =
  'actfig eval NAME [--config FILE] [--param KEY=VALUE]... ' +
  '(--at Z1,Z2,... | --min A --max B --samples N | --min A --max B --step S) [--kinks] [--order 1|2]';

/** A number as CSV: JavaScript's shortest round-trip form, with the sign of -0 kept. */
const cell = (v: number) => (Object.is(v, -0) ? '-0' : String(v));

/** `actfig eval`: f and f' of one activation as CSV (z,y,dy) on stdout; with `--order 2` also f'' (z,y,dy,d2y). */
export async function evalCommand(values: Values): Promise<number> {
  const fail = (message: string) => new UserError(`actfig eval: ${message}`);
  const name = values.name as string;
  // A config's formula activations are known with --config. The config is loaded even when NAME is a
  // built-in, so that a config which list and build refuse (a formula shadowing a built-in) is refused here too.
  if (values.config !== undefined) {
    const { loadConfig } = await import('../../config/load.ts');
    const { useFormulas } = await import('../../math/formula/register.ts');
    useFormulas((await loadConfig(values.config as string)).activations);
  }
  const activation = findActivation(name);
  if (!activation) {
    const names = [...knownNames, ...customNames()];
    throw fail(`NAME: unknown activation "${name}"${didYouMean(name, names)}; see actfig list`);
  }
  const order = values.order ?? '1';
  if (order !== '1' && order !== '2') throw fail(`--order: must be 1 or 2, got "${order}"`);

  // No prototype: `--param __proto__=1` is a key like any other (and refused as no parameter).
  const given: Record<string, string> = Object.create(null);
  for (const pair of (values.param as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw fail(`--param: expected KEY=VALUE, got "${pair}"`);
    const key = pair.slice(0, eq);
    if (Object.hasOwn(given, key)) throw fail(`--param ${key}: given twice (${given[key]} and ${pair.slice(eq + 1)})`);
    given[key] = pair.slice(eq + 1);
  }
  let params: ParamValues;
  try {
    params = resolveParams(activation, given);
  } catch (error) {
    if (error instanceof ParamError) throw fail(`--param ${error.key}: ${error.message}`);
    throw error;
  }

  let z = points(values, fail);
  if (values.kinks) z = withBreaks(z.slice().sort(), activation.breaks(params));
  for (const v of z)
    if (!Number.isFinite(v))
      throw fail('--min/--max: the range is too wide for double precision (the grid has non-finite points)');
  const rows = new Array<string>(z.length + 1);
  if (order === '1') {
    const { y, dy } = evaluate(activation, params, z);
    rows[0] = 'z,y,dy';
    for (let i = 0; i < z.length; i++) rows[i + 1] = `${cell(z[i])},${cell(y[i])},${cell(dy[i])}`;
  } else {
    const { y, dy, d2y } = evaluate(activation, params, z, { second: true });
    rows[0] = 'z,y,dy,d2y';
    for (let i = 0; i < z.length; i++) rows[i + 1] = `${cell(z[i])},${cell(y[i])},${cell(dy[i])},${cell(d2y[i])}`;
  }
  await write(`${rows.join('\n')}\n`);
  return 0;
}

function points(values: Values, fail: (m: string) => UserError): Float64Array {
  const number = (key: string): number => {
    const raw = values[key];
    if (raw === undefined) throw fail(`--${key}: missing; usage: ${evalUsage}`);
    const n = parseNumber(raw);
    if (n === undefined) throw fail(`--${key}: must be a finite number, got "${raw}"`);
    return n;
  };
  if (values.at !== undefined) {
    for (const key of ['min', 'max', 'samples', 'step']) {
      if (values[key] !== undefined) throw fail(`--at: cannot be combined with --${key}`);
    }
    const parts = String(values.at).split(',');
    if (parts.length > MAX_POINTS) throw fail(`--at: at most ${MAX_POINTS} points, got ${parts.length}`);
    return Float64Array.from(parts, (part) => {
      const n = parseNumber(part);
      if (n === undefined) throw fail(`--at: "${part}" is not a finite number`);
      return n;
    });
  }
  if (values.samples === undefined && values.step === undefined)
    throw fail(`give --at, or --min and --max with --samples or --step; usage: ${evalUsage}`);
  if (values.samples !== undefined && values.step !== undefined)
    throw fail('--step: cannot be combined with --samples');
  const min = number('min');
  const max = number('max');
  if (!(min < max)) throw fail(`--max: must be greater than --min (${min}), got ${max}`);
  if (values.samples !== undefined) {
    const samples = number('samples');
    if (!Number.isInteger(samples) || samples < 2)
      throw fail(`--samples: must be an integer ≥ 2, got ${values.samples}`);
    if (samples > MAX_POINTS) throw fail(`--samples: at most ${MAX_POINTS} points, got ${samples}`);
    return linspace(min, max, samples);
  }
  const step = number('step');
  if (!(step > 0)) throw fail(`--step: must be > 0, got ${step}`);
  const n = arangeLength(min, max, step);
  if (n > MAX_POINTS) throw fail(`--step: makes ${n} points from ${min} to ${max}; at most ${MAX_POINTS}`);
  return arange(min, max, step);
}
