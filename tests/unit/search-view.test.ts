/** What the search page says of its results: the status line's counts and the excerpt under each. */
import { describe, expect, it } from 'vitest';
import { bodyExcerpt, statusLine, type ExcerptPart } from '../../src/lib/search/search-view.ts';

/** An excerpt as text, its marks in brackets. */
const shown = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('bodyExcerpt', () => {
  // The indexed text: the locality, the title (with the full stop Pagefind adds after it), the body.
  const content =
    'Tỉnh Nghệ An Huyện Đô Lương Đô Lương: Vững mạnh từ cơ sở. Sáng nay, huyện Đô Lương tổ chức hội nghị đổi mới. Đồng chí Lượng cho biết đó là đồng lòng của dân. Đô Lương có 33 xã.';
  const title = 'Đô Lương: Vững mạnh từ cơ sở';

  it('shows the body where the phrase is and marks only the phrase, never the title', () => {
    expect(shown(bodyExcerpt(content, title, ['đo', 'luong'], 6, { phrase: true }))).toBe('… huyện [Đô] [Lương] tổ chức hội …');
  });

  it('marks whole words only: no prefix (đồng, đổi for “đo”), any tone of a word typed bare', () => {
    const marks = (terms: string[]) => bodyExcerpt(content, title, terms, 30).filter((p) => p.mark).map((p) => p.text);
    expect(marks(['đo', 'luong'])).toEqual(['Đô', 'Lương', 'Lượng', 'đó', 'Đô', 'Lương']);
    // Typed with its marks, a word matches itself only.
    expect(marks(['đô', 'lương'])).toEqual(['Đô', 'Lương', 'Đô', 'Lương']);
  });

  it('starts at the body when the query is only in the title, and marks nothing', () => {
    expect(shown(bodyExcerpt(content, title, ['vững', 'mạnh'], 4, { phrase: true }))).toBe('Sáng nay, huyện Đô …');
  });

  it('keeps punctuation outside the marks and a few words of context before the first', () => {
    expect(shown(bodyExcerpt(content, title, ['xã'], 8))).toBe('… lòng của dân. Đô Lương có 33 [xã].');
  });
});

describe('statusLine', () => {
  it('counts the phrase hits first, then the words apart', () => {
    expect(statusLine('ha lam', 11, 1)).toBe('Tìm thấy 1 bài có “ha lam”, 10 bài có đủ các từ nhưng không liền nhau.');
    expect(statusLine('ha lam', 3, 3)).toBe('Tìm thấy 3 bài có “ha lam”.');
    expect(statusLine('ha lam', 4, 0)).toBe('Tìm thấy 4 bài có đủ các từ của “ha lam” nhưng không liền nhau; không bài nào có cả cụm.');
  });

  it('says one count for a single word, and why nothing was found', () => {
    expect(statusLine('kỷ', 7, undefined)).toBe('Tìm thấy 7 bài cho “kỷ”.');
    expect(statusLine('kỷ', 0, undefined, ' Bỏ bộ lọc.')).toBe('Không tìm thấy bài nào cho “kỷ”. Bỏ bộ lọc.');
  });
});
