// The output folder's lock: builds on one folder take turns, and a lock left by a killed build is taken over.
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.ts';

import { LOCK } from './names.ts';

export { LOCK };
/** Held while removing a stale lock, so no one removes a lock that another contender has just taken in its place. */
const BREAK = `${LOCK}.break`;
/** Without hard links a lock is visible empty until written: an unreadable lock this young may be in that gap. */
const WRITING_MS = 2_000;
/** link() errors that mean "this filesystem has no hard links", not "the lock exists". */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS']);
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface LockOwner {
  host: string;
  pid: number;
  /**
   * When the process started; with the pid it names one process, so a reused pid (PID 1 in a new container) is not
   * mistaken for the owner.
   */
  start: string;
  token: string;
}

export interface LockOptions {
  timeoutMs?: number;
  onWait?: (owner: LockOwner) => void;
  pollMs?: number;
}

interface Seen {
  text: string;
  owner: LockOwner | undefined;
  ageMs: number;
}

const HOST = hostname();
const BOOT = readText('/proc/sys/kernel/random/boot_id')?.trim();
const START = procStart('self') ?? String(Math.round(Date.now() - process.uptime() * 1000));

/** Tokens of the lock files this process holds (token → path): they are not stale, and a signal releases them. */
const held = new Map<string, string>();
/** lockFolder calls waiting or holding; the signal handlers are installed while there is one. */
let users = 0;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Linux: the boot id and field 22 (starttime) of /proc/<pid>/stat; undefined where there is no /proc. */
function procStart(pid: number | 'self'): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat || !BOOT) return undefined;
  // Field 2, the command name, may hold spaces and parentheses; the fields after its closing ')' start at 3.
  const starttime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3];
  return starttime ? `${BOOT}:${starttime}` : undefined;
}

function parse(text: string): LockOwner | undefined {
  try {
    const o = JSON.parse(text);
    if (
      typeof o?.host === 'string' &&
      Number.isSafeInteger(o.pid) &&
      o.pid > 0 &&
      typeof o.start === 'string' &&
      typeof o.token === 'string'
    ) {
      return { host: o.host, pid: o.pid, start: o.start, token: o.token };
    }
  } catch {}
  return undefined;
}

/** Whether a process of this machine may still run: only "no such process" (ESRCH) says it has ended. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  return true;
}

/** Whether the owner has certainly ended. Another machine's pids mean nothing here, so its locks are never broken. */
function gone(owner: LockOwner): boolean {
  if (owner.host !== HOST) return false;
  if (owner.pid === process.pid) return owner.start !== START || !held.has(owner.token);
  if (!processAlive(owner.pid)) return true;
  const start = procStart(owner.pid);
  return start !== undefined && start !== owner.start;
}

function stale(seen: Seen): boolean {
  return seen.owner ? gone(seen.owner) : seen.ageMs > WRITING_MS;
}

async function read(path: string): Promise<Seen | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    // Content and age of the same file, even if the name is replaced meanwhile.
    const text = await handle.readFile('utf8');
    const { mtimeMs } = await handle.stat();
    return { text, owner: parse(text), ageMs: Date.now() - mtimeMs };
  } finally {
    await handle.close();
  }
}

