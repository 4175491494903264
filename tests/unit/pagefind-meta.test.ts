/**
 * Re-indexed shards keep the files of their previous bundle that did not change (pagefind.ts,
 * `keepUnchanged`): read from Pagefind's own metadata, checked against it, and the index that
 * comes out is the one Pagefind writes afresh — even where an old file holds other content under a
 * name the new index uses.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { bundleFiles, decodeCbor, firstCborText, readPagefindMeta } from '../../src/lib/search/pagefind-meta.ts';
import { treeDigest } from '../support/tree.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-keep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decodeCbor', () => {
  // Examples from RFC 8949, appendix A.
  it.each([
    ['00', 0],
    ['1903e8', 1000],
    ['3863', -100],
    ['6449455446', 'IETF'],
    ['62c3bc', 'ü'],
    ['8301820203820405', [1, [2, 3], [4, 5]]],
    ['a201020304', new Map([[1, 2], [3, 4]])],
    ['f93c00', 1],
    ['f9c400', -4],
    ['fb3ff199999999999a', 1.1],
    ['f5', true],
    ['f6', null],
    ['4401020304', Buffer.from([1, 2, 3, 4])],
  ])('%s', (hex, value) => {
    expect(decodeCbor(Buffer.from(hex, 'hex'))).toEqual(value);
  });

  it('fails on a truncated item or bytes after it, and on indefinite lengths', () => {
    expect(() => decodeCbor(Buffer.from('8301', 'hex'))).toThrow(/unexpected end/);
    expect(() => decodeCbor(Buffer.from('0000', 'hex'))).toThrow(/bytes after/);
    expect(() => decodeCbor(Buffer.from('9f01ff', 'hex'))).toThrow(/indefinite/);
  });

  it('finds the first text inside nested arrays', () => {
    expect(firstCborText(Buffer.from('81826449455446f5', 'hex'))).toBe('IETF');
    expect(firstCborText(Buffer.from('8101', 'hex'))).toBeUndefined();
  });
});

const pageHtml = (i: number, words: string, extra = '', chrome = '') =>
  `<!doctype html><html lang="vi"><body>${chrome}<article data-pagefind-body data-pagefind-filter="year[data-year]" data-year="2021" data-sort="2021-03-${String(10 + i).padStart(2, '0')}T00:00:00.000Z">` +
  `<p>${words} ${i}${extra}</p><h1 data-pagefind-meta="title">Bài ${i}</h1></article></body></html>`;

/** A built site's article pages (no index yet); `edit` is added to one article, `chrome` to every page, outside the article. */
function site(name: string, words: (i: number) => string, edit = '', chrome = ''): string {
  const out = join(dir, name);
  rmSync(out, { recursive: true, force: true });
  for (let i = 0; i < 8; i++) {
    const file = join(out, `bai/2021/bai-${i}/index.html`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, pageHtml(i, words(i), i === 3 ? edit : '', chrome));
  }
  return out;
}

const vietnamese = (i: number) => `Chi bộ thôn Đông Hòa có ${i * 17} đảng viên, kỷ luật, dân cư ${'đoàn kết '.repeat(i)}`;
const other = (i: number) => `Xóm Lũng Phìn góp ${i * 5} ngày công làm đường, ${'mương '.repeat(i)}`;
const bundleOf = (out: string) => join(out, 'pagefind');
/** Pagefind's files in a site's bundle, with their bytes; not the manifest, which hashes the whole pages. */
const pagefindFiles = (out: string) => Object.entries(treeDigest(bundleOf(out))).filter(([f]) => f !== 'diachi.json');
const metaOf = (out: string) => readPagefindMeta(readFileSync(join(bundleOf(out), readdirSync(bundleOf(out)).find((f) => f.endsWith('.pf_meta'))!)));

