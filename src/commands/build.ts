import { relative } from 'node:path';
import { parse } from '../args.ts';
import { build, type ProgressEvent } from '../build.ts';
import { loadConfigFrom, type Format } from '../config.ts';
import { UserError } from '../errors.ts';

export const buildUsage = 'actfig build [--config F] [--out DIR] [--only ID,...] [--formats png,svg,pdf] [--force] [--jobs N]';

export function parseFormats(value: string | undefined): Format[] | undefined {
  if (value === undefined) return undefined;
  const formats = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of formats) {
    if (!['png', 'svg', 'pdf'].includes(f)) throw new UserError(`actfig build: --formats: unknown format "${f}" (png, svg, pdf)`);
  }
  return [...new Set(formats)] as Format[];
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UserError(`actfig build: --jobs: must be a whole number from 1 to 64, got "${value}"`);
  return n;
}

/** On a terminal, one live line; in CI, one plain line per figure. */
function reporter(tty: boolean) {
  let live = false;
  const clear = () => {
    if (live) process.stdout.write('\r\x1b[K');
    live = false;
  };
  const report = (event: ProgressEvent) => {
    switch (event.type) {
      case 'waiting':
        process.stdout.write(`waiting for the build running as process ${event.pid} to finish\n`);
        break;
      case 'start':
        if (!tty && event.toRender > 0) process.stdout.write(`rendering ${event.toRender} of ${event.total} figures\n`);
        break;
      case 'removed':
        clear();
        process.stdout.write(`removed ${event.id} (no longer in the config)\n`);
        break;
      case 'figure':
        if (event.status === 'failed') {
          clear();
          process.stderr.write(`actfig build: figure "${event.id}" failed: ${event.error!.message}\n`);
          if (!(event.error instanceof UserError)) process.stderr.write(`${event.error!.stack}\n`);
        } else if (tty) {
          process.stdout.write(`\r\x1b[K[${event.done}/${event.total}] ${event.id}`);
          live = true;
        } else {
          process.stdout.write(`[${event.done}/${event.total}] rendered ${event.id}\n`);
        }
        break;
    }
  };
  return { report, clear };
}

/** `actfig build`: renders the figures whose content changed. Returns the exit code. */
export async function buildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('build', argv, {
    config: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },
    formats: { type: 'string' },
    force: { type: 'boolean' },
    jobs: { type: 'string' },
  });
  if (positionals.length) throw new UserError(`actfig build: unexpected argument "${positionals[0]}"; usage: ${buildUsage}`);
  const formats = parseFormats(values.formats);
  const jobs = parseJobs(values.jobs);
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const config = await loadConfigFrom(values.config, values.out);
  const { report, clear } = reporter(Boolean(process.stdout.isTTY));
  const r = await build(config, { only, formats, force: values.force, jobs, progress: report });
  clear();
  const where = relative(process.cwd(), config.outDir) || '.';
  process.stdout.write(
    `${r.figures} figures: ${r.rendered.length} rendered, ${r.unchanged.length} unchanged, ${r.removed.length} removed, ${r.failed.length} failed; ` +
      `${r.filesWritten} files written to ${where} in ${r.seconds.toFixed(2)} s\n`,
  );
  return r.failed.length ? 1 : 0;
}
