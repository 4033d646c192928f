// Reading manifest.json (src/output/manifest.ts): what a hand-edited or foreign manifest holds never reaches
// the gallery unchecked, and a huge one is refused without being read. Through the real CLI.
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtProjects, oneLine, project } from '../project.ts';

const built = builtProjects();

describe('the manifest never reaches the gallery unchecked', () => {
  it('a manifest width of `100" onload="alert(1)` is dropped: the rebuilt index.html has no onload', () => {
    const p = built();
    const path = join(p.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    manifest.figures[0].width = '100" onload="alert(1)';
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    rmSync(join(p.out, 'index.html')); // the build rewrites the gallery from the manifest's entries, rendering nothing
    const r = p.build();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 rendered, 1 unchanged/);
    const page = readFileSync(join(p.out, 'index.html'), 'utf8');
    expect(page).not.toContain('onload');
    expect(page).not.toContain('alert(1)');
    for (const [, w] of page.matchAll(/ width="([^"]*)"/g)) expect(w).toMatch(/^\d+$/);
  });
});

describe('the manifest cannot be turned against the folder', () => {
  it('a 65 MB manifest.json: build and check exit 2 with one line, the file untouched', () => {
    const p = project();
    mkdirSync(p.out);
    const path = join(p.out, 'manifest.json');
    const fd = openSync(path, 'w');
    writeSync(fd, '{"generator": "activation-figures 0.2.0", "figures": [], "padding": "');
    const chunk = Buffer.alloc(2 ** 20, 'x');
    for (let i = 0; i < 65; i++) writeSync(fd, chunk);
    writeSync(fd, '"}\n');
    closeSync(fd);
    const before = statSync(path);
    for (const r of [p.build(), p.check()]) {
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toContain(path);
    }
    const after = statSync(path);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(readdirSync(p.out)).toEqual(['manifest.json']);
  });
});

describe('one bad manifest entry does not make strangers of its files', () => {
  type Entry = { id: string; files: { name: string }[] };
  const spoil: [string, (m: { figures: Entry[]; site?: { files: object[] } }) => void][] = [
    ['a file name that is not safe', (m) => m.figures[0].files.push({ name: '../outside.svg' })],
    ['an id that is not safe', (m) => Object.assign(m.figures[0], { id: '../a' })],
    ['a file record without a hash', (m) => Object.assign(m.figures[0].files[1], { sha256: 'no' })],
    ['a site record that is not well-formed', (m) => Object.assign(m.site!.files[0], { bytes: -1 })],
  ];
  it.each(spoil)('%s: the next build heals the folder (exit 0) and check is green', (_, edit) => {
    const p = built();
    const path = join(p.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    edit(manifest);
    writeFileSync(path, JSON.stringify(manifest));
    const r = p.build();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const healed = JSON.parse(readFileSync(path, 'utf8'));
    expect(healed.figures.map((f: Entry) => f.id)).toEqual(['a']);
    expect(healed.figures[0].files.map((f: { name: string }) => f.name)).not.toContain('../outside.svg');
    expect(healed.site.files.length).toBeGreaterThan(0);
    const c = p.check();
    expect([c.code, c.stderr]).toEqual([0, '']);
    expect(p.build().code).toBe(0);
  });
});
