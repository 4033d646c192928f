// Measures PNG encoding alone: every zlib level and row filter on the same 24 rendered canvases.
// usage: node bench/png-sweep.mjs SPECS_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const { loadRenderer } = await import('../dist/render/fonts.js');
const { canvas: C, vega, vegaLite } = await loadRenderer();
const canvases = [];
for (const name of readdirSync(process.argv[2])
  .filter((n) => n.endsWith('.vl.json'))
  .sort()) {
  const spec = JSON.parse(readFileSync(join(process.argv[2], name), 'utf8'));
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  canvases.push(await view.toCanvas(2));
}
const rows = [];
for (const filter of ['NONE', 'SUB', 'UP', 'ALL']) {
  for (const level of [1, 3, 6, 9]) {
    const options = {
      compressionLevel: level,
      filters: filter === 'ALL' ? C.Canvas.PNG_ALL_FILTERS : C.Canvas[`PNG_FILTER_${filter}`],
    };
    canvases[0].toBuffer('image/png', options); // warm up
    const t = performance.now();
    let bytes = 0;
    for (const c of canvases) bytes += c.toBuffer('image/png', options).length;
    rows.push({
      filter: filter.toLowerCase(),
      level,
      ms: Math.round(performance.now() - t),
      kib: Math.round(bytes / 1024),
    });
  }
}
process.stdout.write(JSON.stringify(rows) + '\n');
