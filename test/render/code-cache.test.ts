// vega and vega-lite from dist/render/vendor.cjs with a V8 code cache (src/render/code-cache.ts) must
// render exactly what the ESM imports render, and a cache that is missing, damaged, refused or cannot
// be written must cost time only. Everything runs in child processes on the built package (npm test
// builds first), each with its own cache folder (ACTFIG_CODE_CACHE_DIR).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actfig, root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const base = tempDir('actfig-code-cache-');

const figures = [
  {
    id: 'two-panels',
    caption: 'Sigmoid and ReLU.',
    grid: { min: -10, max: 10, samples: 400 },
    panels: [{ activation: 'sigmoid' }, { activation: 'relu', color: '#008000' }],
  },
  {
    id: 'overlay',
    kind: 'derivatives-overlay',
    activations: ['sigmoid', 'tanh', 'relu'],
    grid: { min: -10, max: 10, samples: 401 },
  },
  {
    id: 'depth',
    kind: 'vanishing-gradient-depth',
    activations: ['sigmoid', 'relu'],
    depth: 8,
    units: 16,
    batch: 4,
    seed: 0,
  },
  { id: 'saturation', grid: { min: -7, max: 7, samples: 281 }, panels: [{ activation: 'tanh', saturation: true }] },
];
// The hues pinned: a build of some of the figures colours each activation as the build of all does.
const config = {
  outDir: 'figures',
  formats: ['png', 'svg', 'pdf'],
  png: { scale: 2 },
  hues: ['sigmoid', 'relu', 'tanh'],
  figures,
};

/** A folder with the config in it: outDir and every path the build writes are the same in each. */
function project(name: string, only?: string[]): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  const chosen = only ? figures.filter((f) => only.includes(f.id)) : figures;
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, figures: chosen }));
  return dir;
}

type Status = { state: string; vendor?: string; cache?: string; saved?: string } | null;

/**
 * Builds a project's figures in one child process (no pool), through the public API, and returns the
 * code cache's status there. `cache` is ACTFIG_CODE_CACHE_DIR; '0' turns the cache off. loadOnly: load
 * the bundle and write its cache, render nothing.
 */
function buildInProcess(
  dir: string,
  cache: string,
  { loadOnly = false, codeCacheModule = join(root, 'dist/render/code-cache.js') } = {},
) {
  const codeCache = JSON.stringify(pathToFileURL(codeCacheModule).href);
  const script = `
    const url = (p) => ${JSON.stringify(pathToFileURL(root).href)} + p;
    const { build } = await import(url('dist/index.js'));
    const { runJob } = await import(url('dist/build/job.js'));
    const { loadVendor, saveCodeCache, codeCacheStatus } = await import(${codeCache});
    if (${loadOnly}) {
      loadVendor();
      saveCodeCache();
    } else {
      await build('config.json', { force: true, runner: { run: runJob, close: async () => {} } });
    }
    console.log(JSON.stringify(codeCacheStatus() ?? null));
  `;
  const env: NodeJS.ProcessEnv = { ...process.env, ACTFIG_CODE_CACHE_DEBUG: '' };
  if (cache === '0') env.ACTFIG_CODE_CACHE = '0';
  else {
    delete env.ACTFIG_CODE_CACHE;
    env.ACTFIG_CODE_CACHE_DIR = cache;
  }
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8', env });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Status;
}

/** Every file a build wrote, by name, as base64. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, 'figures')).sort()) {
    out[name] = readFileSync(join(dir, 'figures', name)).toString('base64');
  }
  return out;
}

/** A build of some of the figures wrote each of their files as the reference build did. */
function expectReference(dir: string) {
  const made = Object.entries(files(dir)).filter(([name]) => !/^(manifest\.json|index\.html|gallery\.css)$/.test(name));
  expect(made.length).toBeGreaterThan(0);
  for (const [name, bytes] of made) expect(bytes, name).toBe(reference[name]);
}

const cacheFile = (dir: string) => {
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.v8cache')) : [];
  expect(names).toHaveLength(1);
  return join(dir, names[0]);
};

let reference: Record<string, string>;

