/**
 * Browser side of the search benchmark: runs a search with plain Pagefind or with ours and
 * reports how long until the first results' data was in hand. Bundled by esbuild at bench time.
 */
import { openIndex, runSearch, shardsForManifest, type PagefindModule, type SearchOptions } from '../../../src/lib/search/search-engine.ts';
import type { SearchManifest } from '../../../src/lib/search/search-shards.ts';
import { pagefindFilters, pagefindSort, parseState } from '../../../src/lib/search/search-state.ts';

interface Opened {
  pf: PagefindModule;
  shards: string[];
  shardsFor: SearchOptions['shardsFor'];
}

const loaded = new Map<string, Promise<Opened>>();
let manifest: Promise<SearchManifest | undefined> | undefined;
const loadManifest = (base: string) => (manifest ??= fetch(`${base}/diachi.json`).then((r) => (r.ok ? (r.json() as Promise<SearchManifest>) : undefined)));
/** Opens an index as the search page does (ours: with its shards merged). */
const load = (mode: 'plain' | 'ours', base: string) => {
  if (!loaded.has(base)) {
    loaded.set(
      base,
      (async () => {
        const [pf, m] = await Promise.all([import(/* @vite-ignore */ `${base}/pagefind.js`) as Promise<PagefindModule>, mode === 'ours' ? loadManifest(base) : undefined]);
        const folder = new URL(`${base}/`, location.href);
        const shards = await openIndex(pf, m, folder);
        return { pf, shards, shardsFor: shardsForManifest(m, shards, folder) };
      })(),
    );
  }
  return loaded.get(base)!;
};

/** `withText`: also return the indexed text of the first `top` results, to check what they hold. */
async function run(mode: 'plain' | 'ours', query: string, base: string, top = 10, withText = false) {
  const started = performance.now();
  // As the search page does: the manifest (shards and d/đ prior) is fetched alongside Pagefind's start-up.
  const loadPrior = () => loadManifest(base);
  const { pf, shards, shardsFor } = await load(mode, base);
  const state = parseState(new URLSearchParams(query));
  const years = state.from !== undefined || state.to !== undefined ? Object.keys((await pf.filters()).year ?? {}) : [];
  let phraseCount: number | undefined;
  const results =
    mode === 'ours'
      ? await runSearch(pf, state, { knownYears: years, prior: loadPrior, shards, shardsFor }).then((outcome) => ((phraseCount = outcome.phraseCount), outcome.results))
      : ((await pf.search(state.q || null, { filters: pagefindFilters(state, years), sort: pagefindSort(state.sort) }))?.results ?? []);
  // "First results": the first page of results with its data, ready to show.
  const data = await Promise.all(results.slice(0, top).map((r) => r.data()));
  const ms = performance.now() - started;
  return {
    ms,
    count: results.length,
    phraseCount,
    slugs: data.map((d) => d.url.split('/').filter(Boolean).at(-1) ?? ''),
    ...(withText && { texts: data.map((d) => `${d.meta.title ?? ''} ${d.content ?? ''}`) }),
  };
}

(window as unknown as { bench: { run: typeof run } }).bench = { run };
