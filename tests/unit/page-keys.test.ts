import { describe, expect, it } from 'vitest';
import { changedPaths, pageSetDiff, parsePageKeys, patchSitemap, pathId, routeKeys, type SitemapFiles } from '../../src/lib/build/page-keys.ts';

describe('page keys', () => {
  it('names a page by its params whatever their order', () => {
    expect(pathId({ a: '1', b: 'x' })).toBe(pathId({ b: 'x', a: '1' }));
    expect(pathId({ page: 2 })).toBe(pathId({ page: '2' }));
    expect(pathId({ path: 'a/b' })).not.toBe(pathId({ path: 'a' }));
  });

  it('keeps the pages whose key changed and the new ones', () => {
    const paths = [
      { params: { id: 'a' }, cacheKey: 'k1' },
      { params: { id: 'b' }, cacheKey: 'k2-new' },
      { params: { id: 'c' }, cacheKey: 'k3' },
    ];
    const recorded = routeKeys(
      [
        { params: { id: 'a' }, cacheKey: 'k1' },
        { params: { id: 'b' }, cacheKey: 'k2' },
      ],
      (p) => `/bai/${p.id}/`,
    );
    expect(recorded[pathId({ id: 'b' })]).toEqual(['k2', '/bai/b/']);
    expect(changedPaths(recorded, paths).map((p) => p.params.id)).toEqual(['b', 'c']);
    // A route the record does not know: every page.
    expect(changedPaths(undefined, paths)).toHaveLength(3);
  });

  it('reads one line per route, the last line of a route winning', () => {
    const keys = parsePageKeys(['{"route":"bai","keys":{"x":["1","/bai/x/"]}}', '', '{"route":"nam","keys":{}}', '{"route":"bai","keys":{"x":["2","/bai/x/"]}}', ''].join('\n'));
    expect(keys).toEqual({ bai: { x: ['2', '/bai/x/'] }, nam: {} });
  });

  it('lists the URLs of pages that come or go, not of pages whose key changed', () => {
    const before = { bai: { a: ['1', '/bai/a/'], b: ['1', '/bai/b/'] }, nam: { '2019': ['1', '/nam/2019/'] } } as const;
    expect(pageSetDiff(before as never, { bai: { a: ['2', '/bai/a/'], b: ['3', '/bai/b/'] }, nam: { '2019': ['9', '/nam/2019/'] } })).toEqual({ added: [], removed: [] });
    expect(pageSetDiff(before as never, { bai: { a: ['1', '/bai/a/'], c: ['1', '/bai/c/'] }, nam: { '2019': ['1', '/nam/2019/'] } })).toEqual({ added: ['/bai/c/'], removed: ['/bai/b/'] });
    expect(pageSetDiff(before as never, { bai: { a: ['1', '/bai/a/'], b: ['1', '/bai/b/'] } })).toEqual({ added: [], removed: ['/nam/2019/'] });
  });
});

describe('patchSitemap', () => {
  const head = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
  const sitemap = (urls: string[]) => `${head}${urls.map((u) => `<url><loc>https://x.vn${u}</loc></url>`).join('')}</urlset>`;
  const index = (n: number) =>
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from({ length: n }, (_, i) => `<sitemap><loc>https://x.vn/sitemap-${i}.xml</loc></sitemap>`).join('')}</sitemapindex>`;
  /** The files @astrojs/sitemap writes for these pages, `limit` to a file. */
  const files = (urls: string[], limit: number): SitemapFiles => {
    const chunks = Array.from({ length: Math.ceil(urls.length / limit) }, (_, i) => urls.slice(i * limit, (i + 1) * limit));
    return { 'sitemap-index.xml': index(chunks.length), ...Object.fromEntries(chunks.map((c, i) => [`sitemap-${i}.xml`, sitemap(c)])) };
  };
  const now = ['/', '/bai/2019/a/', '/bai/2023/b/', '/dia-phuong/x/', '/trang/2/', '/trang/10/'];

  it('adds and removes pages in the sitemap’s order (numbers by value), leaving feeds out', () => {
    const next = patchSitemap(files(now, 100), ['/bai/2020/c/', '/trang/3/', '/dia-phuong/y/rss.xml'], ['/bai/2023/b/', '/dia-phuong/x/rss.xml'], 100);
    expect(next).toEqual({ write: { 'sitemap-0.xml': sitemap(['/', '/bai/2019/a/', '/bai/2020/c/', '/dia-phuong/x/', '/trang/2/', '/trang/3/', '/trang/10/']) }, remove: [] });
  });

  it('splits the pages over files as @astrojs/sitemap does, writing only the files that change', () => {
    const grown = ['/', '/bai/2019/a/', '/bai/2023/b/', '/bai/2024/d/', '/dia-phuong/x/', '/trang/2/', '/trang/10/'];
    // A page in the second of three files: the first stays, the others shift, a fourth file is listed.
    const { 'sitemap-0.xml': first, ...changed } = files(grown, 2);
    expect(first).toBe(files(now, 2)['sitemap-0.xml']);
    expect(patchSitemap(files(now, 2), ['/bai/2024/d/'], [], 2)).toEqual({ write: changed, remove: [] });
    // And back: the fourth file goes.
    const { 'sitemap-0.xml': _, 'sitemap-index.xml': shrunk, ...rest } = files(now, 2);
    expect(patchSitemap(files(grown, 2), [], ['/bai/2024/d/'], 2)).toEqual({ write: { ...rest, 'sitemap-index.xml': shrunk }, remove: ['sitemap-3.xml'] });
  });

  it('gives nothing for a sitemap of another shape', () => {
    const one = files(now, 100);
    expect(patchSitemap({ ...one, 'sitemap-0.xml': one['sitemap-0.xml']!.replace('/trang/2/</loc></url>', '/trang/2/</loc><lastmod>2024</lastmod></url>') }, [], [], 100)).toBeUndefined();
    // A page already listed, files split at another limit, a file missing or one the index does not list.
    expect(patchSitemap(one, ['/bai/2019/a/'], [], 100)).toBeUndefined();
    expect(patchSitemap(files(now, 2), [], [], 3)).toBeUndefined();
    const { 'sitemap-1.xml': _, ...missing } = files(now, 2);
    expect(patchSitemap(missing, [], [], 2)).toBeUndefined();
    expect(patchSitemap({ ...one, 'sitemap-1.xml': sitemap(['/x/']) }, [], [], 100)).toBeUndefined();
    expect(patchSitemap({ 'sitemap-0.xml': one['sitemap-0.xml']! }, [], [], 100)).toBeUndefined();
  });
});
