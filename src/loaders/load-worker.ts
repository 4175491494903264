/**
 * Worker thread of the articles loader: validates and renders the files it is sent, so a cold
 * build uses every core (loading is CPU-bound: 1.3 ms per bench article on one thread; 6.5 ms
 * before plain bodies skipped the full parser).
 */
import { parentPort } from 'node:worker_threads';
import type { LoadOptions } from '../lib/load-article.ts';
import { runLoadJob } from './load-pool.ts';

export interface LoadJob {
  key: number;
  file: string;
  raw: string;
  options: LoadOptions;
  /** Where to write the body HTML if the article loads and has no local images (see `runLoadJob`). */
  htmlFile?: string;
}

// The next job is taken while this one's body is being written.
parentPort!.on('message', (job: LoadJob) => {
  runLoadJob(job).then(
    (loaded) => parentPort!.postMessage({ key: job.key, ...loaded }),
    (error: Error) => parentPort!.postMessage({ key: job.key, crash: error.stack ?? String(error) }),
  );
});
