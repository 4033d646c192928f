// `actfig dev` as a user runs it: the compiled CLI in a project folder, its address read from its output,
// files fetched over HTTP, edits saved to the config and to what it imports, and Ctrl-C (SIGINT) or a
// service manager's SIGTERM to end it. Every wait is on the process's own output or on an event.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingMessage, request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { actfig, root } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const bin = join(root, 'bin/actfig.js');
const LOCK = '.actfig.lock';
const WAIT_MS = 90_000;
const CHROMIUM = '/usr/bin/chromium';

/** One small figure: a line of an activation, a few points, SVG only. */
const figure = (id: string, activation = 'relu', samples = 21, params?: object) => ({
  id,
  grid: { min: -2, max: 2, samples },
  panels: [{ activation, ...(params && { params }) }],
});
const jsonConfig = (figures: object[]) => JSON.stringify({ outDir: 'out', formats: ['svg'], figures });

/** A running `actfig dev`: its output as it comes, and waits on it. */
class Dev {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private waiters: (() => void)[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly dir: string,
    args: string[],
  ) {
    this.child = spawn(process.execPath, [bin, 'dev', '--port', '0', ...args], { cwd: dir, env: process.env });
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => this.add('stdout', s));
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => this.add('stderr', s));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => this.wake());
    running.add(this);
  }

  private add(stream: 'stdout' | 'stderr', text: string) {
    this[stream] += text;
    this.wake();
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until the stream's text from `from` on has a line matching `pattern`; returns the line. */
  async line(pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout', from = 0): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this[stream]
        .slice(from)
        .split('\n')
        .find((l) => pattern.test(l));
      if (found !== undefined) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null || Date.now() > deadline) {
        throw new Error(`no line matching ${pattern} on ${stream}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The address, once the first build is done and the server listens. */
  async url(): Promise<string> {
    const line = await this.line(/^actfig dev: serving /);
    return /(http:\/\/\S+\/)/.exec(line)![1];
  }

  /** Sends the signal; resolves with how the process ended and how long it took. */
  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }> {
    const started = Date.now();
    this.child.kill(signal);
    const { code } = await this.exited;
    running.delete(this);
    return { code, ms: Date.now() - started };
  }
}

const running = new Set<Dev>();
afterEach(() => {
  for (const dev of running) dev.child.kill('SIGKILL');
  running.clear();
});

interface Response {
  status: number;
  type: string | undefined;
  nosniff: string | undefined;
  body: Buffer;
}

/** A GET with the path sent exactly as written (fetch would resolve "/../x" itself), and the Host header given. */
function get(url: string, path: string, host?: string): Promise<Response> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // "": no Host header at all.
    const headers = host ? { Host: host } : {};
    const req = request({ host: hostname, port, path, method: 'GET', headers, setHost: host !== '' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          type: res.headers['content-type'],
          nosniff: res.headers['x-content-type-options'] as string | undefined,
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The reload event stream, open once the server has answered. */
async function events(url: string) {
  let text = '';
  const wakers: (() => void)[] = [];
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    httpGet(`${url}__actfig/events`, resolve).on('error', reject);
  });
  expect(res.headers['content-type']).toBe('text/event-stream');
  res.setEncoding('utf8');
  res.on('data', (s: string) => {
    text += s;
    for (const w of wakers.splice(0)) w();
  });
  let ended = false;
  const closed = new Promise<void>((resolve) =>
    res.on('close', () => {
      ended = true;
      for (const w of wakers.splice(0)) w();
      resolve();
    }),
  );
  const count = () => (text.match(/^event: reload$/gm) ?? []).length;
  return {
    count,
    closed,
    /** Waits until there have been `n` reload events in all. */
    async reloads(n: number) {
      const deadline = Date.now() + WAIT_MS;
      while (count() < n) {
        if (ended || Date.now() > deadline) throw new Error(`${count()} reload events of ${n}:\n${text}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1_000);
          wakers.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    destroy: () => res.destroy(),
  };
}

