// Choosing figures by id (src/config/select.ts): the message names the command that asked, not --only.
import { describe, expect, it } from 'vitest';
import { oneLine, project } from '../project.ts';

describe('an unknown figure id', () => {
  it('actfig spec nosuch says `actfig spec: no figure "nosuch"`, not --only', () => {
    const p = project();
    const r = p.run(['spec', 'nosuch', '--config', 'c.json']);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toMatch(/^actfig spec: no figure "nosuch"/);
    expect(line).not.toContain('--only');
  });
});
