/**
 * Loads many articles on worker threads, one per core, in file order. Falls back to the
 * calling thread for small batches, where starting workers (each loads the gazetteer) costs
 * more than it saves.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadArticle, type LoadOptions } from '../lib/articles/load-article.ts';
import type { LoadJob } from './load-worker.ts';

/** An article as `loadArticle` gives it, and the file its body was written to, if it was. */
export type Loaded = ReturnType<typeof loadArticle> & { htmlFile?: string };

/**
 * Loads one file and, when the job names an `htmlFile` and the article has no local images,
 * writes its body there: on the worker, while the others load, not one after another on the
 * main thread (bench/results/design.md: load-workers).
 */
export function runLoadJob(job: Omit<LoadJob, 'key'>): Loaded {
  const loaded: Loaded = loadArticle(job.file, job.raw, job.options);
  if (job.htmlFile && loaded.article && loaded.article.imagePaths.length === 0) {
    writeFileSync(job.htmlFile, loaded.article.html);
    loaded.htmlFile = job.htmlFile;
  }
  return loaded;
}

/** Below this many files the calling thread does the work. */
export const POOL_THRESHOLD = 400;

/** Runs every job (`runLoadJob`); results in job order, exactly as on the calling thread. */
export async function loadMany(jobs: Omit<LoadJob, 'key'>[], { threads = availableParallelism(), threshold = POOL_THRESHOLD } = {}): Promise<Loaded[]> {
  if (jobs.length < threshold || threads < 2) return jobs.map(runLoadJob);
  const results: Loaded[] = new Array(jobs.length);
  const workers = Array.from({ length: Math.min(threads, 8) }, () => new Worker(new URL('./load-worker.ts', import.meta.url)));
  try {
    let next = 0;
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            // A few jobs queued per worker keep it busy while results travel back.
            let inFlight = 0;
            const feed = () => {
              while (inFlight < 4 && next < jobs.length) {
                const key = next++;
                inFlight++;
                worker.postMessage({ key, ...jobs[key]! } satisfies LoadJob);
              }
              if (inFlight === 0) resolve();
            };
            worker.on('message', (msg: Loaded & { key: number; crash?: string }) => {
              if (msg.crash) return reject(new Error(`loading ${jobs[msg.key]!.file} failed: ${msg.crash}`));
              results[msg.key] = { problems: msg.problems, ...(msg.article && { article: msg.article }), ...(msg.htmlFile && { htmlFile: msg.htmlFile }) };
              inFlight--;
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
