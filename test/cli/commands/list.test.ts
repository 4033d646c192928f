import { describe, expect, it } from 'vitest';
import { actfig } from '../../cli.ts';

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
});
