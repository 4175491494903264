/**
 * Vietnamese text helpers: normalisation, tone folding and slugs.
 * Shared by the content model (gazetteer look-ups), URLs and, later, search.
 */

/** Combining marks that carry the five Vietnamese tones (huyền, sắc, ngã, hỏi, nặng). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const COMBINING = /[\u0300-\u036f]/g;

/** Canonical Unicode form for all stored and compared text. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Collapses runs of white space (including NBSP) to one space and trims. */
export function tidySpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * A key that is equal for spellings that differ only in where the tone mark sits
 * ("Hoà"/"Hòa", "Thuỷ"/"Thủy") or in Unicode form (NFC/NFD) or case.
 * Works by moving each syllable's tone mark to the syllable's end.
 */
export function toneKey(text: string): string {
  const decomposed = text.normalize('NFD').toLowerCase();
  let out = '';
  let tone = '';
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      tone = ch;
    } else if (/[\p{L}\p{M}]/u.test(ch)) {
      out += ch;
    } else {
      out += tone + ch;
      tone = '';
    }
  }
  return out + tone;
}

/** `text` as a regular expression that matches it literally ("TP.HCM" → "TP\\.HCM"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes every diacritic and maps đ→d: "Đầm Hà" → "Dam Ha". */
export function foldAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** ASCII URL slug: "Đầm Hà: Vững mạnh" → "dam-ha-vung-manh". */
export function slugify(text: string): string {
  return foldAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** File name for an article: the title's slug, at most `max` characters, cut between words. */
export function articleSlug(title: string, max = 60): string {
  const full = slugify(title);
  if (full.length <= max) return full;
  const cut = full.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return cut.slice(0, end > 0 ? end : max);
}

/** Levenshtein distance, used to rank "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Index of `phrase` in `text` where it starts and ends on word boundaries
 * (so "3 chi bộ" is not found inside "23 chi bộ"), or -1.
 */
export function indexOfPhrase(text: string, phrase: string, from = 0): number {
  if (!phrase) return -1;
  for (let at = text.indexOf(phrase, from); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    const startOk = before === undefined || !WORD_CHAR.test(before) || !WORD_CHAR.test(phrase[0]!);
    const endOk = after === undefined || !WORD_CHAR.test(after) || !WORD_CHAR.test(phrase.at(-1)!);
    if (startOk && endOk) return at;
  }
  return -1;
}

/** Shortens text to at most `max` characters at a word boundary, adding "…". */
export function excerpt(text: string, max: number): string {
  const t = tidySpace(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
