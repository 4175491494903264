import { describe, expect, it } from 'vitest';
import { isEmptyState, pagefindFilters, pagefindSort, parseState, stateToParams, unknownFilters } from '../../src/lib/search/search-state.ts';

describe('URL state', () => {
  it('reads and writes every part of a search', () => {
    const params = new URLSearchParams('q=dang+vien&province=Qu%E1%BA%A3ng+Ninh&province=H%C3%A0+Giang&from=2019&to=2022&sort=newest');
    const state = parseState(params);
    expect(state).toEqual({
      q: 'dang vien',
      filters: { province: ['Quảng Ninh', 'Hà Giang'], district: [], commune: [], year: [], source: [], province2025: [], commune2025: [] },
      from: 2019,
      to: 2022,
      sort: 'newest',
    });
    expect(stateToParams(state).toString()).toBe(params.toString());
  });

  it('ignores what it does not understand and drops defaults', () => {
    const state = parseState(new URLSearchParams('sort=sideways&from=19&year=2019&year=2019&x=1'));
    expect(state.sort).toBe('relevance');
    expect(state.from).toBeUndefined();
    expect(state.filters.year).toEqual(['2019']);
    expect(stateToParams(state).toString()).toBe('year=2019');
  });

  it('normalises NFD values from phones', () => {
    const state = parseState(new URLSearchParams({ q: 'Đầm Hà'.normalize('NFD'), province: 'Quảng Ninh'.normalize('NFD') }));
    expect(state.q).toBe('Đầm Hà');
    expect(state.filters.province).toEqual(['Quảng Ninh']);
  });

  it('takes punctuation alone for no search, and names filter values the index lacks', () => {
    expect(isEmptyState(parseState(new URLSearchParams('q=%21%21%21+...')))).toBe(true);
    expect(isEmptyState(parseState(new URLSearchParams('q=%21%21+5')))).toBe(false);
    const state = parseState(new URLSearchParams('q=chi+bo&province=Atlantis&province=Qu%E1%BA%A3ng+Ninh'));
    expect(unknownFilters(state, { province: { 'Quảng Ninh': 2 } })).toEqual(['province: Atlantis']);
  });

  it('knows an empty search', () => {
    expect(isEmptyState(parseState(new URLSearchParams('sort=newest')))).toBe(true);
    expect(isEmptyState(parseState(new URLSearchParams('from=2020')))).toBe(false);
  });
});

describe('Pagefind options', () => {
  const years = ['2019', '2020', '2021', '2022', '2023'];
  const state = (query: string) => parseState(new URLSearchParams(query));

  it('turns filters into "any" lists', () => {
    expect(pagefindFilters(state('province=A&province=B&source=C'), years)).toEqual({
      province: { any: ['A', 'B'] },
      source: { any: ['C'] },
    });
  });

  it('turns a year range into the known years inside it, intersected with picked years', () => {
    expect(pagefindFilters(state('from=2021'), years)).toEqual({ year: { any: ['2021', '2022', '2023'] } });
    expect(pagefindFilters(state('to=2020'), years)).toEqual({ year: { any: ['2019', '2020'] } });
    expect(pagefindFilters(state('from=2020&to=2022&year=2019&year=2021'), years)).toEqual({ year: { any: ['2021'] } });
    expect(pagefindFilters(state('from=2030'), years)).toEqual({ year: { any: ['0000'] } });
  });

  it('maps sort orders', () => {
    expect(pagefindSort('newest')).toEqual({ date: 'desc' });
    expect(pagefindSort('oldest')).toEqual({ date: 'asc' });
    expect(pagefindSort('relevance')).toBeUndefined();
  });
});
