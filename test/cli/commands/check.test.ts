// actfig check's exit codes (src/cli/commands/check.ts): 1 means stale figures, so a config that cannot be
// loaded must be 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fig, grid, oneLine, project } from '../../project.ts';

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
