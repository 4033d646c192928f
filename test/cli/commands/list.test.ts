import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actfig } from '../../cli.ts';
import { tempDir } from '../../tmp.ts';

describe('actfig list', () => {
  it('lists every activation with its parameters and defaults', () => {
    const r = actfig(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/leaky_relu\s+Leaky ReLU\s+negative_slope=0\.01/);
    expect(r.stdout).toMatch(/softplus\s+Softplus\s+beta=1 threshold=20/);
    expect(r.stdout).toMatch(/gelu\s+GELU\s+approximate=none \(none\|tanh\)/);
    expect(r.stdout).toMatch(/threshold\s+Threshold\s+threshold=0 value=0\.5/);
    expect(r.stdout.split('\n\n')[0].match(/^ {2}\w+/gm)).toHaveLength(23);
  });

  it("lists a config's formula activations with their parameters, then its figures", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({
        activations: {
          squareplus: { formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 } },
          twice: { formula: '2*z' },
        },
        figures: [{ id: 'sq', grid: { min: -1, max: 1, samples: 5 }, panels: [{ series: ['squareplus', 'relu'] }] }],
      }),
    );
    const r = actfig(['list', '--config', 'c.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n\n')[1]).toBe(
      'Formula activations in c.json (2):\n' +
        '  squareplus   (z + sqrt(z^2 + b)) / 2  (b=4)\n' +
        '  twice        2*z\n' +
        'Figures in c.json (1):\n' +
        `  ${'sq'.padEnd(28)} squareplus, relu\n`,
    );
  });
});
