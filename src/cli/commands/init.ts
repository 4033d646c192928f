import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG_FILES } from '../../config/load.ts';
import { UserError } from '../../errors.ts';

const CONFIG_BODY = `  outDir: 'figures',
  figures: [
    {
      // The lab's figure: sigmoid's gradient vanishes, ReLU's does not.
      id: 'sigmoid-vs-relu',
      grid: { min: -10, max: 10, samples: 400 },
      panels: [{ activation: 'sigmoid' }, { activation: 'relu' }],
    },
    {
      id: 'leaky-relu',
      grid: { min: -5, max: 5, step: 0.05 },
      panels: [{ activation: 'leaky_relu', params: { negative_slope: 0.1 } }],
    },
  ],
});
`;

// The same text serves figures.config.ts and figures.config.mjs: jiti loads either in any repository.
const CONFIG =
  '// Figures for this course: `npm run figures` builds them into figures/, `npm run figures:check` checks\n' +
  `// them in CI. Every option: see activation-figures' README.
import { defineConfig } from 'activation-figures';

export default defineConfig({
${CONFIG_BODY}`;

const WORKFLOW = `# Fails a pull request whose committed figures are not what \`actfig build\` makes from the config.
name: figures
on:
  push:
  pull_request:
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      # canvas compiles against cairo and pango: install the packages it needs (the script ships in the
      # package), then build canvas.
      - run: npm ci --ignore-scripts
      - run: npx actfig setup-system
      - run: npm rebuild
      - run: npx actfig check
      # On failure, rebuild and upload what the figures should be, for review.
      - if: failure()
        run: npx actfig build
      - if: failure()
        uses: actions/upload-artifact@v4
        with:
          name: figures
          path: figures/
`;

/**
 * `actfig init`: a starter figures config (TypeScript where the repository has it), the figures and
 * figures:check scripts in package.json, and a GitHub workflow. Never overwrites anything.
 */
export async function initCommand(cwd = process.cwd()): Promise<number> {
  const done: string[] = [];
  const skipped: string[] = [];
  const pkgPath = join(cwd, 'package.json');
  let pkg: Record<string, unknown> | undefined;
  let pkgText: string | undefined;
  if (existsSync(pkgPath)) {
    pkgText = readFileSync(pkgPath, 'utf8');
    try {
      pkg = JSON.parse(pkgText) as Record<string, unknown>;
    } catch (error) {
      throw new UserError(
        `package.json: not valid JSON (${(error as Error).message}); fix it and run actfig init again`,
      );
    }
  }
  const deps = { ...(pkg?.dependencies as object), ...(pkg?.devDependencies as object) };
  const typescript = existsSync(join(cwd, 'tsconfig.json')) || 'typescript' in deps;

  const existing = DEFAULT_CONFIG_FILES.find((name) => existsSync(join(cwd, name)));
  if (existing) skipped.push(`${existing} (exists)`);
  else {
    const name = typescript ? 'figures.config.ts' : 'figures.config.mjs';
    await writeNew(join(cwd, name), CONFIG);
    done.push(name);
  }

  if (pkg && pkgText !== undefined) {
    const scripts = { ...(pkg.scripts as Record<string, string> | undefined) };
    const added: string[] = [];
    for (const [name, command] of [
      ['figures', 'actfig build'],
      ['figures:check', 'actfig check'],
    ]) {
      if (scripts[name] === undefined) {
        scripts[name] = command;
        added.push(name);
      } else skipped.push(`package.json script "${name}" (exists)`);
    }
    if (added.length) {
      const indent = /^(\s+)"/m.exec(pkgText)?.[1] ?? '  ';
      await writeFile(pkgPath, `${JSON.stringify({ ...pkg, scripts }, null, indent)}\n`);
      done.push(`package.json scripts ${added.map((s) => `"${s}"`).join(' and ')}`);
    }
  } else {
    skipped.push('package.json scripts (no package.json here; run npm init -y first)');
  }

  const workflow = join(cwd, '.github/workflows/figures.yml');
  if (existsSync(workflow)) skipped.push('.github/workflows/figures.yml (exists)');
  else {
    await mkdir(dirname(workflow), { recursive: true });
    await writeNew(workflow, WORKFLOW);
    done.push('.github/workflows/figures.yml');
  }

  for (const line of done) process.stdout.write(`wrote ${line}\n`);
  for (const line of skipped) process.stdout.write(`left ${line}\n`);
  process.stdout.write('next: npx actfig build, then commit figures/\n');
  return 0;
}

/** Creates a file that must not exist yet ('wx': a file that appeared meanwhile is not overwritten either). */
async function writeNew(path: string, text: string): Promise<void> {
  await writeFile(path, text, { flag: 'wx' });
}
