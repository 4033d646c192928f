// Where figure jobs run: a pool of render processes, or this process when only a figure or two need
// rendering (starting a process and loading vega there costs more than rendering them here).
import { availableParallelism } from 'node:os';
import type { Figure } from '../config/model.ts';
import { kindOf } from '../figures/kinds/registry.ts';
import { type JobRunner, processPool } from './processes.ts';

export type { JobRunner, WorkerReply } from './processes.ts';

/** Rows above which a figure renders alone: one render process, so that memory stays bounded. */
const BIG_FIGURE = 200_000;

const figureRows = (figure: Figure): number => kindOf(figure.kind).rows(figure);

/**
 * Where these figures render: in this process for one or two; else in a pool of the cores' (or `jobs`)
 * processes, at most one per figure, and one only while a big figure is among them.
 */
export async function runnerFor(figures: readonly Figure[], jobs?: number): Promise<JobRunner> {
  if (figures.length <= 2) return inProcess();
  const big = figures.some((figure) => figureRows(figure) > BIG_FIGURE);
  return processPool(big ? 1 : Math.max(1, Math.min(jobs ?? availableParallelism(), figures.length)));
}

export async function inProcess(): Promise<JobRunner> {
  const { runJob } = await import('../build/job.ts');
  return { run: runJob, close: async () => {} };
}
