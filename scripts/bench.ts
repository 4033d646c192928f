// npm run bench: builds bench/w24.config.json (24 two-panel figures, 400 samples, PNG at scale 2,
// SVG and PDF) into a temporary folder, cold (--force) and then no-op, several times, and prints
// median wall time, figures per second and peak memory (summed over the build and its workers),
// beside the plain single-process vega loop (bench/baseline.mjs) measured in the same run.
// usage: npm run bench [-- --runs N] [-- --sweep]   (--sweep adds a PNG level/filter table)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const config = join(root, 'bench/w24.config.json');
const figures = (JSON.parse(readFileSync(config, 'utf8')) as { figures: unknown[] }).figures.length;

/** Resident memory of a process and all its descendants, from /proc (Linux). */
function treeRss(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const visit = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // ended
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

/** Runs a command; returns its wall time, stdout and the peak memory of its process tree. */
function measure(args: string[]): Promise<{ seconds: number; stdout: string; peak: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}:\n${stdout}`));
      else resolve({ seconds, stdout, peak });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const reported = (stdout: string) => Number(/in (\d+\.\d+) s\n?$/.exec(stdout.trim())?.[1]);

const out = mkdtempSync(join(tmpdir(), 'actfig-bench-'));
try {
  const build = (force: boolean) =>
    measure([
      'bin/actfig.js',
      'build',
      '--config',
      config,
      '--out',
      join(out, 'figures'),
      ...(force ? ['--force'] : []),
    ]);
  const cold = [];
  const noop = [];
  for (let i = 0; i < runs; i++) {
    cold.push(await build(true));
    const n = await build(false);
    if (!/ 0 rendered, 24 unchanged/.test(n.stdout))
      throw new Error(`the no-op build rendered something:\n${n.stdout}`);
    noop.push(n);
  }
  const baseline = [];
  for (let i = 0; i < runs; i++) {
    const b = await measure(['bench/baseline.mjs', join(out, 'figures'), join(out, 'baseline')]);
    baseline.push({ ...b, ...(JSON.parse(b.stdout) as { importSeconds: number; loopSeconds: number }) });
  }
  const row = (label: string, seconds: number, inner: string, peak: number) =>
    `${label.padEnd(34)} ${seconds.toFixed(2).padStart(6)} s  ${(figures / seconds).toFixed(1).padStart(6)} fig/s  ${inner.padEnd(24)} peak ${mb(peak)}`;
  const coldWall = median(cold.map((r) => r.seconds));
  const baseWall = median(baseline.map((r) => r.seconds));
  console.log(
    `workload: ${figures} figures x 2 panels, 400 samples, PNG (scale 2) + SVG + PDF; ${runs} runs, medians; cores: ${(await import('node:os')).availableParallelism()}`,
  );
  console.log(
    row(
      'actfig build --force (cold)',
      coldWall,
      `build ${median(cold.map((r) => reported(r.stdout))).toFixed(2)} s`,
      Math.max(...cold.map((r) => r.peak)),
    ),
  );
  console.log(
    row(
      'actfig build (no-op)',
      median(noop.map((r) => r.seconds)),
      `build ${median(noop.map((r) => reported(r.stdout))).toFixed(2)} s`,
      Math.max(...noop.map((r) => r.peak)),
    ),
  );
  console.log(
    row(
      'baseline: plain vega loop',
      baseWall,
      `loop ${median(baseline.map((r) => r.loopSeconds)).toFixed(2)} s`,
      Math.max(...baseline.map((r) => r.peak)),
    ),
  );
  console.log(`cold build vs baseline (wall): ${(baseWall / coldWall).toFixed(2)}x`);
  console.log('("build" is the time inside actfig build, without starting node and the TypeScript loader)');
  // The vanishing-gradient simulation of the default config (30 layers, 128 units, batch 16), in this process.
  const { simulateDepth } = await import('../src/math/simulate.ts');
  const simRuns = [0, 1, 2].map(() => {
    const t = performance.now();
    for (const a of ['sigmoid', 'tanh', 'relu']) simulateDepth(a, {}, { depth: 30, width: 128, batch: 16, seed: 0 });
    return (performance.now() - t) / 1000;
  });
  console.log(
    `vanishing-gradient-depth simulation (sigmoid, tanh, relu; 30 x 128, batch 16): ${median(simRuns).toFixed(2)} s`,
  );
  if (process.argv.includes('--sweep')) {
    const sweep = await measure(['bench/png-sweep.mjs', join(out, 'figures')]);
    console.log('\nPNG encoding of the 24 canvases (ms, KiB) by row filter and zlib level:');
    for (const r of JSON.parse(sweep.stdout) as { filter: string; level: number; ms: number; kib: number }[]) {
      console.log(
        `  filter ${r.filter.padEnd(4)} level ${r.level}: ${String(r.ms).padStart(5)} ms ${String(r.kib).padStart(6)} KiB`,
      );
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