async function unlinkIfThere(path: string): Promise<void> {
  await fs.unlink(path).catch((error) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}

function identity(): LockOwner {
  return { host: HOST, pid: process.pid, start: START, token: randomBytes(8).toString('hex') };
}

/** Creates the lock file at `path` for `me`, or returns false if one exists. */
async function take(dir: string, path: string, me: LockOwner): Promise<boolean> {
  // Known before the file is visible: another caller in this process may read it before we resume.
  held.set(me.token, path);
  try {
    if (await create(dir, path, JSON.stringify(me))) return true;
  } catch (error) {
    held.delete(me.token);
    throw error;
  }
  held.delete(me.token);
  return false;
}

async function create(dir: string, path: string, text: string): Promise<boolean> {
  // A complete file linked into place: nobody ever sees the lock without its owner.
  // The name matches the build's leftover cleanup.
  const temp = join(dir, `${LOCK}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await fs.writeFile(temp, text, { flag: 'wx' });
  try {
    await fs.link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!code || !NO_LINKS.has(code)) throw error;
  } finally {
    await fs.unlink(temp).catch(() => {});
  }
  // Still exclusive, but visible empty until written: readers give such a file WRITING_MS.
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } catch (error) {
    await fs.unlink(path).catch(() => {});
    throw error;
  } finally {
    await handle.close();
  }
  return true;
}

/** Removes the lock at `path` if it is ours. */
async function release(path: string, token: string): Promise<void> {
  try {
    const seen = await read(path);
    if (seen?.owner?.token === token) await unlinkIfThere(path);
  } finally {
    held.delete(token);
  }
}

/**
 * Removes the stale lock `seen`, unless it changed since. Between reading a lock and unlinking it another breaker could
 * remove it and a new owner take it; breakers take turns under BREAK so only a still-identical lock is removed.
 * Returns false if another breaker was busy.
 */
async function breakLock(dir: string, path: string, seen: Seen): Promise<boolean> {
  const breakPath = join(dir, BREAK);
  const me = identity();
  if (!(await take(dir, breakPath, me))) {
    // Held for microseconds, so one whose owner is gone was left by a breaker killed midway.
    const other = await read(breakPath);
    if (other && stale(other)) await unlinkIfThere(breakPath);
    return false;
  }
  try {
    const now = await read(path);
    if (now && now.text === seen.text && stale(now)) await unlinkIfThere(path);
  } finally {
    await release(breakPath, me.token);
  }
  return true;
}

// PID 1 has no default signal handlers, and a waiting build must not outlive Ctrl-C: release what we hold and exit.
function onSignal(signal: NodeJS.Signals): void {
  for (const [token, path] of held) {
    try {
      if (parse(readFileSync(path, 'utf8'))?.token === token) unlinkSync(path);
    } catch {}
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function use(delta: 1 | -1): void {
  users += delta;
  for (const signal of SIGNALS) {
    if (delta === 1 && users === 1) process.on(signal, onSignal);
    if (users === 0) process.off(signal, onSignal);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the folder's lock; returns the release function (idempotent, releases only if we still own it). */
export async function lockFolder(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const { timeoutMs = 600_000, onWait, pollMs = 100 } = options;
  const path = join(dir, LOCK);
  const me = identity();
  const deadline = Date.now() + timeoutMs;
  let told = false;
  use(1);
  try {
    for (;;) {
      if (await take(dir, path, me)) break;
      const seen = await read(path);
      if (!seen) continue; // released just now
      const dead = stale(seen);
      if (dead && (await breakLock(dir, path, seen))) continue;
      if (!dead && seen.owner && !told) {
        told = true;
        onWait?.(seen.owner);
      }
      if (Date.now() >= deadline) {
        const who = seen.owner
          ? `process ${seen.owner.pid} on ${seen.owner.host}`
          : 'its lock file is still being written';
        throw new UserError(
          `${dir}: locked by another build (${who}) for more than ${timeoutMs / 1000} s; ` +
            `if no build is running, delete ${path}`,
        );
      }
      // A busy breaker is done in microseconds; jitter, so waiters polling together do not keep colliding.
      await sleep(dead ? 5 + Math.random() * 10 : pollMs * (0.75 + Math.random() / 2));
    }
  } catch (error) {
    use(-1);
    throw error;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await release(path, me.token);
    } finally {
      use(-1);
    }
  };
}

/** Who holds the lock now, or undefined. */
export async function lockOwner(dir: string): Promise<LockOwner | undefined> {
  return (await read(join(dir, LOCK)))?.owner;
}
