import { relative } from 'node:path';
import { parse } from '../args.ts';
import { build } from '../build.ts';
import { loadConfigFrom, type Format } from '../config.ts';
import { UserError } from '../errors.ts';

export const buildUsage = 'actfig build [--config F] [--out DIR] [--only ID,...] [--formats png,svg,pdf]';

export function parseFormats(value: string | undefined): Format[] | undefined {
  if (value === undefined) return undefined;
  const formats = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of formats) {
    if (!['png', 'svg', 'pdf'].includes(f)) throw new UserError(`actfig build: --formats: unknown format "${f}" (png, svg, pdf)`);
  }
  return [...new Set(formats)] as Format[];
}

export function parseOnly(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `actfig build`: renders the config's figures into the output folder. Returns the exit code. */
export async function buildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('build', argv, {
    config: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },
    formats: { type: 'string' },
  });
  if (positionals.length) throw new UserError(`actfig build: unexpected argument "${positionals[0]}"; usage: ${buildUsage}`);
  const formats = parseFormats(values.formats);
  const only = parseOnly(values.only);
  const config = await loadConfigFrom(values.config, values.out);
  const result = await build(config, { only, formats, log: (line) => process.stdout.write(line + '\n') });
  const ok = result.figures - result.failed.length;
  process.stdout.write(`built ${ok} of ${result.figures} figures, wrote ${result.files.length} files to ${relative(process.cwd(), config.outDir) || '.'} in ${result.seconds.toFixed(1)} s\n`);
  for (const { id, error } of result.failed) {
    process.stderr.write(`actfig build: figure "${id}" failed: ${error.message}\n`);
    if (!(error instanceof UserError)) process.stderr.write(`${error.stack}\n`);
  }
  return result.failed.length ? 1 : 0;
}
