import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_SIZE, mergePrior, planShards, shardDir } from '../../src/lib/search/search-shards.ts';
import { parseShardSize } from '../../src/lib/build/options.ts';

const pages = (month: string, n: number) => Array.from({ length: n }, (_, i) => ({ path: `bai/${month}/p${i}/index.html`, month }));

describe('planShards', () => {
  it('packs whole months, oldest first, into shards of at most the size', () => {
    const plan = planShards([...pages('2021-03', 2), ...pages('2019-01', 3), ...pages('2020-06', 2), ...pages('2020-07', 2)], 4);
    expect(plan.map((s) => [s.name, s.pages.length])).toEqual([
      ['2019-01', 3],
      ['2020-06', 4],
      ['2021-03', 2],
    ]);
    expect(plan.flatMap((s) => s.pages.map((p) => p.month))).toEqual([...plan.flatMap((s) => s.pages.map((p) => p.month))].sort());
  });

  it('gives a month larger than the size a shard of its own', () => {
    expect(planShards([...pages('2019-01', 1), ...pages('2019-02', 7), ...pages('2019-03', 1)], 3).map((s) => s.pages.length)).toEqual([1, 7, 1]);
  });

  it('keeps older shards as they were when newer articles arrive', () => {
    const before = planShards([...pages('2019-01', 3), ...pages('2019-05', 3), ...pages('2020-01', 1)], 3);
    const after = planShards([...pages('2019-01', 3), ...pages('2019-05', 3), ...pages('2020-01', 2), ...pages('2020-02', 1)], 3);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
  });

  it('keeps a small archive in one index, and a large one in shards of the default size', () => {
    expect(planShards([...pages('2019-01', DEFAULT_SHARD_SIZE / 2), ...pages('2024-01', DEFAULT_SHARD_SIZE / 2)], DEFAULT_SHARD_SIZE)).toHaveLength(1);
    const large = planShards(['2019-01', '2019-02', '2020-03', '2021-04', '2022-05'].flatMap((m) => pages(m, 1000)), DEFAULT_SHARD_SIZE);
    expect(large.length).toBeGreaterThan(1);
    for (const shard of large) expect(shard.pages.length).toBeLessThanOrEqual(DEFAULT_SHARD_SIZE);
  });

  it('is one index when the size is unbounded (DIACHI_SHARD_SIZE=Infinity)', () => {
    expect(planShards([...pages('2019-01', 40_000), ...pages('2024-01', 60_000)], Number('Infinity'))).toHaveLength(1);
  });

  it('puts the newest shard in Pagefind’s own folder and the others beside it', () => {
    const plan = planShards([...pages('2019-01', 2), ...pages('2020-01', 2)], 2);
    expect([shardDir(plan, 0), shardDir(plan, 1)]).toEqual(['2019-01/', '']);
  });
});

describe('mergePrior', () => {
  it('adds up pages and syllable counts over shards', () => {
    expect(mergePrior([{ pages: 3, df: { đang: 3, dan: 1 } }, { pages: 2, df: { đang: 1 } }])).toEqual({ pages: 5, df: { dan: 1, đang: 4 } });
  });
});

describe('DIACHI_SHARD_SIZE', () => {
  it('takes a whole number of articles, Infinity for one index, and the default when unset', () => {
    expect(parseShardSize('300')).toBe(300);
    expect(parseShardSize('Infinity')).toBe(Number.POSITIVE_INFINITY);
    expect(parseShardSize(undefined)).toBe(DEFAULT_SHARD_SIZE);
    expect(parseShardSize('')).toBe(DEFAULT_SHARD_SIZE);
  });

  it('refuses anything else, saying what to write', () => {
    for (const bad of ['0', '-5', '2.5', 'many']) expect(() => parseShardSize(bad)).toThrow(/DIACHI_SHARD_SIZE=".*" .*1500.*Infinity/);
  });
});
