/**
 * Loads many articles on the worker pool (src/workers/pool.ts), one thread per core. Falls back
 * to the calling thread for small batches, where starting workers (each loads the gazetteer)
 * costs more than it saves.
 */
import { availableParallelism } from 'node:os';
import { onWorkers } from '../workers/pool.ts';
import { runLoadJob, type Loaded, type LoadJob } from './load-job.ts';

export type { Loaded } from './load-job.ts';

/** Below this many files the calling thread does the work. */
export const POOL_THRESHOLD = 400;

/** Runs every job (`runLoadJob`); results in job order, exactly as on the calling thread. */
export async function loadMany(jobs: LoadJob[], { threads = availableParallelism(), threshold = POOL_THRESHOLD } = {}): Promise<Loaded[]> {
  if (jobs.length < threshold || threads < 2) return jobs.map(runLoadJob);
  return onWorkers('load', jobs, threads);
}
