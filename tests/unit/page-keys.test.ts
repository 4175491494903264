import { describe, expect, it } from 'vitest';
import { changedPaths, mergeAstroManifest, pageSetChanges, parsePageKeys, pathId, routeKeys, type AstroManifest } from '../../src/lib/page-keys.ts';

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
    const recorded = routeKeys([
      { params: { id: 'a' }, cacheKey: 'k1' },
      { params: { id: 'b' }, cacheKey: 'k2' },
    ]);
    expect(changedPaths(recorded, paths).map((p) => p.params.id)).toEqual(['b', 'c']);
    // A route the record does not know: every page.
    expect(changedPaths(undefined, paths)).toHaveLength(3);
  });

  it('reads one line per route, the last line of a route winning', () => {
    const keys = parsePageKeys(['{"route":"bai","keys":{"x":"1"}}', '', '{"route":"nam","keys":{}}', '{"route":"bai","keys":{"x":"2"}}', ''].join('\n'));
    expect(keys).toEqual({ bai: { x: '2' }, nam: {} });
  });

  it('lists pages that come or go, not pages whose key changed', () => {
    const before = { bai: { a: '1', b: '1' }, nam: { '2019': '1' } };
    expect(pageSetChanges(before, { bai: { a: '2', b: '3' }, nam: { '2019': '9' } })).toEqual([]);
    expect(pageSetChanges(before, { bai: { a: '1', c: '1' }, nam: { '2019': '1' } })).toEqual(['- bai b', '+ bai c']);
    expect(pageSetChanges(before, { bai: { a: '1', b: '1' } })).toEqual(['- nam 2019']);
  });
});

describe('mergeAstroManifest', () => {
  const page = (cacheKey: string) => ({ cacheKey, outputFile: `${cacheKey}.html` });
  const full: AstroManifest = {
    version: 1,
    configHash: 'c',
    lockfileHash: 'l',
    keyDigest: 'k-full',
    routes: {
      'src/pages/bai/[...id].astro': { dependencyHash: 'd1', paths: { '/bai/a/': page('a1'), '/bai/b/': page('b1') } },
      'src/pages/nam/[year].astro': { dependencyHash: 'd2', paths: { '/nam/2019/': page('n1') } },
    },
  };

  it('records the pages the partial build rendered with their new keys, and keeps the others', () => {
    const partial: AstroManifest = { ...full, keyDigest: 'k-partial', routes: { 'src/pages/bai/[...id].astro': { dependencyHash: 'd1', paths: { '/bai/b/': page('b2') } } } };
    const merged = mergeAstroManifest(full, partial)!;
    expect(merged.routes['src/pages/bai/[...id].astro']!.paths).toEqual({ '/bai/a/': page('a1'), '/bai/b/': page('b2') });
    expect(merged.routes['src/pages/nam/[year].astro']).toEqual(full.routes['src/pages/nam/[year].astro']);
    // Drawn anew by every build: not a reason to drop the cache.
    expect(merged.keyDigest).toBe('k-partial');
    expect(full.routes['src/pages/bai/[...id].astro']!.paths['/bai/b/']).toEqual(page('b1'));
  });

  it('keeps none of a route’s old pages when its code changed', () => {
    const partial: AstroManifest = { ...full, routes: { 'src/pages/nam/[year].astro': { dependencyHash: 'd2-new', paths: { '/nam/2020/': page('n2') } } } };
    expect(mergeAstroManifest(full, partial)!.routes['src/pages/nam/[year].astro']!.paths).toEqual({ '/nam/2020/': page('n2') });
  });

  it('gives nothing when the builds had another configuration or packages', () => {
    expect(mergeAstroManifest(full, { ...full, configHash: 'other' })).toBeUndefined();
    expect(mergeAstroManifest(full, { ...full, lockfileHash: 'other' })).toBeUndefined();
    expect(mergeAstroManifest(full, { ...full, version: 2 })).toBeUndefined();
  });
});
