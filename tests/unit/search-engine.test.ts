/** The engine against a stand-in Pagefind that matches words and phrases over a tiny corpus. */
import { describe, expect, it } from 'vitest';
import { runSearch, type PagefindApi, type PagefindResponse } from '../../src/lib/search/search-engine.ts';
import type { SyllablePrior } from '../../src/lib/search/vi-search.ts';
import { parseState } from '../../src/lib/search/search-state.ts';

const PAGES = [
  { id: 'dam-ha', text: 'đam ha vung manh đam ha', province: 'Quảng Ninh', date: '2022' },
  { id: 'dam-lam', text: 'dam nghi dam lam o ha nam', province: 'Hà Nam', date: '2021' },
  { id: 'vi-xuyen', text: 'xa thuong son vi xuyen', province: 'Hà Giang', date: '2019' },
  { id: 'don-vi', text: 'don vi thuong xuyen don vi thuong xuyen', province: 'Bắc Ninh', date: '2020' },
  // "vinh" and "xuyenh" begin with "vi" and "xuyen": a prefix, not the words.
  { id: 'vinh', text: 'vinh ha long xuyenh', province: 'Ninh Bình', date: '2018' },
];

/**
 * Pagefind-like: lower-case, tones dropped (đ kept), every term a prefix, quotes = adjacent phrase;
 * for a quoted query `totalFilters` counts, without the filters, the pages holding all its words.
 */
