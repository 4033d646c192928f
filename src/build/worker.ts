// A render process of the build's pool: loads vega once, then makes one figure's files per job.
import { type FigureJob, runJob } from './job.ts';
import { UserError } from '../errors.ts';
import type { WorkerReply } from './pool.ts';

/** A user's mistake found while rendering keeps its kind across the process boundary (errors lose their class). */
export default async function renderJob(job: FigureJob): Promise<WorkerReply> {
  try {
    return { result: await runJob(job) };
  } catch (error) {
    if (error instanceof UserError) return { userError: error.message };
    throw error;
  }
}
