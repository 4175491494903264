/**
 * Runs a Vietnamese search against Pagefind's browser API: reads the query every way the
 * reader may have meant it (see vi-search.ts), keeps the reading the archive contains, and
 * orders it phrase-first (or by date). Pagefind is passed in, so tests can use the real
 * bundle in a browser or a stand-in.
 */
import type { SearchManifest } from './search-shards.ts';
import { shardSelector, type VocabChunk } from './search-vocab.ts';
import { pagefindFilters, pagefindSort, type SearchState } from './search-state.ts';
import { bestReading, parseQuery, phraseFirst, rankReadings, readings, type SyllablePrior } from './vi-search.ts';

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
  /** The page's indexed text: the article's locality, title and body (src/integrations/search-copies.ts). */
  content?: string;
  /** Positions of the matched words in `content`'s words. */
  locations?: number[];
}

/** A Pagefind search response. */
export interface PagefindResponse {
  results: PagefindResult[];
  /** Counts per filter value among the results. */
  filters: Record<string, Record<string, number>>;
  /**
   * Counts per filter value for the query without the filters. For a quoted query Pagefind counts
   * every page holding all its words, adjacent or not.
   */
  totalFilters?: Record<string, Record<string, number>>;
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
  /**
   * For a query of several words: how many of the results, at their head, hold the words as a
   * phrase; the rest hold them apart. Undefined for one word or none.
   */
  phraseCount?: number;
}

const EMPTY: PagefindResponse = { results: [], filters: {} };

const byScore = (a: PagefindResult, b: PagefindResult) => b.score - a.score;

/** Options for `runSearch`. */
export interface SearchOptions {
  /** Years the index knows, to turn a year range into filter values. */
  knownYears?: readonly string[];
  /**
   * Loads how often each d/đ syllable occurs (built with the index); called only for a query that
   * has more than one reading. Without it every reading is tried.
   */
  prior?: () => Promise<SyllablePrior | undefined>;
  /**
   * Names of the index's shards, newest first, when there is more than one (see
   * search-shards.ts). Each shard's pages carry a `shard` filter with its name.
   */
  shards?: readonly string[];
  /**
   * The shards to search for an unquoted query, or undefined for all (src/lib/search/search-vocab.ts):
   * a shard lacking a query word would otherwise match a prefix of it.
   */
  shardsFor?: (text: string) => Promise<string[] | undefined>;
  /**
   * The reader is still typing the query's last word (live results, no trailing space): that word
   * may match as a prefix. Otherwise every word matches whole words only.
   */
  typing?: boolean;
}

/**
 * A date-sorted search over sharded indexes. Pagefind sorts each index by date but merges
 * indexes by score, which would shuffle the dates; shards hold consecutive months, so searching
 * them one by one, newest (or oldest) first, and joining the lists keeps the order.
 */
