// What drawing SVG text as outlines costs (docs/TYPOGRAPHY.md): converts one SVG that keeps its <text>
// (a figure built with `svg: { text: 'text' }`) 50 times in one process, in CPU time.
// Usage: npm run build && node bench/svg-text.mjs <figure.svg>
import { readFileSync } from 'node:fs';

const cpu = () => process.cpuUsage().user / 1000;
const t0 = cpu();
const { textAsPaths } = await import('../dist/render/formats/svg-paths.js');
const { FONT_FAMILY, FONT_FILES } = await import('../dist/font.js');
const families = new Map([[FONT_FAMILY, FONT_FILES]]);
const svg = readFileSync(process.argv[2], 'utf8');
const t1 = cpu();
const out = textAsPaths(svg, families);
const t2 = cpu();
const n = 50;
// A different title each time, so that no run is the one before it again.
for (let i = 0; i < n; i++) textAsPaths(svg.replace(/>Sigmoid/g, `>Sigmoid${i}`), families);
const each = (cpu() - t2) / n;
console.log(`import ${(t1 - t0).toFixed(0)} ms, first figure (parses DejaVu) ${(t2 - t1).toFixed(0)} ms,`);
console.log(`then ${each.toFixed(1)} ms a figure; ${svg.length} bytes with <text>, ${out.length} as outlines`);
