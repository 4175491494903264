/**
 * The tasks the worker pool (pool.ts) runs. Each imports what it needs when first called, so a
 * thread that only copies pages never loads the gazetteer.
 */
import type { LoadJob, Loaded } from '../loaders/load-job.ts';
import type { CopyResult, PageSource } from '../integrations/search-copies.ts';
import type { ShardJob, ShardResult } from '../integrations/pagefind.ts';

/** Loads and checks one article file (src/loaders/load-job.ts); a crash names the file, as the thread's own stack cannot. */
export async function load(job: LoadJob): Promise<Loaded> {
  const { runLoadJob } = await import('../loaders/load-job.ts');
  try {
    return runLoadJob(job);
  } catch (error) {
    throw new Error(`loading ${job.file} failed: ${(error as Error).stack ?? String(error)}`);
  }
}

/** Writes the canonical copies of a share of the pages Pagefind will index (src/integrations/search-copies.ts). */
export async function copyPages(job: { scratch: string; pages: PageSource[] }): Promise<CopyResult> {
  return (await import('../integrations/search-copies.ts')).copyPages(job.scratch, job.pages);
}

/** Indexes one shard with this thread's own Pagefind process (src/integrations/pagefind.ts). */
export async function indexShard(job: ShardJob): Promise<ShardResult> {
  return (await import('../integrations/pagefind.ts')).indexShard(job);
}
