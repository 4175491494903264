import { describe, expect, it } from 'vitest';
import { byNewest, groupDescending, neighbours, paginate } from '../../src/lib/articles/listing.ts';
import { articleUrl, listingUrl, yearUrl } from '../../src/lib/articles/urls.ts';

describe('paginate', () => {
  it('splits into full pages and a remainder', () => {
    const pages = paginate(Array.from({ length: 45 }, (_, i) => i), 20);
    expect(pages.map((p) => [p.number, p.total, p.items.length])).toEqual([
      [1, 3, 20],
      [2, 3, 20],
      [3, 3, 5],
    ]);
    expect(pages[2]!.items[0]).toBe(40);
  });

  it('keeps one empty page for an empty list and rejects a zero page size', () => {
    expect(paginate([], 20)).toEqual([{ number: 1, total: 1, items: [] }]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

describe('ordering and grouping', () => {
  const items = [
    { id: 'b', time: 2 },
    { id: 'a', time: 2 },
    { id: 'c', time: 3 },
  ];

  it('sorts newest first with a stable tie-break', () => {
    expect([...items].sort(byNewest).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  it('groups by year, newest year first', () => {
    expect(groupDescending(items, (i) => (i.time === 3 ? 2023 : 2019)).map(([k, v]) => [k, v.length])).toEqual([
      [2023, 1],
      [2019, 2],
    ]);
  });

  it('finds newer and older neighbours', () => {
    expect(neighbours(['n', 'm', 'o'], 1)).toEqual({ newer: 'n', older: 'o' });
    expect(neighbours(['n', 'm', 'o'], 0)).toEqual({ older: 'm' });
    expect(neighbours(['n'], 0)).toEqual({});
  });
});

describe('urls', () => {
  it('builds stable paths', () => {
    expect(articleUrl('2022/dam-ha')).toBe('/bai/2022/dam-ha/');
    expect(listingUrl(1)).toBe('/');
    expect(listingUrl(3)).toBe('/trang/3/');
    expect(yearUrl(2019)).toBe('/nam/2019/');
  });
});
