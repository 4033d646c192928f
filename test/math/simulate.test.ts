// The depth simulation (src/math/simulate.ts): a gradient that underflows to 0 cannot be drawn on a log axis,
// so the figure is refused naming the depth, also when it renders in a render process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneLine, project } from '../project.ts';

describe('an underflowing gradient', () => {
  const deep = 'a depth figure whose gradient underflows (depth 500) is refused naming the depth, in the pool too';
  it(deep, () => {
    // With three figures the depth figure renders in a render process: the refusal keeps its one line.
    const other = (id: string) => ({ id, grid: { min: -1, max: 1, samples: 5 }, panels: [{ activation: 'relu' }] });
    for (const figures of [
      [{ id: 'deep', kind: 'vanishing-gradient-depth', depth: 500 }],
      [other('a'), other('b'), { id: 'deep', kind: 'vanishing-gradient-depth', depth: 500 }],
    ]) {
      const p = project({ figures });
      const r = p.build();
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toMatch(
        /^actfig build: figure "deep" failed: .*underflows to 0 at depth \d+ of 500.*use depth < \d+$/,
      );
      expect(existsSync(join(p.out, 'deep.vl.json'))).toBe(false);
    }
  });
});
