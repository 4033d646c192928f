// The command line: cac parses, each command is an entry of commands.ts whose module is loaded only when
// it runs. User mistakes print one line and exit 2; anything unexpected prints its stack (bin/actfig.js).
import { cac } from 'cac';
import { UserError } from '../errors.ts';
import { toolVersion } from '../versions.ts';
import { glueValues, type Values } from './args.ts';
import { type Command, COMMANDS, optionName } from './commands.ts';

const options = COMMANDS.flatMap((command) => command.options.map((option) => ({ ...optionName(option), option })));

/** Options that take a value, by their long name (as cac names them in camelCase too). */
const VALUED = new Set(options.filter((o) => o.valued).map((o) => o.name));
/** A command's valued options whose every value it gets, not only the last (`--config` of build, not of spec). */
const repeatable = (command: Command) =>
  new Set(command.options.filter((o) => o[2] === 'repeatable').map((o) => optionName(o).name));

function program(run: (command: Command, options: Record<string, unknown>) => void) {
  const cli = cac('actfig');
  for (const command of COMMANDS) {
    const entry = cli.command(`${command.name}${command.argument ? ` ${command.argument}` : ''}`, command.description);
    for (const [flags, description] of command.options) {
      entry.option(flags, description);
      // cac gives `--no-prune` a default of true and prints "(default: true)"; the command reads "not false".
      if (flags.startsWith('--no-')) entry.options.at(-1)!.config.default = undefined;
    }
    for (const example of command.examples) entry.example(example);
    entry.action((...args: unknown[]) => {
      const options = args.at(-1) as Record<string, unknown>;
      // The argument's name without its brackets: `<id>` is values.id.
      if (command.argument) options[command.argument.slice(1, -1)] = args[0];
      run(command, options);
    });
  }
  cli.help();
  cli.version(toolVersion);
  return cli;
}

/** Runs one command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { argv: glued, raw } = glueValues(argv, VALUED);
    let pending: { command: Command; options: Record<string, unknown> } | undefined;
    const cli = program((command, options) => {
      pending = { command, options };
    });
    try {
      cli.parse(['node', 'actfig', ...glued], { run: false });
      if (cli.matchedCommand) cli.matchedCommand.checkUnknownOptions();
      if (cli.matchedCommand) cli.matchedCommand.checkRequiredArgs();
      // cac checks option values (an empty --formats '' is "missing") when it runs the command.
      if (cli.matchedCommand && !cli.options.help && !cli.options.version) await cli.runMatchedCommand();
    } catch (error) {
      const name = cli.matchedCommandName;
      const message = `actfig${name ? ` ${name}` : ''}: ${(error as Error).message}; see actfig ${name ?? ''} --help`;
      throw new UserError(message.replace(/ {2}/g, ' '));
    }
    if (cli.options.help || cli.options.version) return 0;
    if (!cli.matchedCommand) {
      if (glued.length === 0) {
        cli.outputHelp();
        return 2;
      }
      throw new UserError(
        `actfig: unknown command "${glued[0]}"; ` +
          `commands: ${COMMANDS.map((c) => c.name).join(', ')} (see actfig --help)`,
      );
    }
    if (!pending) return 0;
    const { command, options } = pending as { command: Command; options: Record<string, unknown> };
    // Raw text of every valued option, as typed: the commands parse numbers strictly themselves.
    const values: Values = { ...(options as Record<string, boolean>) };
    const REPEATABLE = repeatable(command);
    for (const name of VALUED) {
      const key = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      values[key] = REPEATABLE.has(name) ? raw.get(name) : raw.get(name)?.at(-1);
    }
    return await command.run(values);
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
