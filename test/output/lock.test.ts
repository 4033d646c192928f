import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync, promises, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { LOCK, type LockOwner, lockFolder, lockOwner } from '../../src/output/lock.ts';
import { tempDir } from '../tmp.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const moduleUrl = pathToFileURL(join(root, 'src/output/lock.ts')).href;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// One child script, several roles; run with tsx because the module is TypeScript.
const CHILD = `
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { lockFolder } from ${JSON.stringify(moduleUrl)};
const [mode, dir] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stdin = () => new Promise((r) => { process.stdin.once('data', r); process.stdin.once('end', r); });
if (mode === 'hold') {
  const release = await lockFolder(dir);
  console.log('locked');
  await stdin();
  await release();
} else if (mode === 'wait') {
  await lockFolder(dir, { onWait: (o) => console.log('waiting ' + o.pid) });
  console.log('locked');
  await stdin();
} else if (mode === 'contend') {
  console.log('ready');
  await stdin();
  for (let i = 0; i < 5; i++) {
    const release = await lockFolder(dir, { pollMs: 20, timeoutMs: 20_000 });
    // 'wx' fails if another holder's marker is there: that would be two holders at once.
    await (await open(join(dir, 'held'), 'wx')).close();
    await sleep(20 + Math.random() * 60);
    await unlink(join(dir, 'held'));
    await release();
  }
}
`;

interface Child {
  proc: ChildProcessWithoutNullStreams;
  out: () => string;
  until: (text: string) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let script: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(() => {
  script = join(tempDir('actfig-lock-child-'), 'child.mjs');
  writeFileSync(script, CHILD);
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function child(mode: 'hold' | 'wait' | 'contend', dir: string): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, mode, dir], { cwd: root });
  children.push(proc);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  proc.stdout.on('data', (d) => {
    out += d;
    for (const w of waiters) w();
  });
  proc.stderr.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.on('exit', (code, signal) => r({ code, signal })),
  );
  const until = (text: string) =>
    new Promise<void>((res, rej) => {
      const check = () => out.includes(text) && res();
      waiters.push(check);
      check();
      exited.then(({ code, signal }) =>
        rej(new Error(`child ${mode} exited (${code ?? signal}) before "${text}": ${out}${err}`)),
      );
    });
  return { proc, out: () => out + err, until, exited };
}

/** A pid that no longer runs. */
function deadPid(): number {
  const { pid, status } = spawnSync(process.execPath, ['-e', '']);
  expect(status).toBe(0);
  return pid as number;
}

function writeLock(dir: string, owner: LockOwner): void {
  writeFileSync(join(dir, LOCK), JSON.stringify(owner));
}

async function ownStart(): Promise<string> {
  const dir = tempDir();
  const release = await lockFolder(dir);
  const owner = await lockOwner(dir);
  await release();
  return owner?.start ?? '';
}

/** Takes the lock expecting no wait at all; returns the release and how long it took. */
async function takeAtOnce(dir: string): Promise<{ release: () => Promise<void>; ms: number }> {
  const onWait = vi.fn();
  const t0 = performance.now();
  const release = await lockFolder(dir, { timeoutMs: 5_000, onWait });
  const ms = performance.now() - t0;
  expect(onWait).not.toHaveBeenCalled();
  return { release, ms };
}

