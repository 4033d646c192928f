import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * An installed package's version, read from its package.json without importing the package
 * (importing vega-lite costs half a second). Some packages export no package.json, so look in the
 * node_modules folders that resolution would search.
 */
export function packageVersion(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const path = join(base, name, 'package.json');
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  }
  throw new Error(`cannot find ${name}'s package.json`);
}

/** This tool's own version. */
export const toolVersion = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
