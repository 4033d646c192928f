// SOURCE_DATE_EPOCH (src/build/date.ts): a date past year 9999 is refused before anything is written.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oneLine, project } from '../project.ts';

describe('numbers: no date past year 9999', () => {
  it('SOURCE_DATE_EPOCH=99999999999999: build and check exit 2 with one line, nothing written', () => {
    const p = project();
    const env = { SOURCE_DATE_EPOCH: '99999999999999' };
    for (const command of ['build', 'check']) {
      const r = p.run([command, '--config', 'c.json'], env);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(/^SOURCE_DATE_EPOCH: /);
    }
    expect(existsSync(p.out)).toBe(false);
  });
});
