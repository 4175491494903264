/**
 * Browser side of the search benchmark: runs a search with plain Pagefind or with ours and
 * reports how long until the first results' data was in hand. Bundled by esbuild at bench time.
 */
import { runSearch, type PagefindApi } from '../../../src/lib/search-engine.ts';
import { pagefindFilters, pagefindSort, parseState } from '../../../src/lib/search-state.ts';
import type { SyllablePrior } from '../../../src/lib/vi-search.ts';

interface Pagefind extends PagefindApi {
  filters(): Promise<Record<string, Record<string, number>>>;
}

const loaded = new Map<string, Promise<Pagefind>>();
let prior: Promise<SyllablePrior | undefined> | undefined;
const load = (base: string) => {
  if (!loaded.has(base)) loaded.set(base, import(/* @vite-ignore */ `${base}/pagefind.js`) as Promise<Pagefind>);
  return loaded.get(base)!;
};

async function run(mode: 'plain' | 'ours', query: string, base: string, top = 10) {
  const started = performance.now();
  // As the search page does: the prior is fetched alongside Pagefind's start-up.
  const loadPrior = () => (prior ??= fetch(`${base}/vi-syllables.json`).then((r) => (r.ok ? (r.json() as Promise<SyllablePrior>) : undefined)));
  if (mode === 'ours') void loadPrior();
  const pf = await load(base);
  const state = parseState(new URLSearchParams(query));
  const years = state.from !== undefined || state.to !== undefined ? Object.keys((await pf.filters()).year ?? {}) : [];
  // "First results": the moment the first page of results is ready to show, as the search page shows it.
  let first: Promise<number> | undefined;
  const results =
    mode === 'ours'
      ? (
          await runSearch(pf, state, {
            knownYears: years,
            prior: loadPrior,
            onPartial: (partial) => {
              first = Promise.all(partial.results.slice(0, top).map((r) => r.data())).then(() => performance.now() - started);
              return first;
            },
          })
        ).results
      : ((await pf.search(state.q || null, { filters: pagefindFilters(state, years), sort: pagefindSort(state.sort) }))?.results ?? []);
  const data = await Promise.all(results.slice(0, top).map((r) => r.data()));
  const complete = performance.now() - started;
  return {
    ms: first ? await first : complete,
    msComplete: complete,
    count: results.length,
    slugs: data.map((d) => d.url.split('/').filter(Boolean).at(-1) ?? ''),
  };
}

(window as unknown as { bench: { run: typeof run } }).bench = { run };
