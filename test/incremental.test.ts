import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actfig } from './cli.ts';
import { snapshot, tempDir } from './tmp.ts';

const grid = { min: -4, max: 4, samples: 81 };
const figure = (id: string, activation: string, extra: object = {}) => ({
  id,
  grid,
  panels: [{ activation }],
  ...extra,
});
const base = [figure('one', 'sigmoid'), figure('two', 'relu'), figure('three', 'tanh')];

/** A project folder with a JSON config; returns helpers that run the real CLI in it. */
function project(figures: object[] = base, formats = ['png', 'svg', 'pdf']) {
  const dir = tempDir();
  const write = (f: object[]) =>
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ outDir: 'out', formats, figures: f }));
  write(figures);
  const out = join(dir, 'out');
  return {
    dir,
    out,
    write,
    build: (...args: string[]) => actfig(['build', '--config', 'c.json', ...args], { cwd: dir }),
    check: (...args: string[]) => actfig(['check', '--config', 'c.json', ...args], { cwd: dir }),
  };
}

describe('byte-identical output', () => {
  it('two builds under different time zones and clocks produce the same bytes', () => {
    const a = project();
    const b = project();
    // The second build runs with its clock 30 years ahead and on the other side of the date line.
    const shift = join(tempDir(), 'clock.mjs');
    writeFileSync(
      shift,
      'const R = Date; globalThis.Date = class extends R { ' +
        'constructor(...a) { super(...(a.length ? a : [R.now() + 9.5e11])); } ' +
        'static now() { return R.now() + 9.5e11; } };\n',
    );
    expect(a.build().code).toBe(0);
    expect(b.build().code).toBe(0);
    const c = project();
    // The clock shift reaches the render workers too: they inherit NODE_OPTIONS.
    expect(
      actfig(['build', '--config', 'c.json'], {
        cwd: c.dir,
        env: { TZ: 'Pacific/Kiritimati', NODE_OPTIONS: `--import=${shift}` },
      }).code,
    ).toBe(0);
    const bytes = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([k, v]) => [k, v.bytes]));
    expect(bytes(b.out)).toEqual(bytes(a.out));
    expect(bytes(c.out)).toEqual(bytes(a.out));
  });

  it('SOURCE_DATE_EPOCH sets the PDF dates (and so the content key)', () => {
    const p = project([figure('one', 'relu')], ['pdf']);
    expect(actfig(['build', '--config', 'c.json'], { cwd: p.dir, env: { SOURCE_DATE_EPOCH: '1700000000' } }).code).toBe(
      0,
    );
    expect(readFileSync(join(p.out, 'one.pdf'), 'latin1')).toContain('/CreationDate (20231114221320Z)');
    expect(p.check().code).toBe(1); // without the variable, the date (and the PDF) would differ
    expect(actfig(['check', '--config', 'c.json'], { cwd: p.dir, env: { SOURCE_DATE_EPOCH: '1700000000' } }).code).toBe(
      0,
    );
  });

  it('a parallel build writes the same bytes as a one-job build', () => {
    const a = project();
    const b = project();
    expect(a.build('--jobs', '1').code).toBe(0);
    expect(b.build('--jobs', '3').code).toBe(0);
    const bytes = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([k, v]) => [k, v.bytes]));
    expect(bytes(b.out)).toEqual(bytes(a.out));
  });
});

