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
    return { file, path: `bai/2020/bai-${i}/index.html` };
  });
  const read = (root: string) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => [f, readFileSync(join(root, f), 'utf8')]);

  it('writes the same canonical copies and counts on three threads as on one', async () => {
    const one = await writeSearchCopies(join(dir, 'one'), files, { threads: 1 });
    const three = await writeSearchCopies(join(dir, 'three'), files, { threads: 3, threshold: 0 });
    expect(three.pages).toBe(9);
    expect(new Map(three.df)).toEqual(new Map(one.df));
    // The words Pagefind may index: the article's, not the header's ("đăng nhập").
    expect(new Set(three.words)).toEqual(new Set(one.words));
    expect(one.words).toEqual(expect.arrayContaining(['bai', '8', 'đang', 'vien', 'hoa', 'thuy', 'van']));
    expect(one.words).not.toContain('nhap');
    // "đảng", "đông", "đồng" on every page that has them; "dân", "dòng" too.
    expect(new Map(one.df).get('đang')).toBe(9);
    expect(new Map(one.df).get('dong')).toBe(3);
    expect(read(join(dir, 'three'))).toEqual(read(join(dir, 'one')));
    expect(read(join(dir, 'one'))[0]![1]).toBe(indexableHtml(page(0)));
  });
});
