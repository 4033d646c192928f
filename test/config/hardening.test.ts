// Hostile configs at the front door (issue 25): each is refused by the real CLI with one line that names
// the file and the field, exit 2, no stack trace, and nothing written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actfig } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const grid = { min: -3, max: 3, samples: 11 };

/** Writes `text` as `file` in a fresh folder and runs `args` there (the config given by --config). */
function refuse(file: string, text: string, args: string[] = ['build']) {
  const dir = tempDir();
  writeFileSync(join(dir, file), text);
  const started = performance.now();
  const r = actfig([...args, '--config', file], { cwd: dir });
  const ms = performance.now() - started;
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(lines[0].startsWith(`${file}: `)).toBe(true);
  expect(existsSync(join(dir, 'out'))).toBe(false);
  return { message: lines[0], ms };
}

const json = (config: object) => JSON.stringify({ outDir: 'out', formats: ['svg'], ...config });
const formula = (text: string) =>
  json({ activations: { f: { formula: text } }, figures: [{ id: 'a', grid, panels: [{ series: ['f'] }] }] });

describe('formulas', () => {
  it('refuses % (mathjs reads it as percent, or as mod), which the README does not list', () => {
    expect(refuse('c.json', formula('z + 10%')).message).toBe(
      'c.json: activations.f.formula: unsupported operator "%"',
    );
    expect(refuse('c.json', formula('z % 2')).message).toBe('c.json: activations.f.formula: unsupported operator "%"');
  });

  it('refuses sin(sin(…sin(z)…)) 14 deep at once instead of deriving for hours', () => {
    const deep = `${'sin('.repeat(14)}z${')'.repeat(14)}`;
    const { message, ms } = refuse('c.json', formula(deep), ['eval', 'f', '--at', '0']);
    expect(message).toMatch(/^c\.json: activations\.f\.formula: too deeply nested: at most 7 /);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a formula whose derivatives take longer than the budget, in one line, at the budget', () => {
    // Within the size and nesting limits, yet mathjs's simplifying of f″ takes seconds (minutes for six).
    const nest = (fn: string) => `${`${fn}(`.repeat(6)}z${')'.repeat(6)}`;
    const product = ['sin', 'cos', 'tanh', 'sin'].map(nest).join(' * ');
    const { message, ms } = refuse('c.json', formula(product), ['eval', 'f', '--at', '0']);
    expect(message).toBe(
      'c.json: activations.f.formula: too slow to derive: f′ and f″ took over 3 s ' +
        '(nest fewer functions, or write it shorter)',
    );
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a 20,000-term formula as too long, not with a stack overflow', () => {
    const { message } = refuse('c.json', formula(Array(20000).fill('z').join(' + ')));
    expect(message).toMatch(/^c\.json: activations\.f\.formula: too long: a formula may have at most 200 /);
  });

  it('does not repeat the field in its messages', () => {
    expect(refuse('c.json', formula('z + bb')).message).toBe(
      'c.json: activations.f.formula: unknown name "bb" (did you mean "z"?)',
    );
  });
});

describe('config values', () => {
  it('says a sweep of 13 values is over the limit of 12', () => {
    const sweep = { activation: 'elu', sweep: { alpha: Array.from({ length: 13 }, (_, i) => i + 1) } };
    expect(refuse('c.json', json({ figures: [{ id: 'a', grid, panels: [{ series: [sweep] }] }] })).message).toBe(
      'c.json: figures[0].panels[0].series[0].sweep.alpha: must have at most 12 items',
    );
  });

  it('says an empty outDir is empty', () => {
    const text = JSON.stringify({ outDir: '', figures: [{ id: 'a', grid, panels: [{ series: ['relu'] }] }] });
    expect(refuse('c.json', text).message).toBe('c.json: outDir: is empty');
  });

  it('shows a BigInt as written', () => {
    const f = `{ formula: 'b*z', params: { b: 5n } }`;
    const text = `export default { outDir: 'out', activations: { f: ${f} }, figures: [] };`;
    expect(refuse('c.mjs', text).message).toBe('c.mjs: activations.f.params.b: expected number, got 5n');
  });

  it('names a getter that throws', () => {
    const text = `export default { outDir: 'out', get figures() { throw new Error('boom'); } };`;
    expect(refuse('c.mjs', text).message).toBe('c.mjs: the config threw while it was read: boom');
  });

  it('names a getter that throws in a TypeScript config, and a thrown string', () => {
    const grid = `get grid(): never { throw new TypeError('no grid'); }`;
    const text = `export default { outDir: 'out', figures: [{ id: 'a', ${grid}, panels: [{ series: ['relu'] }] }] };`;
    expect(refuse('c.ts', text).message).toBe('c.ts: the config threw while it was read: TypeError: no grid');
    const plain = `export default { outDir: 'out', get activations() { throw 'plain'; }, figures: [] };`;
    expect(refuse('c.mjs', plain).message).toBe('c.mjs: the config threw while it was read: plain');
  });

  it('says a config exported a Promise', () => {
    const text = `export default Promise.resolve({ outDir: 'out', figures: [] });`;
    expect(refuse('c.mjs', text).message).toMatch(/^c\.mjs: exports a Promise; export the config object itself/);
  });
});
