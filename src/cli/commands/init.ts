import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { CONFIG_EXTENSIONS, DEFAULT_CONFIG_FILES, loadConfig } from '../../config/load.ts';
import { DEFAULTS } from '../../config/model.ts';
import { UserError } from '../../errors.ts';
import { CONFIGS_FIELD, configFiles } from '../configs.ts';
import { workflowFor } from './workflow.ts';

/** Config files below the package: a course's lectures (lectures/01/figures.config.ts). */
const CONFIG_PATTERN = `*/**/figures.config{${CONFIG_EXTENSIONS.join(',')}}`;

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
      grid: { min: -5, max: 5, samples: 201 },
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
  // A course whose lectures have their configs already: listed once in package.json, no starter config.
  const found = await glob(CONFIG_PATTERN, { cwd, ignore: ['**/node_modules/**'] });
  const listed = pkg?.actfig !== undefined;
  const lectures = !existing && !listed && found.length > 0 ? found.sort() : undefined;
  if (existing) skipped.push(`${existing} (exists)`);
  else if (lectures) skipped.push(`a starter config (found ${lectures.join(', ')})`);
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
    if (added.length || lectures) {
      const indent = /^(\s+)"/m.exec(pkgText)?.[1] ?? '  ';
      const actfig = lectures ? { actfig: { configs: lectures } } : {};
      await writeFile(pkgPath, `${JSON.stringify({ ...pkg, scripts, ...actfig }, null, indent)}\n`);
      if (added.length) done.push(`package.json scripts ${added.map((s) => `"${s}"`).join(' and ')}`);
      if (lectures) done.push(`package.json ${CONFIGS_FIELD}: ${lectures.join(', ')}`);
    }
  } else {
    skipped.push('package.json scripts (no package.json here; run npm init -y first)');
  }

  const workflow = workflowFor(cwd, await outputFolders(cwd));
  const shown = relative(cwd, workflow.path).split(sep).join('/');
  if (existsSync(workflow.path)) skipped.push(`${shown} (exists)`);
  else {
    await mkdir(dirname(workflow.path), { recursive: true });
    await writeNew(workflow.path, workflow.text);
    done.push(shown);
  }

  for (const line of done) process.stdout.write(`wrote ${line}\n`);
  for (const line of skipped) process.stdout.write(`left ${line}\n`);
  process.stdout.write('next: npx actfig build, then commit figures/\n');
  return 0;
}

/** The output folders of the configs a check in `cwd` runs on; the default figures/ where one cannot load. */
async function outputFolders(cwd: string): Promise<string[]> {
  const files = (await configFiles(undefined, cwd)) ?? [DEFAULT_CONFIG_FILES.find((f) => existsSync(join(cwd, f)))];
  const dirs: string[] = [];
  for (const file of files) {
    const config = file === undefined ? undefined : await loadConfig(resolve(cwd, file)).catch(() => undefined);
    dirs.push(config?.outDir ?? join(dirname(resolve(cwd, file ?? 'x')), DEFAULTS.outDir));
  }
  return dirs;
}

/** Creates a file that must not exist yet ('wx': a file that appeared meanwhile is not overwritten either). */
async function writeNew(path: string, text: string): Promise<void> {
  await writeFile(path, text, { flag: 'wx' });
}
