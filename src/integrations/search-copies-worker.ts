/** Worker thread of writeSearchCopies: copies its share of the pages and reports the counts. */
import { parentPort, workerData } from 'node:worker_threads';
import { copyPages } from './search-copies.ts';

const { outDir, scratch, files } = workerData as { outDir: string; scratch: string; files: string[] };
parentPort!.postMessage(copyPages(outDir, scratch, files));
