/**
 * The build's one pool of worker threads (Piscina): loading articles, writing the search copies
 * and indexing shards beyond the first are tasks of `tasks.ts`. A pool lives for one batch and is
 * then closed, so no thread outlives the work; each thread imports only what its tasks use.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type * as Tasks from './tasks.ts';

type TaskName = keyof typeof Tasks;
type Input<N extends TaskName> = Parameters<(typeof Tasks)[N]>[0];
type Output<N extends TaskName> = Awaited<ReturnType<(typeof Tasks)[N]>>;

/** A pool of `threads` worker threads. */
export interface WorkerPool {
  run<N extends TaskName>(name: N, input: Input<N>): Promise<Output<N>>;
  close(): Promise<void>;
}

/**
 * Starts a pool of `threads` threads (at most 8: beyond that, memory more than time). `queued`
 * tasks are handed to a thread at once, so one never waits for its next small task; a task that
 * must have its thread to itself (a shard and its Pagefind process) needs 1.
 */
export function workerPool(threads: number, { queued = 1 } = {}): WorkerPool {
  const size = Math.max(1, Math.min(threads, 8));
  const pool = new Piscina({ filename: new URL('./tasks.ts', import.meta.url).href, minThreads: size, maxThreads: size, idleTimeout: Infinity, concurrentTasksPerWorker: queued });
  return {
    run: (name, input) => pool.run(input, { name }),
    close: () => pool.destroy(),
  };
}

/** Runs task `name` on every input on a pool of at most `threads` threads; the results in input order. */
export async function onWorkers<N extends TaskName>(name: N, inputs: readonly Input<N>[], threads = availableParallelism()): Promise<Output<N>[]> {
  const pool = workerPool(Math.min(threads, inputs.length), { queued: 4 });
  try {
    return await Promise.all(inputs.map((input) => pool.run(name, input)));
  } finally {
    await pool.close();
  }
}
