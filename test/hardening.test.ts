// The "Hardening" issue, item by item: each test reproduces the original problem through the real CLI and
// asserts the behaviour now promised (one line on stderr naming the thing, the exit code, nothing written).
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../src/output/manifest.ts';
import { buildSite } from '../src/site/gallery.ts';
import { actfig } from './cli.ts';
import { tempDir } from './tmp.ts';

const grid = { min: -3, max: 3, samples: 31 };
const fig = (id: string, activation = 'relu') => ({ id, grid, panels: [{ activation }] });

/** A project folder with `c.json` (outDir "out", PNG and SVG unless said otherwise) and the CLI run in it. */
function project(config: object = {}, from?: string) {
  const dir = tempDir();
  const out = join(dir, 'out');
  const write = (c: object) =>
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({ outDir: 'out', formats: ['png', 'svg'], figures: [fig('a')], ...c }),
    );
  if (from) cpSync(from, dir, { recursive: true });
  else write(config);
  const run = (args: string[], env?: NodeJS.ProcessEnv) => actfig(args, { cwd: dir, ...(env && { env }) });
  return {
    dir,
    out,
    write,
    run,
    build: (...args: string[]) => run(['build', '--config', 'c.json', ...args]),
    check: (...args: string[]) => run(['check', '--config', 'c.json', ...args]),
  };
}

/** The default project, built once: `built()` copies it (a build costs a second or two, a copy nothing). */
let template: string;
beforeAll(() => {
  const p = project();
  expect(p.build().code).toBe(0);
  template = p.dir;
});
const built = () => project({}, template);

