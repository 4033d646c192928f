// The command line: cac parses, each command lives in its own module and is loaded only when run.
// User mistakes print one line and exit 2; anything unexpected prints its stack (bin/actfig.js).
import { cac } from 'cac';
import { UserError } from '../errors.ts';
import { toolVersion } from '../versions.ts';
import { glueValues } from './args.ts';

const CONFIG = ['--config <file>', 'config file (default: figures.config.{ts,mts,cts,js,mjs,cjs,json} here)'] as const;
const OUT = ['--out <dir>', "output folder (default: the config's outDir)"] as const;

function program() {
  const cli = cac('actfig');
  cli
    .command('build', 'Render the figures whose config, tool or renderer changed; write the gallery')
    .option(...CONFIG)
    .option(...OUT)
    .option('--only <ids>', 'build only these figures (comma-separated); the others are left alone')
    .option('--formats <list>', 'render only these image formats now (png,svg,pdf); the others are left as they are')
    .option('--force', 're-render every figure, whatever the manifest says')
    .option('--no-prune', 'keep the figures that left the config instead of deleting their files')
    .option('--jobs <n>', 'render processes (default: the number of cores)')
    .option('--lock-timeout <s>', 'seconds to wait for another build of the same folder (default 600)')
    .example('actfig build')
    .example('actfig build --config lectures/03/figures.config.ts --formats png')
    .action((options) => run('build', options));
  cli
    .command(
      'check',
      'Exit 0 when the output folder is what a build would make now, 1 listing what is not, 2 for a bad config',
    )
    .option(...CONFIG)
    .option(...OUT)
    .option('--render', 'also re-render every figure in memory and compare its bytes with the folder')
    .example('actfig check')
    .action((options) => run('check', options));
  cli
    .command('dev', 'Build, serve the output folder on a local address, rebuild and reload the page on every save')
    .option(...CONFIG)
    .option(...OUT)
    .option('--port <n>', 'port to listen on (default 4173; 0: any free port)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1)')
    .example('actfig dev')
    .example('actfig dev --config lectures/03/figures.config.ts --port 8080')
    .action((options) => run('dev', options));
  cli
    .command('spec <id>', "Print a figure's Vega-Lite spec, byte for byte what the build writes")
    .option(...CONFIG)
    .example('actfig spec sigmoid-vs-relu > sigmoid-vs-relu.vl.json')
    .action((id, options) => run('spec', { ...options, id }));
  cli
    .command('eval <name>', "Print f(z) and f'(z) of an activation as CSV (z,y,dy)")
    .option('--config <file>', 'a config whose formula activations (its `activations`) NAME may be')
    .option('--param <key=value>', 'an activation parameter (repeatable), e.g. --param negative_slope=0.2')
    .option('--at <list>', 'the z values, comma-separated')
    .option('--min <z>', 'smallest z (with --samples or --step)')
    .option('--max <z>', 'largest z: included with --samples (numpy.linspace), excluded with --step (numpy.arange)')
    .option('--samples <n>', 'number of points, as numpy.linspace(min, max, n)')
    .option('--step <s>', 'spacing, as numpy.arange(min, max, step)')
    .option('--kinks', "add the points where f or f' is not smooth")
    .option('--order <n>', "1: z,y,dy (default); 2: also f''(z), PyTorch's double backward, as a fourth column d2y")
    .example('actfig eval relu --at -1,0,2.5')
    .example('actfig eval sigmoid --min -10 --max 10 --samples 400')
    .example('actfig eval squareplus --config figures.config.ts --at -1,0,1')
    .action((name, options) => run('eval', { ...options, name }));
  cli
    .command('list', "List the activations with their parameters, then the config's figures")
    .option(...CONFIG)
    .example('actfig list')
    .action((options) => run('list', options));
  cli
    .command(
      'init',
      'Start a course repository: a figures config, npm scripts and a GitHub workflow (never overwrites a file)',
    )
    .example('actfig init')
    .action((options) => run('init', options));
  cli
    .command('setup-system', 'Install the Debian packages canvas compiles against (run as root or with sudo)')
    .example('npx actfig setup-system')
    .action((options) => run('setup-system', options));
  cli.help();
  cli.version(toolVersion);
  return cli;
}

/** Options that take a value, by their long name (as cac names them in camelCase too). */
const VALUED = new Set([
  'config',
  'out',
  'only',
  'formats',
  'jobs',
  'lock-timeout',
  'param',
  'at',
  'min',
  'max',
  'samples',
  'step',
  'order',
  'port',
  'host',
]);

type Command = 'build' | 'check' | 'dev' | 'spec' | 'eval' | 'list' | 'init' | 'setup-system';
let pending: { command: Command; options: Record<string, unknown> } | undefined;
const run = (command: Command, options: Record<string, unknown>) => {
  pending = { command, options };
};

/** Runs one command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { argv: glued, raw } = glueValues(argv, VALUED);
    const cli = program();
    pending = undefined;
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
          'commands: build, check, dev, spec, eval, list, init, setup-system (see actfig --help)',
      );
    }
    if (!pending) return 0;
    const { command, options } = pending;
    // Raw text of every valued option, as typed: the commands parse numbers strictly themselves.
    const values: Record<string, string | string[] | boolean | undefined> = { ...(options as Record<string, boolean>) };
    for (const name of VALUED) {
      const key = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      values[key] = name === 'param' ? raw.get(name) : raw.get(name)?.at(-1);
    }
    return await dispatch(command, values);
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

export type Values = Record<string, string | string[] | boolean | undefined>;

async function dispatch(command: Command, values: Values): Promise<number> {
  switch (command) {
    case 'build':
      return (await import('./commands/build.ts')).buildCommand(values);
    case 'check':
      return (await import('./commands/check.ts')).checkCommand(values);
    case 'dev':
      return (await import('./commands/dev.ts')).devCommand(values);
    case 'spec':
      return (await import('./commands/spec.ts')).specCommand(values);
    case 'eval':
      return (await import('./commands/eval.ts')).evalCommand(values);
    case 'list':
      return (await import('./commands/list.ts')).listCommand(values);
    case 'init':
      return (await import('./commands/init.ts')).initCommand();
    case 'setup-system':
      return (await import('./commands/setup-system.ts')).setupSystemCommand();
  }
}
