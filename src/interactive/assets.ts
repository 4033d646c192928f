// The scripts an interactive page loads, copied next to it: vega, vega-lite and vega-embed's minified
// browser (UMD) builds, which set the globals vega, vegaLite and vegaEmbed. None fetches anything when
// it loads; vega-embed's only address (the online editor's) is used by its actions menu, which the
// page turns off. The packages export no build/ path, so the files are found in the node_modules folders
// that resolution would search, as versions.ts finds package.json.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The assets in the order the page loads them: each needs the ones before it. */
const FILES = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
] as const;

function packageFile(name: string, file: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const path = join(base, name, file);
    if (existsSync(join(base, name, 'package.json')) && existsSync(path)) return path;
  }
  throw new Error(`cannot find ${name}/${file}: is ${name} installed?`);
}

/** Each script's name in the page's folder ("vega.min.js", beside the page) and its path on this machine. */
export function interactiveAssets(): { name: string; path: string }[] {
  return FILES.map(([pkg, file]) => ({ name: `${pkg}.min.js`, path: packageFile(pkg, file) }));
}
