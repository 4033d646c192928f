import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node's util.parseArgs, except that a value may start with a dash: `--min -10` and `--at -1,0,1`
 * work as people type them. parseArgs refuses those (it takes `-10` for an option), so a
 * string option's next argument is glued on as `--min=-10` first. Errors become UserErrors.
 */
export function parse<T extends Options>(command: string, argv: string[], options: T) {
  const glued: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && i + 1 < argv.length) {
      glued.push(`${arg}=${argv[++i]}`);
    } else {
      glued.push(arg);
    }
  }
  try {
    return parseArgs({ args: glued, options, allowPositionals: true, strict: true as const });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0].replace(/\. To specify .*$/, '');
    throw new UserError(`actfig ${command}: ${message}`);
  }
}
