// Finding and loading a config file, whatever the course repository's "type": TypeScript, ESM,
// CommonJS or JSON. JavaScript and TypeScript configs go through jiti (the loader c12, Tailwind and
// ESLint use); its errors become one line with the file, line and column.
import { createRequire } from 'node:module';
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors.ts';
import type { Config } from './model.ts';
import { cachedConfig, saveConfig } from './cache.ts';

export const CONFIG_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'] as const;
export const DEFAULT_CONFIG_FILES = CONFIG_EXTENSIONS.map((ext) => `figures.config${ext}`);

/**
 * How messages name a config: its path relative to the current folder, with forward slashes
 * (`lectures/02/figures.config.ts`: a course has twelve files named figures.config.ts).
 */
export function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join('/') || basename(path);
}

/** Reads and validates a config file. */
export async function loadConfig(file: string): Promise<Config> {
  const path = resolve(file);
  const name = displayPath(path);
  if (!(CONFIG_EXTENSIONS as readonly string[]).includes(extname(path))) {
    throw new UserError(`${file}: config must be a ${CONFIG_EXTENSIONS.join(', ')} file`);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw missing(file, error);
  }
  const input = extname(path) === '.json' ? parseJson(name, text) : await importModule(path, name);
  try {
    const cached = await cachedConfig(input, path);
    // The cache is keyed by the path, not by the folder it is named from: the name is this run's.
    if (cached) return await prepared(Object.assign(cached, { file: name }));
    const { normalizeConfig } = await import('./normalize.ts');
    const config = normalizeConfig(input, name, dirname(path), path);
    await saveConfig(input, path, config);
    return await prepared(config);
  } catch (error) {
    throw thrownByConfig(error, name, path) ?? error;
  }
}

/**
 * What normalizing leaves to node, on every load (a cached config's font files may be gone): its labels'
 * math typeset (config/math.ts) and its own fonts read (config/fonts.ts). Each loads only when used.
 */
export async function prepared(config: Config): Promise<Config> {
  if (JSON.stringify(config.figures).includes('$')) await (await import('./math.ts')).typesetLabels(config);
  if (config.figures.some((f) => f.font)) await (await import('./fonts.ts')).resolveFonts(config);
  return config;
}

/**
 * An error the config's own code threw while it was read (a getter that throws): one line naming the
 * file. Anything else (a UserError already, or a bug here) is left as it is.
 */
function thrownByConfig(error: unknown, name: string, path: string): UserError | undefined {
  if (error instanceof UserError) return undefined;
  // Only a config's own code throws what is not an Error (`throw 'x'`).
  if (!(error instanceof Error)) return new UserError(`${name}: the config threw while it was read: ${String(error)}`);
  if (!(error.stack ?? '').includes(pathToFileURL(path).href) && !(error.stack ?? '').includes(path)) return undefined;
  const first = error.message.split('\n')[0].trim();
  return new UserError(
    `${name}: the config threw while it was read: ${error.name !== 'Error' ? `${error.name}: ` : ''}${first}`,
  );
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    if (!at) throw new UserError(`${name}: not valid JSON: ${message}`);
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const what = message.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new UserError(`${name}:${line}:${column}: not valid JSON: ${what}`);
  }
}

async function importModule(path: string, name: string): Promise<unknown> {
  // Required, not imported: jiti is CommonJS, and an import makes node scan its 190 kB bundle for the
  // names it exports (about 30 ms, a tenth of a no-op build).
  const { createJiti } = createRequire(import.meta.url)('jiti') as typeof import('jiti');
  // A fresh module cache: `actfig dev` reloads an edited config (and what it imports) in one process.
  const jiti = createJiti(import.meta.url, { moduleCache: false, interopDefault: true });
  let module: unknown;
  try {
    module = await jiti.import(path);
  } catch (error) {
    throw loadError(name, path, error);
  }
  const input =
    module && typeof module === 'object' && 'default' in module ? (module as { default: unknown }).default : module;
  if (
    input instanceof Promise ||
    (typeof input === 'object' && input !== null && typeof (input as { then?: unknown }).then === 'function')
  ) {
    throw new UserError(
      `${name}: exports a Promise; export the config object itself (await, then export default defineConfig(...))`,
    );
  }
  if (
    input === undefined ||
    (typeof input === 'object' && input !== null && Object.keys(input).length === 0 && !('figures' in input))
  ) {
    throw new UserError(
      `${name}: has no default export (export default defineConfig({...}), or module.exports = defineConfig({...}))`,
    );
  }
  return input;
}

/** A config that cannot be parsed, whose import fails, or that throws: one line, with where when known. */
function loadError(name: string, path: string, error: unknown): UserError {
  const e = error as Error & { code?: string; loc?: { line: number; column: number } };
  const message = String(e?.message ?? e);
  // jiti reports parse errors as "ParseError: <what>\n <path>:<line>:<column>".
  const located =
    new RegExp(`${escapeRegExp(path)}:(\\d+):(\\d+)`).exec(message) ??
    new RegExp(`${escapeRegExp(path)}:(\\d+):(\\d+)`).exec(e?.stack ?? '');
  const first = message
    .split('\n')[0]
    .replace(/^(ParseError|SyntaxError|Error):\s*/, '')
    .trim();
  if (/ParseError|SyntaxError/.test(message) || e?.name === 'SyntaxError') {
    // Only a parse error's position is the user's own; a stack's points into the transformed code.
    const where = located ? `${name}:${located[1]}:${located[2]}` : name;
    return new UserError(`${where}: syntax error: ${first || 'cannot parse'}`);
  }
  if (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') {
    return new UserError(`${name}: an import failed: ${first}`);
  }
  return new UserError(`${name}: the config threw: ${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${first}`);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function missing(file: string, error: unknown): UserError {
  const code = (error as { code?: string }).code;
  return new UserError(
    code === 'ENOENT' ? `${file}: config file not found` : `${file}: cannot read: ${(error as Error).message}`,
  );
}

/** The config file to use: the one given, else the first default name present in `cwd`. */
export async function resolveConfigFile(given: string | undefined, cwd = process.cwd()): Promise<string | undefined> {
  if (given !== undefined) return resolve(cwd, given);
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = resolve(cwd, name);
    try {
      await access(path);
      return path;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

/** Loads the config named by --config, or the default one; a missing default is a UserError. */
export async function loadConfigFrom(given: string | undefined, outDir?: string): Promise<Config> {
  if (given === '') throw new UserError('--config: must not be empty');
  const file = await resolveConfigFile(given);
  if (!file)
    throw new UserError(
      `no config: none of ${DEFAULT_CONFIG_FILES.join(', ')} here (give --config FILE, or run npx actfig init)`,
    );
  const config = await loadConfig(given ?? basename(file));
  if (outDir === '') throw new UserError('--out: must not be empty');
  return outDir === undefined ? config : { ...config, outDir: resolve(outDir) };
}