describe('manifest and incremental builds', () => {
  const manifestTitle =
    "the manifest lists each figure's id, config, title, alt text and files with sizes, hashes and content keys";
  it(manifestTitle, () => {
    const p = project();
    p.build();
    const manifest = JSON.parse(readFileSync(join(p.out, 'manifest.json'), 'utf8'));
    expect(manifest.figures.map((f: { id: string }) => f.id)).toEqual(['one', 'two', 'three']);
    const one = manifest.figures[0];
    expect(one.title).toBe('Sigmoid Activation & Gradient');
    expect(one.alt).toBe(JSON.parse(readFileSync(join(p.out, 'one.vl.json'), 'utf8')).description);
    expect(one.config).toBe('../c.json');
    for (const f of one.files) expect(f.key).toMatch(/^[0-9a-f]{64}$/);
    // The spec and the CSV depend on the figure alone; the page and each image also on their own options.
    expect(one.files[0].key).toBe(one.files[1].key);
    expect(new Set(one.files.slice(1).map((f: { key: string }) => f.key)).size).toBe(5);
    expect(one.files.map((f: { name: string }) => f.name)).toEqual([
      'one.vl.json',
      'one.csv',
      'one.html',
      'one.png',
      'one.svg',
      'one.pdf',
    ]);
    expect(manifest.site.files.map((f: { name: string }) => f.name)).toEqual([
      'index.html',
      'gallery.css',
      'vega.min.js',
      'vega-lite.min.js',
      'vega-embed.min.js',
      'actfig-page.js',
    ]);
    for (const f of one.files) expect(f.bytes).toBe(statSync(join(p.out, f.name)).size);
  });

  it('a no-op build writes nothing: every modification time is unchanged', () => {
    const p = project();
    p.build();
    const before = snapshot(p.out);
    const r = p.build();
    expect(r.stdout).toMatch(/3 figures: 0 rendered, 3 unchanged, 0 removed, 0 failed; 0 files written/);
    expect(snapshot(p.out)).toEqual(before);
  });

  it('changing one figure re-renders only it; --force re-renders all', () => {
    const p = project();
    p.build();
    const before = snapshot(p.out);
    p.write([figure('one', 'sigmoid'), figure('two', 'relu', { title: 'Changed' }), figure('three', 'tanh')]);
    expect(p.build().stdout).toMatch(/1 rendered, 2 unchanged/);
    const after = snapshot(p.out);
    for (const name of Object.keys(before).filter((n) => n.startsWith('one.') || n.startsWith('three.')))
      expect(after[name]).toEqual(before[name]);
    expect(after['two.svg'].bytes).not.toEqual(before['two.svg'].bytes);
    expect(p.build('--force').stdout).toMatch(/3 rendered, 0 unchanged/);
  });

  it('a tampered or missing file is re-rendered by the next build', () => {
    const p = project();
    p.build();
    writeFileSync(join(p.out, 'one.png'), 'not a png');
    rmSync(join(p.out, 'three.svg'));
    expect(p.build().stdout).toMatch(/2 rendered, 1 unchanged/);
    expect(p.check().code).toBe(0);
  });

  it("a figure removed from the config loses exactly the files the manifest lists; the user's files stay", () => {
    const p = project();
    p.build();
    writeFileSync(join(p.out, 'three.notes.md'), 'mine');
    writeFileSync(join(p.out, 'README.txt'), 'mine too');
    p.write(base.slice(0, 2));
    expect(p.build().stdout).toMatch(/0 rendered, 2 unchanged, 1 removed/);
    expect(readdirSync(p.out).filter((n) => n.startsWith('three'))).toEqual(['three.notes.md']);
    expect(existsSync(join(p.out, 'README.txt'))).toBe(true);
  });

  it('--no-prune keeps a figure that left the config and says so; --only removes nothing', () => {
    const p = project();
    p.build();
    p.write(base.slice(0, 2));
    const kept = p.build('--no-prune');
    expect(kept.stdout).toMatch(/^kept three \(no longer in the config; --no-prune\)$/m);
    expect(kept.stdout).toMatch(/0 removed, 1 kept/);
    expect(readdirSync(p.out).filter((n) => n.startsWith('three.'))).toHaveLength(6);
    expect(p.build('--only', 'one').stdout).toMatch(/0 removed/);
    expect(readdirSync(p.out).filter((n) => n.startsWith('three.'))).toHaveLength(6);
    expect(p.build().stdout).toMatch(/1 removed/);
    expect(readdirSync(p.out).filter((n) => n.startsWith('three.'))).toEqual([]);
  });
});

