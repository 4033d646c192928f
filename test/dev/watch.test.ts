// What `actfig dev` watches: the config and the local files it imports, found without running them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localFiles, relativeSpecifiers } from '../../src/dev/watch.ts';
import { tempDir } from '../tmp.ts';

describe('relativeSpecifiers', () => {
  it('finds static, re-exported, side-effect, dynamic and require imports, but only ./ and ../ ones', () => {
    const text = [
      "import { a } from './a.ts';",
      'import type { B } from "../b";',
      "import c, {\n  d,\n  e as f,\n} from './c.js';",
      "export * from './d.mjs';",
      "export { g } from './g';",
      "import './side.ts';",
      "const h = await import('./h.ts');",
      "const i = require('./i.cjs');",
      "import { defineConfig } from 'activation-figures';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(relativeSpecifiers(text).sort()).toEqual(
      ['../b', './a.ts', './c.js', './d.mjs', './g', './h.ts', './i.cjs', './side.ts'].sort(),
    );
  });
});

describe('localFiles', () => {
  it('follows local imports recursively as TypeScript resolves them, skipping packages and the output', async () => {
    const dir = tempDir();
    const file = (name: string, text = '') => {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const config = file(
      'figures.config.ts',
      "import { slopes } from './lib/params.js';\nimport grids from './lib';\nimport data from './data.json';\n" +
        "import { x } from './node_modules/pkg/index.js';\nimport { y } from './figures/made.ts';\n" +
        "import { missing } from './missing.ts';\nexport default {};\n",
    );
    const params = file('lib/params.ts', "export { step } from '../shared/step.mts';\nexport const slopes = [];\n");
    const index = file('lib/index.ts', "import { slopes } from './params.ts';\nexport default slopes;\n");
    const step = file('shared/step.mts', "import { slopes } from '../lib/params.ts';\nexport const step = 1;\n");
    const data = file('data.json', '{"import": "./not-followed.ts"}');
    file('node_modules/pkg/index.js', "import './deep.js';\n");
    file('figures/made.ts');
    const out = join(dir, 'figures');
    const found = await localFiles(config, (p) => p.startsWith(`${out}/`));
    expect(found.sort()).toEqual([config, params, index, step, data].sort());
  });

  it('is the config alone for a JSON config', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), '{"figures": []}');
    expect(await localFiles(join(dir, 'c.json'))).toEqual([join(dir, 'c.json')]);
  });
});
