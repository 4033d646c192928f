import { relative } from 'node:path';
import { build, type ProgressEvent } from '../../build/build.ts';
import { UserError } from '../../errors.ts';
import { FORMATS, type Format } from '../../formats.ts';
import { printable } from '../../text.ts';
import { list, type Values, wholeNumber } from '../args.ts';
import { eachConfig } from '../configs.ts';

export function parseFormats(option: string, value: string | undefined): Format[] | undefined {
  const items = list(option, value);
  if (!items) return undefined;
  const seen = new Set<string>();
  for (const f of items) {
    if (!(FORMATS as readonly string[]).includes(f))
      throw new UserError(`${option}: unknown format "${f}" (${FORMATS.join(', ')})`);
    if (seen.has(f)) throw new UserError(`${option}: "${f}" is listed twice`);
    seen.add(f);
  }
  return items as Format[];
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
        process.stdout.write(
          `waiting for the build running as process ${event.pid} on ${printable(event.host)} to finish ` +
            '(--lock-timeout to give up sooner)\n',
        );
        break;
      case 'start':
        if (!tty && event.toRender > 0) process.stdout.write(`rendering ${event.toRender} of ${event.total} figures\n`);
        break;
      case 'removed':
        clear();
        process.stdout.write(`removed ${printable(event.id)} (no longer in the config)\n`);
        break;
      case 'kept':
        clear();
        process.stdout.write(`kept ${printable(event.id)} (no longer in the config; --no-prune)\n`);
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

/** `actfig build`: renders the figures whose content changed, config after config. Returns the exit code. */
export async function buildCommand(values: Values): Promise<number> {
  const formats = parseFormats('actfig build: --formats', values.formats as string | undefined);
  const jobs = wholeNumber('actfig build: --jobs', values.jobs as string | undefined, 1, 64);
  const lockTimeout = wholeNumber('actfig build: --lock-timeout', values.lockTimeout as string | undefined, 0, 86400);
  const only = list('actfig build: --only', values.only as string | undefined);
  return eachConfig(values, async (config) => {
    const { report, clear } = reporter(Boolean(process.stdout.isTTY));
    const r = await build(config, {
      ...(only && { only }),
      ...(formats && { formats }),
      force: values.force === true,
      prune: values.prune !== false,
      ...(jobs !== undefined && { jobs }),
      ...(lockTimeout !== undefined && { lockTimeoutMs: lockTimeout * 1000 }),
      progress: report,
    });
    clear();
    const where = relative(process.cwd(), config.outDir) || '.';
    const kept = r.kept.length ? `, ${r.kept.length} kept` : '';
    const counts =
      `${r.figures} figures: ${r.rendered.length} rendered, ${r.unchanged.length} unchanged, ` +
      `${r.removed.length} removed${kept}, ${r.failed.length} failed`;
    process.stdout.write(`${counts}; ${r.filesWritten} files written to ${where} in ${r.seconds.toFixed(2)} s\n`);
    return { code: r.failed.length ? 1 : 0, summary: `${counts} (${where})` };
  });
}
