// Command-line values (src/cli/args.ts): empty and repeated values, hexadecimal numbers and a signed zero,
// through the real CLI.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actfig } from '../cli.ts';
import { builtProjects, oneLine, project, tree } from '../project.ts';

const built = builtProjects();

describe('empty and repeated values are refused before anything is written', () => {
  const cases: [string, string[]][] = [
    ["--formats ''", ['--formats', '']],
    ["--out ''", ['--out', '']],
    ["--only ''", ['--only', '']],
    ['--formats svg,svg', ['--formats', 'svg,svg']],
  ];
  it.each(cases)('%s: exit 2, one line, existing images untouched', (_, args) => {
    const p = built();
    const before = tree(p.dir);
    const r = p.build(...args);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain(args[0]);
    expect(tree(p.dir)).toEqual(before);
  });
});

describe('numbers: no hexadecimal, and -0 keeps its sign', () => {
  it('--jobs 0x10 and --at 0x10: exit 2 with one line naming the option', () => {
    const p = project();
    const jobs = p.build('--jobs', '0x10');
    expect(jobs.code).toBe(2);
    expect(oneLine(jobs.stderr)).toMatch(/--jobs: .*"0x10"/);
    expect(existsSync(p.out)).toBe(false);
    const at = actfig(['eval', 'relu', '--at', '0x10']);
    expect(at.code).toBe(2);
    expect(oneLine(at.stderr)).toMatch(/--at: .*"0x10"/);
  });

  it("eval relu --at -0 prints -0,0,0: z keeps its sign; relu(-0) = 0 and relu'(-0) = 0 (z > 0 ? z : 0)", () => {
    const r = actfig(['eval', 'relu', '--at', '-0,0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('z,y,dy\n-0,0,0\n0,0,0\n');
  });
});
