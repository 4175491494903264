/**
 * Loads many articles on worker threads, one per core, in file order. Falls back to the
 * calling thread for small batches, where starting workers (each loads the gazetteer) costs
 * more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runLoadJob, type Loaded, type LoadJob } from './load-job.ts';

export type { Loaded } from './load-job.ts';

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
