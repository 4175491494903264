/** Worker thread of buildSearchIndex: one shard, indexed by this thread's own Pagefind process. */
import { parentPort, workerData } from 'node:worker_threads';
import { indexShard, type ShardJob } from './pagefind.ts';

parentPort!.postMessage(await indexShard(workerData as ShardJob));
