// TeX math in labels: real builds, the SVG and spec read; a TeX mistake is one line and exit 2.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../png.ts';
import { grid, oneLine, project } from '../project.ts';

const figure = (id: string, extra: object = {}) => ({ id, grid, panels: [{ activation: 'sigmoid' }], ...extra });

describe('$...$ in labels', () => {
  it("a title $\\sigma'(z)$ leaves no $ and no \\sigma in the SVG; axis and legend labels are typeset too", () => {
    const p = project({
      interactive: false,
      figures: [
        figure('math', {
          title: "$\\sigma'(z)$",
          xTitle: '$z$ and $e^{-z}$',
          panels: [
            { activation: 'sigmoid', labels: { activation: '$\\sigma(z)$', derivative: "$\\sigma'(z) \\le 1/4$" } },
          ],
        }),
        figure('plain', { title: 'sigma' }),
      ],
    });
    const r = p.build();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const svg = readFileSync(join(p.out, 'math.svg'), 'utf8');
    expect(svg).not.toContain('$');
    expect(svg).not.toContain('\\sigma');
    expect(svg).not.toContain('<text');
    for (const label of ['σ′(z)', 'z and e⁻ᶻ', 'σ(z)', 'σ′(z) ≤ 1/4']) expect(svg).toContain(`aria-label="${label}"`);
    const spec = JSON.parse(readFileSync(join(p.out, 'math.vl.json'), 'utf8'));
    expect(spec.title.text).toBe('σ′(z)');
    // Drawn, not dropped: the title's glyphs are in the PNG (a figure titled in plain text differs).
    const [a, b] = ['math', 'plain'].map((id) => decodePng(readFileSync(join(p.out, `${id}.png`))));
    expect(a.data.equals(b.data)).toBe(false);
  });

  it('\\$ is a literal dollar, and a label without math is left as it is', () => {
    const p = project({ interactive: false, figures: [figure('a', { title: 'costs \\$5, $x^2$' })] });
    expect(p.build().code).toBe(0);
    expect(JSON.parse(readFileSync(join(p.out, 'a.vl.json'), 'utf8')).title.text).toBe('costs $5, x²');
  });

  it.each([
    ['$\\sigm(z)$', /^c\.json: figures\[0\]\.title: Undefined control sequence \\sigm in "\$\\sigm\(z\)\$"$/],
    ['costs $5', /^c\.json: figures\[0\]\.title: a "\$" opens math that no "\$" closes \(write \\\$ for a dollar\)/],
  ])('TeX it cannot read (%s): one line naming the field, exit 2, nothing written', (title, message) => {
    const p = project({ figures: [figure('a', { title })] });
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(message);
    expect(existsSync(p.out)).toBe(false);
  });
});
