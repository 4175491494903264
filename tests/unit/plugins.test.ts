/**
 * Each plugin of src/plugins on a real unified processor, compared as whole HTML; then the
 * whole pipeline once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createParser, createRenderer } from '../../src/plugins/index.ts';
import { rehypeExternalLinks } from '../../src/plugins/rehype-external-links.ts';
import { rehypeHeadingIds } from '../../src/plugins/rehype-heading-ids.ts';
import { rehypeViTypography, viTypography } from '../../src/plugins/rehype-vi-typography.ts';
import { remarkArticleComponents } from '../../src/plugins/remark-article-components.ts';
import { remarkCollectLinks } from '../../src/plugins/remark-collect-links.ts';
import { remarkFigureMarks } from '../../src/plugins/remark-figure-marks.ts';
import { remarkImages } from '../../src/plugins/remark-images.ts';
import { readingTimeLabel } from '../../src/lib/articles/labels.ts';
import { countWords, remarkReadingTime } from '../../src/plugins/remark-reading-time.ts';
import { random } from '../../scripts/bench/corpus.ts';
import { ROOT } from '../support/paths.ts';

const NB = '\u00a0';

/** md → HTML through remark-parse + MDX syntax, the given remark plugins, remark-rehype, the given rehype plugins. */
function run(md: string, remark: Pluggable[] = [], rehype: Pluggable[] = []) {
  const file = new VFile({ value: md });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remark).use(remarkRehype).use(rehype).use(rehypeStringify);
  const html = String(processor.stringify(processor.runSync(processor.parse(file), file), file));
  return { html, file, messages: file.messages.map((m) => m.reason) };
}

describe('remarkArticleComponents', () => {
  const c = (md: string) => run(md, [remarkArticleComponents]);

  it('renders <Figure> as a captioned figure, with image and credit when given', () => {
    expect(c('<Figure>\nChi bộ Quân sự giúp nhân dân.\n</Figure>').html).toBe(
      '<figure class="figure"><figcaption>Chi bộ Quân sự giúp nhân dân.</figcaption></figure>',
    );
    expect(c('<Figure src="./1.jpg" alt="Họp chi bộ" credit="Ảnh: An Dương">\nHọp chi bộ.\n</Figure>').html).toBe(
      '<figure class="figure"><img src="./1.jpg" alt="Họp chi bộ"><figcaption>Họp chi bộ.<span class="credit">Ảnh: An Dương</span></figcaption></figure>',
    );
  });

  it('renders <Quote> as a pull quote with its speaker', () => {
    expect(c('<Quote by="Bí thư - Hoàng Mạnh Phúc">\nLời **mạnh**.\n</Quote>').html).toBe(
      '<figure class="pullquote"><blockquote><p>Lời <strong>mạnh</strong>.</p></blockquote><figcaption>Bí thư - Hoàng Mạnh Phúc</figcaption></figure>',
    );
  });

  it('renders <Note> as a note box, with or without a title', () => {
    expect(c('<Note title="Ghi chú">\nSố liệu do xã cung cấp.\n</Note>').html).toBe(
      '<div class="note" role="note"><p class="note-title">Ghi chú</p><p>Số liệu do xã cung cấp.</p></div>',
    );
    expect(c('<Note>\nXem thêm.\n</Note>').html).toBe('<div class="note" role="note"><p>Xem thêm.</p></div>');
  });

  it('shows what MDX would execute as text, and refuses unknown components', () => {
    const { html, messages } = c('Có {x} và <b onclick="x()">đậm</b> và <Chart />.\n\nexport const a = 1');
    expect(html).toBe('<p>Có {x} và &#x3C;b onclick="x()">đậm&#x3C;/b> và .</p>\n<p>export const a = 1</p>');
    expect(messages).toEqual([
      'biểu thức {…} được hiện như chữ, không chạy; muốn hiện như chữ thì viết \\< hoặc \\{',
      'thẻ HTML <b> được hiện như chữ, không chạy; muốn hiện như chữ thì viết \\< hoặc \\{',
      "không có thành phần <Chart>; bài dùng được: <Figure>, <Quote>, <Note>. Muốn hiện '<' như chữ thì viết \\<",
      'dòng import/export được hiện như chữ, không chạy; muốn hiện như chữ thì viết \\< hoặc \\{',
    ]);
  });
});

describe('remarkImages', () => {
  const dir = join(ROOT, 'tests/fixtures/images');
  const img = (md: string) => run(md, [[remarkImages, { articleDir: dir, publicDir: join(ROOT, 'public') }]]);

  it('hands an image next to the article to Astro’s pipeline', () => {
    const { html, file } = img('![Logo](./logo.svg)');
    expect(html).toBe('<p><img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;./logo.svg&#x22;,&#x22;alt&#x22;:&#x22;Logo&#x22;,&#x22;index&#x22;:0}"></p>');
    expect(file.data.imagePaths).toEqual(['./logo.svg']);
  });

  it('serves an image from public/ as is, with its size', () => {
    expect(img('![Biểu tượng](/favicon.svg)').html).toBe(
      '<p><img src="/favicon.svg" alt="Biểu tượng" loading="lazy" decoding="async" width="32" height="32"></p>',
    );
  });

  it('reports missing files and images on other sites', () => {
    expect(img('![a](./khong-co.jpg)').messages).toEqual(["ảnh './khong-co.jpg' không có cạnh bài"]);
    expect(img('![a](/anh/khong-co.jpg)').messages).toEqual(["ảnh '/anh/khong-co.jpg' không có trong public/"]);
    expect(img('![a](https://example.com/a.jpg)').messages).toEqual([
      "ảnh 'https://example.com/a.jpg' nằm ở trang khác; tải về, đặt cạnh bài và viết src=\"./ten-anh.jpg\"",
    ]);
  });
});

