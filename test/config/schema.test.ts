// The config schema (src/config/schema.ts) through the real CLI: formats neither empty nor repeated, and a
// parameter key such as "__proto__" refused by name.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtProjects, grid, oneLine, project, tree } from '../project.ts';

const built = builtProjects();

describe('empty and repeated values are refused before anything is written', () => {
  it.each([
    ['formats: []', []],
    ['formats listed twice', ['svg', 'svg']],
  ])('config %s: exit 2, one line naming formats, existing images untouched', (_, formats) => {
    const p = built();
    p.write({ formats });
    const before = tree(p.dir);
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^c\.json: formats/);
    expect(tree(p.dir)).toEqual(before);
  });
});

describe('parameter keys', () => {
  it('config params {"__proto__": 1} is refused naming params.__proto__', () => {
    const p = project();
    writeFileSync(
      join(p.dir, 'c.json'),
      // As text: JSON.stringify would not write a "__proto__" key; JSON.parse makes it an own key.
      `{"outDir": "out", "figures": [{"id": "a", "grid": ${JSON.stringify(grid)}, ` +
        `"panels": [{"activation": "relu", "params": {"__proto__": 1}}]}]}`,
    );
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^c\.json: figures\[0\]\.panels\[0\]\.params\.__proto__/);
    expect(existsSync(p.out)).toBe(false);
  });
});
