/**
 * Worker thread of the articles loader: validates and renders the files it is sent, so a cold
 * build uses every core: loading is CPU-bound (bench/results/design.md: load-workers).
 */
import { parentPort } from 'node:worker_threads';
import { runLoadJob, type LoadJob } from './load-job.ts';

parentPort!.on('message', (job: LoadJob) => {
  try {
    parentPort!.postMessage({ key: job.key, ...runLoadJob(job) });
  } catch (error) {
    parentPort!.postMessage({ key: job.key, crash: (error as Error).stack ?? String(error) });
  }
});