beforeAll(() => {
  // The reference: vega and vega-lite imported as ESM, as before the bundle.
  const dir = project('plain');
  expect(buildInProcess(dir, '0')).toEqual({ state: 'off' });
  reference = files(dir);
  expect(Object.keys(reference).filter((n) => /\.(png|svg|pdf)$/.test(n))).toHaveLength(figures.length * 3);
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the code cache', { timeout: 180_000 }, () => {
  const cache = join(base, 'cache');

  it('renders every file byte for byte as the ESM imports do, writes the cache after a render, then uses it', () => {
    const first = project('first');
    const a = buildInProcess(first, cache);
    expect(a?.state).toBe('missing');
    expect(a?.saved).toBe(cacheFile(cache));
    expect(files(first)).toEqual(reference);

    const second = project('second');
    const b = buildInProcess(second, cache);
    // V8 took the cache: script.cachedDataRejected was false.
    expect(b?.state).toBe('accepted');
    expect(b?.cache).toBe(cacheFile(cache));
    expect(b?.saved).toBeUndefined();
    expect(files(second)).toEqual(reference);
  });

  // The pool's processes get no environment from tinypool unless pool.ts passes it (env: process.env):
  // until then they use the bundle and the cache in node_modules/.cache whatever ACTFIG_CODE_CACHE says,
  // so each run's images are also compared with the reference's (ESM imports).
  it('renders the same through the actfig command, in-process (1 figure) and in a pool of processes (4)', () => {
    for (const [name, only] of [
      ['cli-one', ['overlay']],
      ['cli-pool', undefined],
    ] as const) {
      const outputs = ['0', undefined].map((setting) => {
        const dir = project(`${name}-${setting ?? 'cached'}`, only && [...only]);
        const r = actfig(['build', '--config', 'config.json', '--force', '--jobs', '2'], {
          cwd: dir,
          env: { ACTFIG_CODE_CACHE: setting, ACTFIG_CODE_CACHE_DIR: cache },
        });
        expect(r.code, r.stderr).toBe(0);
        return files(dir);
      });
      expect(outputs[1]).toEqual(outputs[0]);
      // and each figure's images are the reference's
      for (const [file, bytes] of Object.entries(outputs[1])) {
        if (/\.(png|svg|pdf)$/.test(file)) expect(bytes, file).toBe(reference[file]);
      }
    }
  });

  it('ignores a damaged cache file and writes a good one', () => {
    const dir = join(base, 'damaged-cache');
    const plain = project('damaged-seed', ['two-panels']);
    buildInProcess(plain, dir);
    const file = cacheFile(dir);
    const good = readFileSync(file);
    // garbage; a truncated cache; and a whole-length one with a damaged body, which V8 itself would
    // not notice (it checks the header) and crash on
    const damagedBody = Buffer.from(good);
    for (let i = 0; i < 256; i++) damagedBody[Math.floor(good.length / 2) + i] ^= 0x5a;
    for (const [name, bytes] of [
      ['garbage', Buffer.from('garbage')],
      ['truncated', good.subarray(0, good.length >> 1)],
      ['damaged', damagedBody],
    ] as const) {
      writeFileSync(file, bytes);
      const p = project(`damaged-${name}`, ['overlay']);
      const s = buildInProcess(p, dir);
      expect(s?.state, name).toBe('corrupt');
      expect(s?.saved, name).toBe(file);
      expectReference(p);
      expect(buildInProcess(project(`damaged-${name}-after`, ['two-panels']), dir)?.state, name).toBe('accepted');
    }
  });

  it('takes a cache V8 refuses as none and writes a good one', () => {
    const dir = join(base, 'refused-cache');
    buildInProcess(project('refused-seed', ['two-panels']), dir);
    const file = cacheFile(dir);
    // A checksum that matches, around V8 data that is not a cache (its header's magic number is wrong).
    const bytes = readFileSync(file);
    const bad = Buffer.from(bytes.subarray(64));
    bad.writeUInt32LE(bad.readUInt32LE(0) ^ 0xffffffff, 0);
    writeFileSync(file, Buffer.concat([createHash('sha256').update(bad).digest(), bytes.subarray(32, 64), bad]));
    const p = project('refused', ['depth']);
    const s = buildInProcess(p, dir);
    expect(s?.state).toBe('rejected');
    expect(s?.saved).toBe(file);
    expectReference(p);
    expect(buildInProcess(project('refused-after', ['two-panels']), dir)?.state).toBe('accepted');
  });

  it('renders when the cache folder cannot be written', () => {
    // A folder inside a regular file cannot be made, not even by root.
    const blocker = join(base, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const p = project('unwritable', ['saturation']);
    const s = buildInProcess(p, join(blocker, 'cache'));
    expect(s?.state).toBe('missing');
    expect(s?.saved).toBeUndefined();
    expectReference(p);
  });

  it('keeps the last few caches in its folder', () => {
    const dir = join(base, 'pruned-cache');
    mkdirSync(dir);
    const old = ['a', 'b', 'c', 'd', 'e'].map((c, i) => {
      const file = join(dir, `vendor-${c.repeat(32)}.v8cache`);
      writeFileSync(file, 'old');
      utimesSync(file, 1_000_000 + i, 1_000_000 + i);
      return file;
    });
    writeFileSync(join(dir, 'other-file.json'), '{}');
    const s = buildInProcess(base, dir, { loadOnly: true });
    expect(s?.saved).toBeDefined();
    // the new one and the three written last
    expect(readdirSync(dir).sort()).toEqual(
      ['other-file.json', ...old.slice(2).map((f) => f.slice(dir.length + 1)), s!.saved!.slice(dir.length + 1)].sort(),
    );
  });

  it.skipIf(process.getuid?.() === 0)('renders when the cache folder is read-only', () => {
    const dir = mkdtempSync(join(base, 'read-only-'));
    spawnSync('chmod', ['0555', dir]);
    const p = project('read-only', ['saturation']);
    const s = buildInProcess(p, dir);
    expect(s?.state).toBe('missing');
    expect(s?.saved).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    expectReference(p);
    spawnSync('chmod', ['0755', dir]);
  });

  it('is not used when the bundle was made from other package versions than those installed', () => {
    // A copy of the bundle below the repository, so that Node finds the repository's node_modules from it.
    const copy = mkdtempSync(join(root, 'node_modules/.cache/actfig-code-cache-test-'));
    const cacheDir = join(base, 'copy-cache');
    const render = join(copy, 'render');
    const load = () =>
      buildInProcess(base, cacheDir, { loadOnly: true, codeCacheModule: join(render, 'code-cache.js') });
    try {
      // The module with the modules it imports, in the same layout as dist/.
      mkdirSync(render);
      mkdirSync(join(copy, 'output'));
      for (const name of ['code-cache.js', 'vendor.cjs', 'vendor.json']) {
        copyFileSync(join(root, 'dist/render', name), join(render, name));
      }
      for (const name of ['cache-dir.js', 'files.js'])
        copyFileSync(join(root, 'dist/output', name), join(copy, 'output', name));
      // files.js names what it could not write with a UserError.
      copyFileSync(join(root, 'dist/errors.js'), join(copy, 'errors.js'));
      expect(load()?.state).toBe('missing');
      expect(load()?.state).toBe('accepted');
      // Another vega installed nearer the bundle than the one it was made from: not used, cache or not.
      const manifest = JSON.parse(readFileSync(join(render, 'vendor.json'), 'utf8'));
      const vega = join(copy, 'node_modules/vega');
      mkdirSync(vega, { recursive: true });
      writeFileSync(join(vega, 'package.json'), JSON.stringify({ name: 'vega', version: '0.0.0' }));
      expect(load()?.state).toBe('stale');
      writeFileSync(join(vega, 'package.json'), JSON.stringify({ name: 'vega', version: manifest.packages.vega }));
      expect(load()?.state).toBe('accepted');
      rmSync(join(copy, 'node_modules'), { recursive: true });
      // A bundle that says it holds other versions, or a package not installed.
      for (const [name, version] of [
        ['vega', '0.0.0'],
        ['d3-array', '0.0.0'],
        ['vega-lite/node_modules/vega-expression', '0.0.0'],
        ['no-such-package', '1.0.0'],
      ]) {
        writeFileSync(
          join(render, 'vendor.json'),
          JSON.stringify({ packages: { ...manifest.packages, [name]: version } }),
        );
        expect(load()?.state, name).toBe('stale');
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
