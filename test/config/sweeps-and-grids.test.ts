// A config's sweeps are checked combination by combination, and its grids for double precision
// (issue 25, items 4 and 7): refused in one line naming the file and the field, nothing written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { actfig } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const grid = { min: -1, max: 1, samples: 5 };
const rrelu = (sweep: object) => ({
  figures: [{ id: 'r', grid, panels: [{ series: [{ activation: 'rrelu', sweep }] }] }],
});

describe('sweeps', () => {
  it("checks each swept value with the partner it is drawn with: rrelu's lower 0.1 to 0.4 with upper 0.5", () => {
    const figure = normalizeConfig(rrelu({ lower: [0.1, 0.2, 0.3, 0.4], upper: [0.5] })).figures[0] as any;
    expect(figure.panels[0].series).toHaveLength(4);
  });

  it('names the swept value of a combination that is refused', () => {
    expect(() => normalizeConfig(rrelu({ lower: [0.1, 0.2], upper: [0.5, 0.15] }), 'c.json')).toThrow(
      'c.json: figures[0].panels[0].series[0].sweep.upper[1]: must be ≥ lower (0.2)',
    );
  });
});

describe('grids', () => {
  it('refuses a range wider than double precision, as actfig eval does, writing nothing', () => {
    const dir = tempDir('actfig-grid-');
    const config = {
      figures: [{ id: 'b', grid: { min: -1e308, max: 1e308, samples: 5 }, panels: [{ activation: 'relu' }] }],
    };
    writeFileSync(join(dir, 'c.json'), JSON.stringify(config));
    const r = actfig(['build', '--config', 'c.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'c.json: figures[0].grid.max: the range -1e+308 to 1e+308 is too wide for double precision (max - min overflows)',
    );
    expect(existsSync(join(dir, 'figures'))).toBe(false);
    expect(actfig(['eval', 'relu', '--min', '-1e308', '--max', '1e308', '--samples', '5']).code).toBe(2);
  });
});
