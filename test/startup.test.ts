// A no-op build and a check stay light: they load neither vega, canvas nor KaTeX (nor zod, once the
// config's normalized form is cached). Every module the command loads is traced through node's hooks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { actfig, root } from './cli.ts';
import { tempDir } from './tmp.ts';

function traced(args: string[], cwd: string): string[] {
  const log = join(tempDir(), 'modules.txt');
  writeFileSync(log, '');
  const trace = join(root, 'test/fixtures/startup/trace.mjs');
  const r = actfig(args, { cwd, env: { ACTFIG_TRACE_MODULES: log, NODE_OPTIONS: `--import=${trace}` } });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const heavy = /node_modules\/(vega|vega-lite|vega-[a-z-]+|canvas|katex|zod)\/|^require (canvas|katex|vega)/;

it('a no-op build and a check load neither vega, canvas, KaTeX nor zod', () => {
  const dir = tempDir();
  const config = {
    outDir: 'out',
    figures: [
      { id: 'a', grid: { min: -3, max: 3, samples: 61 }, panels: [{ activation: 'gelu' }] },
      { id: 'b', kind: 'derivatives-overlay' },
    ],
  };
  writeFileSync(join(dir, 'figures.config.json'), JSON.stringify(config));
  expect(actfig(['build'], { cwd: dir }).code).toBe(0);
  const build = traced(['build'], dir);
  const check = traced(['check'], dir);
  // The trace works: it saw the CLI's own modules.
  expect(build.some((line) => line.includes('/dist/cli/main.js'))).toBe(true);
  expect(build.filter((line) => heavy.test(line))).toEqual([]);
  expect(check.filter((line) => heavy.test(line))).toEqual([]);
  // A cold build of the same config does load them (the pattern can match).
  const cold = traced(['build', '--force'], dir);
  expect(cold.some((line) => heavy.test(line))).toBe(true);
  // Figures that do not move load nothing of reveals or animations, gifenc least of all.
  expect(
    cold.filter((line) => /node_modules\/gifenc\/|\/dist\/(build\/(motion|gif)|render\/pixels)\.js/.test(line)),
  ).toEqual([]);
});
