/**
 * On an article opened from search (`?danh-dau=đảng viên`), marks the searched words in the
 * title and body and scrolls to the first. Does nothing on a plain visit.
 */
import { matchesTerm, termKeys } from '../lib/search/vi-search';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function highlightSearchTerms(): void {
  const raw = new URLSearchParams(location.search).get('danh-dau');
  if (!raw) return;
  const keys = termKeys(raw.split(/\s+/));
  if (!keys.length) return;
  const roots = document.querySelectorAll('.article h1, .article .prose');
  // Whole words that are a reading of a searched word, as in the search page's excerpts: the
  // search itself matches whole words, so a prefix ("hạt" for "hạ") is never why a page was found.
  const matches = (word: string) => keys.some((k) => matchesTerm(word, k));
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
