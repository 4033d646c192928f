// The shape of src/: the import graph has no cycle, and no module that depends on others is a hub
// imported (for more than types) by many: a change to one module then touches a known few.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './cli.ts';

const src = join(root, 'src');
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();

/** A module's static imports of other modules of src/ for their values (type-only imports left out). */
function valueImports(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']+)'/gms)) {
    if (m[1]) continue;
    const names = /^\{([^}]*)\}$/s
      .exec(m[2].trim())?.[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (names?.every((n) => n.startsWith('type '))) continue;
    out.push(relative(src, resolve(dirname(join(src, file)), m[3])));
  }
  return out;
}

const graph = new Map(files.map((f) => [f, valueImports(f)]));

describe('src/ import graph', () => {
  it('every relative import names a module of src/', () => {
    for (const [file, deps] of graph) for (const d of deps) expect(files, `${file} imports ${d}`).toContain(d);
  });

  it('has no cycle', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'visiting') cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
      if (state.has(node)) return;
      state.set(node, 'visiting');
      for (const d of graph.get(node) ?? []) visit(d, [...path, node]);
      state.set(node, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  // The activation registry is the widest (11 importers: every stage finds activations by name); a limit
  // of 12 keeps anything from growing into a hub like the old six-concern config.ts (16 importers).
  it('no module with dependencies of its own is imported for its values by more than twelve others', () => {
    const importers = new Map<string, string[]>();
    for (const [file, deps] of graph) for (const d of deps) importers.set(d, [...(importers.get(d) ?? []), file]);
    // Leaves (errors.ts, text.ts, an activation's contract in types.ts) are shared vocabulary, not hubs.
    const hubs = [...importers].filter(([file, by]) => (graph.get(file)?.length ?? 0) > 0 && by.length > 12);
    expect(hubs.map(([file, by]) => `${file}: ${by.length}`)).toEqual([]);
  });

  it('only src/render/ imports vega or canvas (type-only imports aside)', () => {
    for (const file of files) {
      if (file.startsWith('render/')) continue;
      // A type-only import loads nothing at run time.
      const text = readFileSync(join(src, file), 'utf8').replace(/^(import|export) type [^;]*;/gm, '');
      expect(text, file).not.toMatch(/from '(vega|vega-lite|canvas)'|import\('(vega|vega-lite|canvas)'\)/);
    }
  });
});