async function sortedSearch(
  pf: PagefindApi,
  term: string | null,
  filters: object,
  sort: Record<string, 'asc' | 'desc'>,
  shards: readonly string[],
): Promise<PagefindResponse> {
  if (shards.length < 2) return (await pf.search(term, { filters, sort })) ?? EMPTY;
  const order = Object.values(sort)[0] === 'asc' ? [...shards].reverse() : shards;
  const parts = await Promise.all(order.map((shard) => pf.search(term, { filters: { ...filters, shard }, sort })));
  const counts: Record<string, Record<string, number>> = {};
  for (const part of parts) {
    for (const [key, values] of Object.entries(part?.filters ?? {})) {
      if (key === 'shard') continue;
      const into = (counts[key] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return { results: parts.flatMap((p) => p?.results ?? []), filters: counts };
}

/** A reading is taken without trying the others when its phrase is this common… */
const CONFIDENT_HITS = 3;
/** …or when the archive spells its syllables this way at least this often. */
const CONFIDENT_SHARE = 0.95;

/** Searches `state` with Pagefind, the Vietnamese way (see the module comment). */
export async function runSearch(pf: PagefindApi, state: SearchState, options: SearchOptions = {}): Promise<SearchOutcome> {
  const { knownYears = [], shards = [], shardsFor, typing = false } = options;
  const filters = pagefindFilters(state, knownYears);
  const { terms, exact } = parseQuery(state.q);
  const sort = pagefindSort(state.sort);
  const search = async (term: string, withSort = false): Promise<PagefindResponse> => {
    // Quoted terms need exact words, which Pagefind never replaces by a prefix.
    const only = term.startsWith('"') ? undefined : await shardsFor?.(term);
    if (only?.length === 0) return EMPTY;
    const where = only ? { ...filters, shard: { any: only } } : filters;
    return withSort && sort ? sortedSearch(pf, term, where, sort, only ?? shards) : ((await pf.search(term, { filters: where })) ?? EMPTY);
  };

  if (terms.length === 0) {
    // No words: browse everything the filters allow, newest first unless asked otherwise.
    const res = await sortedSearch(pf, null, filters, pagefindSort(state.sort === 'relevance' ? 'newest' : state.sort)!, shards);
    return { results: res.results, counts: res.filters, terms: [] };
  }

  const options0 = readings(terms);
  const prior = options0.length > 1 ? await options.prior?.() : undefined;
  const ranked = rankReadings(options0, prior);
  const texts = ranked.map((r) => r.terms.join(' '));

  if (terms.length === 1) {
    // One word: the prior counts exactly its pages, so it decides; without one, the reading with more hits.
    const tried = prior ? [await search(texts[0]!, state.sort !== 'relevance')] : await Promise.all(texts.map((t) => search(t, state.sort !== 'relevance')));
    const best = bestReading(tried.map((r) => ({ phrase: null, all: r.results })));
    const ranking = state.sort === 'relevance' ? [...tried[best]!.results].sort(byScore) : tried[best]!.results;
    if (typing) return { results: ranking, counts: tried[best]!.filters, terms: ranked[best]!.terms };
    // Pagefind ranks the unquoted search and matches prefixes ("vịnh" for "vị"); the quoted one
    // holds the pages with the word itself, and counts them.
    const whole = await search(`"${texts[best]!}"`);
    // A word the archive never holds whole was typed partly ("Kiến X" ends in one): a prefix it stays.
    if (!whole.results.length) return { results: ranking, counts: tried[best]!.filters, terms: ranked[best]!.terms };
    const ids = new Set(whole.results.map((r) => r.id));
    return { results: ranking.filter((r) => ids.has(r.id)), counts: whole.filters, terms: ranked[best]!.terms };
  }

  // Several words: the adjacent phrase decides the reading and leads the ranking. Readings are
  // tried most likely first; a clear phrase match ends the trying.
  const phrases: PagefindResponse[] = [];
  const withSort = exact && state.sort !== 'relevance';
  if (prior) {
    for (const [i, text] of texts.entries()) {
      const res = await search(`"${text}"`, withSort);
      phrases.push(res);
      if (res.results.length >= CONFIDENT_HITS || (res.results.length > 0 && ranked[i]!.share >= CONFIDENT_SHARE)) break;
    }
  } else {
    phrases.push(...(await Promise.all(texts.map((t) => search(`"${t}"`, withSort)))));
  }
  let best = bestReading(phrases.map((p) => ({ phrase: p.results, all: [] })));
  let words: PagefindResponse | undefined;
  if (phrases[best]!.results.length === 0 && !exact) {
    // No reading occurs as a phrase: the likeliest reading (or, without a prior, the one with most hits).
    const all = prior ? [await search(texts[0]!)] : await Promise.all(texts.map((t) => search(t)));
    best = bestReading(all.map((r) => ({ phrase: null, all: r.results })));
    words = all[best];
  }
  const chosen = ranked[best]!.terms;
  const phrase = phrases[best] ?? EMPTY;
  // The words apart must be whole words too (all but the one being typed): pages holding each
  // word itself, from one quoted search per word.
  const wholeWords = exact ? Promise.resolve(undefined) : pagesWithWords(chosen, search, typing);
  const keep = async (res: PagefindResponse) => {
    const ids = (await wholeWords)?.pages;
    return ids ? res.results.filter((r) => ids.has(r.id)) : res.results;
  };
  // Counts for all the words found whole: without filters, Pagefind's own for the quoted query;
  // with filters it has none for that set, and the word search's (which count prefixes) stand in.
  const countsOf = async (res: PagefindResponse) => ((await wholeWords)?.whole && Object.keys(filters).length === 0 && phrase.totalFilters) || res.filters;
  if (exact) {
    const results = state.sort === 'relevance' ? [...phrase.results].sort(byScore) : phrase.results;
    return { results, counts: phrase.filters, terms: chosen, phraseCount: results.length };
  }
  if (state.sort !== 'relevance') {
    // By date, in two groups: the phrase hits, then the rest, each in date order.
    const [sortedPhrase, res] = await Promise.all([phrase.results.length ? search(`"${texts[best]!}"`, true) : EMPTY, search(texts[best]!, true)]);
    const inPhrase = new Set(sortedPhrase.results.map((r) => r.id));
    const results = [...sortedPhrase.results, ...(await keep(res)).filter((r) => !inPhrase.has(r.id))];
    return { results, counts: await countsOf(res), terms: chosen, phraseCount: sortedPhrase.results.length };
  }
  words ??= await search(texts[best]!);
  const all = await keep(words);
  const byId = new Map<string, PagefindResult>();
  for (const r of [...phrase.results, ...all]) byId.set(r.id, r);
  const ordered = phraseFirst({ phrase: phrase.results, all }, false).map((h) => byId.get(h.id)!);
  return { results: ordered, counts: await countsOf(words), terms: chosen, phraseCount: phrase.results.length };
}

/**
 * The pages that hold each of `words` as a whole word (one quoted search each), but for the last
 * while it is being typed, or when the archive never holds it whole (typed partly: "Kiến X"): that
 * one may be a prefix. `whole` says every word was taken whole.
 */
async function pagesWithWords(words: readonly string[], search: (term: string) => Promise<PagefindResponse>, typing: boolean): Promise<{ pages: Set<string>; whole: boolean } | undefined> {
  const sets = await Promise.all((typing ? words.slice(0, -1) : words).map(async (w) => new Set((await search(`"${w}"`)).results.map((r) => r.id))));
  const whole = !typing && sets.at(-1)?.size !== 0;
  if (!whole && !typing) sets.pop();
  const [first, ...rest] = sets;
  return first && { pages: new Set([...first].filter((id) => rest.every((set) => set.has(id)))), whole };
}

/** The Pagefind module (pagefind.js) as the page opens it. */
export interface PagefindModule extends PagefindApi {
  options(o: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(path: string, options?: object): Promise<void>;
}

/**
 * Opens the index the build wrote: `pf` is pagefind.js from `base` (the newest shard's
 * bundle), `manifest` its diachi.json. Merges the other shards, tagging every shard's pages
 * with a `shard` filter for date-sorted searches. Returns the shard names, newest first.
 */
export async function openIndex(pf: PagefindModule, manifest: SearchManifest | undefined, base: URL, options: object = {}): Promise<string[]> {
  const shards = manifest?.shards ?? [];
  if (shards.length < 2) {
    await pf.options(options);
    return [];
  }
  await pf.options({ ...options, mergeFilter: { shard: shards[0]!.name } });
  await Promise.all(shards.slice(1).map((s) => pf.mergeIndex(new URL(s.dir, base).pathname, { ...options, mergeFilter: { shard: s.name } })));
  return shards.map((s) => s.name);
}

/**
 * `SearchOptions.shardsFor` for the index `openIndex` opened: fetches the vocabulary chunks the
 * manifest lists from `base` (the /pagefind/ folder). Undefined for an index in one shard.
 */
export function shardsForManifest(manifest: SearchManifest | undefined, shards: readonly string[], base: URL): SearchOptions['shardsFor'] {
  const vocab = manifest?.vocab;
  if (!vocab || shards.length < 2) return undefined;
  const keys = new Set(vocab.keys);
  return shardSelector(shards, async (key) => (keys.has(key) ? ((await (await fetch(new URL(`${vocab.dir}${key}.json`, base))).json()) as VocabChunk) : undefined));
}
