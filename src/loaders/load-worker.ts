/**
 * Worker thread of the articles loader: validates and renders the files it is sent, so a cold
 * build uses every core (rendering MDX is CPU-bound, ~4 ms per article).
 */
import { parentPort } from 'node:worker_threads';
import { loadArticle, type LoadOptions } from '../lib/load-article.ts';

export interface LoadJob {
  key: number;
  file: string;
  raw: string;
  options: LoadOptions;
}

parentPort!.on('message', (job: LoadJob) => {
  try {
    parentPort!.postMessage({ key: job.key, ...loadArticle(job.file, job.raw, job.options) });
  } catch (error) {
    parentPort!.postMessage({ key: job.key, crash: (error as Error).stack ?? String(error) });
  }
});
