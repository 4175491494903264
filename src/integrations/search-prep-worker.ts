/** Worker thread of the search prep (src/integrations/search-prep.ts): pages in, 'end' → its stats out. */
import { parentPort, workerData } from 'node:worker_threads';
import { indexerHash } from './pagefind.ts';
import { SearchPrep } from './search-prep.ts';

const prep = new SearchPrep((workerData as { copies: string }).copies, await indexerHash());
parentPort!.on('message', (m: { path: string; bytes: Uint8Array } | 'end') => {
  if (m === 'end') parentPort!.postMessage(prep.end());
  else prep.page(m.path, m.bytes);
});