function fakePagefind(calls: string[]): PagefindApi {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return {
    async search(term, options = {}) {
      calls.push(term ?? '(null)');
      const filters = (options as { filters?: Record<string, { any: string[] }> }).filters ?? {};
      const inYears = (p: (typeof PAGES)[number]) => !filters.year || filters.year.any.includes(p.date);
      const sort = (options as { sort?: { date: 'asc' | 'desc' } }).sort;
      let pages = PAGES.filter((p) => (!filters.province || filters.province.any.includes(p.province)) && inYears(p));
      let totalFilters: PagefindResponse['totalFilters'];
      if (term?.startsWith('"')) {
        const words = fold(term.replace(/"/g, '')).split(' ');
        const holding = PAGES.filter((p) => words.every((w) => p.text.split(' ').includes(w)));
        totalFilters = { province: Object.fromEntries(PAGES.map((p) => [p.province, holding.filter((q) => q.province === p.province).length])) };
      }
      if (term !== null) {
        const phrase = term.startsWith('"');
        const terms = fold(term.replace(/"/g, '')).split(' ');
        pages = pages.filter((p) => {
          const words = p.text.split(' ');
          if (phrase) return words.some((_, i) => terms.every((t, j) => words[i + j] === t));
          return terms.every((t) => words.some((w) => w.startsWith(t)));
        });
      }
      if (sort) pages = [...pages].sort((a, b) => (sort.date === 'asc' ? 1 : -1) * a.date.localeCompare(b.date));
      const response: PagefindResponse = {
        results: pages.map((p, i) => ({
          id: p.id,
          // Score rewards repeated words, which is what lets "đơn vị … thường xuyên" outrank Vị Xuyên.
          score: p.text.split(' ').length - i,
          data: async () => ({ url: `/${p.id}/`, excerpt: p.text, meta: {} }),
        })),
        filters: { province: Object.fromEntries(PAGES.map((p) => [p.province, pages.filter((q) => q.province === p.province).length])) },
        ...(totalFilters && { totalFilters }),
      };
      return response;
    },
  };
}

const run = (query: string, calls: string[] = [], prior?: SyllablePrior, typing = false) =>
  runSearch(fakePagefind(calls), parseState(new URLSearchParams(query)), { knownYears: ['2019', '2020', '2021', '2022'], typing, ...(prior && { prior: async () => prior }) });

describe('runSearch', () => {
  it('says how many results hold the words as a phrase: they come first, by relevance or by date', async () => {
    // "vi xuyen" is a phrase in vi-xuyen; don-vi has "vi … xuyen" apart.
    const byRelevance = await run('q=vi+xuyen');
    expect(byRelevance.results.map((r) => r.id)).toEqual(['vi-xuyen', 'don-vi']);
    expect(byRelevance.phraseCount).toBe(1);
    // Newest first would put don-vi (2020) before vi-xuyen (2019): the phrase group leads.
    const byDate = await run('q=vi+xuyen&sort=newest');
    expect(byDate.results.map((r) => r.id)).toEqual(['vi-xuyen', 'don-vi']);
    expect(byDate.phraseCount).toBe(1);
    // One word: one group.
    expect((await run('q=xuyen')).phraseCount).toBeUndefined();
  });

  it('reads d as đ when the archive says so, and reports the reading', async () => {
    const out = await run('q=dam+ha');
    expect(out.results[0]!.id).toBe('dam-ha');
    expect(out.terms).toEqual(['đam', 'ha']);
  });

  it('keeps d when that is what the archive holds', async () => {
    const out = await run('q=dam+lam');
    expect(out.results.map((r) => r.id)).toEqual(['dam-lam']);
    expect(out.terms).toEqual(['dam', 'lam']);
  });

  it('ranks adjacent syllables above scattered ones', async () => {
    const out = await run('q=vi+xuyen');
    expect(out.results.map((r) => r.id)).toEqual(['vi-xuyen', 'don-vi']);
  });

  it('tests each reading as a phrase, then searches the words of the winner only', async () => {
    const calls: string[] = [];
    await run('q=dam+ha', calls);
    // Then each word alone, quoted, for the pages that hold it whole.
    expect(calls).toEqual(['"dam ha"', '"đam ha"', '"đam"', '"ha"', 'đam ha']);
  });

  it('matches whole words only once the query is submitted; while typing, the last word as a prefix', async () => {
    // "vinh … xuyenh" holds "vi" and "xuyen" only as prefixes.
    const submitted = await run('q=vi+xuyen');
    expect(submitted.results.map((r) => r.id)).toEqual(['vi-xuyen', 'don-vi']);
    expect(submitted.counts.province).toMatchObject({ 'Ninh Bình': 0, 'Hà Giang': 1, 'Bắc Ninh': 1 });
    expect((await run('q=vi')).results.map((r) => r.id).sort()).toEqual(['don-vi', 'vi-xuyen']);
    // Typing "vi xuyen" (no space after it): "xuyen" may still be the start of a longer word, "vi" may not.
    expect((await run('q=vi+xuyen', [], undefined, true)).results.map((r) => r.id)).toEqual(['vi-xuyen', 'don-vi']);
    expect((await run('q=long+xuyen', [], undefined, true)).results.map((r) => r.id)).toEqual(['vinh']);
    expect((await run('q=long+xuyen')).results).toEqual([]);
    expect((await run('q=vi', [], undefined, true)).results.map((r) => r.id).sort()).toEqual(['don-vi', 'vi-xuyen', 'vinh']);
    // Submitted with a last word the archive never holds whole ("Kiến X"): it was typed partly.
    expect((await run('q=vi+xuye')).results.map((r) => r.id).sort()).toEqual(['don-vi', 'vi-xuyen']);
  });

  it('falls back to word hits when no reading occurs as a phrase', async () => {
    const calls: string[] = [];
    const out = await run('q=ha+dam', calls);
    expect(calls).toEqual(['"ha dam"', '"ha đam"', 'ha dam', 'ha đam', '"ha"', '"dam"']);
    expect(out.results.map((r) => r.id)).toEqual(['dam-lam']);
  });

  it('answers a quoted phrase with the phrase search alone', async () => {
    const calls: string[] = [];
    await run('q=%22vi+xuyen%22', calls);
    expect(calls).toEqual(['"vi xuyen"']);
  });

  it('ranks the phrase hits by the word search, ahead of the words apart', async () => {
    const calls: string[] = [];
    const api = fakePagefind(calls);
    const many = { ...api, search: async (t: string | null, o?: object) => {
      const res = (await api.search(t, o))!;
      // Pretend the phrase matched a dozen pages, which the quoted search scores alike (in index order)…
      if (t?.startsWith('"') && t.includes(' ') && res.results.length) return { ...res, results: Array.from({ length: 12 }, (_, i) => ({ ...res.results[0]!, id: `p${i}`, score: 1 })) };
      // …and each word, and the word search, find them too (ranked), with the pages holding the words apart.
      if (t) return { ...res, results: [...res.results, ...Array.from({ length: 12 }, (_, i) => ({ ...res.results[0]!, id: `p${i}`, score: i }))] };
      return res;
    } };
    const out = await runSearch(many, parseState(new URLSearchParams('q=vi+xuyen')));
    expect(out.phraseCount).toBe(12);
    expect(out.results.slice(0, 12).map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => `p${11 - i}`));
  });

  it('returns only phrase hits for a quoted query', async () => {
    const out = await run('q=%22xuyen+don%22');
    expect(out.results.map((r) => r.id)).toEqual(['don-vi']);
  });

  it('browses by filter without words, newest first', async () => {
    const out = await run('province=Qu%E1%BA%A3ng+Ninh&province=H%C3%A0+Nam');
    expect(out.results.map((r) => r.id)).toEqual(['dam-ha', 'dam-lam']);
    expect(out.terms).toEqual([]);
  });

  it('sorts by date when asked, with the chosen reading', async () => {
    const out = await run('q=dam&sort=oldest');
    expect(out.results.map((r) => r.id)).toEqual(['dam-lam']);
  });

  it('with a prior, tries the likeliest reading first and stops at a clear phrase', async () => {
    const calls: string[] = [];
    const prior = { pages: 4, df: { dam: 1, đam: 9 } };
    const out = await run('q=dam+ha', calls, prior);
    // One phrase hit, but 90% of pages spell it đ: not yet sure enough to skip the other reading.
    expect(calls).toEqual(['"đam ha"', '"dam ha"', '"đam"', '"ha"', 'đam ha']);
    expect(out.results[0]!.id).toBe('dam-ha');
    const sure: string[] = [];
    await run('q=dam+ha', sure, { pages: 100, df: { dam: 1, đam: 99 } });
    expect(sure).toEqual(['"đam ha"', '"đam"', '"ha"', 'đam ha']);
  });

  it('with a prior, skips readings the archive cannot hold and one-word queries search once', async () => {
    const calls: string[] = [];
    await run('q=dam+lam', calls, { pages: 4, df: { dam: 1, lam: 1 } });
    expect(calls).toEqual(['"dam lam"', '"dam"', '"lam"', 'dam lam']);
    const one: string[] = [];
    const out = await run('q=dam', one, { pages: 4, df: { dam: 1, đam: 3 } });
    // The word search ranks; the quoted one keeps the pages with the word itself.
    expect(one).toEqual(['đam', '"đam"']);
    expect(out.terms).toEqual(['đam']);
  });

  it('passes counts per filter value through', async () => {
    const out = await run('q=dam+ha');
    expect(out.counts.province?.['Quảng Ninh']).toBe(1);
  });
});

describe('runSearch over shards', () => {
  // Two shards of consecutive years, searched as Pagefind's mergeIndex does: every shard's hits
  // joined and ordered by score, even when a date order was asked for (then a hit's score is its
  // place in its own shard's order, so shards interleave).
  const shardOf = (date: string) => (date >= '2021' ? 'new' : 'old');
  function mergedPagefind(calls: object[]): PagefindApi {
    const inner = fakePagefind([]);
    return {
      async search(term, options = {}) {
        calls.push(options);
        const { shard, ...filters } = ((options as { filters?: Record<string, unknown> }).filters ?? {}) as Record<string, unknown>;
        const res = (await inner.search(term, { ...options, filters }))!;
        // With a sort, Pagefind scores each index's hits by their place in its own order.
        const sorted = Boolean((options as { sort?: object }).sort);
        const of = (id: string) => shardOf(PAGES.find((p) => p.id === id)!.date);
        const results = res.results
          .filter((r) => !shard || of(r.id) === shard)
          .map((r, _, all) => {
            const own = all.filter((x) => of(x.id) === of(r.id));
            return sorted ? { ...r, score: own.length - own.indexOf(r) } : r;
          });
        const province = (id: string) => PAGES.find((p) => p.id === id)!.province;
        const counts = Object.fromEntries(PAGES.map((p) => [p.province, results.filter((r) => province(r.id) === p.province).length]));
        return { results: [...results].sort((a, b) => b.score - a.score), filters: { province: counts, shard: { new: 2, old: 2 } } };
      },
    };
  }

  it.each([
    ['newest', ['dam-ha', 'dam-lam', 'don-vi', 'vi-xuyen']],
    ['oldest', ['vi-xuyen', 'don-vi', 'dam-lam', 'dam-ha']],
  ])('keeps the %s-first order by searching shard by shard', async (sort, order) => {
    const calls: object[] = [];
    const out = await runSearch(mergedPagefind(calls), parseState(new URLSearchParams(`sort=${sort}&from=2019`)), { knownYears: ['2019', '2020', '2021', '2022'], shards: ['new', 'old'] });
    expect(out.results.map((r) => r.id)).toEqual(order);
    expect(calls).toHaveLength(2);
    // Counts are summed over the shards, without the shard filter itself.
    expect(out.counts.shard).toBeUndefined();
    expect(out.counts.province!['Quảng Ninh']).toBe(1);
  });

  it('searches once, by score, when no date order is asked for', async () => {
    const calls: object[] = [];
    await runSearch(mergedPagefind(calls), parseState(new URLSearchParams('q=thuong')), { shards: ['new', 'old'] });
    // The word, then the word whole: no per-shard searches.
    expect(calls).toHaveLength(2);
  });
});
