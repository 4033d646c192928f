// The package as a course author gets it: `npm pack`, installed from the tarball into fresh
// `npm init -y` repositories (one CommonJS, one ESM), used through npx, node, require and tsc.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './cli.ts';
import { snapshot, tempDir } from './tmp.ts';

const base = tempDir('actfig-course-');
const cjs = join(base, 'course-cjs');
const esm = join(base, 'course-esm');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** Runs a command in a course repository as a user would; returns its exit code and output. */
function sh(cwd: string, command: string, args: string[]) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const actfig = (cwd: string, ...args: string[]) => sh(cwd, 'npx', ['--no-install', 'actfig', ...args]);

const figure = (id: string, activation = 'relu') => ({
  id,
  grid: { min: -2, max: 2, samples: 21 },
  panels: [{ activation }],
});
const configBody = (id: string, extra = '') =>
  `{ outDir: 'figures', formats: ['svg', 'png'], ${extra} figures: [${JSON.stringify(figure(id))}] }`;

beforeAll(() => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', base], { cwd: root, encoding: 'utf8' }),
  )[0];
  const tarball = join(base, packed.filename);
  mkdirSync(cjs);
  expect(sh(cjs, 'npm', ['init', '-y']).code).toBe(0);
  const pkg = JSON.parse(readFileSync(join(cjs, 'package.json'), 'utf8'));
  // npm 11 runs a dependency's install script only once the project approves it (README: the course repo).
  writeFileSync(
    join(cjs, 'package.json'),
    JSON.stringify({ ...pkg, type: 'commonjs', allowScripts: { canvas: true } }, null, 2),
  );
  const install = sh(cjs, 'npm', ['install', tarball]);
  expect(install.code, install.stderr).toBe(0);
  // The ESM repository shares the installed packages (compiling canvas twice would double the test's time).
  mkdirSync(esm);
  writeFileSync(
    join(esm, 'package.json'),
    JSON.stringify({ name: 'course-esm', version: '1.0.0', type: 'module' }, null, 2),
  );
  symlinkSync(join(cjs, 'node_modules'), join(esm, 'node_modules'));
}, 600_000);

