/**
 * The fast path must build exactly the full parser's tree, positions included, or refuse.
 * Compared on every article, on a generated corpus, on the raw seeds and on randomised bodies
 * mixing plain text with every construct the fast path refuses.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, random } from '../../scripts/bench/corpus.ts';
import { parseArticleFile } from '../../src/lib/articles/article-file.ts';
import { createMarkdownParser } from '../../src/plugins/index.ts';
import { parsePlain } from '../../src/plugins/plain-parse.ts';
import { CONTENT, SEEDS } from '../support/paths.ts';

const markdown = createMarkdownParser();

/** The full parser's tree, or 'throws' for a body MDX rejects. */
function full(body: string) {
  try {
    return markdown.parse(body);
  } catch {
    return 'throws';
  }
}

/** Asserts the fast path either refuses `body` or gives the full parser's tree; true when it took it. */
function agrees(body: string): boolean {
  const fast = parsePlain(body);
  if (fast === null) return false;
  expect(fast, JSON.stringify(body)).toStrictEqual(full(body));
  return true;
}

function bodyOf(file: string): string {
  const parsed = parseArticleFile(file, readFileSync(file, 'utf8'));
  expect(parsed.article, file).toBeDefined();
  return parsed.article!.body;
}

const dir = mkdtempSync(join(tmpdir(), 'diachi-plain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parsePlain', () => {
  it('gives the full tree for every article in content/ and takes the fast path for all of them', () => {
    const files = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(agrees(bodyOf(join(CONTENT, f))), f).toBe(true);
  });

  it('gives the full tree for a generated corpus, all of it on the fast path', () => {
    for (const file of generateCorpus(150, dir)) expect(agrees(bodyOf(file)), file).toBe(true);
  });

  it('agrees with the full parser on the raw scraped seeds, whole and line by line', () => {
    for (const name of readdirSync(SEEDS)) {
      const text = readFileSync(join(SEEDS, name), 'utf8').normalize('NFC');
      agrees(text);
      for (const line of text.split('\n')) agrees(line);
    }
  });

  it('builds paragraphs, headings and component blocks with their positions', () => {
    const body = '## Kết quả\nĐảng bộ có 236 đảng viên,\nđạt trên 90%.\n\n<Quote by="Bí thư - Hoàng Mạnh Phúc">\nLời hay.\n\nÝ đẹp.\n</Quote>\n\n<Figure>\n</Figure>\n';
    expect(agrees(body)).toBe(true);
    const tree = parsePlain(body)!;
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'mdxJsxFlowElement', 'mdxJsxFlowElement']);
    expect(agrees('')).toBe(true);
    // Attribute values are literal (no inline syntax), components may nest, headings follow headings.
    expect(agrees('<Figure alt="a>b *c* [d]" credit="Ảnh: 😀">\nx\n</Figure>')).toBe(true);
    expect(agrees('<Note>\n<Figure>\nx\n</Figure>\n\n</Note>')).toBe(true);
    expect(agrees('# a\n## b\nc\n')).toBe(true);
    expect(agrees('\n\n1.000 người tham gia.\n2019 là năm\n')).toBe(true);
  });

  it('builds emphasis and strong words as the full parser does', () => {
    for (const body of ['Chữ **đậm**.', 'Chữ *nghiêng*.', '*Đầm Hà*: **236** đảng viên, *trên* 90% — **Đảng bộ xã Quảng Tân**!', 'Dòng một *a*\n**b** dòng hai\n\n*c*', 'Và *x*, *y* và *z*.']) {
      expect(agrees(body), body).toBe(true);
    }
    expect(parsePlain('Chữ **đậm**.')!.children[0]).toMatchObject({ children: [{ type: 'text', value: 'Chữ ' }, { type: 'strong', children: [{ value: 'đậm' }] }, { type: 'text', value: '.' }] });
  });

  it('builds quotes of plain lines as the full parser does', () => {
    for (const body of ['> Trích lời Bí thư.', 'Đoạn trước.\n\n> Dòng một,\n> dòng hai.\n\nĐoạn sau.', '> a\n\n> b', '<Note>\n> trong khung\n</Note>']) {
      expect(agrees(body), body).toBe(true);
    }
    expect(parsePlain('> a\n> b')!.children[0]).toMatchObject({ type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a\nb' }] }] });
  });

  it('builds tight lists of one-line items as the full parser does', () => {
    for (const body of ['- một\n- hai', 'Đoạn.\n\n- *một* mục\n- **hai** mục\n\nĐoạn sau.', '- a', '<Note>\n- trong khung\n</Note>']) {
      expect(agrees(body), body).toBe(true);
    }
    expect(parsePlain('- a\n- b')!.children[0]).toMatchObject({ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem' }, { type: 'listItem' }] });
  });

  it('refuses every construct outside the plain subset', () => {
    const refused = [
      'Chữ _nghiêng_.', 'a**b**c', '*a **b***', '**a*', '*“trích”*', '*a\nb*', '* a*', '*a *', 'x *a*b', '> a\nb', '>a', '> a\n>', '> - mục', '> *a*', 'a\n> b', '>  a', '- a\n\n- b', '- a\nb', '- a\n  b', '-  a', '- - a', '- [ ] việc', '- a\n-', '- a\n\n-b', 'Mã `x`.', 'Xem [bài](https://a.vn).', '![ảnh](a.jpg)',
      'Có {x}.', 'Có <b>đậm</b>.', 'a \\* b', 'a &amp; b', '~~xoá~~', '| a | b |\n|---|---|', 'thư a@b.vn', 'www.baoquangninh.vn',
      'xem https://a.vn', 'dòng  \nngắt', 'dòng\\\nngắt', '* mục', '+ mục', '1. mục', '2) mục', '    mã',
      '\tmã', 'a\tb', 'Tiêu đề\n===', 'Tiêu đề\n---', '***', '```\nmã\n```', '<Figure>\nChú thích\n</Figure>\nliền sau',
      '<Figure>Chú thích</Figure>', '<Figure>\nchưa đóng', '<Note title={x}>\na\n</Note>', 'import x from "y"', 'export const a = 1',
      '# Tiêu đề #', '#Tiêu đề', 'a\r\nb', 'Cột\n:-', '\ufeffĐầu bài', 'dòng cuối ', '<!-- chú thích -->', '[^1]: chú thích',
    ];
    for (const body of refused) expect(parsePlain(body), body).toBeNull();
  });

  it('agrees with the full parser on randomised bodies mixing plain text and refused constructs', () => {
    // Seeded, so a failure is reproducible.
    const rand = random(20261124);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const words = ['\u200b', 'Đảng', 'bộ', 'xã', 'Đầm Hà', 'có', '236', 'đảng viên', 'trên 90%', '1.000', '12,5', '(TP Hạ Long)', '“Tự diễn biến”', '…', '-', '–', '!', '?', ':', ';', '#1', '😀', '\u00a0', 'cafe\u0301', 'ĐẢNG'];
    // Emphasis, strong and stray stars, now and then: the fast path takes some and refuses others.
    const stars = ['*Đầm Hà*', '**236**', '*đảng viên*,', '**bộ**.', '*a', 'b*', '**c*', '*(d)*', '***e***', '*f*g'];
    const noise = ['*', '_', '`', '[', ']', '<', '>', '{', '}', '&', '~', '|', '@', '\\', 'www.', 'http://', '  ', '\t', '<b>', '&amp;', '**x**', '\ufeff', '\u000b', '\r'];
    const starts = ['# ', '## ', '###### ', '####### ', '#', '- ', '* ', '+ ', '1. ', '2019) ', '2019.', '> ', ' ', '    ', '=', '---', 'import ', 'export ', '\u00a0', ':-', ':', '\ufeff', '\u2028'];
    const line = () => {
      const n = 1 + Math.floor(rand() * 8);
      const parts = Array.from({ length: n }, () => (rand() < 0.02 ? pick(noise) : rand() < 0.015 ? pick(stars) : pick(words)));
      return (rand() < 0.8 ? '' : pick(starts)) + parts.join(rand() < 0.9 ? ' ' : '');
    };
    const block = () => {
      const r = rand();
      if (r < 0.15) {
        const name = pick(['Figure', 'Note', 'Quote', 'div', 'figure']);
        const attr = rand() < 0.4 ? ` ${pick(['by', 'title', 'src', 'alt'])}="${pick(words)}"` : '';
        const inner = Array.from({ length: Math.floor(rand() * 3) }, line).join(rand() < 0.5 ? '\n\n' : '\n');
        return `<${name}${attr}>\n${inner}${inner ? '\n' : ''}</${name}>`;
      }
      return Array.from({ length: 1 + Math.floor(rand() * 3) }, line).join('\n');
    };
    let fast = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) {
      const body = Array.from({ length: 1 + Math.floor(rand() * 5) }, block).join(pick(['\n\n', '\n\n', '\n', '\n\n\n'])) + pick(['', '\n', '\n\n']);
      if (agrees(body)) fast++;
    }
    // The comparison means something only if many bodies took the fast path, and many did not.
    expect(fast).toBeGreaterThan(total * 0.15);
    expect(fast).toBeLessThan(total * 0.85);
  });
});
