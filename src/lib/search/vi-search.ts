/**
 * Vietnamese search on top of Pagefind, without growing its index:
 *  - spelling variants that mean the same word (i/y: kỉ/kỷ, mĩ/mỹ; old/new tone placement:
 *    Hòa/Hoà, Thúy/Thuý) are rewritten to one canonical spelling, identically in the text we
 *    index and in the query;
 *  - `d` typed for `đ` is resolved at query time: each d-syllable is read both ways and the
 *    reading the archive actually contains (most adjacent-phrase hits, then most hits) wins;
 *  - adjacent matches rank first (Pagefind alone ignores word order).
 * Everything here is pure, so the build, the browser and the tests run the same code.
 */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * Canonical spelling of one syllable, case kept. The canonical forms are the ones the press
 * uses most, so most text is unchanged: y after h, k, l, m, t and qu (kỷ, lý, mỹ, tỷ, quý),
 * i after other consonants (sĩ, vị, đi); old-style tone placement in open oa/oe/uy syllables
 * (hòa, khỏe, thủy). Length-preserving in NFC: a tone mark only moves between letters and
 * i/y swap one for one, so word positions stay valid.
 */
export function canonicalSyllable(syllable: string): string {
  // A page has a few hundred distinct syllables and the language a few thousand, so a memo
  // turns indexing from per-word Unicode work into map lookups.
  let canonical = memo.get(syllable);
  if (canonical === undefined) {
    if (memo.size > 200_000) memo.clear();
    memo.set(syllable, (canonical = computeCanonical(syllable)));
  }
  return canonical;
}

const memo = new Map<string, string>();

function computeCanonical(syllable: string): string {
  const letters: string[][] = []; // each base letter with its non-tone marks
  let tone = '';
  let toneAt = -1;
  for (const ch of syllable.normalize('NFD')) {
    if (TONES.has(ch)) {
      tone = ch;
      toneAt = letters.length - 1;
    } else if (/\p{M}/u.test(ch) && letters.length) letters[letters.length - 1]!.push(ch);
    else letters.push([ch]);
  }
  const bare = letters.map((l) => l.join('')).join('').normalize('NFC').toLowerCase();
  const setVowel = (at: number, v: 'i' | 'y') => {
    const cur = letters[at]![0]!;
    letters[at]![0] = cur === cur.toUpperCase() ? v.toUpperCase() : v;
  };
  let m: RegExpExecArray | null;
  if ((m = /^(qu|[hklmt])[iy]$/.exec(bare))) setVowel(m[1]!.length, 'y');
  else if ((m = /^([bdđnrsvx])[iy]$/.exec(bare))) setVowel(1, 'i');
  // Old-style placement: the tone sits on the first of the two vowels (hòa, khỏe, thủy), except
  // after "qu", whose u belongs to the onset (quý).
  if (tone && /(oa|oe|uy)$/.test(bare) && !bare.startsWith('qu')) toneAt = letters.length - 2;
  if (tone && toneAt >= 0) letters[toneAt]!.push(tone);
  return letters.map((l) => l.join('')).join('').normalize('NFC');
}

/** Canonical spelling of running text: every syllable through `canonicalSyllable`, NFC. */
export function canonicalText(text: string): string {
  return text.normalize('NFC').replace(WORD, (w) => canonicalSyllable(w));
}

/** Canonical word → the spelling this page uses, for words the page spells one non-canonical way. */
export type SpellingMap = Record<string, string>;

/**
 * Canonicalises the text between tags of an HTML document (what `>([^<]+)<` matches), leaving tags
 * and attribute values (filter values, URLs) untouched. Used on the copy of each page that Pagefind
 * indexes. Also returns how to restore the page's own spellings in titles and excerpts, and the
 * distinct words of the text (as written → canonical) that canonical spelling may change or that
 * start with d/đ — the words `dSyllablesOf` reads.
 */
