// The second half of `npm run build`: vega, vega-lite and fontkit (the SVG's glyph outlines) bundled
// into ONE CommonJS script, dist/render/vendor.cjs, that src/render/code-cache.ts compiles with a V8
// code cache. Importing vega as ESM parses and compiles hundreds of modules in every render process; one script with a
// code cache skips most of that. canvas stays outside (a native addon, loaded and given the fonts
// by fonts.ts before vega). vega-canvas is replaced by a shim: it loads canvas with a top-level
// await, which a CommonJS script cannot hold, so the shim does the same with require().
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = fileURLToPath(new URL('../dist/render/vendor.cjs', import.meta.url));
const manifest = fileURLToPath(new URL('../dist/render/vendor.json', import.meta.url));

// node_modules/vega-canvas/build/vega-canvas.node.js with `await import('canvas')` made `require('canvas')`.
const vegaCanvasShim = `
function domCanvas(w, h) {
  if (typeof document !== 'undefined' && document.createElement) {
    const c = document.createElement('canvas');
    if (c && c.getContext) {
      c.width = w;
      c.height = h;
      return c;
    }
  }
  return null;
}
const domImage = () => typeof Image !== 'undefined' ? Image : null;

let NodeCanvas;
try {
  NodeCanvas = require('canvas');
  if (!(NodeCanvas && NodeCanvas.createCanvas)) {
    NodeCanvas = null;
  }
} catch (error) {
  // do nothing
}
function nodeCanvas(w, h, type) {
  if (NodeCanvas) {
    try {
      return new NodeCanvas.Canvas(w, h, type);
    } catch (e) {
      // do nothing, return null on error
    }
  }
  return null;
}
const nodeImage = () => NodeCanvas && NodeCanvas.Image || null;

function canvas(w, h, type) {
  return domCanvas(w, h) || nodeCanvas(w, h, type) || null;
}
function image() {
  return domImage() || nodeImage() || null;
}

export { canvas, domCanvas, image, nodeCanvas };
`;

/** The folder of the package `name` that Node would load from `from`: the nearest node_modules/name above it. */
function findPackage(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return join(dir, 'node_modules', name);
    if (dirname(dir) === dir) throw new Error(`bundle-renderer: cannot find ${name} from ${from}`);
  }
}

/** Packages by where they sit below the root's node_modules ('a/node_modules/b' when nested), with versions. */
const packages = new Map();
const addPackage = (dir) => {
  const key = relative(join(root, 'node_modules'), dir).split('\\').join('/');
  packages.set(key, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version);
};

const shimVegaCanvas = {
  name: 'vega-canvas-shim',
  setup(b) {
    b.onResolve({ filter: /^vega-canvas$/ }, (args) => {
      // The shim copies this version's behaviour; a different vega-canvas installed makes the bundle stale.
      addPackage(findPackage('vega-canvas', args.resolveDir));
      return { path: 'vega-canvas', namespace: 'vega-canvas-shim' };
    });
    b.onLoad({ filter: /.*/, namespace: 'vega-canvas-shim' }, () => ({ contents: vegaCanvasShim, loader: 'js' }));
  },
};

// No manifest, no bundle used (code-cache.ts): until both are written again, vega is imported as ESM.
rmSync(manifest, { force: true });
const result = await build({
  absWorkingDir: root,
  stdin: {
    contents:
      "export * as vega from 'vega';\nexport * as vegaLite from 'vega-lite';\nexport * as fontkit from 'fontkit';\n",
    resolveDir: root,
    sourcefile: 'vendor-entry.mjs',
    loader: 'js',
  },
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['canvas'],
  plugins: [shimVegaCanvas],
  // Every bundled module is ESM, strict by definition, except topojson-client, whose UMD is strict too.
  banner: { js: "'use strict';" },
  charset: 'ascii',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
});
const inputs = Object.keys(result.metafile.inputs);
if (!inputs.some((i) => i.startsWith('vega-canvas-shim:'))) throw new Error('bundle-renderer: vega-canvas not shimmed');
const code = result.outputFiles[0].text;
// code-cache.ts runs the script without vm's importModuleDynamically: a dynamic import() would fail there.
if (/\bimport\(/.test(code)) throw new Error('bundle-renderer: vendor.cjs calls import()');
// and reads it as latin1, exact for ASCII: charset 'ascii' escapes every other character in code, and
// what is left (fontkit's comments: "the glyph’s box") only reads differently in a comment.
for (const line of code.split('\n')) {
  if (/[^\x00-\x7f]/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)) {
    throw new Error(`bundle-renderer: vendor.cjs has a character outside ASCII in code: ${line.trim().slice(0, 80)}`);
  }
}
mkdirSync(dirname(outfile), { recursive: true });
writeFileSync(outfile, code);

// The versions the bundle was made from: code-cache.ts uses it only while the installed packages
// match, so that an update of vega (or of any package bundled) is never hidden by a stale bundle.
for (const input of inputs) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) continue;
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  addPackage(join(root, input.slice(0, at), 'node_modules', ...rest.slice(0, rest[0].startsWith('@') ? 2 : 1)));
}
const sorted = Object.fromEntries([...packages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(manifest, `${JSON.stringify({ packages: sorted }, null, 2)}\n`);
