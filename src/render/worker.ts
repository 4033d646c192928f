// A render process of the build's pool: loads vega once, then makes one figure's files per job.
import { type FigureJob, type FigureResult, runJob } from '../build/job.ts';

export default function renderJob(job: FigureJob): Promise<FigureResult> {
  return runJob(job);
}
