// npm run bench: times actfig the way a user runs it (`node bin/actfig.js ...`, a fresh process each
// time, node's start-up included) beside the floor (`node -e 0`) and the peer the project replaces
// (numpy + matplotlib drawing the same 24 figures), then checks the targets.
//
// Every measured command runs once per round and the rounds run in turn (1..8, 1..8, ...), so a burst
// of machine noise hits all commands alike instead of one command's whole series. The table shows
// medians over the rounds; peak memory is the largest over the rounds, summed over the process tree.
//
// Last, where one render process's time goes per figure (bench/phases.mjs), and the large grids.
//
// usage: npm run bench [-- --runs N] [-- --sweep]
//   --runs N  rounds (default 3; medians need at least 3)
//   --sweep   also print PNG encoding time and size by zlib level and row filter (bench/png-sweep.mjs)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Debian's python has matplotlib; the `python3` on PATH may not (see bench/peer_matplotlib.py). */
const python = '/usr/bin/python3';
const w24Config = 'bench/w24.config.json';
const w24Figures = (JSON.parse(readFileSync(join(root, w24Config), 'utf8')) as { figures: unknown[] }).figures.length;

const targets = { peerSpeedup: 5, overNode: 5, peakMb: 400 };

// ---------------------------------------------------------------------------------------------------
// Measuring one command

interface Sample {
  seconds: number;
  /** Largest resident memory seen, summed over the process and its descendants (bytes; 0 if never seen). */
  peak: number;
  /** stdout and stderr together: actfig prints progress on one and the summary on the other. */
  output: string;
}

/**
 * Resident memory of a process tree, from /proc (Linux). Scanning every /proc/PID/stat each tick costs
 * a few ms, a noticeable share of a core on a 2-core machine, so each process's parent is read once and
 * remembered: a tick then costs one readdir plus one read per process of the tree.
 */
class ProcessTree {
  readonly #parentOf = new Map<number, number>();

  rss(rootPid: number): number {
    const children = new Map<number, number[]>();
    const alive = new Set<number>();
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      alive.add(pid);
      const parent = this.#parent(pid);
      if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
    }
    // Forget processes that ended, so a reused pid is read afresh.
    for (const pid of this.#parentOf.keys()) if (!alive.has(pid)) this.#parentOf.delete(pid);
    let total = 0;
    const visit = (pid: number) => {
      total += vmRss(pid);
      for (const child of children.get(pid) ?? []) visit(child);
    };
    visit(rootPid);
    return total;
  }

  #parent(pid: number): number | undefined {
    let parent = this.#parentOf.get(pid);
    if (parent === undefined) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The command name may hold spaces and parentheses: the fields after the last ')' are "state ppid ...".
        parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        this.#parentOf.set(pid, parent);
      } catch {
        // the process ended while we looked
      }
    }
    return parent;
  }
}

function vmRss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // ended, or a zombie without memory
  }
}

const tree = new ProcessTree();
const sampleEveryMs = 20;

