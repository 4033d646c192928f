// The baseline the benchmark compares with: a plain single-process loop over vega and canvas,
// one figure after another, with node-canvas's default PNG settings. Same specs, same formats.
// usage: node bench/baseline.mjs SPECS_DIR OUT_DIR   (SPECS_DIR holds the build's .vl.json files)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [specDir, outDir] = process.argv.slice(2);
const t0 = performance.now();
const { loadRenderer } = await import('../dist/render/fonts.js');
const { vega, vegaLite } = await loadRenderer();
const t1 = performance.now();
mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(specDir)
  .filter((n) => n.endsWith('.vl.json'))
  .sort()) {
  const id = name.slice(0, -'.vl.json'.length);
  const spec = JSON.parse(readFileSync(join(specDir, name), 'utf8'));
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  writeFileSync(join(outDir, `${id}.svg`), await view.toSVG());
  writeFileSync(join(outDir, `${id}.png`), (await view.toCanvas(2)).toBuffer('image/png'));
  writeFileSync(join(outDir, `${id}.pdf`), (await view.toCanvas(1, { type: 'pdf' })).toBuffer('application/pdf'));
  view.finalize();
}
const t2 = performance.now();
process.stdout.write(JSON.stringify({ importSeconds: (t1 - t0) / 1000, loopSeconds: (t2 - t1) / 1000 }) + '\n');
