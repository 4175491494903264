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
  /** True for an early answer holding only the first (phrase) hits; the full one follows. */
  partial?: boolean;
}

const EMPTY: PagefindResponse = { results: [], filters: {} };

/** Phrase hits at least this many are shown before the full list is ready: one page of results. */
export const EARLY_RESULTS = 10;

const byScore = (a: PagefindResult, b: PagefindResult) => b.score - a.score;

/**
 * Searches `state` with Pagefind. `knownYears` turns the year range into filter values.
 * `onPartial`, if given, receives the phrase hits as soon as they fill a page — they rank
 * first anyway. The word search that completes the list and the counts starts when the
 * promise it returns settles: Pagefind's worker answers in order, so the first page's data
 * is not made to wait behind it.
 */
export async function runSearch(
  pf: PagefindApi,
  state: SearchState,
  knownYears: readonly string[],
  onPartial?: (outcome: SearchOutcome) => void | Promise<unknown>,
): Promise<SearchOutcome> {
  const filters = pagefindFilters(state, knownYears);
  const { terms, exact } = parseQuery(state.q);
  const sort = pagefindSort(state.sort);
  const search = async (term: string | null, withSort = false) =>
    (await pf.search(term, withSort && sort ? { filters, sort } : { filters })) ?? EMPTY;

  if (terms.length === 0) {
    // No words: browse everything the filters allow, newest first unless asked otherwise.
    const res = await pf.search(null, { filters, sort: pagefindSort(state.sort === 'relevance' ? 'newest' : state.sort) });
    return { results: res?.results ?? [], counts: res?.filters ?? {}, terms: [] };
  }

  const options = readings(terms);
  const texts = options.map((r) => r.join(' '));

  if (terms.length === 1) {
    // One word: no phrase to test; the reading with more hits wins.
    const all = await Promise.all(texts.map((t) => search(t, state.sort !== 'relevance')));
    const best = bestReading(all.map((r) => ({ phrase: null, all: r.results })));
    const results = state.sort === 'relevance' ? [...all[best]!.results].sort(byScore) : all[best]!.results;
    return { results, counts: all[best]!.filters, terms: options[best]! };
  }

  // Several words: the adjacent phrase decides the reading and leads the ranking.
  const phrases = await Promise.all(texts.map((t) => search(`"${t}"`, exact && state.sort !== 'relevance')));
  let best = bestReading(phrases.map((p) => ({ phrase: p.results, all: [] })));
  let words: PagefindResponse | undefined;
  if (phrases[best]!.results.length === 0 && !exact) {
    // No reading occurs as a phrase: fall back to the reading with most scattered hits.
    const all = await Promise.all(texts.map((t) => search(t)));
    best = bestReading(all.map((r) => ({ phrase: null, all: r.results })));
    words = all[best];
  }
  const chosen = options[best]!;
  const phrase = phrases[best]!;
  if (exact) {
    const results = state.sort === 'relevance' ? [...phrase.results].sort(byScore) : phrase.results;
    return { results, counts: phrase.filters, terms: chosen };
  }
  if (state.sort !== 'relevance') {
    const res = await search(texts[best]!, true);
    return { results: res.results, counts: res.filters, terms: chosen };
  }
  if (!words && onPartial && phrase.results.length >= EARLY_RESULTS) {
    await onPartial({ results: [...phrase.results].sort(byScore), counts: phrase.filters, terms: chosen, partial: true });
  }
  words ??= await search(texts[best]!);
  const byId = new Map<string, PagefindResult>();
  for (const r of [...phrase.results, ...words.results]) byId.set(r.id, r);
  const ordered = phraseFirst({ phrase: phrase.results, all: words.results }, false).map((h) => byId.get(h.id)!);
  return { results: ordered, counts: words.filters, terms: chosen };
}