describe('lockFolder', () => {
  it('writes the owner in one step and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const release = await lockFolder(dir);
    expect(readdirSync(dir)).toEqual([LOCK]);
    const owner = JSON.parse(readFileSync(join(dir, LOCK), 'utf8'));
    expect(owner).toEqual({
      host: hostname(),
      pid: process.pid,
      start: expect.any(String),
      token: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(await lockOwner(dir)).toEqual(owner);
    await release();
    expect(readdirSync(dir)).toEqual([]);
    expect(await lockOwner(dir)).toBeUndefined();
    await release(); // idempotent
  });

  it('takes over at once a lock left by a process that has exited', async () => {
    const dir = tempDir();
    const pid = deadPid();
    writeLock(dir, { host: hostname(), pid, start: 'whatever', token: 'dead' });
    const { release, ms } = await takeAtOnce(dir);
    expect(ms).toBeLessThan(1_000);
    expect(await lockOwner(dir)).toMatchObject({ pid: process.pid });
    expect(readdirSync(dir)).toEqual([LOCK]); // the break lock is gone too
    await release();
  });

  it.skipIf(process.platform !== 'linux')(
    'takes over at once a lock of a live pid that started at another time (PID 1 again, our own pid)',
    async () => {
      const start = await ownStart();
      expect(start).toMatch(/^[0-9a-f-]{36}:\d+$/);
      for (const owner of [
        { host: hostname(), pid: 1, start, token: 'container' }, // pid 1 exists, but did not start when we did
        {
          host: hostname(),
          pid: process.pid,
          start: start.replace(/\d+$/, (t) => String(Number(t) - 1)),
          token: 'earlier',
        },
        { host: hostname(), pid: process.pid, start, token: 'not-held' },
      ]) {
        const dir = tempDir();
        writeLock(dir, owner);
        const { release, ms } = await takeAtOnce(dir);
        expect(ms).toBeLessThan(1_000);
        expect((await lockOwner(dir))?.token).not.toBe(owner.token);
        await release();
      }
    },
  );

  it('takes over an old legacy or garbage lock file without a stack trace, but waits for a fresh one', async () => {
    const old = (Date.now() - 10_000) / 1000;
    for (const text of ['1', '', 'garbage{', '{"pid":1}']) {
      const dir = tempDir();
      writeFileSync(join(dir, LOCK), text);
      utimesSync(join(dir, LOCK), old, old);
      const { release } = await takeAtOnce(dir);
      expect(await lockOwner(dir)).toMatchObject({ pid: process.pid });
      await release();
    }
    // Fresh and unreadable: may be a lock being written (no hard links), so it is waited for until ~2 s old.
    const dir = tempDir();
    writeFileSync(join(dir, LOCK), '');
    const nearlyOld = (Date.now() - 1_600) / 1000;
    utimesSync(join(dir, LOCK), nearlyOld, nearlyOld);
    const t0 = performance.now();
    const release = await lockFolder(dir, { timeoutMs: 10_000, pollMs: 50 });
    expect(performance.now() - t0).toBeGreaterThan(300);
    expect(await lockOwner(dir)).toMatchObject({ pid: process.pid });
    await release();
  });

  it('never breaks a lock from another host; the timeout says who holds it and what to delete', async () => {
    const dir = tempDir();
    const owner = { host: 'elsewhere.example', pid: deadPid(), start: 'x', token: 'remote' };
    writeLock(dir, owner);
    const onWait = vi.fn();
    const error = await lockFolder(dir, { timeoutMs: 300, onWait }).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `${dir}: locked by another build (process ${owner.pid} on elsewhere.example) for more than 0.3 s; ` +
        `if no build is running, delete ${join(dir, LOCK)}`,
    );
    expect(onWait).toHaveBeenCalledTimes(1);
    expect(onWait).toHaveBeenCalledWith(owner);
    expect(await lockOwner(dir)).toEqual(owner);
  });

  const waits = 'waits for a live lock held by another process, times out with a UserError, and takes it once released';
  it(waits, async () => {
    const dir = tempDir();
    const holder = child('hold', dir);
    await holder.until('locked');
    const onWait = vi.fn();
    const error = await lockFolder(dir, { timeoutMs: 500, onWait }).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`process ${holder.proc.pid} on ${hostname()}`);
    expect(onWait).toHaveBeenCalledTimes(1);
    expect(onWait.mock.calls[0][0]).toMatchObject({ pid: holder.proc.pid, host: hostname() });

    // Waiting through the release: the lock is taken once the holder lets go.
    const waiting = lockFolder(dir, { timeoutMs: 10_000, pollMs: 20 });
    await sleep(100);
    holder.proc.stdin.end();
    expect(await holder.exited).toEqual({ code: 0, signal: null });
    const release = await waiting;
    expect(await lockOwner(dir)).toMatchObject({ pid: process.pid });
    await release();
  });

  it('takes over at once the lock of a holder that was killed', async () => {
    const dir = tempDir();
    const holder = child('hold', dir);
    await holder.until('locked');
    holder.proc.kill('SIGKILL');
    await holder.exited;
    expect(await lockOwner(dir)).toMatchObject({ pid: holder.proc.pid });
    const { release, ms } = await takeAtOnce(dir);
    expect(ms).toBeLessThan(1_000);
    await release();
  });

  it('release by a non-owner leaves the lock alone; release removes its signal handlers', async () => {
    const dir = tempDir();
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const release = await lockFolder(dir);
    expect(process.listenerCount('SIGTERM')).toBe(before[1] + 1);
    const other = { host: hostname(), pid: 1, start: 'x', token: 'other' };
    writeLock(dir, other);
    await release();
    expect(await lockOwner(dir)).toEqual(other);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
    // A lockFolder that times out does not leave them either.
    const live = { host: 'elsewhere.example', pid: 1, start: 'x', token: 'remote' };
    writeLock(dir, live);
    await expect(lockFolder(dir, { timeoutMs: 50 })).rejects.toBeInstanceOf(UserError);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });

  it('works without hard links, still writing the owner', async () => {
    const noLinks = vi
      .spyOn(promises, 'link')
      .mockRejectedValue(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }));
    try {
      const dir = tempDir();
      const release = await lockFolder(dir);
      expect(noLinks).toHaveBeenCalled();
      expect(readdirSync(dir)).toEqual([LOCK]);
      expect(await lockOwner(dir)).toMatchObject({ pid: process.pid });
      await expect(lockFolder(dir, { timeoutMs: 100 })).rejects.toBeInstanceOf(UserError);
      await release();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      noLinks.mockRestore();
    }
  });

  it('lets one caller at a time hold it within one process, breaking a stale lock once', async () => {
    const dir = tempDir();
    writeLock(dir, { host: hostname(), pid: deadPid(), start: 'x', token: 'dead' });
    let holders = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 3; i++) {
          const release = await lockFolder(dir, { pollMs: 5, timeoutMs: 20_000 });
          most = Math.max(most, ++holders);
          await sleep(2 + Math.random() * 5);
          holders--;
          await release();
        }
      }),
    );
    expect(most).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('excludes 8 processes contending for it at once (and breaking a stale lock together)', async () => {
    const dir = tempDir();
    writeLock(dir, { host: hostname(), pid: deadPid(), start: 'x', token: 'dead' });
    const all = Array.from({ length: 8 }, () => child('contend', dir));
    await Promise.all(all.map((c) => c.until('ready')));
    for (const c of all) c.proc.stdin.end('go\n');
    const results = await Promise.all(all.map((c) => c.exited));
    for (const [i, r] of results.entries()) expect(r, all[i].out()).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dir, LOCK))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('SIGTERM or SIGINT ends a waiting process promptly', async () => {
    const dir = tempDir();
    const release = await lockFolder(dir);
    try {
      const term = child('wait', dir);
      const int = child('wait', dir);
      await Promise.all([term.until(`waiting ${process.pid}`), int.until(`waiting ${process.pid}`)]);
      const t0 = performance.now();
      term.proc.kill('SIGTERM');
      int.proc.kill('SIGINT');
      expect(await term.exited).toEqual({ code: 143, signal: null });
      expect(await int.exited).toEqual({ code: 130, signal: null });
      expect(performance.now() - t0).toBeLessThan(2_000);
      expect(await lockOwner(dir)).toMatchObject({ pid: process.pid }); // a waiter does not touch the holder's lock
    } finally {
      await release();
    }
  });

  it('SIGTERM ends a holding process promptly and releases its lock', async () => {
    const dir = tempDir();
    const holder = child('hold', dir);
    await holder.until('locked');
    const t0 = performance.now();
    holder.proc.kill('SIGTERM');
    expect(await holder.exited).toEqual({ code: 143, signal: null });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(readdirSync(dir)).toEqual([]);
  });
});
