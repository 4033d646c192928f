// Runs first in an interactive page (scripts/bundle-page.mjs puts it before everything else): makes the
// page's Math the one Node's V8 has (libm/), so that the library computes in the browser exactly what
// it computes in a build. A browser's own Math.exp, Math.pow, ... differ in the last bit from Node 20's;
// `x ** y` is bundled as Math.pow(x, y), so it follows too.
import * as libm from './libm/index.ts';

Object.assign(Math, libm);
