// Content keys (src/output/content-key.ts) depend on what decides a file's bytes, not on how it was asked for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, tree } from '../project.ts';

describe('content keys', () => {
  it('--formats svg,png and --formats png,svg give the same content keys: the second build renders nothing', () => {
    const p = project({ formats: ['png', 'svg'] });
    const q = project({ formats: ['png', 'svg'] });
    expect(p.build('--formats', 'svg,png').code).toBe(0);
    expect(q.build('--formats', 'png,svg').code).toBe(0);
    expect(readFileSync(join(p.out, 'manifest.json'), 'utf8')).toBe(readFileSync(join(q.out, 'manifest.json'), 'utf8'));
    const before = tree(p.dir);
    const r = p.build('--formats', 'png,svg');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 figures: 0 rendered, 1 unchanged, 0 removed, 0 failed; 0 files written/);
    expect(tree(p.dir)).toEqual(before);
  });
});
