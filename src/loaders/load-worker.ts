/**
 * Worker thread of the articles loader: validates and renders the files it is sent, so a cold
 * build uses every core: loading is CPU-bound (bench/results/design.md: load-workers).
 */
import { parentPort } from 'node:worker_threads';
import type { LoadOptions } from '../lib/articles/load-article.ts';
import { runLoadJob } from './load-pool.ts';

export interface LoadJob {
  key: number;
  file: string;
  raw: string;
  options: LoadOptions;
  /** Where to write the body HTML if the article loads and has no local images (see `runLoadJob`). */
  htmlFile?: string;
}

parentPort!.on('message', (job: LoadJob) => {
  try {
    parentPort!.postMessage({ key: job.key, ...runLoadJob(job) });
  } catch (error) {
    parentPort!.postMessage({ key: job.key, crash: (error as Error).stack ?? String(error) });
  }
});
