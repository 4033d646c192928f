// `actfig build --force` starts its render processes before it reads the config (src/render/processes.ts).
// Whatever the build then does, the command behaves as without them: a config mistake or a bad option
// still ends it at once with its one line, and a build of one figure renders it in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const base = tempDir('actfig-early-');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const bin = join(root, 'bin/actfig.js');

/** Runs actfig in `dir`; a command that does not end within 30 s fails the test. */
function run(dir: string, args: string[]) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

function project(name: string, config: unknown): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'figures.config.json'), JSON.stringify(config));
  return dir;
}

const grid = { min: -5, max: 5, samples: 101 };

describe('render processes started early (--force)', () => {
  it('end with the command when the config has a mistake: one line, exit 2, nothing written', () => {
    const dir = project('typo', { figures: [{ id: 'a', grid, panels: [{ activation: 'sigmoidd' }] }] });
    const r = run(dir, ['build', '--force']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/figures\.config\.json: figures\[0\]\.panels\[0\]\.activation/);
    expect(existsSync(join(dir, 'figures'))).toBe(false);
  });

  it('end with the command when an option is wrong', () => {
    const dir = project('jobs', { figures: [{ id: 'a', grid, panels: [{ activation: 'tanh' }] }] });
    const r = run(dir, ['build', '--force', '--jobs', 'many']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
  });

  it('are stopped when the build renders one figure in its own process, and when it renders in them', () => {
    for (const count of [1, 3]) {
      const figures = ['sigmoid', 'tanh', 'relu']
        .slice(0, count)
        .map((activation) => ({ id: activation, grid, panels: [{ activation }] }));
      const dir = project(`figures-${count}`, { formats: ['png'], figures });
      const r = run(dir, ['build', '--force']);
      expect(r.signal).toBeNull();
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`${count} figures: ${count} rendered`));
      for (const f of figures) expect(existsSync(join(dir, 'figures', `${f.id}.png`))).toBe(true);
    }
  });
});
