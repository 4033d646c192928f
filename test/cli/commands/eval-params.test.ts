// `actfig eval --param`: every key is a parameter name, given once (issue 25, item 6).
import { describe, expect, it } from 'vitest';
import { actfig } from '../../cli.ts';

describe('actfig eval --param', () => {
  it('refuses __proto__ as the parameter it is not, in one line with exit 2', () => {
    const r = actfig(['eval', 'leaky_relu', '--param', '__proto__=1', '--at', '0']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      'actfig eval: --param __proto__: leaky_relu has no parameter "__proto__"; it has negative_slope',
    );
  });

  it('refuses a parameter given twice instead of keeping the last', () => {
    const r = actfig(['eval', 'leaky_relu', '--param', 'negative_slope=0.1', '--param', 'negative_slope=0.2']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('actfig eval: --param negative_slope: given twice (0.1 and 0.2)');
  });
});
