/** Worker thread of writeSearchCopies: copies its share of the pages and reports the counts. */
import { parentPort, workerData } from 'node:worker_threads';
import { copyPages, type PageSource } from './search-copies.ts';

const { scratch, pages } = workerData as { scratch: string; pages: PageSource[] };
parentPort!.postMessage(copyPages(scratch, pages));
