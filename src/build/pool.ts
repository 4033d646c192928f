// Where figure jobs run: a pool of render processes, or this process when only a figure or two need
// rendering (starting a process and loading vega there costs more than rendering them here).
import { availableParallelism } from 'node:os';
import type { Figure } from '../config/model.ts';
import { kindOf } from '../kinds/registry.ts';
import type { FigureJob, FigureResult } from './job.ts';
import { UserError } from '../errors.ts';

/** Rows above which a figure renders alone: one render process, so that memory stays bounded. */
const BIG_FIGURE = 200_000;

const figureRows = (figure: Figure): number => kindOf(figure.kind).rows(figure);

/**
 * Where these figures render: in this process for one or two; else in a pool of the cores' (or `jobs`)
 * processes, at most one per figure, and one only while a big figure is among them.
 */
export async function runnerFor(figures: readonly Figure[], jobs?: number): Promise<JobRunner> {
  // The config's own fonts are named before anything renders, here and in the render processes (config/fonts.ts).
  if (figures.some((f) => f.font)) {
    const { fontFaces } = await import('../config/fonts.ts');
    (await import('../render/fonts.ts')).useFonts(fontFaces(figures));
  }
  if (figures.length <= 2) return inProcess();
  if (figures.some((figure) => figureRows(figure) > BIG_FIGURE)) return processPool(1);
  const size = Math.max(1, Math.min(jobs ?? availableParallelism(), figures.length));
  return process.env.ACTFIG_HYBRID === '0' ? processPool(size) : withThisProcess(size);
}

/**
 * This process as one of the `size` renderers, beside a pool of the others. It has started, loaded the
 * config and planned already, and mostly waits while the pool renders: a render process in its place
 * would start node, load vega and warm its JIT again (about a second of CPU on a 2-core machine).
 * The pool's processes take the next figure first (they must not wait for this one, which answers
 * them between its own figures); this process renders one figure at a time.
 */
async function withThisProcess(size: number): Promise<JobRunner> {
  const local = await inProcess();
  const pool = size > 1 ? await processPool(size - 1) : undefined;
  const queue: { job: FigureJob; resolve: (r: FigureResult) => void; reject: (e: unknown) => void }[] = [];
  let poolFree = size - 1;
  let localFree = true;
  const dispatch = (): void => {
    while (queue.length && (poolFree > 0 || localFree)) {
      const task = queue.shift()!;
      const onPool = poolFree > 0;
      if (onPool) poolFree--;
      else localFree = false;
      (onPool ? pool!.run(task.job) : local.run(task.job)).then(task.resolve, task.reject).finally(() => {
        if (onPool) poolFree++;
        else localFree = true;
        dispatch();
      });
    }
  };
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      }),
    close: async () => {
      await pool?.close();
    },
  };
}

export async function inProcess(): Promise<JobRunner> {
  const { runJob } = await import('./job.ts');
  return { run: runJob, close: async () => {} };
}

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
