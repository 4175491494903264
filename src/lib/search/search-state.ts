/**
 * The whole search state lives in the URL (`/tim-kiem/?q=dang+vien&province=Quảng+Ninh&sort=newest`)
 * so a search can be bookmarked, shared, and walked with Back/Forward.
 */

/** Result order. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** Pagefind filter keys the archive indexes. */
export const FILTER_KEYS = ['province', 'district', 'commune', 'year', 'source', 'province2025', 'commune2025'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Everything a search page shows, as the URL says it. */
export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
  /** Year range, inclusive; either end may be open. */
  from?: number;
  to?: number;
  sort: SortOrder;
}

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

function year(value: string | null): number | undefined {
  return value && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

/** Reads the state from a query string; unknown or malformed values are ignored. */
export function parseState(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, [...new Set(params.getAll(k).map((v) => v.normalize('NFC').trim()).filter(Boolean))]]),
  ) as Record<FilterKey, string[]>;
  const sort = params.get('sort') as SortOrder | null;
  const state: SearchState = {
    q: (params.get('q') ?? '').normalize('NFC').trim(),
    filters,
    sort: sort && SORTS.includes(sort) ? sort : 'relevance',
  };
  const from = year(params.get('from'));
  const to = year(params.get('to'));
  if (from !== undefined) state.from = from;
  if (to !== undefined) state.to = to;
  return state;
}

/** Writes the state as a query string, leaving out defaults, in a stable order. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const k of FILTER_KEYS) for (const v of state.filters[k]) params.append(k, v);
  if (state.from !== undefined) params.set('from', String(state.from));
  if (state.to !== undefined) params.set('to', String(state.to));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** Whether the state asks for anything (a query or a filter). */
export function isEmptyState(state: SearchState): boolean {
  // Punctuation alone is no word to look for (Pagefind drops it and would list every article).
  return !/[\p{L}\p{N}]/u.test(state.q) && FILTER_KEYS.every((k) => state.filters[k].length === 0) && state.from === undefined && state.to === undefined;
}

/** Filter values the URL asks for that the index does not have ("province=Atlantis"), as "key: value". */
export function unknownFilters(state: SearchState, totals: Record<string, Record<string, number>>): string[] {
  return FILTER_KEYS.flatMap((k) => state.filters[k].filter((v) => totals[k]?.[v] === undefined).map((v) => `${k}: ${v}`));
}

/** Pagefind filter: `{ key: { any: [...] } }` per key in use. */
export type PagefindFilters = Record<string, { any: string[] }>;

/**
 * The Pagefind filters for a state. The year range becomes the list of known years inside it,
 * intersected with any years picked one by one; an empty list matches nothing.
 */
export function pagefindFilters(state: SearchState, knownYears: readonly string[]): PagefindFilters {
  const out: PagefindFilters = {};
  for (const k of FILTER_KEYS) if (k !== 'year' && state.filters[k].length) out[k] = { any: [...state.filters[k]] };
  let years = state.filters.year.length ? [...state.filters.year] : null;
  if (state.from !== undefined || state.to !== undefined) {
    const inRange = knownYears.filter((y) => Number(y) >= (state.from ?? -Infinity) && Number(y) <= (state.to ?? Infinity));
    years = years ? years.filter((y) => inRange.includes(y)) : inRange;
    // Pagefind treats an empty "any" as no filter; a year no page has keeps the result empty.
    if (years.length === 0) years = ['0000'];
  }
  if (years) out.year = { any: years };
  return out;
}

/** Pagefind sort option for an order; relevance uses Pagefind's own ranking. */
export function pagefindSort(sort: SortOrder): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'newest') return { date: 'desc' };
  if (sort === 'oldest') return { date: 'asc' };
  return undefined;
}
