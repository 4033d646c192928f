// The third part of `npm run build`: the script every interactive page loads, dist/page/actfig-page.js,
// bundled from the same src/ modules a build evaluates and draws with (config normalization, the
// activations, formulas, grids, kinks, saturation, the depth simulation, each kind's drawing), so a page
// recomputes exactly what the build would. What only Node has is replaced: the modules src/ loads
// lazily with createRequire are imported up front, and the package versions and font family, read from
// disk in Node, are written in as constants. Minified, with no dates or paths: the same sources give the
// same bytes.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = fileURLToPath(new URL('../dist/page/actfig-page.js', import.meta.url));
const version = (name) => JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8')).version;
const own = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version;

const shims = {
  // The lazily required packages, bundled; createRequire gives them by name.
  'node:module': `
    import * as mathjs from 'mathjs';
    import erfc from '@stdlib/math-base-special-erfc';
    import randn from '@stdlib/random-base-randn';
    const modules = { mathjs, '@stdlib/math-base-special-erfc': erfc, '@stdlib/random-base-randn': randn };
    export const createRequire = () => (id) => {
      if (!(id in modules)) throw new Error('not in the page script: ' + id);
      return modules[id];
    };`,
  // normalizeConfig resolves the output folder, which a page never writes to.
  'node:path': 'export const resolve = (...parts) => parts.join("/");',
  versions: `
    const versions = ${JSON.stringify({ 'vega-lite': version('vega-lite'), vega: version('vega') })};
    export const packageVersion = (name) => versions[name];
    export const toolVersion = ${JSON.stringify(own)};`,
  font: 'export const FONT_FAMILY = "DejaVu Sans"; export const FONT_FILES = [];',
};

const shim = {
  name: 'page-shims',
  setup(b) {
    b.onResolve({ filter: /^node:(module|path)$/ }, (args) => ({ path: args.path, namespace: 'shim' }));
    b.onResolve({ filter: /\/(versions|font)\.ts$/ }, (args) => ({
      path: args.path.endsWith('versions.ts') ? 'versions' : 'font',
      namespace: 'shim',
    }));
    b.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({
      contents: shims[args.path],
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// Node's Math, first: it must be in place before any module captures Math.pow (as `**` is bundled).
const math = await build({
  entryPoints: [fileURLToPath(new URL('../src/interactive/page-math.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
});

mkdirSync(fileURLToPath(new URL('../dist/page', import.meta.url)), { recursive: true });
await build({
  banner: { js: math.outputFiles[0].text.trim() },
  // `x ** y` as Math.pow(x, y), which page-math.ts has made Node's.
  supported: { 'exponent-operator': false },
  entryPoints: [fileURLToPath(new URL('../src/interactive/browser.ts', import.meta.url))],
  outfile,
  bundle: true,
  format: 'iife',
  globalName: 'actfig',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  plugins: [shim],
  define: { 'import.meta.url': '"page://"' },
  logLevel: 'warning',
});
