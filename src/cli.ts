import { UserError } from './errors.ts';
import { evalCommand, evalUsage } from './commands/eval.ts';
import { listCommand } from './commands/list.ts';

const usage = `actfig: activation functions and their PyTorch derivatives, as numbers and figures

usage:
  actfig build [--config F] [--out DIR] [--only ID,...] [--formats png,svg,pdf] [--force] [--jobs N]
  actfig check [--config F] [--out DIR]
  actfig spec ID [--config F]
  ${evalUsage}
  actfig list [--config F]
`;

/** Runs one command; returns the exit code. User mistakes print one line; bugs print their stack. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build': {
        const { buildCommand } = await import('./commands/build.ts');
        return await buildCommand(rest);
      }
      case 'check': {
        const { checkCommand } = await import('./commands/check.ts');
        return await checkCommand(rest);
      }
      case 'spec': {
        const { specCommand } = await import('./commands/spec.ts');
        process.stdout.write(await specCommand(rest));
        return 0;
      }
      case 'eval':
        process.stdout.write(evalCommand(rest));
        return 0;
      case 'list':
        process.stdout.write(await listCommand(rest));
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UserError(`actfig: unknown command "${command}"; commands: build, check, spec, eval, list`);
    }
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(error.message + '\n');
      return error.exitCode;
    }
    throw error;
  }
}