export function canonicalHtml(html: string): { html: string; spelling: SpellingMap; words: ReadonlyMap<string, string> } {
  // Pages are NFC already (content is checked), and then so is every text between tags.
  if (html.normalize('NFC') !== html) html = html.replace(/>([^<]+)</g, (_, text: string) => `>${text.normalize('NFC')}<`);
  const words = new Map<string, string>();
  const edit = { out: '', copied: 0 };
  // The texts `>([^<]+)<` would match, found with indexOf: most pages change a few words, so the
  // page is copied in a few pieces instead of rebuilt text by text.
  let at = 0;
  for (;;) {
    const gt = html.indexOf('>', at);
    if (gt < 0) break;
    const lt = html.indexOf('<', gt + 1);
    if (lt < 0) break;
    if (lt > gt + 1) canonicalRun(html, gt + 1, lt, words, edit);
    at = lt + 1;
  }
  const out = edit.copied === 0 ? html : edit.out + html.slice(edit.copied);
  const seen = new Map<string, Set<string>>();
  for (const [w, c] of words) seen.set(c, (seen.get(c) ?? new Set()).add(w));
  const spelling: SpellingMap = {};
  for (const [canonical, originals] of seen) {
    // Only a page that spells the word one way can be restored without guessing.
    const [only] = originals;
    if (originals.size === 1 && only !== canonical) spelling[canonical] = only!;
  }
  return { html: out, spelling, words };
}

/*
 * What `canonicalRun` knows of a UTF-16 code unit, learned the first time the unit is met: whether
 * it is part of a word (`WORD`), a mark, how many tone marks it carries, its base letter in lower
 * case. (Unused in the browser, which only canonicalises queries: pure, so bundlers drop them.)
 */
const IS_WORD = 1;
const IS_MARK = 2;
const ONE_TONE = 4;
const TWO_TONES = 8;
const SURROGATE = 16;
const KNOWN = 32;
const unitInfo = /* @__PURE__ */ new Uint8Array(0x10000);
const unitBase = /* @__PURE__ */ new Uint16Array(0x10000);

/** Fills in `unitInfo` and `unitBase` for a code unit seen for the first time. */
function learnUnit(unit: number): number {
  let info = KNOWN;
  if (unit >= 0xd800 && unit <= 0xdfff) info |= SURROGATE;
  else {
    const ch = String.fromCharCode(unit);
    const nfd = ch.normalize('NFD');
    let tones = 0;
    for (const c of nfd) if (TONES.has(c)) tones++;
    if (/[\p{L}\p{M}]/u.test(ch)) info |= IS_WORD;
    if (/\p{M}/u.test(ch)) info |= IS_MARK;
    if (tones) info |= tones === 1 ? ONE_TONE : TWO_TONES;
    unitBase[unit] = nfd[0]!.toLowerCase().charCodeAt(0);
  }
  unitInfo[unit] = info;
  return info;
}

/** Whether a letter or mark outside the BMP starts at `i` (rare: the regex decides). */
function astralWordAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i)!;
  return cp > 0xffff && /[\p{L}\p{M}]/u.test(String.fromCodePoint(cp));
}

const LOW_I = 0x69;
const LOW_Y = 0x79;
const LOW_A = 0x61;
const LOW_E = 0x65;
const LOW_O = 0x6f;

/**
 * Whether `computeCanonical` could change the word `text[start, end)`, which carries `tones` tone
 * marks and holds a mark or an astral letter if `odd`. It changes i/y in syllables ending in either
 * and moves the tone in syllables ending in oa/oe/uy; it also rewrites words with stray marks or
 * more than one tone. Anything else is canonical already, so most words need no lookup.
 */
function mayChange(text: string, start: number, end: number, tones: number, odd: boolean): boolean {
  if (odd || tones > 1) return true;
  const last = unitBase[text.charCodeAt(end - 1)]!;
  if (last === LOW_I || last === LOW_Y) return true;
  return (last === LOW_A || last === LOW_E) && end - start > 1 && unitBase[text.charCodeAt(end - 2)] === LOW_O;
}

/**
 * Canonical spelling of `text[from, to)` (NFC), as `replace(WORD, canonicalSyllable)` with no-break
 * spaces made plain (typography: so Pagefind splits "236 đảng viên" into words). Changes are
 * appended to `edit` (`out` holds `text` up to `copied`, edited); each word that may change or
 * starts with d/đ is recorded in `words`. Scanned by code unit, looking up only those words: the
 * Unicode property regex and a lookup per word cost most of making the search copies.
 */
