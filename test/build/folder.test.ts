// What a build may touch (src/build/folder.ts): never a file that is not its own, never the root, the home
// folder or the config's own folder, never a live figure's files that a hand-edited manifest claims; an
// output path that cannot be a folder is named at once. Through the real CLI.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtProjects, fig, oneLine, type Project, project, tree } from '../project.ts';
import { tempDir } from '../tmp.ts';

const built = builtProjects();

describe('a build never overwrites what is not its own', () => {
  const foreign: [string, string][] = [
    ['index.html', '<p>my own page</p>'],
    ['gallery.css', 'body { color: red }'],
    ['manifest.json', '{"name": "my own manifest"}'],
    ['a.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ];
  it.each(foreign)('an output folder with its own %s: exit 2, one line naming it, the file untouched', (name, text) => {
    const p = project();
    mkdirSync(p.out);
    writeFileSync(join(p.out, name), text);
    const before = tree(p.dir);
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain(join(p.out, name));
    expect(tree(p.dir)).toEqual(before);
  });

  it('--out / is refused with exit 2 and one line', () => {
    const p = project();
    const r = p.build('--out', '/');
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/root folder/);
    expect(existsSync('/.actfig.lock')).toBe(false);
    expect(existsSync('/manifest.json')).toBe(false);
  });

  it('--out $HOME is refused with exit 2 and one line, the home folder untouched', () => {
    const p = project();
    const home = tempDir('actfig-home-');
    writeFileSync(join(home, 'notes.md'), 'mine');
    const before = tree(home);
    const r = p.run(['build', '--config', 'c.json', '--out', home], { HOME: home });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/home folder/);
    expect(tree(home)).toEqual(before);
  });

  it("the config's own folder (outDir '.') is refused with exit 2 and one line, the folder untouched", () => {
    const p = project({ outDir: '.' });
    const before = tree(p.dir);
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/config's own folder/);
    expect(tree(p.dir)).toEqual(before);
  });

  it('a refused folder (home, config folder) keeps even a file named like a build temporary file', () => {
    const home = tempDir('actfig-home-');
    writeFileSync(join(home, '.draft.md.1234.abcdef01.tmp'), 'mine');
    const p = project({ outDir: '.' });
    writeFileSync(join(p.dir, '.notes.txt.1234.abcdef01.tmp'), 'mine');
    const homeBefore = tree(home);
    const before = tree(p.dir);
    expect(p.run(['build', '--config', 'c.json', '--out', home], { HOME: home }).code).toBe(2);
    expect(p.build().code).toBe(2);
    expect(tree(home)).toEqual(homeBefore);
    expect(tree(p.dir)).toEqual(before);
  });
});

describe("a figure whose page would be the gallery's is refused, naming both", () => {
  const cases: [string, object][] = [
    ['index', {}],
    ['Index', {}],
    ['a', { gallery: 'a.html' }],
    ['figures', { gallery: 'figures.html' }],
  ];
  it.each(cases)('id %s with %j: exit 2, one line, nothing written; check refuses alike', (id, extra) => {
    const p = project({ figures: [fig('ok'), fig(id)], ...extra });
    const before = tree(p.dir);
    const gallery = (extra as { gallery?: string }).gallery ?? 'index.html';
    for (const r of [p.build(), p.check()]) {
      expect(r.code).toBe(2);
      const line = oneLine(r.stderr);
      expect(line).toContain('c.json: figures[1].id');
      expect(line).toContain(`"${id}"`);
      expect(line).toContain(`gallery: '${gallery}'`);
    }
    expect(tree(p.dir)).toEqual(before);
    expect(existsSync(p.out)).toBe(false);
  });

  it('is allowed when the figure has no page, or there is no gallery', () => {
    expect(project({ figures: [{ ...fig('index'), interactive: false }] }).build().code).toBe(0);
    expect(project({ figures: [fig('index')], gallery: false }).build().code).toBe(0);
  });
});

describe('unusable output paths: exit 2 and one line naming the path, at once', () => {
  const refused = (p: Project, out: string) => {
    const started = Date.now();
    const r = p.build('--out', out);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return oneLine(r.stderr);
  };

  it('a regular file', () => {
    const p = project();
    writeFileSync(join(p.dir, 'taken'), 'a file');
    expect(refused(p, 'taken')).toContain(join(p.dir, 'taken'));
    expect(readFileSync(join(p.dir, 'taken'), 'utf8')).toBe('a file');
  });

  it('a dangling symbolic link (its target is not created)', () => {
    const p = project();
    symlinkSync(join(p.dir, 'nowhere'), join(p.dir, 'dangling'));
    expect(refused(p, 'dangling')).toContain(join(p.dir, 'dangling'));
    expect(existsSync(join(p.dir, 'nowhere'))).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)(
    'a read-only folder (chmod 555; skipped when run as root, where chmod does not stop writes)',
    () => {
      const p = project();
      const locked = join(p.dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      try {
        expect(refused(p, 'locked')).toContain(locked);
        expect(readdirSync(locked)).toEqual([]);
      } finally {
        chmodSync(locked, 0o755);
      }
    },
  );

  it('a name longer than 255 characters', () => {
    const p = project();
    const name = 'x'.repeat(300);
    expect(refused(p, name)).toContain(name);
  });

  it('/proc/x', () => {
    const p = project();
    expect(refused(p, '/proc/x')).toContain('/proc/x');
  });
});

describe('the manifest cannot be turned against the folder', () => {
  it("an entry of a figure no longer in the config that lists a live figure's files: the build keeps them", () => {
    const p = built();
    const path = join(p.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    manifest.figures.push({ ...manifest.figures[0], id: 'gone' });
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    const live = Object.fromEntries(['a.svg', 'a.vl.json', 'a.csv'].map((n) => [n, readFileSync(join(p.out, n))]));
    const r = p.build();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 removed/);
    for (const [name, bytes] of Object.entries(live)) expect(readFileSync(join(p.out, name))).toEqual(bytes);
    expect(p.check().code).toBe(0);
  });
});