describe('keeping a shard’s unchanged files', () => {
  let before: string;
  beforeAll(async () => {
    before = site('before', vietnamese);
    await buildSearchIndex(before);
  });

  it('reads every file of a real bundle from its metadata, and each fits its own entry only', () => {
    const meta = metaOf(before);
    expect(meta.pages).toHaveLength(8);
    expect(meta.filters.map((f) => f.filter)).toEqual(['year']);
    const named = bundleFiles(meta);
    const onDisk = ['fragment', 'index', 'filter'].flatMap((d) => readdirSync(join(bundleOf(before), d)).map((f) => `${d}/${f}`));
    expect([...named.keys()].sort()).toEqual(onDisk.sort());
    for (const [path, fits] of named) expect(fits(readFileSync(join(bundleOf(before), path))), path).toBe(true);
    // A fragment of a page with another word count, under this page's name, does not fit.
    const [a, b] = [meta.pages[1]!, meta.pages[5]!];
    expect(a.wordCount).not.toBe(b.wordCount);
    expect(named.get(`fragment/${a.hash}.pf_fragment`)!(readFileSync(join(bundleOf(before), `fragment/${b.hash}.pf_fragment`)))).toBe(false);
    expect(named.get(`fragment/${a.hash}.pf_fragment`)!(Buffer.from('not a Pagefind file'))).toBe(false);
  });

  it('re-indexes after an edit into exactly the index written afresh, keeping the files that did not change', async () => {
    const after = site('after', vietnamese, ' Bà con góp công làm đường.');
    cpSync(join(before, 'pagefind'), join(dir, 'previous', 'pagefind'), { recursive: true });
    const stats = await buildSearchIndex(after, { previous: join(dir, 'previous') });
    const fresh = site('fresh', vietnamese, ' Bà con góp công làm đường.');
    await buildSearchIndex(fresh);
    expect(treeDigest(bundleOf(after))).toEqual(treeDigest(bundleOf(fresh)));
    // Seven of eight fragments and the filter at least; none found wrong.
    expect(stats.kept).toBeGreaterThanOrEqual(8);
    expect(stats.replaced).toBe(0);
  });

  it('writes again a kept file whose content is not what its name now stands for', async () => {
    // The previous bundle's files swapped for other content under the same names — as when a
    // changed file's 7-digit name is that of an old file: an index chunk of another archive,
    // another page's fragment.
    const previous = join(dir, 'previous-wrong');
    rmSync(previous, { recursive: true, force: true });
    cpSync(join(before, 'pagefind'), join(previous, 'pagefind'), { recursive: true });
    const foreign = site('foreign', other);
    await buildSearchIndex(foreign);
    const [ours, theirs] = [metaOf(before), metaOf(foreign)];
    const wrong: [string, string][] = [
      [`index/${ours.chunks[0]!.hash}.pf_index`, join(bundleOf(foreign), `index/${theirs.chunks[0]!.hash}.pf_index`)],
      [`fragment/${ours.pages[1]!.hash}.pf_fragment`, join(bundleOf(before), `fragment/${ours.pages[5]!.hash}.pf_fragment`)],
    ];
    for (const [name, content] of wrong) writeFileSync(join(previous, 'pagefind', name), readFileSync(content));
    expect(bundleFiles(ours).get(wrong[0]![0])!(readFileSync(wrong[0]![1]))).toBe(false);
    // Pages changed outside the article only (the page chrome), and a manifest that does not say
    // what Pagefind read (as an older build's): the shard is re-indexed, and every name the new
    // index uses is one of the previous bundle's.
    const manifest = join(previous, 'pagefind', 'diachi.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), shards: JSON.parse(readFileSync(manifest, 'utf8')).shards.map((s: object) => ({ ...s, copies: undefined })) }));
    const after = site('after-wrong', vietnamese, '', '<header>Địa chí</header>');
    const stats = await buildSearchIndex(after, { previous });
    expect(stats.replaced).toBe(2);
    expect(pagefindFiles(after)).toEqual(pagefindFiles(before));
  });

  it('reuses the previous bundle when the pages changed only where Pagefind does not read', async () => {
    const after = site('after-chrome', vietnamese, '', '<header>Địa chí</header>');
    const stats = await buildSearchIndex(after, { previous: before });
    expect([stats.shards, stats.reused, stats.addMs, stats.kept]).toEqual([1, 1, 0, 0]);
    expect(pagefindFiles(after)).toEqual(pagefindFiles(before));
    // Not the same pages, so not the same manifest: the next build compares the pages it finds then.
    expect(treeDigest(bundleOf(after))['diachi.json']).not.toBe(treeDigest(bundleOf(before))['diachi.json']);
  });
});