/** Every file under `dir` (recursively) with its bytes and modification time, to prove a command left it alone. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) files[entry.name] = `link to ${readlinkSync(path)}`;
    else if (entry.isDirectory()) for (const [k, v] of Object.entries(tree(path))) files[`${entry.name}/${k}`] = v;
    else files[entry.name] = `${statSync(path).mtimeMs} ${readFileSync(path).toString('base64')}`;
  }
  return files;
}

/** stderr is exactly one line (no stack trace); returns it. */
function oneLine(stderr: string): string {
  expect(stderr).toMatch(/^[^\n]+\n$/);
  expect(stderr).not.toMatch(/^\s+at /m);
  return stderr.trimEnd();
}

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Replaces a file of the output folder and updates its bytes and sha256 in manifest.json, as an attacker would. */
function replaceRecorded(out: string, name: string, data: string | Buffer): void {
  const bytes = Buffer.from(data);
  writeFileSync(join(out, name), bytes);
  const path = join(out, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const records = [...manifest.figures.flatMap((f: { files: object[] }) => f.files), ...(manifest.site?.files ?? [])];
  const record = records.find((f: { name: string }) => f.name === name);
  expect(record, `${name} is in the manifest`).toBeDefined();
  Object.assign(record, { bytes: bytes.length, sha256: sha(bytes) });
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

describe('check --render (item 4)', () => {
  it('a figure replaced with its manifest record updated: plain check passes (documented), --render names it', () => {
    const p = built();
    const ok = p.check('--render');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(
      'out is current: 1 figures match c.json; 1 figures re-rendered and compared byte for byte\n',
    );
    // A valid PNG, different bytes.
    const other = new PNG({ width: 2, height: 2 });
    other.data.fill(255);
    replaceRecorded(p.out, 'a.png', PNG.sync.write(other));
    const before = tree(p.dir);
    expect(p.check().code).toBe(0); // plain check trusts the manifest: the documented limitation
    const r = p.check('--render');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  modified out/a.png: differs from what the build makes now');
    expect(r.stdout.match(/^ {2}\S/gm)).toHaveLength(1); // nothing else is named
    expect(r.stdout).toContain('fix: npx actfig build --force --config c.json');
    expect(tree(p.dir)).toEqual(before); // check writes nothing, also with --render
    // The fix it names works.
    expect(p.build('--force').code).toBe(0);
    expect(p.check('--render').code).toBe(0);
  });

  it('index.html with a <script> payload and a matching manifest record: check --render fails naming it', () => {
    const p = built();
    const page = readFileSync(join(p.out, 'index.html'), 'utf8');
    replaceRecorded(p.out, 'index.html', page.replace('</body>', '<script>alert(1)</script>\n</body>'));
    expect(p.check().code).toBe(0);
    const r = p.check('--render');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  modified out/index.html: differs from what the build makes now');
    expect(r.stdout.match(/^ {2}\S/gm)).toHaveLength(1);
  });

  it('a gallery made from a manifest with edited title, alt text and width: --render names it', async () => {
    const p = built();
    const path = join(p.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    Object.assign(manifest.figures[0], { title: 'Not what the config says', alt: 'A wrong description', width: 99 });
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    // The page is exactly what the gallery code makes from that manifest, and recorded as such.
    const pages = buildSite((await readManifest(p.out))!, p.out);
    replaceRecorded(p.out, 'index.html', pages['index.html']);
    expect(p.check().code).toBe(0);
    const r = p.check('--render');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  modified out/index.html: differs from what the build makes now');
  });
});

describe('the manifest never reaches the gallery unchecked', () => {
  it('a manifest width of `100" onload="alert(1)` is dropped: the rebuilt index.html has no onload', () => {
    const p = built();
    const path = join(p.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    manifest.figures[0].width = '100" onload="alert(1)';
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    rmSync(join(p.out, 'index.html')); // the build rewrites the gallery from the manifest's entries, rendering nothing
    const r = p.build();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 rendered, 1 unchanged/);
    const page = readFileSync(join(p.out, 'index.html'), 'utf8');
    expect(page).not.toContain('onload');
    expect(page).not.toContain('alert(1)');
    for (const [, w] of page.matchAll(/ width="([^"]*)"/g)) expect(w).toMatch(/^\d+$/);
  });
});

describe('a build never overwrites what is not its own', () => {
  const foreign: [string, string][] = [
    ['index.html', '<p>my own page</p>'],
    ['gallery.css', 'body { color: red }'],
    ['manifest.json', '{"name": "my own manifest"}'],
    ['a.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ];
  it.each(foreign)('an output folder with its own %s: exit 2, one line naming it, the file untouched', (name, text) => {
    const p = project();
    mkdirSync(p.out);
    writeFileSync(join(p.out, name), text);
    const before = tree(p.dir);
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain(join(p.out, name));
    expect(tree(p.dir)).toEqual(before);
  });

  it('--out / is refused with exit 2 and one line', () => {
    const p = project();
    const r = p.build('--out', '/');
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/root folder/);
    expect(existsSync('/.actfig.lock')).toBe(false);
    expect(existsSync('/manifest.json')).toBe(false);
  });

  it('--out $HOME is refused with exit 2 and one line, the home folder untouched', () => {
    const p = project();
    const home = tempDir('actfig-home-');
    writeFileSync(join(home, 'notes.md'), 'mine');
    const before = tree(home);
    const r = p.run(['build', '--config', 'c.json', '--out', home], { HOME: home });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/home folder/);
    expect(tree(home)).toEqual(before);
  });

  it("the config's own folder (outDir '.') is refused with exit 2 and one line, the folder untouched", () => {
    const p = project({ outDir: '.' });
    const before = tree(p.dir);
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/config's own folder/);
    expect(tree(p.dir)).toEqual(before);
  });

  it('a refused folder (home, config folder) keeps even a file named like a build temporary file', () => {
    const home = tempDir('actfig-home-');
    writeFileSync(join(home, '.draft.md.1234.abcdef01.tmp'), 'mine');
    const p = project({ outDir: '.' });
    writeFileSync(join(p.dir, '.notes.txt.1234.abcdef01.tmp'), 'mine');
    const homeBefore = tree(home);
    const before = tree(p.dir);
    expect(p.run(['build', '--config', 'c.json', '--out', home], { HOME: home }).code).toBe(2);
    expect(p.build().code).toBe(2);
    expect(tree(home)).toEqual(homeBefore);
    expect(tree(p.dir)).toEqual(before);
  });
});

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

  it.each([
    ['formats: []', []],
    ['formats listed twice', ['svg', 'svg']],
  ])('config %s: exit 2, one line naming formats, existing images untouched', (_, formats) => {
    const p = built();
    p.write({ formats });
    const before = tree(p.dir);
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^c\.json: formats/);
    expect(tree(p.dir)).toEqual(before);
  });
});

