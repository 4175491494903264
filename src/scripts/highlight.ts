/**
 * On an article opened from search (`?danh-dau=đảng viên`), marks the searched words in the
 * title and body and scrolls to the first. Does nothing on a plain visit.
 */
import { highlightKey } from '../lib/search/vi-search';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function highlightSearchTerms(): void {
  const raw = new URLSearchParams(location.search).get('danh-dau');
  if (!raw) return;
  const keys = raw.split(/\s+/).map(highlightKey).filter(Boolean);
  if (!keys.length) return;
  const roots = document.querySelectorAll('.article h1, .article .prose');
  // Whole words first; a term that matches no whole word (typed partly, like "Kiến X") matches
  // as a prefix, the way Pagefind found it.
  const words = new Set([...Array.from(roots, (r) => r.textContent ?? '').join(' ').matchAll(WORD)].map((m) => highlightKey(m[0])));
  const exact = new Set(keys.filter((k) => words.has(k)));
  const prefixes = keys.filter((k) => !exact.has(k));
  const matches = (word: string) => {
    const key = highlightKey(word);
    return exact.has(key) || prefixes.some((k) => key.startsWith(k));
  };
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    for (const text of texts) {
      const value = text.data;
      const parts: Node[] = [];
      let last = 0;
      for (const m of value.matchAll(WORD)) {
        if (!matches(m[0])) continue;
        parts.push(document.createTextNode(value.slice(last, m.index)));
        const mark = document.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = m[0];
        parts.push(mark);
        last = m.index + m[0].length;
      }
      if (!parts.length) continue;
      parts.push(document.createTextNode(value.slice(last)));
      text.replaceWith(...parts);
    }
  }
  document.querySelector('.prose mark.search-hit')?.scrollIntoView({ block: 'center' });
}
