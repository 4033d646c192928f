import { UserError } from '../../errors.ts';
import { type Values, wholeNumber } from '../args.ts';
import { configFiles } from '../configs.ts';

/** `actfig dev`: build, serve the output folder, rebuild and reload on every save. Returns the exit code. */
export async function devCommand(values: Values): Promise<number> {
  const port = wholeNumber('actfig dev: --port', values.port as string | undefined, 0, 65535) ?? 4173;
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  if (host === '') throw new UserError('actfig dev: --host: must not be empty');
  const files = await configFiles(values.config as string[] | undefined);
  const { dev } = await import('../../dev/dev.ts');
  return dev({
    port,
    host,
    ...(files && { configs: files }),
    ...(values.out !== undefined && { out: values.out as string }),
  });
}
