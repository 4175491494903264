/** Builds our search index over a built site, as `npm run build` does after Astro: `node index-ours.ts DIST`. */
import { buildSearchIndex, indexSummary } from '../../../src/integrations/pagefind.ts';

console.log(indexSummary(await buildSearchIndex(process.argv[2]!)));