describe('actfig dev', () => {
  it('serves the gallery with its reload script, each file byte for byte, nothing outside the folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), jsonConfig([figure('one')]));
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
    const dev = new Dev(dir, ['--config', 'c.json']);
    const url = await dev.url();
    expect(dev.stdout).toMatch(/^built 1 figure in \d+\.\d\d s \(0 current\)$/m);
    expect(dev.stdout).toMatch(/^actfig dev: serving out\/ at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)$/m);
    const out = join(dir, 'out');

    const page = await get(url, '/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    const onDisk = readFileSync(join(out, 'index.html'), 'utf8');
    // The file itself is the build's; the response has the script before </body>.
    expect(onDisk).not.toContain('EventSource');
    const served = page.body.toString('utf8');
    expect(served).toMatch(/<script[^>]*>new EventSource\('\/__actfig\/events'\)[^<]*reload[^<]*<\/script><\/body>/);
    expect(served.replace(/<script data-actfig-dev>.*?<\/script>/, '')).toBe(onDisk);
    expect((await get(url, '/index.html')).body.toString('utf8')).toBe(served);

    const types: [string, string][] = [
      ['one.svg', 'image/svg+xml'],
      ['one.vl.json', 'application/json; charset=utf-8'],
      ['one.csv', 'text/csv; charset=utf-8'],
      ['gallery.css', 'text/css; charset=utf-8'],
      ['manifest.json', 'application/json; charset=utf-8'],
    ];
    for (const [name, type] of types) {
      const r = await get(url, `/${name}?v=1`);
      expect(r.status, name).toBe(200);
      expect(r.type, name).toBe(type);
      expect(r.body.equals(readFileSync(join(out, name))), name).toBe(true);
    }

    symlinkSync(join(dir, 'secret.txt'), join(out, 'link.txt'));
    const outside = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/one.svg/../../secret.txt',
      '/./../secret.txt',
      '/..\\secret.txt',
      '/%2e%2e%5csecret.txt',
      '//../secret.txt',
      '/link.txt',
      '/%00',
      '/%zz',
    ];
    for (const path of outside) {
      const r = await get(url, path);
      expect([400, 403, 404], path).toContain(r.status);
      expect(r.body.toString(), path).not.toContain('SECRET');
    }
    expect((await get(url, '/../secret.txt')).status).toBe(403);
    expect((await get(url, '/missing.svg')).status).toBe(404);
    expect((await get(url, `/${LOCK}`)).status).toBe(404);

    const { code, ms } = await dev.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(existsSync(join(out, LOCK))).toBe(false);
    expect(dev.stderr).toBe('');
  }, 180_000);

  it('answers only a Host of its own (a rebound name gets 403), and says nosniff on every response', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), jsonConfig([figure('one')]));
    const dev = new Dev(dir, ['--config', 'c.json']);
    const url = await dev.url();
    const { port } = new URL(url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const r = await get(url, '/one.csv', host);
      expect(r.status, host).toBe(200);
      expect(r.nosniff, host).toBe('nosniff');
    }
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${Number(port) + 1}`, '127.0.0.1']) {
      const r = await get(url, '/one.csv', host);
      expect(r.status, host).toBe(403);
      expect(r.nosniff, host).toBe('nosniff');
      expect(r.body.toString(), host).not.toContain('x,');
    }
    // No Host at all: node's server refuses it before the handler runs.
    expect((await get(url, '/one.csv', '')).status).toBe(400);
    const missing = await get(url, '/missing.svg');
    expect([missing.status, missing.nosniff]).toEqual([404, 'nosniff']);
    const events = await new Promise<IncomingMessage>((resolve, reject) => {
      httpGet(`${url}__actfig/events`, resolve).on('error', reject);
    });
    expect(events.headers['x-content-type-options']).toBe('nosniff');
    events.destroy();
    expect((await dev.stop('SIGTERM')).code).toBe(0);
    expect(dev.stderr).toBe('');
  }, 180_000);

  it('rebuilds on a save of the config or of what it imports, reloads pages, survives a broken save', async () => {
    const dir = tempDir();
    const write = (samples: number, formats = "['svg']") =>
      writeFileSync(
        join(dir, 'figures.config.ts'),
        "import { slope } from './params.ts';\n\n" +
          `export default {\n  outDir: 'out',\n  formats: ${formats},\n  figures: [\n` +
          `    { id: 'one', grid: { min: -2, max: 2, samples: ${samples} }, ` +
          "panels: [{ activation: 'leaky_relu', params: { negative_slope: slope } }] },\n  ],\n};\n",
      );
    const params = (slope: number) => writeFileSync(join(dir, 'params.ts'), `export const slope = ${slope};\n`);
    params(0.1);
    write(21);
    const dev = new Dev(dir, []);
    const url = await dev.url();
    const svg = () => readFileSync(join(dir, 'out/one.svg'));
    const served = async () => {
      const r = await get(url, '/one.svg');
      expect(r.status).toBe(200);
      expect(r.body.equals(svg())).toBe(true);
      return r.body;
    };
    const first = await served();
    const stream = await events(url);

    // A file the config imports.
    let mark = dev.stdout.length;
    params(0.3);
    await dev.line(/^rebuilt 1 figure in \d+\.\d\d s \(0 current\)$/, 'stdout', mark);
    await stream.reloads(1);
    const second = await served();
    expect(second.equals(first)).toBe(false);

    // The config itself.
    mark = dev.stdout.length;
    write(31);
    await dev.line(/^rebuilt 1 figure in /, 'stdout', mark);
    await stream.reloads(2);
    const third = await served();
    expect(third.equals(second)).toBe(false);

    // A broken save: one line on stderr naming the file, the last build still served, still watching.
    const errors = dev.stderr.length;
    writeFileSync(join(dir, 'figures.config.ts'), 'export default {\n  outDir: "out",\n  figures: [,,\n');
    const message = await dev.line(/figures\.config\.ts/, 'stderr', errors);
    expect(message).toMatch(/^figures\.config\.ts:\d+:\d+: syntax error: /);
    // (A save the watcher reports twice may print it twice, but never anything else.)
    for (const line of dev.stderr.slice(errors).trim().split('\n')) expect(line).toBe(message);
    expect((await served()).equals(third)).toBe(true);
    expect((await get(url, '/')).status).toBe(200);
    expect(stream.count()).toBe(2);

    // A config that parses but is wrong: its one line too.
    const wrong = dev.stderr.length;
    write(31, "['gif']");
    const invalid = await dev.line(/figures\.config\.ts/, 'stderr', wrong);
    expect(invalid).toMatch(/^figures\.config\.ts: formats/);
    for (const line of dev.stderr.slice(wrong).trim().split('\n')) expect(line).toBe(invalid);
    expect((await served()).equals(third)).toBe(true);

    // The next good save rebuilds.
    mark = dev.stdout.length;
    write(41);
    await dev.line(/^rebuilt 1 figure in /, 'stdout', mark);
    await stream.reloads(3);
    expect((await served()).equals(third)).toBe(false);
    expect(actfig(['check'], { cwd: dir }).code).toBe(0);

    const { code, ms } = await dev.stop('SIGINT');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(existsSync(join(dir, 'out', LOCK))).toBe(false);
    // The server closed the event stream as it ended.
    await stream.closed;
  }, 180_000);

  it('runs one build at a time: saves during a build ask for one more build after it', async () => {
    const dir = tempDir();
    const config = join(dir, 'c.json');
    writeFileSync(config, jsonConfig([figure('v0', 'gelu', 2001)]));
    const dev = new Dev(dir, ['--config', 'c.json']);
    const url = await dev.url();
    // Saves 150 ms apart (past the debounce), while the builds they start take longer than that.
    for (let i = 1; i <= 5; i++) {
      writeFileSync(config, jsonConfig([figure(`v${i}`, 'gelu', 2001 + i)]));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    // Each build reports one line; the folder ends as the last save asks.
    const ids = () =>
      (JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { figures: { id: string }[] }).figures.map(
        (f) => f.id,
      );
    let mark = 0;
    do {
      const line = await dev.line(/^rebuilt /, 'stdout', mark);
      mark = dev.stdout.indexOf(line, mark) + line.length;
      expect(dev.stderr).toBe('');
    } while (ids().join() !== 'v5');
    expect((await get(url, '/v5.svg')).status).toBe(200);
    // A second build of this process alongside the first would have waited for its lock, and said so.
    expect(dev.stdout).not.toMatch(/waiting/);
    expect(dev.stderr).toBe('');
    expect((await dev.stop('SIGINT')).code).toBe(0);
  }, 180_000);

  it('waits for a running build on SIGINT, leaving the folder as a build leaves it', async () => {
    const dir = tempDir();
    const figures = ['gelu', 'tanh', 'silu', 'mish'].map((a) => figure(a, a, 4001));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ outDir: 'out', formats: ['svg', 'png'], figures }));
    const dev = new Dev(dir, ['--config', 'c.json']);
    await dev.line(/^rendering 4 of 4 figures$/);
    const { code } = await dev.stop('SIGINT');
    expect(code).toBe(0);
    expect(dev.stdout).toMatch(/^built 4 figures in /m);
    expect(existsSync(join(dir, 'out', LOCK))).toBe(false);
    expect(actfig(['check', '--config', 'c.json'], { cwd: dir }).code).toBe(0);
  }, 180_000);

  it('serves and watches after a broken config at start, and builds on the first good save', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), '{ "outDir": "out", "figures": [');
    const dev = new Dev(dir, ['--config', 'c.json']);
    const url = await dev.url();
    expect(dev.stderr).toMatch(/^c\.json: not valid JSON: .*\n$/);
    expect((await get(url, '/')).status).toBe(404);
    const mark = dev.stdout.length;
    writeFileSync(join(dir, 'c.json'), jsonConfig([figure('one')]));
    await dev.line(/^built 1 figure in /, 'stdout', mark);
    expect((await get(url, '/')).status).toBe(200);
    expect((await get(url, '/one.svg')).body.equals(readFileSync(join(dir, 'out/one.svg')))).toBe(true);
    expect((await dev.stop('SIGTERM')).code).toBe(0);
  }, 180_000);

  it('exits 2 with one line for a missing config, a bad port, or a port in use', async () => {
    const dir = tempDir();
    const missing = actfig(['dev', '--config', 'nothere.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('nothere.json: config file not found\n');
    const none = actfig(['dev'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^no config: /);
    const port = actfig(['dev', '--port', '70000'], { cwd: dir });
    expect(port.code).toBe(2);
    expect(port.stderr).toBe('actfig dev: --port: must be a whole number from 0 to 65535, got "70000"\n');

    writeFileSync(join(dir, 'c.json'), jsonConfig([figure('one')]));
    const dev = new Dev(dir, ['--config', 'c.json']);
    const { port: taken } = new URL(await dev.url());
    const busy = actfig(['dev', '--config', 'c.json', '--port', taken], { cwd: dir });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toBe(
      `actfig dev: port ${taken} on 127.0.0.1 is in use; give another with --port (0: any free port)\n`,
    );
    expect((await dev.stop('SIGINT')).code).toBe(0);
  }, 180_000);

  it.skipIf(!existsSync(CHROMIUM))(
    'reloads a gallery open in Chromium when the config is saved',
    async () => {
      const { chromium } = await import('playwright-core');
      const dir = tempDir();
      writeFileSync(join(dir, 'c.json'), jsonConfig([figure('one')]));
      const dev = new Dev(dir, ['--config', 'c.json']);
      const url = await dev.url();
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
      try {
        const page = await browser.newPage();
        const connected = page.waitForResponse((r) => r.url().endsWith('/__actfig/events'), { timeout: WAIT_MS });
        await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
        await connected;
        expect(await page.locator('#fig-one').count()).toBe(1);
        expect(await page.locator('#fig-two').count()).toBe(0);
        const reloaded = page.waitForEvent('load', { timeout: WAIT_MS });
        writeFileSync(join(dir, 'c.json'), jsonConfig([figure('one'), figure('two', 'tanh')]));
        await reloaded;
        expect(await page.locator('#fig-two').count()).toBe(1);
        expect(
          await page.locator('#fig-two img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
        ).toBe(true);
      } finally {
        await browser.close();
      }
      expect((await dev.stop('SIGINT')).code).toBe(0);
    },
    180_000,
  );
});

describe('when the process that started it ends', () => {
  it('ends too: npx killed by SIGTERM passes the signal on to no one, and dev must not serve on alone', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), jsonConfig([figure('one')]));
    writeFileSync(join(dir, 'a.json'), jsonConfig([figure('two', 'tanh')]));
    // A shell stands for npx: it starts dev in the background, says its pid, and waits.
    const shell = spawn(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" dev --port 0 --config c.json --config a.json \
      > dev.log 2>&1 & echo $!; wait`,
      ],
      { cwd: dir },
    );
    const pid = Number(
      await new Promise<string>((resolve) => shell.stdout!.once('data', (d: Buffer) => resolve(String(d)))),
    );
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // The shell opens dev.log as it starts dev: it may not be there yet.
    const log = () => (existsSync(join(dir, 'dev.log')) ? readFileSync(join(dir, 'dev.log'), 'utf8') : '');
    const deadline = Date.now() + WAIT_MS;
    while (!log().includes('actfig dev: serving') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    // Both configs (one folder) were built, then served.
    expect(log()).toMatch(/^built 2 figures in /m);
    expect(alive()).toBe(true);
    shell.kill('SIGKILL');
    const gone = Date.now() + 10_000;
    while (alive() && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive()).toBe(false);
    expect(existsSync(join(dir, 'out', LOCK))).toBe(false);
  }, 120_000);
});
