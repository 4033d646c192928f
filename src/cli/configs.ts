// Which configs a command runs on: every --config (repeatable; a quoted glob is expanded here, so
// 'lectures/*/figures.config.ts' works in every shell), else the repository's list in package.json
// ("actfig": { "configs": [...] }), else the default figures.config.* of the current folder.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfigFrom } from '../config/load.ts';
import type { Config } from '../config/model.ts';
import { UserError } from '../errors.ts';
import type { Values } from './args.ts';

/** The package.json field that names a repository's configs once, for every command. */
export const CONFIGS_FIELD = 'actfig.configs';

/** What any glob tinyglobby reads holds: * ? [ ] { } ( ) ! + @. */
const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** The config files of --config (as typed, in order, globs expanded) or of package.json; undefined: the default. */
export async function configFiles(
  given: readonly string[] | undefined,
  cwd = process.cwd(),
): Promise<string[] | undefined> {
  const listed = given?.length ? given : await packageConfigs(cwd);
  if (!listed) return undefined;
  const source = given?.length ? '--config' : `package.json: ${CONFIGS_FIELD}`;
  const files: string[] = [];
  for (const pattern of listed) {
    if (pattern === '') throw new UserError(`${source}: must not be empty`);
    // A path without a glob's characters is a path; tinyglobby (and picomatch) load only for a glob.
    const { glob, isDynamicPattern } = GLOB_CHARS.test(pattern) ? await import('tinyglobby') : {};
    if (!glob || !isDynamicPattern!(pattern)) {
      files.push(pattern);
      continue;
    }
    // Sorted: lectures/02 comes after lectures/01 whatever order the disk lists them in.
    const found = (await glob(pattern, { cwd, onlyFiles: true, ignore: ['**/node_modules/**'] })).sort();
    if (found.length === 0) throw new UserError(`${source}: "${pattern}" matches no file`);
    files.push(...found);
  }
  // The same file named twice (a path and a glob) runs once.
  return [...new Map(files.map((f) => [resolve(cwd, f), f])).values()];
}

/** package.json's "actfig": { "configs": [...] } in the current folder, when there is one. */
async function packageConfigs(cwd: string): Promise<string[] | undefined> {
  const text = await readFile(join(cwd, 'package.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let field: unknown;
  try {
    field = (JSON.parse(text) as { actfig?: { configs?: unknown } }).actfig?.configs;
  } catch {
    return undefined;
  }
  if (field === undefined) return undefined;
  if (!Array.isArray(field) || field.length === 0 || !field.every((f) => typeof f === 'string'))
    throw new UserError(`package.json: ${CONFIGS_FIELD}: must be a list of config files or globs`);
  return field;
}

/**
 * The configs a command runs on, each loaded (with --out applied), one at a time (jiti loads one module
 * graph at a time). Any that cannot be loaded: every one's line is printed and nothing runs (exit 2).
 */
export async function loadConfigs(values: Values): Promise<{ name: string; config: Config }[]> {
  const files = await configFiles(values.config as string[] | undefined);
  if (files && files.length > 1 && values.out !== undefined)
    throw new UserError('--out: takes one config; give each config its own outDir instead');
  const out = values.out as string | undefined;
  const loaded: { name: string; config: Config }[] = [];
  const failed: UserError[] = [];
  for (const file of files ?? [undefined]) {
    try {
      const config = await loadConfigFrom(file, out);
      loaded.push({ name: config.file, config });
    } catch (error) {
      if (!(error instanceof UserError) || !files || files.length === 1) throw error;
      failed.push(error);
    }
  }
  if (failed.length) {
    const lines = failed.map((e) => e.message);
    throw new UserError(
      `${lines.join('\n')}\n${failed.length} of ${files!.length} configs cannot be loaded; nothing done`,
    );
  }
  return loaded;
}

/**
 * Runs a command on each config and prints a line per config after them when there are several; a
 * config's mistake found while it runs (an id another config makes) is its line and code 2, and the next
 * config runs. Returns the worst exit code.
 */
export async function eachConfig(
  values: Values,
  run: (config: Config, name: string) => Promise<{ code: number; summary: string }>,
): Promise<number> {
  const loaded = await loadConfigs(values);
  const lines: string[] = [];
  let worst = 0;
  for (const { name, config } of loaded) {
    try {
      const { code, summary } = await run(config, name);
      lines.push(`  ${name}: ${summary}`);
      worst = Math.max(worst, code);
    } catch (error) {
      if (!(error instanceof UserError) || loaded.length === 1) throw error;
      process.stderr.write(`${error.message}\n`);
      lines.push(`  ${name}: ${error.message.replace(`${name}: `, '')} (exit ${error.exitCode})`);
      worst = Math.max(worst, error.exitCode);
    }
  }
  if (loaded.length > 1) process.stdout.write(`${loaded.length} configs, exit ${worst}:\n${lines.join('\n')}\n`);
  return worst;
}
