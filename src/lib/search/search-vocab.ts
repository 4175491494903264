/**
 * Which shards hold a query word. Pagefind searches each shard of a sharded index alone, and a
 * shard with no word starting with a query term matches the longest indexed prefix of it
 * instead ("phìn" → "phi"), so a rare word would also find unrelated articles in the shards that
 * lack it. The build records, per two-letter chunk of the vocabulary, which shards hold each
 * word; the browser loads the chunks of the query's terms and searches only the shards that
 * hold them all, which gives the results one index would.
 *
 * Words are compared the way Pagefind compares them: lower case, punctuation dropped, marks
 * stripped (Pagefind folds diacritics, keeping "đ"). The build side over-approximates the
 * words of a page — joined and split forms of every token, metadata and alt text included —
 * because a word Pagefind holds but the vocabulary lacks would hide real results.
 */

/** Folds a word as Pagefind does: combining marks removed ("phìn" → "phin", "đảng" → "đang"). */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Punctuation Pagefind drops from a query (dashes, brackets, quotes, other punctuation). */
const QUERY_PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** The folded terms Pagefind searches for a query text. */
export function queryWords(text: string): string[] {
  return text
    .replace(QUERY_PUNCTUATION, '')
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map(foldWord)
    .filter(Boolean);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/** Attributes whose values may be indexed: image and link descriptions. */
const TEXT_ATTRIBUTES = new Set(['alt', 'title']);

/**
 * The attribute values of a tag that Pagefind may index: metadata it reads from attributes
 * (`data-pagefind-meta="date[data-date], kind:report"`) and `alt`/`title` — not links, classes,
 * filters or sort keys, whose long unique tokens would bloat the vocabulary.
 */
function indexedAttributeText(tag: string): string {
  if (!/\s(?:alt|title|data-pagefind-meta)=/i.test(tag)) return '';
  const attrs = new Map([...tag.matchAll(/\s([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
  const out: string[] = [];
  for (const [name, value] of attrs) if (TEXT_ATTRIBUTES.has(name)) out.push(value);
  for (const item of (attrs.get('data-pagefind-meta') ?? '').split(',')) {
    const ref = /\[([\w:-]+)\]\s*$/.exec(item);
    if (ref) out.push(attrs.get(ref[1]!.toLowerCase()) ?? '');
    else if (item.includes(':')) out.push(item.slice(item.indexOf(':') + 1));
  }
  return out.join(' ');
}

/** Folded forms of the words seen so far: an archive repeats a few thousand words. */
const folded = new Map<string, string>();

function foldCached(word: string): string {
  let f = folded.get(word);
  if (f === undefined) {
    if (folded.size > 200_000) folded.clear();
    folded.set(word, (f = foldWord(word)));
  }
  return f;
}

/** A token with nothing to split off: letters and digits only. */
const WORD = /^[\p{L}\p{N}]+$/u;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * `html` without the elements Pagefind leaves out (`data-pagefind-ignore`, e.g. the citation
 * block, whose URLs would otherwise be most of the vocabulary). Nesting of the same tag name is
 * followed; anything unbalanced is kept, which only over-approximates.
 */
export function withoutIgnored(html: string): string {
  const open = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/g;
  let out = '';
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const name = m[1]!.toLowerCase();
    let end = m.index + m[0].length;
    if (!VOID_ELEMENTS.has(name) && !m[0].endsWith('/>')) {
      const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
      tags.lastIndex = end;
      let depth = 1;
      for (let t = tags.exec(html); t; t = tags.exec(html)) {
        depth += t[1] ? -1 : 1;
        if (depth === 0) break;
      }
      if (depth !== 0) continue;
      end = tags.lastIndex;
    }
    out += `${html.slice(from, m.index)} `;
    from = end;
    open.lastIndex = end;
  }
  return out + html.slice(from);
}

/** The text Pagefind may index from a page's searchable element (`html`), lower case, entities decoded. */
export function indexedText(html: string): string {
  return decodeEntities(withoutIgnored(html).replace(/<[^>]*>/g, (tag) => ` ${indexedAttributeText(tag)} `)).toLocaleLowerCase('vi');
}

/**
 * Every word Pagefind may index from a page's searchable element (`html`): text and indexed
 * attribute values, each token both whole (punctuation removed: "2.500" → "2500") and split at
 * punctuation ("covid-19" → "covid", "19").
 */
export function pageWords(html: string, into = new Set<string>()): Set<string> {
  const text = indexedText(html);
  // `text.split(/\s+/)`, scanned by code unit; tokens of ASCII letters and digits (one in eight on
  // a bench page) need no folding and no regex.
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i === n) break;
    const start = i;
    let plain = true; // ASCII letters and digits only
    for (let c = text.charCodeAt(i); i < n && !isSpace(c); c = text.charCodeAt(++i)) {
      if (plain && !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) plain = false;
    }
    const raw = text.slice(start, i);
    if (plain) {
      into.add(raw);
      continue;
    }
    const token = foldCached(raw);
    if (!into.has(token)) addToken(token, into);
  }
  return into;
}

/** Adds a folded token's words: the token if it is letters and digits only, else it whole and split at punctuation. */
export function addToken(token: string, into: Set<string>): void {
  if (WORD.test(token)) {
    into.add(token);
    return;
  }
  const joined = token.replace(/[^\p{L}\p{N}]+/gu, '');
  if (joined) into.add(joined);
  for (const part of token.split(/[^\p{L}\p{N}]+/u)) if (part) into.add(part);
}

/** Whether a code unit is white space as `\s` reads it. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Name of the vocabulary chunk holding words that start like `word` ("ph", "_111a" for "đa"). */
export function chunkKey(word: string): string {
  return [...word]
    .slice(0, 2)
    .map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`))
    .join('');
}

/** A vocabulary chunk: word → the shards holding it, as a hex bit mask over the manifest's shards. */
export type VocabChunk = Record<string, string>;

/** Splits the shards' vocabularies (manifest order) into chunks by `chunkKey`. */
export function buildVocab(shardWords: readonly Iterable<string>[]): Map<string, VocabChunk> {
  const masks = new Map<string, bigint>();
  shardWords.forEach((words, i) => {
    const bit = 1n << BigInt(i);
    for (const w of words) masks.set(w, (masks.get(w) ?? 0n) | bit);
  });
  const chunks = new Map<string, VocabChunk>();
  for (const word of [...masks.keys()].sort()) {
    const key = chunkKey(word);
    let chunk = chunks.get(key);
    if (!chunk) chunks.set(key, (chunk = {}));
    chunk[word] = masks.get(word)!.toString(16);
  }
  return chunks;
}

/**
 * The shards (bit mask) holding a word that starts with `term`, from the chunk of its first
 * two letters. Undefined when that cannot be told from one chunk (a one-letter term) or no shard
 * holds such a word — then every shard is searched, as one index would fall back.
 */
export function shardsWithPrefix(chunk: VocabChunk | undefined, term: string): bigint | undefined {
  if ([...term].length < 2 || !chunk) return undefined;
  let mask = 0n;
  for (const [word, hex] of Object.entries(chunk)) if (word.startsWith(term)) mask |= BigInt(`0x${hex}`);
  return mask === 0n ? undefined : mask;
}

/**
 * A function that tells which shards (names, manifest order) to search for a query text, or
 * undefined for all of them; `load` fetches a vocabulary chunk by key (each is fetched once).
 */
export function shardSelector(shards: readonly string[], load: (key: string) => Promise<VocabChunk | undefined>): (text: string) => Promise<string[] | undefined> {
  const chunks = new Map<string, Promise<VocabChunk | undefined>>();
  const all = (1n << BigInt(shards.length)) - 1n;
  return async (text) => {
    if (shards.length < 2) return undefined;
    let allowed = all;
    for (const term of queryWords(text)) {
      const key = chunkKey(term);
      if (!chunks.has(key)) chunks.set(key, load(key).catch(() => undefined));
      const mask = shardsWithPrefix(await chunks.get(key), term);
      if (mask !== undefined) allowed &= mask;
    }
    return allowed === all ? undefined : shards.filter((_, i) => (allowed >> BigInt(i)) & 1n);
  };
}
