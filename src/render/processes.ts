// The render processes: a pool of them (tinypool), each loading vega once and rendering many figures.
// Kept apart from pool.ts, which decides where figures render, so that the CLI can start the processes
// before it loads anything else.
import { availableParallelism } from 'node:os';
import type { FigureJob, FigureResult } from '../build/job.ts';
import { UserError } from '../errors.ts';

/** What a render process sends back: the figure's files, or a user's mistake by its message. */
export type WorkerReply = { result: FigureResult } | { userError: string };

export interface JobRunner {
  run(job: FigureJob): Promise<FigureResult>;
  close(): Promise<void>;
}

/**
 * V8 flags of a render process. Its young generation stays at 4 MB a semispace (V8 lets it grow to 16):
 * some 20 MB less per process, and no slower, as a figure's objects die young or live for the whole
 * process. The code cache is keyed by these flags too (V8 refuses a cache made under other flags).
 */
const RENDER_FLAGS = ['--max-semi-space-size=4'];

/**
 * A pool of render processes (tinypool); each loads vega once and renders many figures. Processes,
 * not threads: node-canvas crashes the process when a worker thread that used it is torn down.
 * From the TypeScript sources (the tests), the worker is loaded through tsx.
 */
export async function processPool(size: number): Promise<JobRunner> {
  const { default: Tinypool } = await import('tinypool');
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Tinypool({
    filename: new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href,
    runtime: 'child_process',
    serialization: 'advanced',
    minThreads: size,
    maxThreads: size,
    execArgv: [...(fromSource ? ['--import', 'tsx'] : []), ...RENDER_FLAGS],
    // tinypool starts its processes with an empty environment; the renderer reads ACTFIG_* and TMPDIR.
    env: process.env as Record<string, string>,
  });
  return {
    run: async (job) => {
      const reply = (await pool.run(job)) as WorkerReply;
      if ('userError' in reply) throw new UserError(reply.userError);
      return reply.result;
    },
    close: () => pool.destroy(),
  };
}

let early: Promise<JobRunner> | undefined;

/**
 * Starts the render processes before the config is read, for a build that will surely render (--force):
 * they start up (node, then vega and canvas) while this process loads the config and plans, instead
 * of after. The next runnerFor takes them; closeEarlyPool stops them if none did.
 */
export function startPoolEarly(jobs?: number): void {
  early ??= processPool(Math.max(1, jobs ?? availableParallelism()));
}

/** Stops render processes started early that no build took (a bad config, nothing to render). */
export async function closeEarlyPool(): Promise<void> {
  const started = early;
  early = undefined;
  if (started) await (await started).close();
}

/** The processes startPoolEarly started, for the build to use; undefined if none were started. */
export function takeEarlyPool(): Promise<JobRunner> | undefined {
  const started = early;
  early = undefined;
  return started;
}
