// A course repository as the README sets it up, on a fresh CI runner: the package vendored by
// `npm run vendor` (scripts/vendor.mjs) as file:vendor/activation-figures-<version>.tgz, two lectures whose
// configs share one output folder, built with one command and committed; then a `git clone` installed by
// `npm ci --ignore-scripts` with an empty npm cache (canvas not built) checks them with a quoted glob.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './cli.ts';
import { tempDir } from './tmp.ts';

const base = tempDir('actfig-fresh-');
const course = join(base, 'course');
const clone = join(base, 'clone');
const GLOB = 'lectures/*/figures.config.ts';

function sh(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const quiet = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...quiet, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const git = (cwd: string, ...args: string[]) =>
  sh(cwd, 'git', [
    '-c',
    'user.name=Lecturer',
    '-c',
    'user.email=l@example.org',
    '-c',
    'init.defaultBranch=main',
    ...args,
  ]);

const lecture = (activation: string) =>
  "import { defineConfig } from 'activation-figures';\n" +
  "export default defineConfig({ outDir: '../../figures', formats: ['svg', 'png'], figures: [\n" +
  `  { id: 'fig-${activation}', grid: { min: -2, max: 2, samples: 21 },\n` +
  `    panels: [{ activation: '${activation}' }] },\n` +
  ']});\n';

beforeAll(() => {
  mkdirSync(course, { recursive: true });
  expect(sh(course, 'npm', ['init', '-y']).code).toBe(0);
  expect(git(course, 'init', '-q').code).toBe(0);
  writeFileSync(join(course, '.gitignore'), 'node_modules/\n');
  // npm pack without `prepare`: dist/ is built already, and rebuilding it would pull it from under the tests
  // running beside this one.
  const vendored = sh(root, 'npm', ['run', '--silent', 'vendor', '--', course], { npm_config_ignore_scripts: 'true' });
  expect(vendored.code, vendored.stderr).toBe(0);
  for (const [n, activation] of [
    ['01', 'relu'],
    ['02', 'tanh'],
  ]) {
    mkdirSync(join(course, 'lectures', n), { recursive: true });
    writeFileSync(join(course, 'lectures', n, 'figures.config.ts'), lecture(activation));
  }
  // One command builds both. It runs this repository's actfig, the same version as the vendored one, whose
  // canvas is compiled: the course's own was installed without scripts (compiling it twice would double the
  // test's time); the check below runs the course's own install.
  const built = sh(course, process.execPath, [join(root, 'bin/actfig.js'), 'build', '--config', GLOB]);
  expect(built.code, built.stderr).toBe(0);
  expect(git(course, 'add', '-A').code).toBe(0);
  expect(git(course, 'commit', '-qm', 'figures').code).toBe(0);
  expect(git(base, 'clone', '-q', course, clone).code).toBe(0);
}, 600_000);

describe('a course repository on a fresh runner', () => {
  it('vendors the tarball as file:vendor/…tgz, in package.json and the lockfile', () => {
    const pkg = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8'));
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const tarball = `vendor/activation-figures-${version}.tgz`;
    expect(pkg.dependencies['activation-figures']).toBe(`file:${tarball}`);
    const lock = JSON.parse(readFileSync(join(clone, 'package-lock.json'), 'utf8'));
    expect(lock.packages['node_modules/activation-figures'].resolved).toBe(`file:${tarball}`);
    expect(readdirSync(join(clone, 'vendor'))).toEqual([tarball.slice('vendor/'.length)]);
  });

  it('installs from a clone with an empty npm cache, and check runs with canvas not built', () => {
    const cache = join(base, 'empty-cache');
    mkdirSync(cache);
    const ci = sh(clone, 'npm', ['ci', '--ignore-scripts', '--cache', cache]);
    expect(ci.code, ci.stderr).toBe(0);
    expect(existsSync(join(clone, 'node_modules/canvas/build'))).toBe(false);
    const check = () => sh(clone, 'npx', ['--no-install', 'actfig', 'check', '--config', GLOB]);
    const current = check();
    expect(current.code, current.stdout + current.stderr).toBe(0);
    expect(current.stdout).toMatch(/^ {2}lectures\/02\/figures\.config\.ts: current/m);
    // The gallery of the shared folder has a section per lecture.
    const gallery = readFileSync(join(clone, 'figures/index.html'), 'utf8');
    const headings = [...gallery.matchAll(/<section class="config" id="[^"]+">\n<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual(['lectures/01/figures.config.ts', 'lectures/02/figures.config.ts']);
    writeFileSync(join(clone, 'lectures/02/figures.config.ts'), lecture('tanh').replace('max: 2', 'max: 3'));
    const stale = check();
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/^ {2}lectures\/01\/figures\.config\.ts: current/m);
    // A build there needs canvas, and says how to get it.
    const build = sh(clone, 'npx', ['--no-install', 'actfig', 'build', '--config', 'lectures/02/figures.config.ts']);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('failed: canvas is not built (installed with --ignore-scripts?): ');
    expect(build.stderr).toContain(': run npx actfig setup-system && npm rebuild canvas; actfig check needs no canvas');
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(stale.stdout).toMatch(
      /^ {2}lectures\/02\/figures\.config\.ts: stale .*--config lectures\/02\/figures\.config\.ts$/m,
    );
  }, 600_000);
});