describe('a broken config makes check exit 2, not 1', () => {
  it.each([
    ['a JSON syntax error', '{"figures": [{"id": "a",'],
    ['an unknown activation', JSON.stringify({ figures: [{ id: 'a', grid, panels: [{ activation: 'relux' }] }] })],
    ['an unknown key', JSON.stringify({ figures: [fig('a')], outdir: 'x' })],
  ])('%s: exit 2, one line naming c.json, no stack', (_, text) => {
    const p = project();
    writeFileSync(join(p.dir, 'c.json'), text);
    const r = p.check();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(/^c\.json/);
  });
});

describe('unusable output paths: exit 2 and one line naming the path, at once', () => {
  const refused = (p: ReturnType<typeof project>, out: string) => {
    const started = Date.now();
    const r = p.build('--out', out);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return oneLine(r.stderr);
  };

  it('a regular file', () => {
    const p = project();
    writeFileSync(join(p.dir, 'taken'), 'a file');
    expect(refused(p, 'taken')).toContain(join(p.dir, 'taken'));
    expect(readFileSync(join(p.dir, 'taken'), 'utf8')).toBe('a file');
  });

  it('a dangling symbolic link (its target is not created)', () => {
    const p = project();
    symlinkSync(join(p.dir, 'nowhere'), join(p.dir, 'dangling'));
    expect(refused(p, 'dangling')).toContain(join(p.dir, 'dangling'));
    expect(existsSync(join(p.dir, 'nowhere'))).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)(
    'a read-only folder (chmod 555; skipped when run as root, where chmod does not stop writes)',
    () => {
      const p = project();
      const locked = join(p.dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      try {
        expect(refused(p, 'locked')).toContain(locked);
        expect(readdirSync(locked)).toEqual([]);
      } finally {
        chmodSync(locked, 0o755);
      }
    },
  );

  it('a name longer than 255 characters', () => {
    const p = project();
    const name = 'x'.repeat(300);
    expect(refused(p, name)).toContain(name);
  });

  it('/proc/x', () => {
    const p = project();
    expect(refused(p, '/proc/x')).toContain('/proc/x');
  });
});

describe('numbers: no NaN or Infinity, no hexadecimal, no date past year 9999', () => {
  it('eval relu --min -1e308 --max 1e308 --samples 5: exit 2, nothing on stdout', () => {
    const r = actfig(['eval', 'relu', '--min', '-1e308', '--max', '1e308', '--samples', '5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(/--min|--max/);
  });

  it('SOURCE_DATE_EPOCH=99999999999999: build and check exit 2 with one line, nothing written', () => {
    const p = project();
    const env = { SOURCE_DATE_EPOCH: '99999999999999' };
    for (const command of ['build', 'check']) {
      const r = p.run([command, '--config', 'c.json'], env);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(/^SOURCE_DATE_EPOCH: /);
    }
    expect(existsSync(p.out)).toBe(false);
  });

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

describe('the manifest cannot be turned against the folder', () => {
  it("an entry of a figure no longer in the config that lists a live figure's files: the build keeps them", () => {
    const p = built();
    const path = join(p.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    manifest.figures.push({ ...manifest.figures[0], id: 'gone' });
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    const live = Object.fromEntries(['a.svg', 'a.vl.json', 'a.csv'].map((n) => [n, readFileSync(join(p.out, n))]));
    const r = p.build();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 removed/);
    for (const [name, bytes] of Object.entries(live)) expect(readFileSync(join(p.out, name))).toEqual(bytes);
    expect(p.check().code).toBe(0);
  });

  it('a 65 MB manifest.json: build and check exit 2 with one line, the file untouched', () => {
    const p = project();
    mkdirSync(p.out);
    const path = join(p.out, 'manifest.json');
    const fd = openSync(path, 'w');
    writeSync(fd, '{"generator": "activation-figures 0.2.0", "figures": [], "padding": "');
    const chunk = Buffer.alloc(2 ** 20, 'x');
    for (let i = 0; i < 65; i++) writeSync(fd, chunk);
    writeSync(fd, '"}\n');
    closeSync(fd);
    const before = statSync(path);
    for (const r of [p.build(), p.check()]) {
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toContain(path);
    }
    const after = statSync(path);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(readdirSync(p.out)).toEqual(['manifest.json']);
  });
});

describe('odds and ends', () => {
  it('--formats svg,png and --formats png,svg give the same content keys: the second build renders nothing', () => {
    const p = project({ formats: ['png', 'svg'] });
    const q = project({ formats: ['png', 'svg'] });
    expect(p.build('--formats', 'svg,png').code).toBe(0);
    expect(q.build('--formats', 'png,svg').code).toBe(0);
    expect(readFileSync(join(p.out, 'manifest.json'), 'utf8')).toBe(readFileSync(join(q.out, 'manifest.json'), 'utf8'));
    const before = tree(p.dir);
    const r = p.build('--formats', 'png,svg');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 figures: 0 rendered, 1 unchanged, 0 removed, 0 failed; 0 files written/);
    expect(tree(p.dir)).toEqual(before);
  });

  it('actfig spec nosuch says `actfig spec: no figure "nosuch"`, not --only', () => {
    const p = project();
    const r = p.run(['spec', 'nosuch', '--config', 'c.json']);
    expect(r.code).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toMatch(/^actfig spec: no figure "nosuch"/);
    expect(line).not.toContain('--only');
  });

  it('config params {"__proto__": 1} is refused naming params.__proto__', () => {
    const p = project();
    writeFileSync(
      join(p.dir, 'c.json'),
      // As text: JSON.stringify would not write a "__proto__" key; JSON.parse makes it an own key.
      `{"outDir": "out", "figures": [{"id": "a", "grid": ${JSON.stringify(grid)}, ` +
        `"panels": [{"activation": "relu", "params": {"__proto__": 1}}]}]}`,
    );
    const r = p.build();
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/^c\.json: figures\[0\]\.panels\[0\]\.params\.__proto__/);
    expect(existsSync(p.out)).toBe(false);
  });

  it('a torn figure (a build killed between renames): check names it torn with exit 1; the next build heals it', () => {
    const p = built();
    writeFileSync(
      join(p.out, '.actfig.pending.json'),
      JSON.stringify({ id: 'a', files: [{ name: 'a.svg', sha256: sha('<svg>the new one</svg>') }] }),
    );
    writeFileSync(join(p.out, 'a.svg'), '<svg>the new one</svg>');
    const r = p.check();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}torn {5}out\/a\.svg: figure "a" was being written when a build stopped/m);
    expect(r.stdout.match(/^ {2}\S/gm)).toHaveLength(1);
    expect(p.build().code).toBe(0);
    expect(p.check().code).toBe(0);
    expect(existsSync(join(p.out, '.actfig.pending.json'))).toBe(false);
  });

  const deep = 'a depth figure whose gradient underflows (depth 500) is refused naming the depth, in the pool too';
  it(deep, () => {
    // With three figures the depth figure renders in a render process: the refusal keeps its one line.
    const other = (id: string) => ({ id, grid: { min: -1, max: 1, samples: 5 }, panels: [{ activation: 'relu' }] });
    for (const figures of [
      [{ id: 'deep', kind: 'vanishing-gradient-depth', depth: 500 }],
      [other('a'), other('b'), { id: 'deep', kind: 'vanishing-gradient-depth', depth: 500 }],
    ]) {
      const p = project({ figures });
      const r = p.build();
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toMatch(
        /^actfig build: figure "deep" failed: .*underflows to 0 at depth \d+ of 500.*use depth < \d+$/,
      );
      expect(existsSync(join(p.out, 'deep.vl.json'))).toBe(false);
    }
  });
});
