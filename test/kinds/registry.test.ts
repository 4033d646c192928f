// A figure kind defined outside src/ (test/fixtures/kinds/tangent.ts) and registered: the config schema,
// its messages, normalization, the spec, the images, the page and the gallery all take it from the
// registry, with no other edit. What a new kind in src/kinds/ gets from its one registry line.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api.ts';
import { normalizeConfig } from '../../src/config/normalize.ts';
import { pageControls } from '../../src/interactive/controls.ts';
import { allKinds, kindOf, registerKind } from '../../src/kinds/registry.ts';
import { buildSpec } from '../../src/kinds/spec.ts';
import { decodePng } from '../png.ts';
import { tempDir } from '../tmp.ts';
import { NAME, tangent } from '../fixtures/kinds/tangent.ts';

const require = createRequire(import.meta.url);
const validate = new Ajv({ strict: false, logger: false }).compile(require('vega-lite/vega-lite-schema.json'));

const config = (figure: object, outDir?: string) => ({
  ...(outDir && { outDir }),
  figures: [{ id: 't', kind: NAME, ...figure }],
});

beforeAll(() => {
  if (!allKinds().some((k) => k.name === NAME)) registerKind(tangent);
});

describe('a kind registered from outside src/', () => {
  it('is validated by its own schema, with messages that name the field and the closest key', () => {
    const figure = normalizeConfig(config({ activation: 'tanh', at: 0.5 })).figures[0];
    expect(figure).toMatchObject({ kind: NAME, activation: 'tanh', at: 0.5, title: 'Tanh and its tangent' });
    expect(() => normalizeConfig(config({ activation: 'tanh', att: 1 }), 'c.json')).toThrow(
      'c.json: figures[0].att: unknown key (did you mean "at"?)',
    );
    expect(() => normalizeConfig(config({ activation: 'tanh', at: 'x' }), 'c.json')).toThrow(/figures\[0\]\.at/);
    expect(() => registerKind(tangent)).toThrow(/already registered/);
    expect(kindOf(NAME).caption).toBe('An activation and its tangent line.');
  });

  it('draws a valid Vega-Lite spec through buildSpec, and its page gets its activation parameters as sliders', () => {
    const [figure] = normalizeConfig(config({ activation: 'elu', at: 1 })).figures;
    const spec = buildSpec(figure);
    expect(validate(spec), JSON.stringify(validate.errors)).toBe(true);
    expect(spec.description).toBe('ELU and its tangent at z = 1, slope 1.');
    expect(spec.datasets.table).toHaveLength(61);
    expect(pageControls(figure).map((c) => c.id)).toEqual(['elu.alpha']);
  });

  it('is built into images, a page and a gallery card like the built-in kinds', async () => {
    const dir = tempDir('actfig-kind-');
    const result = await build(normalizeConfig(config({ activation: 'sigmoid', width: 200, height: 150 }, dir)));
    expect(result).toBeDefined();
    for (const ext of ['vl.json', 'csv', 'png', 'svg', 'pdf', 'html'])
      expect(existsSync(join(dir, `t.${ext}`)), ext).toBe(true);
    const png = decodePng(readFileSync(join(dir, 't.png')));
    expect(png.width).toBeGreaterThan(400);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('Sigmoid and its tangent');
  }, 60_000);
});
