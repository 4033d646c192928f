// The output folder's lock under real builds: eight `actfig build` processes started at once on one folder
// take turns. The test watches the lock file while they run and records who holds it when.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actfig } from '../cli.ts';
import { tempDir } from '../tmp.ts';

const bin = fileURLToPath(new URL('../../bin/actfig.js', import.meta.url));
const BUILDS = 8;
const grid = { min: -3, max: 3, samples: 41 };
const config = {
  outDir: 'out',
  formats: ['svg'],
  figures: [
    { id: 'sigmoid', grid, panels: [{ activation: 'sigmoid' }] },
    { id: 'relu', grid, panels: [{ activation: 'relu' }] },
    { id: 'tanh', grid, panels: [{ activation: 'tanh' }] },
    { id: 'overlay', kind: 'derivatives-overlay' },
  ],
};
/** The lines a build prints before its summary. */
const PROGRESS =
  /^(waiting for the build running as process \d+ on .+ to finish|rendering \d of 4 figures|\[\d\/4\] rendered \S+)/;
const SUMMARY = /^4 figures: \d rendered, \d unchanged, 0 removed, 0 failed; \d+ files written to out in \d+\.\d\d s$/;

function project(): { dir: string; out: string } {
  const dir = tempDir('actfig-lock-');
  writeFileSync(join(dir, 'c.json'), JSON.stringify(config));
  return { dir, out: join(dir, 'out') };
}

/** Every file of a folder with its bytes (not its times: two folders built apart are compared). */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name)).toString('base64')]),
  );
}

interface Run {
  pid: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(cwd: string): { pid: number; done: Promise<Run> } {
  const child = spawn(process.execPath, [bin, 'build', '--config', 'c.json', '--out', 'out'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ pid: child.pid!, code, stdout, stderr }));
  });
  return { pid: child.pid!, done };
}

describe('the lock under real builds', () => {
  it(`${BUILDS} builds at once on one folder take turns and leave exactly what one build makes`, async () => {
    const p = project();
    mkdirSync(p.out); // so the lock file can be watched from the start
    const lock = join(p.out, '.actfig.lock');

    // Who holds the lock, as seen every few milliseconds: one entry per change of owner.
    const owners: { pid: number; token: string }[] = [];
    let unreadable = 0;
    const poll = setInterval(() => {
      let text: string;
      try {
        text = readFileSync(lock, 'utf8');
      } catch {
        return; // no lock now
      }
      try {
        const { pid, token } = JSON.parse(text) as { pid: number; token: string };
        if (owners.at(-1)?.token !== token) owners.push({ pid, token });
      } catch {
        unreadable++;
      }
    }, 2);

    const children = Array.from({ length: BUILDS }, () => start(p.dir));
    let runs: Run[];
    try {
      runs = await Promise.all(children.map((c) => c.done));
    } finally {
      clearInterval(poll);
    }

    // Every build succeeds and prints its usual output, ending in its summary line.
    for (const r of runs) {
      expect({ pid: r.pid, code: r.code, stderr: r.stderr }).toEqual({ pid: r.pid, code: 0, stderr: '' });
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(SUMMARY);
      for (const line of lines.slice(0, -1)) expect(line).toMatch(PROGRESS);
    }
    // The first to hold the lock renders everything; the others, after it, find the folder current.
    const renderers = runs.filter((r) => !/ 0 rendered/.test(r.stdout));
    expect(renderers).toHaveLength(1);
    expect(renderers[0].stdout).toMatch(/4 figures: 4 rendered, 0 unchanged/);
    for (const r of runs.filter((x) => x !== renderers[0]))
      expect(r.stdout).toMatch(/4 figures: 0 rendered, 4 unchanged/);

    // The lock: one file, so one owner at a time. Every owner seen is one of the builds, each build held it
    // at most once (one token per pid, one pid per token), and an owner never came back once another had it.
    const pids = new Set(runs.map((r) => r.pid));
    expect(unreadable).toBe(0);
    expect(owners.length).toBeGreaterThanOrEqual(2); // the renderer, then at least one of the others
    for (const o of owners) expect(pids.has(o.pid), `owner ${o.pid} is one of the builds`).toBe(true);
    expect(new Set(owners.map((o) => o.pid)).size).toBe(owners.length);
    expect(new Set(owners.map((o) => o.token)).size).toBe(owners.length);
    expect(owners[0].pid).toBe(renderers[0].pid);

    // Nothing left behind; the folder is byte for byte what a single build makes, and current.
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(p.out).filter((n) => n.startsWith('.'))).toEqual([]);
    const serial = project();
    const one = actfig(['build', '--config', 'c.json', '--out', 'out'], { cwd: serial.dir });
    expect(one.code).toBe(0);
    expect(contents(p.out)).toEqual(contents(serial.out));
    const check = actfig(['check', '--config', 'c.json', '--out', 'out'], { cwd: p.dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^out is current: 4 figures match c\.json/);
  });
});
