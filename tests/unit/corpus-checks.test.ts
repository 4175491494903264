import { describe, expect, it } from 'vitest';
import { corpusProblems, siteRoutes, type CorpusEntry } from '../../src/lib/articles/corpus-checks.ts';
import { articleSlug } from '../../src/lib/text/vi-text.ts';

const entry = (id: string, extra: Partial<CorpusEntry> = {}): CorpusEntry => ({
  file: `content/articles/${id}.mdx`,
  id,
  title: `Bài ${id}`,
  date: `${id.slice(0, 4)}-01-01`,
  titleAt: { line: 2, column: 8 },
  links: [],
  ...extra,
});

describe('corpusProblems', () => {
  it('finds nothing wrong in distinct articles with good links', () => {
    const a = entry('2022/a', { links: [{ url: '/bai/2023/b/#so-lieu-1', line: 9, column: 3 }, { url: '/nam/2023/', line: 9, column: 20 }] });
    expect(corpusProblems([a, entry('2023/b')], 20)).toEqual([]);
  });

  it('suggests the article a broken link probably meant', () => {
    const a = entry('2022/a', { links: [{ url: '/bai/2023/dam-ha-vung-manh', line: 9, column: 3 }] });
    const out = corpusProblems([a, entry('2023/dam-ha-vung-manh-tu-chi-bo')], 20);
    expect(out.map((p) => p.message)).toEqual([
      "liên kết '/bai/2023/dam-ha-vung-manh' không dẫn tới đâu: không trang nào có địa chỉ này — có phải '/bai/2023/dam-ha-vung-manh-tu-chi-bo/'?",
    ]);
  });

  it('treats the same title on the same day as one article twice, tone placement aside', () => {
    const out = corpusProblems([entry('2022/a', { title: 'Hòa Bình' }), entry('2022/b', { title: 'Hoà Bình', date: '2022-01-01T08:00' })], 20);
    expect(out.map((p) => [p.file, p.field])).toEqual([
      ['content/articles/2022/a.mdx', 'title'],
      ['content/articles/2022/b.mdx', 'title'],
    ]);
  });

  it('knows the listing pages a corpus has', () => {
    const many = Array.from({ length: 41 }, (_, i) => entry(`2022/a${i}`));
    expect([...siteRoutes(many, 20)].filter((r) => r.startsWith('/trang/'))).toEqual(['/trang/2/', '/trang/3/']);
  });
});

describe('articleSlug', () => {
  it('cuts long titles between words', () => {
    const slug = articleSlug('Đảng bộ phường Hà Lầm (TP Hạ Long): Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức Đảng');
    expect(slug).toBe('dang-bo-phuong-ha-lam-tp-ha-long-nang-cao-nang-luc-lanh-dao');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(articleSlug('Ngắn gọn')).toBe('ngan-gon');
  });
});