describe('actfig check', () => {
  const lines = (stdout: string) => stdout.trim().split('\n');
  it('passes on a fresh build and writes nothing', () => {
    const p = project();
    p.build();
    const before = snapshot(p.out);
    const r = p.check();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/out is current: 3 figures match c\.json/);
    expect(snapshot(p.out)).toEqual(before);
  });

  it('fails on a tampered file, naming it, and names the command that fixes it', () => {
    const p = project();
    p.build();
    writeFileSync(join(p.out, 'two.svg'), readFileSync(join(p.out, 'two.svg'), 'utf8').replace('ReLU', 'ReLu'));
    const r = p.check();
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toContain('  modified out/two.svg: its bytes differ from what the build wrote');
    expect(lines(r.stdout).at(-1)).toBe('fix: npx actfig build --config c.json');
  });

  it('fails on a changed config (stale), a missing file and an orphaned figure', () => {
    const p = project();
    p.build();
    rmSync(join(p.out, 'one.pdf'));
    p.write([figure('one', 'sigmoid'), figure('two', 'relu', { theme: 'dark' })]);
    const r = p.check();
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out).toContain('  missing  out/one.pdf: listed in the manifest, not on disk');
    expect(out).toContain('  stale    out/two.png: figure "two" changed (config, tool or renderer)');
    expect(out).toContain('  orphaned out/three.svg: figure "three" is no longer in the config');
  });

  it('fails when nothing was built, and exits 2 for a bad config', () => {
    const p = project();
    const r = p.check();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  missing  out/one.vl.json: figure "one" has not been built');
    writeFileSync(
      join(p.dir, 'c.json'),
      JSON.stringify({ figures: [{ id: 'x', grid, panels: [{ activation: 'nope' }] }] }),
    );
    expect(p.check()).toMatchObject({ code: 2 });
  });
});

describe('safety', () => {
  it('two builds at once on one folder both succeed and leave it exactly current', async () => {
    const p = project();
    const run = () =>
      new Promise<number>((resolve) =>
        spawn(process.execPath, [join(import.meta.dirname, '../bin/actfig.js'), 'build', '--config', 'c.json'], {
          cwd: p.dir,
          stdio: 'ignore',
        }).on('exit', (code) => resolve(code ?? -1)),
      );
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(p.check().code).toBe(0);
    expect(readdirSync(p.out).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  });

  it('a build killed midway leaves every figure old or new, and the next build recovers', async () => {
    const many = Array.from({ length: 12 }, (_, i) => figure(`f${i}`, ['sigmoid', 'relu', 'tanh'][i % 3]));
    const p = project(many);
    expect(p.build().code).toBe(0);
    p.write(many.map((f) => ({ ...f, theme: 'dark' })));
    // Kill the build with SIGKILL as soon as it has written its first figure.
    await new Promise<void>((resolve) => {
      const child = spawn(
        process.execPath,
        [join(import.meta.dirname, '../bin/actfig.js'), 'build', '--config', 'c.json', '--jobs', '1'],
        { cwd: p.dir, detached: true },
      );
      child.stdout.on('data', (d: Buffer) => {
        if (/\[1\/12\]/.test(d.toString())) process.kill(-child.pid!, 'SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    // Every file is a whole file: the manifest records each finished figure, the others are still old.
    const check = p.check();
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/stale/);
    const r = p.build();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/12 figures: \d+ rendered/);
    expect(p.check().code).toBe(0);
    expect(readdirSync(p.out).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  });
});

describe('CSV export and the gallery in the manifest and the check', () => {
  it("writes <id>.csv: the spec's table with a header row, quoting names with commas", () => {
    const p = project([
      figure('one', 'relu'),
      { id: 'two', grid, panels: [{ activation: 'hardtanh', params: { min_val: -2, max_val: 0.5 } }] },
    ]);
    p.build();
    const csv = readFileSync(join(p.out, 'two.csv'), 'utf8').trim().split('\n');
    const table = JSON.parse(readFileSync(join(p.out, 'two.vl.json'), 'utf8')).datasets.table;
    expect(csv[0]).toBe('activation,z,y,dy');
    expect(csv).toHaveLength(table.length + 1);
    expect(csv[1]).toBe(`"hardtanh(min_val=-2, max_val=0.5)",${table[0].z},${table[0].y},${table[0].dy}`);
  });

  it('a hand-edited gallery fails the check and is rewritten by the next build', () => {
    const p = project();
    p.build();
    writeFileSync(join(p.out, 'index.html'), '<p>mine</p>');
    const r = p.check();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  modified out/index.html: its bytes differ from what the build wrote');
    expect(p.build().stdout).toMatch(/0 rendered, 3 unchanged.*; 1 files written/);
    expect(p.check().code).toBe(0);
  });
});