describe('the packed tarball', () => {
  it('ships compiled JavaScript, types and the set-up script, not the TypeScript sources', () => {
    const dir = join(cjs, 'node_modules/activation-figures');
    expect(existsSync(join(dir, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(dir, 'dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(dir, 'scripts/setup-system.sh'))).toBe(true);
    expect(existsSync(join(dir, 'src'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    // No TypeScript loader at run time except jiti, for TypeScript configs.
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    // The README's links into docs/ and CONTRIBUTING.md resolve in the installed package.
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(((?:docs\/|CONTRIBUTING)[^)#]+)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(existsSync(join(dir, link)), link).toBe(true);
  });

  for (const [name, dir] of [
    ['CommonJS', cjs],
    ['ESM', esm],
  ] as const) {
    describe(`in a ${name} course repository`, () => {
      const configs: [string, string][] = [
        [
          'figures.config.ts',
          "import { defineConfig } from 'activation-figures';\n" +
            `export default defineConfig(${configBody('ts-fig')});\n`,
        ],
        [
          'c.mts',
          "import { defineConfig } from 'activation-figures';\n" +
            `export default defineConfig(${configBody('mts-fig')});\n`,
        ],
        [
          'c.cjs',
          "const { defineConfig } = require('activation-figures');\n" +
            `module.exports = defineConfig(${configBody('cjs-fig')});\n`,
        ],
        [
          'c.cts',
          "import { defineConfig } from 'activation-figures';\n" +
            `const config: ReturnType<typeof defineConfig> = defineConfig(${configBody('cts-fig')});\n` +
            'export = config;\n',
        ],
        [
          'c.mjs',
          "import { defineConfig } from 'activation-figures';\n" +
            `export default defineConfig(${configBody('mjs-fig')});\n`,
        ],
        ['c.json', JSON.stringify({ outDir: 'figures-json', formats: ['svg'], figures: [figure('json-fig')] })],
      ];
      for (const [file, text] of configs) {
        it(`builds and checks with a ${file.split('.').pop()} config`, () => {
          writeFileSync(join(dir, file), text);
          const args = file === 'figures.config.ts' ? [] : ['--config', file];
          const out = file === 'c.json' ? 'figures-json' : `figures-${file.replace('.', '-')}`;
          const b = actfig(dir, 'build', ...args, '--out', out);
          expect(b.code, b.stderr).toBe(0);
          expect(b.stdout).toMatch(/1 figures: 1 rendered/);
          const id = file === 'figures.config.ts' ? 'ts-fig' : `${file.split('.').pop()}-fig`;
          expect(readdirSync(join(dir, out))).toContain(`${id}.svg`);
          const c = actfig(dir, 'check', ...args, '--out', out);
          expect(c.code, c.stdout + c.stderr).toBe(0);
        });
      }

      it('type-checks a figures.config.ts with a strict NodeNext tsconfig, no skipLibCheck, and flags typos', () => {
        writeFileSync(
          join(dir, 'tsconfig.json'),
          JSON.stringify({
            compilerOptions: {
              strict: true,
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              noEmit: true,
              target: 'ES2022',
              types: [],
            },
            include: ['figures.config.ts', 'formula.config.ts', 'bad.config.ts'],
          }),
        );
        // A formula activation's name is an activation name in the figures, and its params a sweep's keys.
        writeFileSync(
          join(dir, 'formula.config.ts'),
          `import { defineConfig } from 'activation-figures';
export default defineConfig({
  activations: { squareplus: { formula: '(z + sqrt(z^2 + b)) / 2', params: { b: 4 } } },
  figures: [
    {
      id: 'sq',
      grid: { min: -1, max: 1, samples: 5 },
      panels: [{ series: ['squareplus', { activation: 'squareplus', sweep: { b: [1, 2] } }, 'relu'] }],
    },
    { id: 'one', grid: { min: -1, max: 1, samples: 5 }, panels: [{ activation: 'squareplus', params: { b: 1 } }] },
    { id: 'o', kind: 'derivatives-overlay', activations: ['squareplus', 'gelu'] },
  ],
});
`,
        );
        const good = sh(dir, process.execPath, [tsc, '-p', '.']);
        expect(good.stdout + good.stderr).toBe('');
        expect(good.code).toBe(0);
        writeFileSync(
          join(dir, 'bad.config.ts'),
          `import { defineConfig } from 'activation-figures';
export default defineConfig({ figures: [
  { id: 'a', grid: { min: -1, max: 1, samples: 5 }, panels: [{ activation: 'sigmoidd' }] },
  { id: 'b', grid: { min: -1, max: 1, samples: 5 }, panels: [{ activation: 'leaky_relu', params: { alpha: 1 } }] },
] });
export const formulas = defineConfig({
  activations: { squareplus: { formula: 'z' } },
  figures: [{ id: 'c', grid: { min: -1, max: 1, samples: 5 }, panels: [{ series: ['squarepluss'] }] }],
});
`,
        );
        const bad = sh(dir, process.execPath, [tsc, '-p', '.']);
        expect(bad.code).not.toBe(0);
        const errors = bad.stdout.split('\n').filter((l) => l.includes('error TS'));
        expect(errors.every((l) => l.startsWith('bad.config.ts'))).toBe(true);
        expect(bad.stdout).toMatch(/bad\.config\.ts\(3,/);
        expect(bad.stdout).toMatch(/bad\.config\.ts\(4,.*alpha/s);
        expect(bad.stdout).toMatch(/bad\.config\.ts\(8,.*squarepluss/s);
        execFileSync('rm', [join(dir, 'bad.config.ts'), join(dir, 'formula.config.ts')]);
      });

      it('imports the API from node and requires it from CommonJS', () => {
        const imported = sh(dir, process.execPath, [
          '--input-type=module',
          '-e',
          "import { evaluate, defineConfig, buildSpec } from 'activation-figures'; " +
            "console.log(JSON.stringify([evaluate('leaky_relu', -2), typeof defineConfig, typeof buildSpec]))",
        ]);
        expect(imported.stderr).toBe('');
        expect(JSON.parse(imported.stdout)).toEqual([{ y: -0.02, dy: 0.01 }, 'function', 'function']);
        const required = sh(dir, process.execPath, [
          '--input-type=commonjs',
          '-e',
          "const { evaluate } = require('activation-figures'); console.log(JSON.stringify(evaluate('sigmoid', 0)))",
        ]);
        expect(required.stderr).toBe('');
        expect(JSON.parse(required.stdout)).toEqual({ y: 0.5, dy: 0.25 });
      });
    });
  }
});

describe('one folder, several configs', () => {
  it('two lectures build into one folder; neither loses a file, each check judges its own figures', () => {
    for (const [lecture, ids] of [
      ['lecture1', ['l1-sigmoid', 'l1-relu']],
      ['lecture2', ['l2-tanh']],
    ] as const) {
      mkdirSync(join(esm, lecture), { recursive: true });
      const figures = ids.map((id) => figure(id, id.split('-')[1]));
      writeFileSync(
        join(esm, lecture, 'figures.config.mjs'),
        `export default ${JSON.stringify({ outDir: '../shared', formats: ['svg'], figures })};\n`,
      );
    }
    const b1 = actfig(join(esm, 'lecture1'), 'build');
    expect(b1.code, b1.stderr).toBe(0);
    const b2 = actfig(join(esm, 'lecture2'), 'build');
    expect(b2.code, b2.stderr).toBe(0);
    expect(b2.stdout).toMatch(/0 removed/);
    const files = readdirSync(join(esm, 'shared'));
    for (const id of ['l1-sigmoid', 'l1-relu', 'l2-tanh']) expect(files).toContain(`${id}.svg`);
    // The gallery shows every figure of the folder.
    const html = readFileSync(join(esm, 'shared/index.html'), 'utf8');
    for (const id of ['l1-sigmoid', 'l1-relu', 'l2-tanh']) expect(html).toContain(`id="fig-${id}"`);
    // Rebuilding lecture 1 (no change) keeps lecture 2's figures; each check is green.
    expect(actfig(join(esm, 'lecture1'), 'build').stdout).toMatch(/0 rendered, 2 unchanged, 0 removed/);
    expect(readdirSync(join(esm, 'shared'))).toContain('l2-tanh.svg');
    expect(actfig(join(esm, 'lecture1'), 'check').code).toBe(0);
    expect(actfig(join(esm, 'lecture2'), 'check').code).toBe(0);
    // An id claimed by both configs is an error naming the other config.
    writeFileSync(
      join(esm, 'lecture2/figures.config.mjs'),
      `export default ${JSON.stringify({ outDir: '../shared', formats: ['svg'], figures: [figure('l1-relu')] })};\n`,
    );
    const clash = actfig(join(esm, 'lecture2'), 'build');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(
      new RegExp(
        /^figures\.config\.mjs: figures\[0\]\.id: "l1-relu" is also made by /.source +
          /\.\.\/lecture1\/figures\.config\.mjs in .*shared/.source,
      ),
    );
  });

  it('--formats png re-renders PNGs and leaves SVG and PDF as they are; check stays green', () => {
    const dir = join(esm, 'narrow');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'figures.config.json'),
      JSON.stringify({ formats: ['png', 'svg', 'pdf'], figures: [figure('n1'), figure('n2', 'tanh')] }),
    );
    expect(actfig(dir, 'build').code).toBe(0);
    const before = snapshot(join(dir, 'figures'));
    const r = actfig(dir, 'build', '--formats', 'png', '--force');
    expect(r.code, r.stderr).toBe(0);
    const after = snapshot(join(dir, 'figures'));
    for (const name of ['n1.svg', 'n1.pdf', 'n2.svg', 'n2.pdf']) expect(after[name]).toEqual(before[name]);
    expect(actfig(dir, 'check').code).toBe(0);
  });
});

describe('the command line in a course repository', () => {
  const initTitle =
    'init writes a config, scripts and a workflow; a second init overwrites nothing; then build and check pass';
  it(initTitle, () => {
    const dir = join(base, 'course-init');
    mkdirSync(dir);
    expect(sh(dir, 'npm', ['init', '-y']).code).toBe(0);
    symlinkSync(join(cjs, 'node_modules'), join(dir, 'node_modules'));
    const first = actfig(dir, 'init');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/wrote figures\.config\.mjs/);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.scripts).toMatchObject({ figures: 'actfig build', 'figures:check': 'actfig check' });
    expect(readFileSync(join(dir, '.github/workflows/figures.yml'), 'utf8')).toMatch(/npx actfig check/);
    const files = ['package.json', 'figures.config.mjs', '.github/workflows/figures.yml'];
    const state = () => files.map((f) => [readFileSync(join(dir, f), 'utf8'), statSync(join(dir, f)).mtimeMs]);
    const before = state();
    const second = actfig(dir, 'init');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/wrote/);
    expect(state()).toEqual(before);
    expect(actfig(dir, 'build').code).toBe(0);
    expect(actfig(dir, 'check').code).toBe(0);
  });

  it('prints --version, --help and every command --help with its options and an example', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(actfig(cjs, '--version').stdout).toContain(pkg.version);
    const help = actfig(cjs, '--help');
    expect(help.code).toBe(0);
    for (const command of ['build', 'check', 'spec', 'eval', 'list', 'init', 'setup-system']) {
      expect(help.stdout).toContain(command);
      const r = actfig(cjs, command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage:/);
      expect(r.stdout).toMatch(/Examples:/);
    }
    expect(actfig(cjs, 'build', '-h').stdout).toMatch(/--formats <list>/);
  });

  it('ends quietly when the reader closes the pipe', () => {
    const r = sh(cjs, 'bash', [
      '-o',
      'pipefail',
      '-c',
      'npx --no-install actfig eval sigmoid --min -10 --max 10 --samples 200000 | head -2',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'z,y,dy',
      expect.stringMatching(/^-10,0\.0000453978\d+,0\.0000453958\d+$/),
      '',
    ]);
  });

  it('a config with a syntax error, a failing import or a throw: one line with file, line and column, exit 2', () => {
    const dir = join(base, 'course-errors');
    mkdirSync(dir);
    symlinkSync(join(cjs, 'node_modules'), join(dir, 'node_modules'));
    const cases: [string, string, RegExp][] = [
      ['syntax.ts', 'export default {\n  figures: [,,\n  oops oops\n};\n', /^syntax\.ts:3:\d+: syntax error: /],
      [
        'import.mjs',
        "import x from './nowhere.mjs';\nexport default x;\n",
        /^import\.mjs: an import failed: .*nowhere/,
      ],
      [
        'throws.cjs',
        "throw new TypeError('no figures today');\n",
        /^throws\.cjs: the config threw: TypeError: no figures today\n$/,
      ],
      ['bad.json', '{\n  "figures": [\n    { "id": "a", }\n  ]\n}\n', /^bad\.json:3:\d+: not valid JSON/],
    ];
    for (const [file, text, message] of cases) {
      writeFileSync(join(dir, file), text);
      const r = actfig(dir, 'build', '--config', file);
      expect(r.code, `${file}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
