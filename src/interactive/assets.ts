// The scripts an interactive page loads, copied next to it: vega, vega-lite and vega-embed's minified
// browser (UMD) builds, which set the globals vega, vegaLite and vegaEmbed. None fetches anything when
// it loads; vega-embed's only address (the online editor's) is used by its actions menu, which the
// page turns off. The packages export no build/ path, so the files are found in the node_modules folders
// that resolution would search, as versions.ts finds package.json.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_ASSETS } from '../output/layout.ts';

/** The page's own script, bundled by `npm run build` (scripts/bundle-page.mjs) from src/ or dist/ alike. */
const PAGE_SCRIPT = 'actfig-page.js';
function pageScript(): string {
  const path = fileURLToPath(new URL(`../../dist/page/${PAGE_SCRIPT}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`cannot find ${path}: run npm run build`);
  return path;
}

const require = createRequire(import.meta.url);

function packageFile(name: string, file: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const path = join(base, name, file);
    if (existsSync(join(base, name, 'package.json')) && existsSync(path)) return path;
  }
  throw new Error(`cannot find ${name}/${file}: is ${name} installed?`);
}

/**
 * Each script's name in the page's folder (PAGE_ASSETS, in the order the page loads them) and its path
 * on this machine: `<package>.min.js` is the package's build/<package>.min.js.
 */
export function interactiveAssets(): { name: string; path: string }[] {
  return PAGE_ASSETS.map((name) => ({
    name,
    path: name === PAGE_SCRIPT ? pageScript() : packageFile(name.replace(/\.min\.js$/, ''), `build/${name}`),
  }));
}
