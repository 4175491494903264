/** Body problems (MDX syntax, components, figure phrases) with file lines, and what a good file yields. */
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { formatProblem } from '../../src/lib/articles/problems.ts';

const FILE = 'content/articles/2019/thuong-son.mdx';
const HEAD = `---
title: Thượng Sơn nâng cao chất lượng sinh hoạt chi bộ
date: 2019-07-08T16:38
source: { name: Báo Hà Giang }
author: An Dương
locality: { province: Hà Giang, district: Vị Xuyên, commune: Thượng Sơn }
figures:
  - { value: 18, unit: chi bộ, text: 18 chi bộ }
  - { value: 236, unit: đảng viên, text: tổng số 236 đảng viên }
---
`; // the body starts on line 11

const messages = (body: string) => loadArticle(FILE, HEAD + body).problems.map(formatProblem);

describe('a good article', () => {
  it('yields HTML, plain text, lead and word count', () => {
    const { article, problems } = loadArticle(
      FILE,
      `${HEAD}\nĐảng bộ xã có 18 chi bộ.\n\nTổng cộng có tổng số 236 đảng viên.\n`,
    );
    expect(problems).toEqual([]);
    expect(article?.lead).toBe('Đảng bộ xã có 18 chi bộ.');
    expect(article?.text).toBe('Đảng bộ xã có 18 chi bộ.\n\nTổng cộng có tổng số 236 đảng viên.');
    // Numerals are not words: Đảng bộ xã có chi bộ (6) + Tổng cộng có tổng số đảng viên (7).
    expect(article?.words).toBe(13);
    expect(article?.data.locality.communeCode).toBe('00958');
  });
});

describe('body problems', () => {
  it('a figure phrase missing from the body points at the figure', () => {
    expect(messages('\nĐảng bộ xã có 18 chi bộ và 230 đảng viên.\n')).toEqual([
      `${FILE}:9:42  figures[1].text  cụm từ 'tổng số 236 đảng viên' không có trong bài — chép đúng từng chữ trong bài`,
    ]);
  });

  it('a phrase must match on word boundaries', () => {
    expect(messages('\nĐảng bộ xã có 118 chi bộ với tổng số 236 đảng viên.\n')).toHaveLength(1);
  });

  it('MDX syntax errors give the file line', () => {
    const out = messages('\nĐảng bộ xã có 18 chi bộ, tổng số 236 đảng viên.\n\nGiá {chưa rõ\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^content\/articles\/2019\/thuong-son\.mdx:14:\d+ {2}body {2}lỗi cú pháp MDX: .* viết \\< hoặc \\\{$/);
  });

  it('unknown components are refused; expressions, raw HTML and imports are shown as text with a warning', () => {
    const body = '\nĐảng bộ xã có 18 chi bộ, tổng số 236 đảng viên {1 + 1}.\n\n<Video src="x" />\n\nimport X from "y"\n\n<script>alert(1)</script>\n';
    expect(messages(body)).toEqual([
      `${FILE}:12:48  body  biểu thức {…} được hiện như chữ, không chạy; muốn hiện như chữ thì viết \\< hoặc \\{  (cảnh báo)`,
      `${FILE}:14:1  body  không có thành phần <Video>; bài dùng được: <Figure>, <Quote>, <Note>. Muốn hiện '<' như chữ thì viết \\<`,
      `${FILE}:16:1  body  dòng import/export được hiện như chữ, không chạy; muốn hiện như chữ thì viết \\< hoặc \\{  (cảnh báo)`,
      `${FILE}:18:1  body  thẻ HTML <script> được hiện như chữ, không chạy; muốn hiện như chữ thì viết \\< hoặc \\{  (cảnh báo)`,
    ]);
    const { article } = loadArticle(FILE, `${HEAD}\nĐảng bộ xã có 18 chi bộ, tổng số 236 đảng viên {1 + 1}.\n\n<script>alert(1)</script>\n`);
    expect(article!.html.replace(/\u00a0/g, ' ')).toBe(
      '<p>Đảng bộ xã có <mark id="so-lieu-1" class="figure-quote">18 chi bộ</mark>, <mark id="so-lieu-2" class="figure-quote">tổng số 236 đảng viên</mark> {1 + 1}.</p>\n<p>&#x3C;script>alert(1)&#x3C;/script></p>',
    );
  });

  it('a component attribute it does not know is named', () => {
    expect(messages('\nĐảng bộ xã có 18 chi bộ, tổng số 236 đảng viên.\n\n<Quote author="A">Lời.</Quote>\n')).toEqual([
      `${FILE}:14:1  body  <Quote> không có thuộc tính 'author'; thuộc tính dùng được: by`,
    ]);
  });

  it('escaped braces and angle brackets are text', () => {
    const { article, problems } = loadArticle(FILE, `${HEAD}\nCó 18 chi bộ, tổng số 236 đảng viên \\{a\\} \\<b\\>.\n`);
    expect(problems).toEqual([]);
    expect(article?.text).toContain('{a} <b>');
    expect(article?.html).toContain('{a} &#x3C;b>');
  });
});
