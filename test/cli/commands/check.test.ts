// actfig check's exit codes (src/cli/commands/check.ts): 1 means stale figures, so a config that cannot be
// loaded must be 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actfig, root } from '../../cli.ts';
import { fig, grid, oneLine, project } from '../../project.ts';
import { tempDir } from '../../tmp.ts';

describe('a broken config makes check exit 2, not 1', () => {
  it.each([
    ['a JSON syntax error', '{"figures": [{"id": "a",'],
    ['an unknown activation', JSON.stringify({ figures: [{ id: 'a', grid, panels: [{ activation: 'relux' }] }] })],
    ['an unknown key', JSON.stringify({ figures: [fig('a')], outdir: 'x' })],
  ])('%s: exit 2, one line naming c.json, no stack', (_, text) => {
    const p = project();
    writeFileSync(join(p.dir, 'c.json'), text);
    const r = p.check();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(/^c\.json/);
  });
});

describe('check loads no renderer', () => {
  // test/fixtures/no-renderer.mjs makes canvas, vega and vega-lite fail to load, as after
  // `npm ci --ignore-scripts` where canvas was never built.
  const env = { NODE_OPTIONS: `--import ${join(root, 'test/fixtures/no-renderer.mjs')}` };

  it('exits 0 on a current folder and 1 on a stale one with canvas and vega unloadable; --render needs them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ formats: ['svg', 'png', 'pdf'], figures: [fig('a')] }));
    expect(actfig(['build', '--config', 'c.json'], { cwd: dir }).code).toBe(0);
    // The hook works: a build cannot render.
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ formats: ['svg', 'png', 'pdf'], figures: [fig('a', 'tanh')] }));
    const blocked = actfig(['build', '--config', 'c.json'], { cwd: dir, env });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('blocked: ');
    const stale = actfig(['check', '--config', 'c.json'], { cwd: dir, env });
    expect([stale.code, stale.stderr]).toEqual([1, '']);
    expect(stale.stdout).toMatch(/^ {2}stale {4}figures\/a\.png: /m);
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ formats: ['svg', 'png', 'pdf'], figures: [fig('a')] }));
    const current = actfig(['check', '--config', 'c.json'], { cwd: dir, env });
    expect([current.code, current.stderr]).toEqual([0, '']);
    expect(current.stdout).toBe('figures is current: 1 figures match c.json\n');
    const render = actfig(['check', '--render', '--config', 'c.json'], { cwd: dir, env });
    expect(render.code).toBe(1);
    expect(render.stdout).toMatch(/cannot be made now: blocked: /);
  });
});
