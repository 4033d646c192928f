// The shape of src/: the import graph has no cycle, not even between folders (a folder imports only from
// folders below it), and no module that depends on others is a hub imported (for more than types) by
// many: a change to one module then touches a known few.
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

/**
 * Every module of src/ a module names: static imports and re-exports (type-only ones too), import() calls
 * and import types (`import('../x.ts').T`).
 */
function allImports(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/gms),
    ...text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g),
  ].map((m) => m[1]);
  return specifiers.map((s) => relative(src, resolve(dirname(join(src, file)), s)));
}

/** A module's folder below src/ ('build'), or the module itself for one at the top ('errors.ts'). */
const folderOf = (file: string) => file.split('/')[0];

/** Folder -> the folders its modules import, each with one import that makes the edge (for the message). */
const folders = new Map<string, Map<string, string>>();
for (const file of files) {
  const from = folderOf(file);
  const edges = folders.get(from) ?? new Map<string, string>();
  folders.set(from, edges);
  for (const dep of allImports(file)) {
    const to = folderOf(dep);
    if (to !== from && !edges.has(to)) edges.set(to, `${file} -> ${dep}`);
  }
}

/** The folders that import each other in a circle (strongly connected components, Tarjan), each sorted. */
function folderCycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of folders.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let top: string;
    do {
      top = stack.pop()!;
      component.push(top);
    } while (top !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of folders.keys()) if (!index.has(node)) visit(node);
  return cycles.sort();
}

/**
 * Folder cycles that are known and being removed: config and figures import each other until the figure
 * kinds move into folders of their own (issue 21). Remove the entry when that lands; a new cycle fails.
 */
const KNOWN_CYCLES: string[][] = [];

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

  it('has no cycle between folders: each imports only from folders below it (type imports count too)', () => {
    const cycles = folderCycles();
    const explain = (cycle: string[]) =>
      cycle.flatMap((a) => cycle.filter((b) => folders.get(a)?.has(b)).map((b) => folders.get(a)!.get(b)!));
    const unknown = cycles.filter((c) => !KNOWN_CYCLES.some((k) => k.join() === c.join()));
    expect(unknown.map((c) => `${c.join(' <-> ')}: ${explain(c).join('; ')}`)).toEqual([]);
    expect(cycles, 'a known cycle is gone: remove it from KNOWN_CYCLES').toEqual(KNOWN_CYCLES);
  });

  it('finds a folder cycle made by a type-only import or an import() call', () => {
    // The detector itself: a graph with such a cycle is reported (the real graph must have none).
    const saved = new Map(folders);
    try {
      folders.set('render', new Map([...(folders.get('render') ?? []), ['build', 'render/x.ts -> build/job.ts']]));
      folders.set('build', new Map([...(folders.get('build') ?? []), ['render', 'build/job.ts -> render/render.ts']]));
      expect(folderCycles()).toContainEqual(expect.arrayContaining(['build', 'render']));
    } finally {
      folders.clear();
      for (const [k, v] of saved) folders.set(k, v);
    }
  });

  it('reads type-only imports, import() calls and import types as imports', () => {
    expect(allImports('build/job.ts')).toContain('render/render.ts'); // import('../render/render.ts')
    expect(allImports('render/formats/png.ts')).toContain('formats.ts'); // import type
    expect(allImports('build/pool.ts')).toContain('build/job.ts'); // import type and import()
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
