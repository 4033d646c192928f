import { UserError } from '../errors.ts';

/** What a command gets: its options by camelCase name, each valued one as raw text (a list if repeatable). */
export type Values = Record<string, string | string[] | boolean | undefined>;

/**
 * Options that take a value, written `--name=value` before cac sees them: a value may then start with a
 * dash (`--min -10`, `--at -1,0,1`), and its text reaches the command exactly as typed (cac's parser
 * would turn "0x10" into 16 and "-0" into 0). Returns the glued argv and each option's raw values.
 */
export function glueValues(
  argv: readonly string[],
  valued: ReadonlySet<string>,
): { argv: string[]; raw: Map<string, string[]> } {
  const out: string[] = [];
  const raw = new Map<string, string[]>();
  const add = (name: string, value: string) => raw.set(name, [...(raw.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : undefined;
    if (name !== undefined && valued.has(name)) {
      if (eq !== -1) add(name, arg.slice(eq + 1));
      else if (i + 1 < argv.length) add(name, argv[++i]);
      else throw new UserError(`--${name}: missing its value`);
      out.push(`--${name}=${raw.get(name)!.at(-1)}`);
    } else {
      out.push(arg);
    }
  }
  return { argv: out, raw };
}

/** A whole number in plain decimal (no "0x10", "1e3" or "+4"), within [min, max]. */
export function wholeNumber(option: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UserError(`${option}: must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/** A comma-separated list without empty items. */
export function list(option: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === ''))
    throw new UserError(`${option}: must be a comma-separated list without empty items, got "${value}"`);
  return items;
}