function canonicalRun(text: string, from: number, to: number, words: Map<string, string>, edit: { out: string; copied: number }): void {
  let i = from;
  while (i < to) {
    let unit = text.charCodeAt(i);
    let info = unitInfo[unit] || learnUnit(unit);
    if (info & SURROGATE ? !astralWordAt(text, i) : !(info & IS_WORD)) {
      if (unit === 0xa0) {
        edit.out += `${text.slice(edit.copied, i)} `;
        edit.copied = i + 1;
      }
      i++;
      continue;
    }
    const start = i;
    let tones = 0;
    let odd = false; // a mark or an astral letter: `computeCanonical` decides
    while (i < to) {
      unit = text.charCodeAt(i);
      info = unitInfo[unit] || learnUnit(unit);
      if (info & SURROGATE) {
        if (!astralWordAt(text, i)) break;
        odd = true;
        i += 2;
        continue;
      }
      if (!(info & IS_WORD)) break;
      if (info & IS_MARK) odd = true;
      tones += info & TWO_TONES ? 2 : info & ONE_TONE ? 1 : 0;
      i++;
    }
    if (!startsWithD(text, start) && !mayChange(text, start, i, tones, odd)) continue;
    const w = text.slice(start, i);
    let c = words.get(w);
    if (c === undefined) words.set(w, (c = canonicalSyllable(w)));
    if (c !== w) {
      edit.out += text.slice(edit.copied, start) + c;
      edit.copied = i;
    }
  }
}

/** Serialises a spelling map for a Pagefind meta value: "Sĩ=Sỹ|kỷ=kỉ" (words hold no = or |). */
export function encodeSpelling(map: SpellingMap): string {
  return Object.entries(map).map(([c, o]) => `${c}=${o}`).join('|');
}

/** Reads `encodeSpelling` output. */
export function decodeSpelling(text: string | undefined): SpellingMap {
  const map: SpellingMap = {};
  for (const pair of (text ?? '').split('|')) {
    const [c, o] = pair.split('=');
    if (c && o) map[c] = o;
  }
  return map;
}

/** Puts the page's own spellings back into text that went through `canonicalText`. */
export function restoreSpelling(text: string, map: SpellingMap): string {
  if (!Object.keys(map).length) return text;
  return text.replace(WORD, (w) => map[w] ?? w);
}

/** A parsed search query. */
export interface ParsedQuery {
  /** Lower-case canonical terms, in order. */
  terms: string[];
  /** The whole query was in quotes: only the exact phrase should match. */
  exact: boolean;
}

/** Normalises what the reader typed: NFC (phones send NFD), case, spelling, quotes. */
export function parseQuery(input: string): ParsedQuery {
  const text = input.normalize('NFC').trim();
  const exact = /^["“”„].*["“”]$/u.test(text) && text.length > 1;
  const terms = (canonicalText(text).toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:[.,]\d+)*/gu) ?? []).filter(Boolean);
  return { terms, exact };
}

/** At most this many d-syllables are read both ways (2^3 = 8 readings); beyond, all-d or all-đ. */
const MAX_EXPANDED = 3;

/**
 * The readings of a query's terms: as typed first, then with `đ` for `d` where the reader may
 * have typed d for đ. A query that already contains đ is taken as typed.
 */
export function readings(terms: readonly string[]): string[][] {
  if (terms.some((t) => t.includes('đ'))) return [[...terms]];
  const positions = terms.flatMap((t, i) => (t.startsWith('d') ? [i] : []));
  if (positions.length === 0) return [[...terms]];
  const swap = (t: string) => `đ${t.slice(1)}`;
  if (positions.length > MAX_EXPANDED) {
    return [[...terms], terms.map((t) => (t.startsWith('d') ? swap(t) : t))];
  }
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << positions.length; mask++) {
    const r = [...terms];
    positions.forEach((p, bit) => {
      if (mask & (1 << bit)) r[p] = swap(r[p]!);
    });
    out.push(r);
  }
  return out;
}

/**
 * How many pages hold each d- or đ-syllable (tones dropped, đ kept: "dam", "đam"), counted when
 * the index is built. It says which way a typed "d" is usually meant in this archive.
 */
export interface SyllablePrior {
  pages: number;
  df: Record<string, number>;
}

/**
 * The d/đ syllables of a page, for building a `SyllablePrior`, from the distinct words of its text
 * (`canonicalHtml` has them already).
 */
export function dSyllablesOf(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    // Only the first letter decides (canonical spelling never changes it): skip the rest cheaply.
    if (!startsWithD(w)) continue;
    let key = dKeys.get(w);
    if (key === undefined) {
      if (dKeys.size > 200_000) dKeys.clear();
      dKeys.set(w, (key = highlightKey(w)));
    }
    out.add(key);
  }
  return out;
}

/** Whether the word at `at` starts with d or đ, either case: the words the d/đ prior counts. */
function startsWithD(text: string, at = 0): boolean {
  const c = text.charCodeAt(at);
  return c === 0x64 || c === 0x44 || c === 0x111 || c === 0x110;
}

