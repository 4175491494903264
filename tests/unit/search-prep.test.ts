/**
 * The search prep makes the search copies while Astro renders; `buildSearchIndex` must take a
 * month's copies only where they match the pages on disk and copy the rest again, so the index is
 * the one it builds alone — whatever the prep got, missed or got wrong.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, indexerHash } from '../../src/integrations/pagefind.ts';
import { SearchPrep } from '../../src/integrations/search-prep.ts';
import { treeDigest } from '../support/tree.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-prep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 9 articles over three months of 2021; shards of 6: January–February, March. */
const articles = Array.from({ length: 9 }, (_, i) => ({
  i,
  path: `bai/2021/bai-${i}/index.html`,
  month: `2021-0${1 + Math.floor(i / 3)}`,
  date: new Date(Date.UTC(2021, Math.floor(i / 3), 10 + i)),
}));
const SIZE = 6;

const page = (a: (typeof articles)[number], extra = '') =>
  `<!doctype html><html lang="vi"><body><header>Đăng nhập</header><article data-pagefind-body data-sort="${a.date.toISOString()}">` +
  `<h1>Bài ${a.i}: chi bộ thôn ${a.i % 2 ? 'Đông Hòa' : 'Thủy Lợi'}</h1><p>${a.i * 17} đảng viên, kỉ luật, dân cư${extra}</p></article></body></html>`;

/** A built site's article pages, in a folder of its own. */
function site(name: string): string {
  const out = join(dir, name);
  for (const a of articles) {
    mkdirSync(join(out, a.path, '..'), { recursive: true });
    writeFileSync(join(out, a.path), page(a));
  }
  return out;
}

/** A file the prep's months carry, which Pagefind ignores: gone from a month that was copied again. */
const MARK = 'prep-mark.txt';

/**
 * Runs the prep as a full build would (pages newest first) — `seen` changes what it is handed,
 * `extra` adds pages the output does not have —
 * then the index; which months kept the prep's copies, and the index's files.
 */
async function withPrep(name: string, seen: (a: (typeof articles)[number]) => string | null = (a) => page(a), extra: [string, string][] = []) {
  const out = site(name);
  const copies = join(dir, `${name}-copies`);
  const prep = new SearchPrep(copies, await indexerHash());
  for (const a of [...articles].reverse()) {
    const html = seen(a);
    if (html !== null) prep.page(a.path, Buffer.from(html));
  }
  for (const [path, html] of extra) prep.page(path, Buffer.from(html));
  const stats = prep.end();
  for (const month of ['2021-01', '2021-02', '2021-03']) if (existsSync(join(copies, month))) writeFileSync(join(copies, month, MARK), '');
  await buildSearchIndex(out, { shardSize: SIZE, copies });
  const kept = ['2021-01', '2021-02', '2021-03'].filter((m) => existsSync(join(copies, m, MARK)));
  return { stats, kept, copies, index: treeDigest(join(out, 'pagefind')) };
}

describe('SearchPrep', () => {
  let reference: Record<string, string>;
  beforeAll(async () => {
    const out = site('alone');
    await buildSearchIndex(out, { shardSize: SIZE, copies: join(dir, 'alone-copies') });
    reference = treeDigest(join(out, 'pagefind'));
  });

  it('makes every month’s copies and record, which the index takes: the same index as without it', async () => {
    const { stats, kept, index } = await withPrep('all');
    expect(stats).toEqual({ pages: 9, months: 3 });
    expect(kept).toEqual(['2021-01', '2021-02', '2021-03']);
    expect(Object.keys(index).filter((f) => f.endsWith('.pf_fragment'))).toHaveLength(9);
    expect(index).toEqual(reference);
  });

  it('never lets a page the build wrote differently through: that month is copied again', async () => {
    const { kept, copies, index } = await withPrep('stale', (a) => page(a, a.i === 4 ? ' cũ' : ''));
    expect(kept).toEqual(['2021-01', '2021-03']);
    expect(index).toEqual(reference);
    expect(readFileSync(join(copies, '2021-02', articles[4]!.path), 'utf8')).not.toContain('cũ');
  });

  it('copies again a month missing a page, or holding one the output does not have', async () => {
    const missing = await withPrep('missing', (a) => (a.i === 7 ? null : page(a)));
    expect(missing.kept).toEqual(['2021-01', '2021-02']);
    expect(missing.index).toEqual(reference);
    const gone = 'bai/2021/gone/index.html';
    const extra = await withPrep('extra', (a) => page(a), [[gone, page({ ...articles[0]!, i: 99 })]]);
    expect(extra.kept).toEqual(['2021-02', '2021-03']);
    expect(existsSync(join(extra.copies, '2021-01', gone))).toBe(false);
    expect(extra.index).toEqual(reference);
  });

  it('stops at a page it cannot read, or one handed over twice, and records nothing: the index copies every month itself', async () => {
    const { stats, kept, index } = await withPrep('broken', (a) => (a.i === 5 ? '<html><article>no date</article></html>' : page(a)));
    expect(stats.error).toMatch(/bai\/2021\/bai-5\/index\.html: no data-sort date/);
    expect(stats.months).toBe(0);
    expect(kept).toEqual([]);
    expect(index).toEqual(reference);
    const twice = await withPrep('twice', (a) => page(a), [[articles[2]!.path, page(articles[2]!)]]);
    expect(twice.stats.error).toBe('bai/2021/bai-2/index.html was handed over twice');
    expect(twice.kept).toEqual([]);
    expect(twice.index).toEqual(reference);
  });
});
