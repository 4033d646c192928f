// Fails when a source line is longer than 120 characters. The gallery's HTML and CSS templates
// (src/site/) and the generated font table are data and exempt; biome formats the code itself to 120 columns.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX = 120;
const roots = ['src', 'test', 'scripts', 'bench', 'bin'];
const exempt = (path) =>
  path.startsWith('src/site/') ||
  path === 'src/figures/font-widths.ts' ||
  path.startsWith('test/fixtures/') ||
  path.startsWith('test/golden/');
const long = [];
for (const root of roots) {
  for (const name of readdirSync(root, { recursive: true })) {
    const path = join(root, name);
    if (!/\.(ts|mts|js|mjs)$/.test(path) || exempt(path)) continue;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.length > MAX) long.push(`${path}:${i + 1}: ${line.length} characters`);
      });
  }
}
if (long.length) {
  console.error(`lines over ${MAX} characters:\n${long.join('\n')}`);
  process.exit(1);
}
