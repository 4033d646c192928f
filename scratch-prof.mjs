const t0 = performance.now();
const lap = (l) => console.log(l, (performance.now() - t0).toFixed(0));
await import('/work/main/dist/cli/main.js'); lap('main');
await import('/work/main/dist/config/load.js'); lap('load');
const { createJiti } = await import('jiti'); lap('jiti');
const jiti = createJiti(import.meta.url, { moduleCache: false, interopDefault: true });
await import('/work/main/dist/index.js'); lap('index');
const m = await jiti.import('/work/main/figures.config.ts'); lap('config');
const { build } = await import('/work/main/dist/build/build.js'); lap('build');