/** `highlightKey` of the d/đ words seen so far: an archive repeats a few thousand. */
const dKeys = new Map<string, string>();

/**
 * Orders readings by how likely the archive makes them: the product over their d/đ syllables of
 * that spelling's share of pages. Readings with a syllable no page holds are dropped (unless all
 * would be). Returns each kept reading with its share of the total, most likely first.
 */
export function rankReadings(options: readonly string[][], prior: SyllablePrior | undefined): { terms: string[]; share: number }[] {
  if (!prior || options.length < 2) return options.map((terms, i) => ({ terms: [...terms], share: i === 0 ? 1 : 0 }));
  const scored = options.map((terms, order) => {
    let score = 1;
    terms.forEach((t, i) => {
      if (!/^[dđ]/.test(t)) return;
      const key = highlightKey(t);
      const other = key.startsWith('đ') ? `d${key.slice(1)}` : `đ${key.slice(1)}`;
      const mine = prior.df[key] ?? 0;
      const total = mine + (prior.df[other] ?? 0);
      // Syllables the archive lacks either way say nothing: keep the reading neutral.
      score *= total ? mine / total : (options[0]![i] === t ? 1 : 0.5);
    });
    return { terms: [...terms], score, order };
  });
  const possible = scored.filter((r) => r.score > 0);
  const kept = possible.length ? possible : scored;
  const sum = kept.reduce((a, r) => a + r.score, 0) || 1;
  return kept.sort((a, b) => b.score - a.score || a.order - b.order).map((r) => ({ terms: r.terms, share: r.score / sum }));
}

/** One Pagefind hit, as far as ranking needs it. */
export interface Hit {
  id: string;
  score: number;
}

/** What searching one reading found: the exact-phrase hits (null for one-word queries) and all hits. */
export interface ReadingHits {
  phrase: Hit[] | null;
  all: Hit[];
}

/** Index of the reading the archive most likely means: most phrase hits, then most hits, then as typed. */
export function bestReading(results: readonly ReadingHits[]): number {
  let best = 0;
  results.forEach((r, i) => {
    const b = results[best]!;
    const key = [r.phrase?.length ?? 0, r.all.length];
    const bestKey = [b.phrase?.length ?? 0, b.all.length];
    if (key[0]! > bestKey[0]! || (key[0] === bestKey[0] && key[1]! > bestKey[1]!)) best = i;
  });
  return best;
}

/**
 * Relevance order for one reading: exact-phrase hits first (their syllables are adjacent and
 * in order), then the remaining hits, each group by the word search's score. Pagefind gives
 * every exact-phrase hit the same score, so their own order is only the order pages happened
 * to enter the index in.
 */
export function phraseFirst(hits: ReadingHits, exact: boolean): Hit[] {
  const byScore = (a: Hit, b: Hit) => b.score - a.score;
  if (!hits.phrase) return [...hits.all].sort(byScore);
  const wordScore = new Map(hits.all.map((h) => [h.id, h.score]));
  const phraseScore = (h: Hit) => wordScore.get(h.id) ?? h.score;
  const phrase = [...hits.phrase].sort((a, b) => phraseScore(b) - phraseScore(a));
  if (exact) return phrase;
  const inPhrase = new Set(phrase.map((h) => h.id));
  return [...phrase, ...hits.all.filter((h) => !inPhrase.has(h.id)).sort(byScore)];
}

/** How a query word finds words of the text, whole words only. */
export interface TermKey {
  /** Typed with its marks ("Đô"): only itself; typed bare ("do"): any of its tones. */
  exact: boolean;
  key: string;
}

const termKey = (word: string, exact: boolean) => (exact ? canonicalText(word).toLowerCase() : highlightKey(word));

/** The keys of a query's words, for marking them in excerpts and on the article page. */
export function termKeys(terms: readonly string[]): TermKey[] {
  return terms.filter(Boolean).map((t) => {
    const exact = /[^a-zđ0-9]/u.test(t.toLowerCase());
    return { exact, key: termKey(t, exact) };
  });
}

/** Is `word` (without its punctuation) a reading of the query word `k`? */
export function matchesTerm(word: string, k: TermKey): boolean {
  return termKey(word, k.exact) === k.key;
}

/** Key that matches a word in the text to a query term for highlighting: no tones or marks, đ kept. */
export function highlightKey(word: string): string {
  return canonicalText(word).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
