/**
 * Runs a Vietnamese search against Pagefind's browser API: reads the query every way the
 * reader may have meant it (see vi-search.ts), keeps the reading the archive contains, and
 * orders it phrase-first (or by date). Pagefind is passed in, so tests can use the real
 * bundle in a browser or a stand-in.
 */
import { pagefindFilters, pagefindSort, type SearchState } from './search-state.ts';
import { bestReading, parseQuery, phraseFirst, readings, type ReadingHits } from './vi-search.ts';

/** The part of a Pagefind result the engine uses. */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

/** What `result.data()` returns (the fields we show). */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

/** A Pagefind search response. */
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

/** The subset of the Pagefind API the engine calls. */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: object; sort?: object }): Promise<PagefindResponse | null>;
}

/** What a search produced. */
export interface SearchOutcome {
  results: PagefindResult[];
  /** Result counts per filter value for the current query and filters. */
  counts: Record<string, Record<string, number>>;
  /** The terms searched, as the chosen reading (e.g. "đang viên" for "dang vien"); for highlighting. */
  terms: string[];
}

const EMPTY: PagefindResponse = { results: [], filters: {} };

/** Searches `state` with Pagefind. `knownYears` turns the year range into filter values. */
export async function runSearch(pf: PagefindApi, state: SearchState, knownYears: readonly string[]): Promise<SearchOutcome> {
  const filters = pagefindFilters(state, knownYears);
  const { terms, exact } = parseQuery(state.q);
  const search = async (term: string | null, sort?: object) =>
    (await pf.search(term, sort ? { filters, sort } : { filters })) ?? EMPTY;

  if (terms.length === 0) {
    // No words: browse everything the filters allow, newest first unless asked otherwise.
    const res = await search(null, pagefindSort(state.sort === 'relevance' ? 'newest' : state.sort));
    return { results: res.results, counts: res.filters, terms: [] };
  }

  const options = readings(terms);
  const responses = await Promise.all(
    options.map(async (reading) => {
      const text = reading.join(' ');
      const phrase = reading.length > 1 ? await search(`"${text}"`) : null;
      const all = exact && phrase ? phrase : await search(text);
      return { phrase, all };
    }),
  );
  const hits: ReadingHits[] = responses.map((r) => ({ phrase: r.phrase?.results ?? null, all: r.all.results }));
  const best = bestReading(hits);
  const chosen = options[best]!;
  const text = chosen.join(' ');

  if (state.sort !== 'relevance') {
    const res = await search(exact && chosen.length > 1 ? `"${text}"` : text, pagefindSort(state.sort));
    return { results: res.results, counts: res.filters, terms: chosen };
  }
  const byId = new Map<string, PagefindResult>();
  for (const r of [...(responses[best]!.phrase?.results ?? []), ...responses[best]!.all.results]) byId.set(r.id, r);
  const ordered = phraseFirst(hits[best]!, exact).map((h) => byId.get(h.id)!);
  const counts = (exact && responses[best]!.phrase ? responses[best]!.phrase! : responses[best]!.all).filters;
  return { results: ordered, counts, terms: chosen };
}
