/** The search copies written on worker threads must equal those written on one thread. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexableHtml, writeSearchCopies } from '../../src/integrations/search-copies.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-copies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (i: number) =>
  `<!doctype html><html lang="vi"><body><header>Đăng nhập</header><article data-pagefind-body><h1>Bài ${i}</h1>` +
  `<p>Đảng viên ${i} ở xã Đông Hòa, dân cư kỉ luật, thuý ${i % 3 ? 'Đồng' : 'dòng'} Vân.</p></article></body></html>`;

describe('writeSearchCopies', () => {
  const out = join(dir, 'dist');
  const files = Array.from({ length: 9 }, (_, i) => {
    const file = join(out, 'bai', '2020', `bai-${i}`, 'index.html');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, page(i));
    // Two groups (months of the index): every third page in the second.
    return { file, path: `bai/2020/bai-${i}/index.html`, group: i % 3 ? '2020-01' : '2020-02' };
  });
  const read = (root: string) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => [f, readFileSync(join(root, f), 'utf8')]);

  it('writes the same canonical copies and counts, by group, on three threads as on one', async () => {
    const one = await writeSearchCopies(join(dir, 'one'), files, { threads: 1 });
    const three = await writeSearchCopies(join(dir, 'three'), files, { threads: 3, threshold: 0 });
    expect(three.pages).toBe(9);
    expect(Object.keys(three.groups).sort()).toEqual(['2020-01', '2020-02']);
    for (const g of ['2020-01', '2020-02']) {
      expect(new Map(three.groups[g]!.df)).toEqual(new Map(one.groups[g]!.df));
      expect(new Set(three.groups[g]!.words)).toEqual(new Set(one.groups[g]!.words));
    }
    const [jan, feb] = [one.groups['2020-01']!, one.groups['2020-02']!];
    // The words Pagefind may index: the article's, not the header's ("đăng nhập").
    expect(jan.words).toEqual(expect.arrayContaining(['bai', '8', 'đang', 'vien', 'hoa', 'thuy', 'van']));
    expect(jan.words).not.toContain('nhap');
    expect(jan.words).not.toContain('6');
    expect(feb.words).toContain('6');
    // "đảng" on every page of its group; "dòng" on pages 0, 3, 6 (the second group), "đồng" on the others.
    expect(new Map(jan.df).get('đang')).toBe(6);
    expect(new Map(feb.df).get('đang')).toBe(3);
    expect(new Map(feb.df).get('dong')).toBe(3);
    expect(new Map(jan.df).get('dong')).toBeUndefined();
    expect(read(join(dir, 'three'))).toEqual(read(join(dir, 'one')));
    expect(read(join(dir, 'one', '2020-02'))[0]).toEqual(['bai/2020/bai-0/index.html', indexableHtml(page(0))]);
  });

  it('copies only the article, in the page’s own <html> tag', () => {
    const copy = indexableHtml(page(4));
    expect(copy.startsWith('<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body><article data-pagefind-body')).toBe(true);
    expect(copy.endsWith('</article></body></html>')).toBe(true);
    expect(copy).not.toContain('Đăng nhập');
    // In the page's own order: the title, then the body.
    expect(copy).toMatch(/<article data-pagefind-body[^>]*><h1>Bài 4<\/h1><p>Đảng viên 4 .*<\/p><\/article>/);
  });
});