/** Runs a command in the repository root; rejects if it fails to start or exits non-zero. */
function measure(command: string, args: string[]): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak = 0;
    let seconds = 0;
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setInterval(() => (peak = Math.max(peak, tree.rss(child.pid!))), sampleEveryMs);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    // The clock stops when the process exits; the promise waits for 'close' so the output is complete.
    child.on('exit', () => {
      seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
    });
    child.on('close', (code) => {
      if (code === 0) resolve({ seconds, peak, output });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// What is measured

interface Measurement {
  label: string;
  command: string;
  args: string[];
  /** Figures the command renders, for figures/second; absent where the rate means nothing. */
  figures?: number;
  /** Untimed preparation before each run. */
  prepare?: () => void;
  /** Throws if the run did not do what this row claims to measure. */
  verify?: (output: string) => void;
  /** The time the tool reports for its own work, without the process start (seconds). */
  inner?: (output: string) => number;
  samples: Sample[];
}

const node = process.execPath; // the same node that runs this script: the version printed is the one measured
const actfig = (...args: string[]) => ({ command: node, args: ['bin/actfig.js', ...args] });

/** actfig build's last line: "N figures: R rendered, U unchanged, ... in S s". */
function buildCounts(output: string): { figures: number; rendered: number; unchanged: number; seconds: number } {
  const m = /(\d+) figures: (\d+) rendered, (\d+) unchanged,.* in (\d+(?:\.\d+)?) s\s*$/.exec(output);
  if (!m) throw new Error(`no build summary in:\n${output}`);
  return { figures: Number(m[1]), rendered: Number(m[2]), unchanged: Number(m[3]), seconds: Number(m[4]) };
}

function expectBuild(rendered: number, unchanged: number) {
  return (output: string) => {
    const c = buildCounts(output);
    if (c.rendered !== rendered || c.unchanged !== unchanged)
      throw new Error(`expected ${rendered} rendered, ${unchanged} unchanged:\n${output}`);
  };
}

/** bench/peer_matplotlib.py's last line: {"figures": N, "importSeconds": ..., "loopSeconds": ...}. */
function peerReport(output: string): { figures: number; importSeconds: number; loopSeconds: number } {
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

function measurements(tmp: string, defaultFigures: number): Measurement[] {
  const w24 = join(tmp, 'w24');
  const dflt = join(tmp, 'default');
  const peer = join(tmp, 'peer');
  const fresh = (dir: string) => () => rmSync(dir, { recursive: true, force: true });
  const innerBuild = (output: string) => buildCounts(output).seconds;
  return [
    {
      label: 'W24 cold (build --force)',
      ...actfig('build', '--config', w24Config, '--out', w24, '--force'),
      figures: w24Figures,
      // An empty output folder every round, so every round renders and writes all files alike.
      prepare: fresh(w24),
      verify: expectBuild(w24Figures, 0),
      inner: innerBuild,
      samples: [],
    },
    {
      label: 'W24 no-op (build)',
      ...actfig('build', '--config', w24Config, '--out', w24),
      verify: expectBuild(0, w24Figures),
      inner: innerBuild,
      samples: [],
    },
    {
      label: `default cold (${defaultFigures} figures, --force)`,
      ...actfig('build', '--out', dflt, '--force'),
      figures: defaultFigures,
      prepare: fresh(dflt),
      verify: expectBuild(defaultFigures, 0),
      inner: innerBuild,
      samples: [],
    },
    {
      label: 'default no-op (build)',
      ...actfig('build', '--out', dflt),
      verify: expectBuild(0, defaultFigures),
      inner: innerBuild,
      samples: [],
    },
    {
      // The folder holds a full build of the default config (made once, before the rounds); one figure
      // is re-rendered and the other 26 are left alone, as after an edit to that figure.
      label: 'one-figure rebuild (--only)',
      ...actfig('build', '--out', join(tmp, 'one'), '--only', 'sigmoid-vs-relu', '--force'),
      figures: 1,
      verify: expectBuild(1, 0),
      inner: innerBuild,
      samples: [],
    },
    {
      label: 'check (default config)',
      ...actfig('check', '--out', dflt), // measure() rejects a non-zero exit: the build must be current
      samples: [],
    },
    { label: 'node -e 0 (floor)', command: node, args: ['-e', '0'], samples: [] },
    {
      label: 'matplotlib peer (W24)',
      command: python,
      args: ['bench/peer_matplotlib.py', w24Config, peer],
      figures: w24Figures,
      prepare: fresh(peer),
      verify: (output) => {
        if (peerReport(output).figures !== w24Figures) throw new Error(`the peer drew other figures:\n${output}`);
      },
      inner: (output) => {
        const r = peerReport(output);
        return r.importSeconds + r.loopSeconds;
      },
      samples: [],
    },
  ];
}

/** Runs every measurement once per round, round after round. */
async function runRounds(rows: Measurement[], rounds: number): Promise<void> {
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`round ${round}/${rounds}:`);
    for (const row of rows) {
      row.prepare?.();
      const sample = await measure(row.command, row.args);
      row.verify?.(sample.output);
      row.samples.push(sample);
      process.stderr.write(` ${sample.seconds.toFixed(1)}`);
    }
    process.stderr.write(' s\n');
  }
}

// ---------------------------------------------------------------------------------------------------
// Reporting

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const wall = (row: Measurement) => median(row.samples.map((s) => s.seconds));
const peak = (row: Measurement) => Math.max(...row.samples.map((s) => s.peak));
const mb = (bytes: number) => bytes / 2 ** 20;

function printTable(rows: Measurement[]): void {
  const header = ['measurement', 'wall (median)', 'min - max', 'fig/s', 'in-process', 'peak RSS'];
  const cells = rows.map((row) => {
    const seconds = row.samples.map((s) => s.seconds);
    const inner = row.inner ? median(row.samples.map((s) => row.inner!(s.output))) : undefined;
    return [
      row.label,
      `${wall(row).toFixed(2)} s`,
      `${Math.min(...seconds).toFixed(2)} - ${Math.max(...seconds).toFixed(2)} s`,
      row.figures ? (row.figures / wall(row)).toFixed(1) : '',
      inner === undefined ? '' : `${inner.toFixed(2)} s`,
      // A process shorter than one sampling interval may end before it is seen.
      peak(row) ? `${Math.round(mb(peak(row)))} MB` : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('   '));
  for (const c of cells) console.log(line(c));
}

function printTargets(rows: Measurement[]): void {
  const by = (prefix: string) => rows.find((r) => r.label.startsWith(prefix))!;
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  const floor = wall(by('node -e 0'));
  const cold = by('W24 cold');
  const speedup = wall(by('matplotlib peer')) / wall(cold);
  console.log(
    `W24 cold vs matplotlib (peer wall / ours):  ${speedup.toFixed(2)}x   ` +
      `target >= ${targets.peerSpeedup}x: ${verdict(speedup >= targets.peerSpeedup)}`,
  );
  for (const label of ['W24 no-op', 'default no-op', 'check']) {
    const ratio = wall(by(label)) / floor;
    console.log(
      `${`${label} vs bare node (ours / node):`.padEnd(43)} ${ratio.toFixed(2)}x   ` +
        `target <= ${targets.overNode}x: ${verdict(ratio <= targets.overNode)}`,
    );
  }
  const peakMb = mb(peak(cold));
  console.log(
    `${'W24 cold peak memory (largest round):'.padEnd(43)} ${Math.round(peakMb)} MB   ` +
      `target < ${targets.peakMb} MB: ${verdict(peakMb < targets.peakMb)}`,
  );
}

function matplotlibVersion(): string {
  const r = spawnSync(python, ['-c', 'import matplotlib; print(matplotlib.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : `unavailable (${(r.stderr || r.error?.message || '').trim()})`;
}

function printMachine(rounds: number): void {
  console.log(
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}, ` +
      `matplotlib ${matplotlibVersion()}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at start`,
  );
  console.log(
    `${rounds} round${rounds === 1 ? '' : 's'}, interleaved; wall = median; ` +
      `peak RSS = largest round, process tree sampled every ${sampleEveryMs} ms`,
  );
  console.log(
    `W24 = ${w24Config}: ${w24Figures} figures x 2 panels, 400 samples, PNG (scale 2) + SVG + PDF; ` +
      'in-process = the time the tool reports for itself (actfig: inside build; peer: import + drawing)\n',
  );
}

/** The vanishing-gradient simulation of the default config (30 layers, 128 units, batch 16), in this process. */
async function simulationSeconds(): Promise<number> {
  const { simulateDepth } = await import('../src/math/simulate.ts');
  const times = [0, 1, 2].map(() => {
    const t = performance.now();
    for (const a of ['sigmoid', 'tanh', 'relu']) simulateDepth(a, {}, { depth: 30, width: 128, batch: 16, seed: 0 });
    return (performance.now() - t) / 1000;
  });
  return median(times);
}

async function printSweep(specsDir: string): Promise<void> {
  const sweep = await measure(node, ['bench/png-sweep.mjs', specsDir]);
  console.log(`\nPNG encoding of the ${w24Figures} canvases (ms, KiB) by row filter and zlib level:`);
  for (const r of JSON.parse(sweep.output) as { filter: string; level: number; ms: number; kib: number }[]) {
    console.log(
      `  filter ${r.filter.padEnd(4)} level ${r.level}: ` +
        `${String(r.ms).padStart(5)} ms ${String(r.kib).padStart(6)} KiB`,
    );
  }
}

/**
 * Where a render process's time goes per W24 figure (bench/phases.mjs, with the render processes' V8
 * flag): the cold first pass and the warm last one, each phase in ms.
 */
async function printPhases(): Promise<void> {
  const run = await measure(node, ['--max-semi-space-size=4', 'bench/phases.mjs', w24Config]);
  const passes = JSON.parse(run.output.trim().split('\n').pop()!) as {
    pass: number;
    perFigure: Record<string, number>;
  }[];
  console.log(
    `\none render process, per W24 figure (ms of wall time, ${w24Figures} figures a pass, alone on the machine):`,
  );
  for (const { pass, perFigure } of [passes[0], passes.at(-1)!]) {
    const total = Object.values(perFigure).reduce((a, b) => a + b, 0);
    const parts = Object.entries(perFigure).map(([phase, ms]) => `${phase} ${ms.toFixed(1)}`);
    console.log(`  pass ${pass} (${pass === 1 ? 'cold' : 'warm'}): ${parts.join(', ')}; total ${total.toFixed(1)}`);
  }
}

// ---------------------------------------------------------------------------------------------------

function options(): { rounds: number; sweep: boolean } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { runs: { type: 'string', default: '3' }, sweep: { type: 'boolean', default: false } },
  });
  const rounds = Number(values.runs);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--runs wants a positive integer, not ${values.runs}`);
  if (rounds < 3) process.stderr.write(`note: ${rounds} round(s) is a smoke test; medians want --runs 3 or more\n`);
  return { rounds, sweep: values.sweep };
}

/**
 * The 1,000,000-point limit, measured once (minutes, not a round): a figure and an overlay at the limit,
 * then 20 such figures in one build; wall time and the peak memory of the whole process tree.
 */
async function printLarge(tmp: string): Promise<void> {
  const grid = { min: -10, max: 10, samples: 1_000_000 };
  const cases: [string, object[], number][] = [
    ['1,000,000-point activation figure (PNG)', [{ id: 'big', grid, panels: [{ activation: 'sigmoid' }] }], 1],
    ['1,000,000-point derivatives overlay (PNG)', [{ id: 'big', kind: 'derivatives-overlay', grid }], 1],
    [
      '20 figures of 1,000,000 points (PNG)',
      Array.from({ length: 20 }, (_, i) => ({
        id: `big${i}`,
        grid,
        panels: [{ activation: ['sigmoid', 'tanh', 'relu', 'gelu'][i % 4] }],
      })),
      20,
    ],
  ];
  console.log('\nlarge grids (one run each):');
  for (const [label, figures, count] of cases) {
    const config = join(tmp, 'large.json');
    writeFileSync(config, JSON.stringify({ formats: ['png'], figures }));
    const out = join(tmp, 'large');
    rmSync(out, { recursive: true, force: true });
    const sample = await measure(node, ['bin/actfig.js', 'build', '--config', config, '--out', out]);
    if (buildCounts(sample.output).rendered !== count)
      throw new Error(`${label}: not every figure rendered:\n${sample.output}`);
    console.log(
      `  ${label.padEnd(42)} ${sample.seconds.toFixed(1).padStart(6)} s   peak ${Math.round(mb(sample.peak))} MB`,
    );
  }
}

async function main(): Promise<void> {
  const { rounds, sweep } = options();
  const tmp = mkdtempSync(join(tmpdir(), 'actfig-bench-'));
  try {
    // Untimed: the folder the one-figure rebuild works in, and the default config's figure count.
    const prep = await measure(node, ['bin/actfig.js', 'build', '--out', join(tmp, 'one')]);
    const rows = measurements(tmp, buildCounts(prep.output).figures);
    printMachine(rounds);
    await runRounds(rows, rounds);
    printTable(rows);
    console.log();
    printTargets(rows);
    const simulated = await simulationSeconds();
    console.log(
      `\nvanishing-gradient-depth simulation (sigmoid, tanh, relu; 30 x 128, batch 16, in-process): ` +
        `${simulated.toFixed(2)} s`,
    );
    await printPhases();
    await printLarge(tmp);
    if (sweep) await printSweep(join(tmp, 'w24'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
