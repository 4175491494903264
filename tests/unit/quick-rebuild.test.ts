import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { articleRecord, refillArticlePage, sharedKey } from '../../src/lib/build/quick-rebuild.ts';
import { readingTimeLabel } from '../../src/lib/articles/labels.ts';

const FRONT = `---
title: Thôn Khe Đền kết nạp đảng viên
date: 2023-07-01
source:
  name: Báo Lào Cai
author: null
locality:
  province: Lào Cai
  district: Bảo Thắng
figures:
  - value: 2
    unit: đảng viên
    subject: đảng viên kết nạp năm 2022
    text: kết nạp 2 đảng viên
---
`;
const BODY = 'Chi bộ thôn Khe Đền kết nạp 2 đảng viên trong năm 2022.\n\nĐoạn hai nói về sinh hoạt chi bộ.\n';

function load(raw: string) {
  const { article, problems } = loadArticle('a.mdx', raw);
  expect(problems).toEqual([]);
  return article!;
}

/** A page laid out as src/pages/bai/[...id].astro lays it out (the e2e test checks the real one). */
function page(html: string, minutes: number, title = 'Thôn Khe Đền'): string {
  return `<html><body><article><header><h1>${title}</h1><p class="byline"><span>Nguồn: Báo Lào Cai</span><span>${readingTimeLabel(minutes)}</span></p></header><div class="prose">${html}</div><footer data-pagefind-ignore="all"><p>Trích dẫn</p></footer></article></body></html>`;
}

describe('sharedKey', () => {
  const base = load(FRONT + BODY);
  it('stays the same when only a later paragraph changes', () => {
    const edited = load(`${FRONT + BODY}\nĐoạn ba thêm vào.\n`);
    expect(edited.html).not.toBe(base.html);
    expect(sharedKey(edited)).toBe(sharedKey(base));
  });
  it('stays the same when the first paragraph changes but a summary is shown in its place', () => {
    const withSummary = FRONT.replace('author: null', 'author: null\nsummary: Khe Đền kết nạp đảng viên mới.');
    expect(sharedKey(load(withSummary + BODY.replace('trong năm 2022', 'trong năm qua')))).toBe(sharedKey(load(withSummary + BODY)));
  });
  it.each([
    ['the title', FRONT.replace('Thôn Khe Đền kết', 'Thôn Khe Đền đã kết') + BODY],
    ['the date', FRONT.replace('2023-07-01', '2023-07-02') + BODY],
    ['the district', (FRONT + BODY).replace('Bảo Thắng', 'Bát Xát')],
    ['the first paragraph (the listing summary)', FRONT + BODY.replace('trong năm 2022', 'trong năm qua')],
    ['a link in the body', `${FRONT + BODY}\nXem [bài khác](/bai/2022/dam-ha/).\n`],
  ])('changes with %s', (_, raw) => {
    expect(sharedKey(load(raw))).not.toBe(sharedKey(base));
  });
});

describe('refillArticlePage', () => {
  const old = load(FRONT + BODY);
  const long = `${FRONT + BODY}\n${'Đoạn dài có nhiều chữ để thời gian đọc tăng lên. '.repeat(60)}\n`;
  const next = load(long);

  it('puts the new body and reading time where the old ones were, and nothing else changes', () => {
    expect(next.readingMinutes).not.toBe(old.readingMinutes);
    expect(refillArticlePage(page(old.html, old.readingMinutes), articleRecord(old), next)).toBe(page(next.html, next.readingMinutes));
  });

  it('refuses a page whose body is not the recorded one', () => {
    expect(refillArticlePage(page(`${old.html}<p>sửa tay</p>`, old.readingMinutes), articleRecord(old), next)).toBeNull();
  });

  it('refuses a page without the markers or with the reading time where it cannot tell', () => {
    expect(refillArticlePage(page(old.html, old.readingMinutes).replace('class="prose"', 'class="body"'), articleRecord(old), next)).toBeNull();
    expect(refillArticlePage(page(old.html, old.readingMinutes + 1), articleRecord(old), next)).toBeNull();
  });

  it('finds the body even when the article quotes the markers as text', () => {
    const tricky = load(`${FRONT + BODY}\nMã trang có \`</div><footer data-pagefind-ignore="all">\` và \`<div class="prose">\`.\n`);
    const built = page(tricky.html, tricky.readingMinutes);
    expect(refillArticlePage(built, articleRecord(tricky), old)).toBe(page(old.html, old.readingMinutes));
  });
});
