// Several configs in one command: a course whose lectures share one output folder, named by a quoted
// glob, by repeated --config, or once in package.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actfig } from '../cli.ts';
import { snapshot, tempDir } from '../tmp.ts';

const GLOB = 'lectures/*/figures.config.json';

const lecture = (ids: string[], activation = 'relu') =>
  JSON.stringify({
    outDir: '../../figures',
    formats: ['svg'],
    interactive: false,
    figures: ids.map((id) => ({ id, grid: { min: -2, max: 2, samples: 21 }, panels: [{ activation }] })),
  });

/** A course with lectures 01 and 02, each its own config, both writing to figures/. */
function course(): string {
  const dir = tempDir('actfig-course-');
  for (const [n, ids] of [
    ['01', ['relu-01', 'tanh-01']],
    ['02', ['relu-02']],
  ] as const) {
    mkdirSync(join(dir, 'lectures', n), { recursive: true });
    writeFileSync(join(dir, 'lectures', n, 'figures.config.json'), lecture([...ids]));
  }
  return dir;
}

const gallery = (dir: string) => readFileSync(join(dir, 'figures/index.html'), 'utf8');

describe('several configs in one command', () => {
  it('builds a quoted glob with a line per config; the shared gallery has a section per lecture', () => {
    const dir = course();
    const b = actfig(['build', '--config', GLOB], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^2 configs, exit 0:$/m);
    expect(b.stdout).toMatch(/^ {2}lectures\/01\/figures\.config\.json: 2 figures: 2 rendered/m);
    expect(b.stdout).toMatch(/^ {2}lectures\/02\/figures\.config\.json: 1 figures: 1 rendered/m);
    const manifest = JSON.parse(readFileSync(join(dir, 'figures/manifest.json'), 'utf8'));
    expect(manifest.figures.map((f: { id: string; config: string }) => [f.id, f.config])).toEqual([
      ['relu-01', '../lectures/01/figures.config.json'],
      ['tanh-01', '../lectures/01/figures.config.json'],
      ['relu-02', '../lectures/02/figures.config.json'],
    ]);
    const html = gallery(dir);
    const toc = [...html.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a> \((\d+)\)<\/li>/g)].map((m) => m.slice(1));
    expect(toc).toEqual([
      ['config-lectures-01-figures-config-json', 'lectures/01/figures.config.json', '2'],
      ['config-lectures-02-figures-config-json', 'lectures/02/figures.config.json', '1'],
    ]);
    // Each section holds its own lecture's figures, and its snippets' paths are relative to the lecture's folder.
    for (const [id, heading] of toc) {
      const section = new RegExp(`<section class="config" id="${id}">\\n<h3>${heading}</h3>([\\s\\S]*?)</section>`);
      const body = section.exec(html)?.[1] ?? '';
      const figures = [...body.matchAll(/<figure id="fig-([^"]+)">/g)].map((m) => m[1]);
      expect(figures).toEqual(heading.includes('/01/') ? ['relu-01', 'tanh-01'] : ['relu-02']);
      expect(body).toContain(`![ReLU Activation &amp; Gradient](../../figures/${figures[0]}.svg)`);
      expect(body).toContain('style=&quot;max-width: 100%; height: auto&quot;');
    }
    const c = actfig(['check', '--config', GLOB], { cwd: dir });
    expect(c.code, c.stdout).toBe(0);
    expect(c.stdout).toMatch(/^ {2}lectures\/02\/figures\.config\.json: current/m);
  });

  it('makes the same folder whichever order the configs build in', () => {
    const a = course();
    const b = course();
    expect(actfig(['build', '--config', 'lectures/01/*.json', '--config', 'lectures/02/*.json'], { cwd: a }).code).toBe(
      0,
    );
    expect(actfig(['build', '--config', 'lectures/02/*.json', '--config', 'lectures/01/*.json'], { cwd: b }).code).toBe(
      0,
    );
    const files = (dir: string) =>
      Object.fromEntries(
        readdirSync(join(dir, 'figures')).map((name) => [name, readFileSync(join(dir, 'figures', name), 'utf8')]),
      );
    expect(files(b)).toEqual(files(a));
  });

  it("prunes only a config's own figures, and exits with the worst code naming the stale lecture", () => {
    const dir = course();
    expect(actfig(['build', '--config', GLOB], { cwd: dir }).code).toBe(0);
    // Lecture 1 drops tanh-01: its files go, lecture 2's stay.
    writeFileSync(join(dir, 'lectures/01/figures.config.json'), lecture(['relu-01']));
    const b = actfig(['build', '--config', 'lectures/01/figures.config.json'], { cwd: dir });
    expect(b.stdout).toContain('removed tanh-01');
    const names = readdirSync(join(dir, 'figures'));
    expect(names).not.toContain('tanh-01.svg');
    expect(names).toEqual(expect.arrayContaining(['relu-01.svg', 'relu-02.svg', 'relu-02.vl.json']));
    // An edit to lecture 2: exit 1, naming lecture 2 by its path from here.
    writeFileSync(join(dir, 'lectures/02/figures.config.json'), lecture(['relu-02'], 'gelu'));
    const c = actfig(['check', '--config', GLOB], { cwd: dir });
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(/^ {2}lectures\/01\/figures\.config\.json: current/m);
    const two = 'lectures/02/figures.config.json';
    expect(c.stdout).toContain(`\n  ${two}: stale (3 files in figures); fix: npx actfig build --config ${two}\n`);
    expect(c.stdout).toMatch(/^2 configs, exit 1:$/m);
  });

  it('names the config that already makes an id by its path from here, and goes on with the next config', () => {
    const dir = course();
    writeFileSync(join(dir, 'lectures/02/figures.config.json'), lecture(['relu-01', 'relu-02']));
    const r = actfig(['build', '--config', GLOB], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'lectures/02/figures.config.json: figures[0].id: "relu-01" is also made by lectures/01/figures.config.json ' +
        'in figures; ids must be unique in a shared folder\n',
    );
    expect(r.stdout).toMatch(/^ {2}lectures\/01\/figures\.config\.json: 2 figures: 2 rendered/m);
    expect(r.stdout).toMatch(/^2 configs, exit 2:$/m);
  });

  it("takes the list from package.json's actfig.configs when --config is not given", () => {
    const dir = course();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'course', actfig: { configs: [GLOB] } }));
    expect(actfig(['build'], { cwd: dir }).code).toBe(0);
    const list = actfig(['list'], { cwd: dir });
    expect(list.stdout).toContain('Figures in lectures/01/figures.config.json (2):');
    expect(list.stdout).toContain('Figures in lectures/02/figures.config.json (1):');
    expect(actfig(['check'], { cwd: dir }).stdout).toMatch(/^2 configs, exit 0:$/m);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ actfig: { configs: 'lectures' } }));
    const bad = actfig(['check'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'package.json: actfig.configs: must be a list of config files or globs\n',
    ]);
  });

  it('refuses, writing nothing, a glob that matches nothing, --out for several, and a broken config', () => {
    const dir = course();
    const none = actfig(['build', '--config', 'lecture/*/figures.config.json'], { cwd: dir });
    expect([none.code, none.stderr]).toEqual([2, '--config: "lecture/*/figures.config.json" matches no file\n']);
    const out = actfig(['build', '--config', GLOB, '--out', 'x'], { cwd: dir });
    expect([out.code, out.stderr.trim().split('\n').length]).toEqual([2, 1]);
    writeFileSync(
      join(dir, 'lectures/02/figures.config.json'),
      '{"outDir": "../../figures", "figures": [{"id": "a b"}]}',
    );
    const before = snapshot(join(dir, 'lectures/01'));
    const broken = actfig(['build', '--config', GLOB], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^lectures\/02\/figures\.config\.json: figures\[0\]/);
    expect(broken.stderr).toMatch(/1 of 2 configs cannot be loaded; nothing done\n$/);
    expect(broken.stderr).not.toMatch(/ at /);
    expect(readdirSync(dir).sort()).toEqual(['lectures']);
    expect(snapshot(join(dir, 'lectures/01'))).toEqual(before);
  });
});