describe('remarkCollectLinks', () => {
  it('records every link with its position', () => {
    const { file } = run('Xem [bài](/bai/2022/a/) và\n[báo](https://baoquangninh.vn).', [remarkCollectLinks]);
    expect(file.data.links).toEqual([
      { url: '/bai/2022/a/', line: 1, column: 5 },
      { url: 'https://baoquangninh.vn', line: 2, column: 1 },
    ]);
  });
});

describe('remarkFigureMarks', () => {
  const marks = (md: string, texts: string[]) => run(md, [[remarkFigureMarks, { texts }]]);

  it('marks each phrase once, on word boundaries, with numbered anchors', () => {
    const { html, file } = marks('Có 23 chi bộ và 3 chi bộ; *trên 90%* đạt.', ['3 chi bộ', 'trên 90%', 'không có']);
    expect(html).toBe(
      '<p>Có 23 chi bộ và <mark id="so-lieu-1" class="figure-quote">3 chi bộ</mark>; <em><mark id="so-lieu-2" class="figure-quote">trên 90%</mark></em> đạt.</p>',
    );
    expect(file.data.figureMarks).toEqual([0, 1]);
  });

  it('marks two phrases in one text node', () => {
    expect(marks('Có 18 chi bộ với 236 đảng viên.', ['236 đảng viên', '18 chi bộ']).html).toBe(
      '<p>Có <mark id="so-lieu-2" class="figure-quote">18 chi bộ</mark> với <mark id="so-lieu-1" class="figure-quote">236 đảng viên</mark>.</p>',
    );
  });
});

describe('remarkReadingTime', () => {
  it('counts words paragraph by paragraph, without numerals, at 220 a minute', () => {
    const { file } = run(`${'chữ '.repeat(500)}\n\nHết. 2023`, [remarkReadingTime]);
    expect(file.data.words).toBe(501);
    expect(file.data.readingMinutes).toBe(2);
    expect(readingTimeLabel(2)).toBe('2 phút đọc');
    expect(run('Ngắn.', [remarkReadingTime]).file.data.readingMinutes).toBe(1);
  });

  it('counts a word wherever split on white space finds a run holding a letter', () => {
    // The plain definition, which countWords must agree with on every text.
    const reference = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    const alphabet = ['a', 'Z', 'đ', 'Ư', 'ộ', 'x\u0301', '7', '90%', '.', '-', '“', ' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u0001', '\u001f', '😀', 'Ω', '中', '\u200b'];
    const next = random(11);
    const texts = ['', ' ', 'Có 18 chi bộ với 236 đảng viên.', '2023 – 2025', 'a\u00a0b', ...readdirSync(join(ROOT, 'content/articles'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).map((f) => readFileSync(join(ROOT, 'content/articles', f), 'utf8'))];
    for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    for (const text of texts) expect(countWords(text), JSON.stringify(text.slice(0, 80))).toBe(reference(text));
  });
});

describe('rehypeHeadingIds', () => {
  it('gives headings unique ASCII ids from their Vietnamese text', () => {
    expect(run('## Kết quả đạt được\n\n## Kết quả đạt được\n\n### Đầm Hà', [], [rehypeHeadingIds]).html).toBe(
      '<h2 id="ket-qua-dat-duoc">Kết quả đạt được</h2>\n<h2 id="ket-qua-dat-duoc-2">Kết quả đạt được</h2>\n<h3 id="dam-ha">Đầm Hà</h3>',
    );
  });
});

describe('rehypeExternalLinks', () => {
  it('adds noopener noreferrer to external links and drops script URLs', () => {
    expect(run('[a](https://baoquangninh.vn) [b](/nam/) [c](javascript:alert(1))', [], [rehypeExternalLinks]).html).toBe(
      '<p><a href="https://baoquangninh.vn" rel="noopener noreferrer">a</a> <a href="/nam/">b</a> <a>c</a></p>',
    );
  });
});

describe('rehypeViTypography', () => {
  it('keeps numbers with their units, short words with the next, and curls quotes', () => {
    expect(run('Có 236 đảng viên, "Đảng mạnh" ở địa phương.', [], [rehypeViTypography]).html).toBe(
      `<p>Có${NB}236${NB}đảng viên, “Đảng mạnh” ở${NB}địa phương.</p>`,
    );
  });

  it('pairs quotes across text nodes and leaves code alone', () => {
    // A short word ending a text node has no next word to bind to here; that is left as is.
    expect(run('"a *b* c" và `"x"`', [], [rehypeViTypography]).html).toBe('<p>“a <em>b</em> c” và <code>"x"</code></p>');
    expect(viTypography('trên 90 %', { quote: false })).toBe(`trên 90${NB}%`);
  });
});

describe('the whole pipeline', () => {
  it('renders an article body with every plugin in order', () => {
    const file = new VFile({ value: '## Kết quả\n\nCó 18 chi bộ, xem [báo](https://baohagiang.vn).\n\n<Note>\nGhi "chú".\n</Note>' });
    const renderer = createRenderer({ texts: ['18 chi bộ'] });
    const html = String(renderer.stringify(renderer.runSync(createParser().parse(file), file), file));
    expect(html).toBe(
      `<h2 id="ket-qua">Kết quả</h2>\n<p>Có <mark id="so-lieu-1" class="figure-quote">18${NB}chi bộ</mark>, xem <a href="https://baohagiang.vn" rel="noopener noreferrer">báo</a>.</p>\n<div class="note" role="note"><p>Ghi “chú”.</p></div>`,
    );
  });
});
