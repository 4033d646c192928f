// `reveal` and `animate` refused where they cannot be (src/config/motion.ts, src/schema/motion.ts): by the
// real CLI, one line naming the file and the field, exit 2, no stack trace, nothing written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FRAMES, MAX_FRAME_PIXELS } from '../../src/schema/motion.ts';
import { actfig } from '../cli.ts';
import { grid } from '../project.ts';
import { tempDir } from '../tmp.ts';

function refused(...figures: object[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'c.json'), JSON.stringify({ outDir: 'out', formats: ['svg'], figures }));
  const r = actfig(['build', '--config', 'c.json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^c\.json: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(join(dir, 'out'))).toBe(false);
  return r.stderr.trimEnd();
}

const series = (reveal: unknown) => ({ id: 'a', grid, reveal, panels: [{ series: ['sigmoid', 'tanh'] }] });
const softplus = (animate: object, extra: object = {}) => ({
  id: 's',
  grid,
  animate,
  panels: [{ series: [{ activation: 'softplus' }, 'relu'] }],
  ...extra,
});

describe('reveal', () => {
  it('refuses a value that is not true, false, "series" or "panels"', () => {
    expect(refused(series('rows'))).toMatch(/^c\.json: figures\[0\]\.reveal: /);
  });

  it('refuses a figure with one series (or one panel) to reveal', () => {
    expect(refused({ id: 'a', grid, reveal: true, panels: [{ activation: 'relu' }] })).toBe(
      'c.json: figures[0].reveal: the figure has one series: nothing to reveal',
    );
    expect(refused(series('panels'))).toBe('c.json: figures[0].reveal: the figure has one panel: nothing to reveal');
  });

  it("refuses a figure whose id is another's reveal frame", () => {
    expect(refused(series(true), { id: 'a-2', grid, panels: [{ activation: 'relu' }] })).toBe(
      'c.json: figures[1].id: "a-2" is also the name of a reveal frame of "a"',
    );
  });
});

describe('animate', () => {
  it('refuses a typo in its keys, a missing range and a range with values', () => {
    expect(refused(softplus({ param: 'beta', from: 1, to: 2, frame: 3 }))).toMatch(
      /^c\.json: figures\[0\]\.animate\.frame: .*did you mean "frames"/,
    );
    expect(refused(softplus({ param: 'beta', from: 1, to: 2 }))).toBe(
      'c.json: figures[0].animate.frames: missing (give from, to and frames, or values)',
    );
    expect(refused(softplus({ param: 'beta', values: [1, 2], frames: 2 }))).toBe(
      'c.json: figures[0].animate.frames: cannot be combined with values',
    );
  });

  it(`refuses more than ${MAX_FRAMES} frames, and more than ${MAX_FRAME_PIXELS} pixels in all`, () => {
    expect(refused(softplus({ param: 'beta', from: 1, to: 2, frames: MAX_FRAMES + 1 }))).toMatch(
      /^c\.json: figures\[0\]\.animate\.frames: .*200/,
    );
    expect(refused(softplus({ param: 'beta', from: 1, to: 2, frames: 200 }, { preset: 'slide' }))).toBe(
      'c.json: figures[0].animate.frames: 200 frames of about 518,400 pixels each; at most 40,000,000 in all',
    );
  });

  it('refuses a parameter no series has, or several series have', () => {
    expect(refused(softplus({ param: 'alpha', from: 1, to: 2, frames: 3 }))).toBe(
      'c.json: figures[0].animate.param: no series of this figure has a parameter "alpha"',
    );
    const two = {
      id: 's',
      grid,
      animate: { param: 'beta', values: [1, 2] },
      panels: [{ series: ['softplus', 'softplus'] }],
    };
    expect(refused(two)).toBe(
      'c.json: figures[0].animate.param: 2 series have a parameter "beta"; an animation sweeps one series',
    );
  });

  it("refuses a value the parameter cannot take, naming the frame's field", () => {
    expect(refused(softplus({ param: 'beta', values: [1, 0] }))).toBe(
      'c.json: figures[0].animate.values[1]: softplus: beta: must not be 0, got 0',
    );
    expect(refused(softplus({ param: 'beta', from: -1, to: 1, frames: 3 }))).toBe(
      'c.json: figures[0].animate: frame 2 (beta = 0): softplus: beta: must not be 0, got 0',
    );
  });

  it('refuses a kind that cannot be animated', () => {
    const depth = { id: 'd', kind: 'vanishing-gradient-depth', activations: ['leaky_relu'] };
    expect(refused({ ...depth, animate: { param: 'negative_slope', values: [0.01, 0.1] } })).toBe(
      'c.json: figures[0].animate: a vanishing-gradient-depth figure cannot be animated',
    );
  });
});
