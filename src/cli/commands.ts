// The commands, one entry each: what the help says of it, its options, and the module that runs it
// (loaded only when it runs). main.ts reads nothing else: a new command is a new entry here.
import { FORMATS } from '../formats.ts';
import type { Values } from './args.ts';

/** An option: cac's flags (`--name <value>` takes a value) and its help; `repeatable` keeps every value. */
export type Option = readonly [flags: string, description: string, repeatable?: 'repeatable'];

export interface Command {
  name: string;
  /** Its one positional argument, as cac writes it (`<id>`); the command reads it as values.id. */
  argument?: string;
  description: string;
  options: readonly Option[];
  examples: readonly string[];
  run(values: Values): Promise<number>;
}

const CONFIG: Option = ['--config <file>', 'config file (default: figures.config.{ts,mts,cts,js,mjs,cjs,json} here)'];
/** Several configs: repeated, or a quoted glob actfig expands itself; default: package.json's actfig.configs. */
const CONFIGS: Option = [
  '--config <file>',
  "config file or quoted glob, repeatable (default: package.json's actfig.configs, else figures.config.* here)",
  'repeatable',
];
const OUT: Option = ['--out <dir>', "output folder (default: the config's outDir)"];

export const COMMANDS: readonly Command[] = [
  {
    name: 'build',
    description: 'Render the figures whose config, tool or renderer changed; write the gallery',
    options: [
      CONFIGS,
      OUT,
      ['--only <ids>', 'build only these figures (comma-separated); the others are left alone'],
      [
        '--formats <list>',
        `render only these image formats now (${FORMATS.join(',')}); the others are left as they are`,
      ],
      ['--force', 're-render every figure, whatever the manifest says'],
      ['--no-prune', 'keep the figures that left the config instead of deleting their files'],
      ['--jobs <n>', 'render processes (default: the number of cores)'],
      ['--lock-timeout <s>', 'seconds to wait for another build of the same folder (default 600)'],
    ],
    examples: ['actfig build', 'actfig build --config lectures/03/figures.config.ts --formats png'],
    run: async (values) => (await import('./commands/build.ts')).buildCommand(values),
  },
  {
    name: 'check',
    description:
      'Exit 0 when the output folder is what a build would make now, 1 listing what is not, 2 for a bad config',
    options: [
      CONFIGS,
      OUT,
      ['--render', 'also re-render every figure in memory and compare its bytes with the folder'],
    ],
    examples: ['actfig check'],
    run: async (values) => (await import('./commands/check.ts')).checkCommand(values),
  },
  {
    name: 'dev',
    description: 'Build, serve the output folder on a local address, rebuild and reload the page on every save',
    options: [
      CONFIGS,
      OUT,
      ['--port <n>', 'port to listen on (default 4173; 0: any free port)'],
      ['--host <address>', 'address to listen on (default 127.0.0.1)'],
    ],
    examples: ['actfig dev', 'actfig dev --config lectures/03/figures.config.ts --port 8080'],
    run: async (values) => (await import('./commands/dev.ts')).devCommand(values),
  },
  {
    name: 'spec',
    argument: '<id>',
    description: "Print a figure's Vega-Lite spec, byte for byte what the build writes",
    options: [CONFIG],
    examples: ['actfig spec sigmoid-vs-relu > sigmoid-vs-relu.vl.json'],
    run: async (values) => (await import('./commands/spec.ts')).specCommand(values),
  },
  {
    name: 'eval',
    argument: '<name>',
    description: "Print f(z) and f'(z) of an activation as CSV (z,y,dy)",
    options: [
      ['--config <file>', 'a config file: the formula activations it defines (its activations field) can be NAME'],
      ['--param <key=value>', 'an activation parameter (repeatable), e.g. --param negative_slope=0.2', 'repeatable'],
      ['--at <list>', 'the z values, comma-separated'],
      ['--min <z>', 'smallest z (with --samples or --step)'],
      ['--max <z>', 'largest z: included with --samples (numpy.linspace), excluded with --step (numpy.arange)'],
      ['--samples <n>', 'number of points, as numpy.linspace(min, max, n)'],
      ['--step <s>', 'spacing, as numpy.arange(min, max, step)'],
      ['--kinks', "also evaluate at the kinks in the range: the points where f, f' or f'' is not smooth"],
      ['--order <n>', "1: z,y,dy (default); 2: also f''(z), PyTorch's double backward, as a fourth column d2y"],
    ],
    examples: [
      'actfig eval relu --at -1,0,2.5',
      'actfig eval sigmoid --min -10 --max 10 --samples 400',
      'actfig eval squareplus --config figures.config.ts --at -1,0,1',
    ],
    run: async (values) => (await import('./commands/eval.ts')).evalCommand(values),
  },
  {
    name: 'list',
    description: "List the activations with their parameters, then the config's figures",
    options: [CONFIGS],
    examples: ['actfig list', "actfig list --config 'lectures/*/figures.config.ts'"],
    run: async (values) => (await import('./commands/list.ts')).listCommand(values),
  },
  {
    name: 'init',
    description:
      'Start a course repository: a figures config, npm scripts and a GitHub workflow (never overwrites a file)',
    options: [],
    examples: ['actfig init'],
    run: async () => (await import('./commands/init.ts')).initCommand(),
  },
  {
    name: 'setup-system',
    description: 'Install the Debian packages canvas compiles against (run as root or with sudo)',
    options: [],
    examples: ['npx actfig setup-system'],
    run: async () => (await import('./commands/setup-system.ts')).setupSystemCommand(),
  },
];

/** An option's long name (`lock-timeout`), and whether it takes a value. */
export function optionName(option: Option): { name: string; valued: boolean } {
  const [, name, value] = /^--([\w-]+)( <)?/.exec(option[0])!;
  return { name, valued: value !== undefined };
}
