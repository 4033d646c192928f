import { UserError } from './errors.ts';
import { evalCommand, evalUsage } from './commands/eval.ts';
import { listActivations } from './commands/list.ts';

const usage = `actfig: activation functions and their PyTorch derivatives, as numbers and figures

usage:
  ${evalUsage}
  actfig list
`;

/** Runs one command; returns the exit code. User mistakes print one line; bugs print their stack. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'eval':
        process.stdout.write(evalCommand(rest));
        return 0;
      case 'list':
        process.stdout.write(listActivations());
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UserError(`actfig: unknown command "${command}"; commands: eval, list`);
    }
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(error.message + '\n');
      return error.exitCode;
    }
    throw error;
  }
}
