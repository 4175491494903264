/**
 * What the search page says about its results. The status line counts phrase hits first. The
 * excerpt under a result is made from the indexed text rather than taken from Pagefind:
 * the window of the body where the query's words are densest (its phrase first), never the title
 * the indexed text opens with, with only whole words that are a reading of a query word marked —
 * Pagefind matches prefixes, so its own marks include "hạt" for "hạ".
 */
import { matchesTerm, termKeys } from './vi-search.ts';

/** A run of excerpt text, marked or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const WORD_SEPARATORS = /[^\S\uFEFF]+/;
/** Punctuation around a word, which is not part of its key. */
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Index in `words` just past the title's words (Pagefind adds a full stop to a heading), or 0. */
function titleEnd(words: readonly string[], title: string | undefined): number {
  const key = (w: string) => w.replace(EDGES, '').toLowerCase();
  const head = (title ?? '').trim().split(WORD_SEPARATORS).filter(Boolean).map(key);
  if (!head.length) return 0;
  for (let i = 0; i + head.length < words.length && i < 40; i++) {
    if (head.every((w, j) => key(words[i + j]!) === w)) return i + head.length;
  }
  return 0;
}

/**
 * `content` is the page's indexed text (locality, title, body), `title` the title, `terms` the query's
 * words as searched; `length` the excerpt's length in words; `phrase` for a result that holds the
 * query as a phrase, whose excerpt marks only the phrase.
 */
export function bodyExcerpt(content: string, title: string | undefined, terms: readonly string[], length: number, options: { phrase?: boolean } = {}): ExcerptPart[] {
  const all = content.trim().split(WORD_SEPARATORS).filter(Boolean);
  // An excerpt is body only: what follows the title (after the locality the page opens with).
  const words = all.slice(titleEnd(all, title));
  const keys = termKeys(terms);
  const matches = matchesTerm;
  const bare = words.map((w) => w.replace(EDGES, ''));
  // A phrase hit: the query's words in order from here.
  const phraseAt = bare.map((_, i) => keys.length > 1 && keys.every((k, j) => i + j < bare.length && matches(bare[i + j]!, k)));
  const inPhrase = bare.map((_, i) => keys.some((_k, j) => i - j >= 0 && phraseAt[i - j]));
  // A result found as a phrase marks the phrase; one found by its words apart, each whole word.
  const hit = options.phrase && keys.length > 1 ? inPhrase : bare.map((w) => keys.some((k) => matches(w, k)));
  // The window with the most (phrase hits first); among equals, the one whose first hit has a few
  // words of context before it.
  let best = 0;
  let bestScore = -1;
  let bestLead = Infinity;
  const context = Math.floor(length / 4);
  for (let start = 0; start < Math.max(1, words.length - length + 1); start++) {
    let score = 0;
    let first = -1;
    for (let i = start; i < Math.min(words.length, start + length); i++) {
      score += (phraseAt[i] ? 100 : 0) + (hit[i] ? 1 : 0);
      if (first < 0 && hit[i]) first = i - start;
    }
    const lead = first < 0 ? 0 : Math.abs(first - context);
    if (score > bestScore || (score === bestScore && lead < bestLead)) [best, bestScore, bestLead] = [start, score, lead];
  }
  const parts: ExcerptPart[] = best > 0 ? [{ text: '… ', mark: false }] : [];
  const plain = (text: string) => {
    const last = parts.at(-1);
    if (last && !last.mark) last.text += text;
    else if (text) parts.push({ text, mark: false });
  };
  for (let i = best; i < Math.min(words.length, best + length); i++) {
    const word = words[i]!;
    if (i > best) plain(' ');
    if (!hit[i]) {
      plain(word);
      continue;
    }
    // Marked: the word itself, its punctuation left outside the mark.
    const core = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word)!;
    plain(core[1]!);
    parts.push({ text: core[2]!, mark: true });
    plain(core[3]!);
  }
  if (best + length < words.length) parts.push({ text: ' …', mark: false });
  return parts;
}

/**
 * What the search found, phrase first: "Tìm thấy 1 bài có “ha lam”, 10 bài có đủ các từ nhưng
 * không liền nhau." A researcher counting reports about a place reads the first number.
 */
export function statusLine(q: string, total: number, phraseCount: number | undefined, why = ''): string {
  const what = q ? ` cho “${q}”` : '';
  if (total === 0) return `Không tìm thấy bài nào${what}.${why}`;
  if (phraseCount === undefined) return `Tìm thấy ${total} bài${what}.`;
  const apart = total - phraseCount;
  const rest = apart ? `${phraseCount ? ', ' : ''}${apart} bài có đủ các từ nhưng không liền nhau` : '';
  if (phraseCount === 0) return `Tìm thấy ${apart} bài có đủ các từ của “${q}” nhưng không liền nhau; không bài nào có cả cụm.`;
  return `Tìm thấy ${phraseCount} bài có “${q}”${rest}.`;
}
