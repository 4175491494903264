/**
 * The copies of article pages that Pagefind indexes (canonical spellings), written to a scratch
 * folder on worker threads — one per core — together with the d/đ syllable counts of the prior.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pageWords } from '../lib/search/search-vocab.ts';
import { onWorkers } from '../workers/pool.ts';
import { canonicalHtml, dSyllablesOf, encodeSpelling } from '../lib/search/vi-search.ts';

/**
 * The part of an article page Pagefind reads: the `data-pagefind-body` article, in a page with the
 * same `<html>` tag. The header, navigation and footer (30% of a page's bytes) are left out of the
 * copy: Pagefind ignores them, and canonicalising and writing them took a third of the copying time.
 * Compared at 1,000 articles, the index is the same apart from the spelling meta of 21 pages, which
 * had also listed spellings from the neighbours' titles in the page's navigation.
 */
function indexedPart(html: string): string {
  const open = /^[\s\S]*?<html\b[^>]*>/.exec(html)?.[0];
  const article = articleOf(html);
  return open && article ? `${open}<head><meta charset="utf-8"></head><body>${article}</body></html>` : html;
}

/**
 * The copy of a page Pagefind reads: canonical spellings, plus a `spelling` meta on the
 * `data-pagefind-body` element when the page spells some words another way, so the browser
 * can show the page's own spelling in titles and excerpts.
 */
export function indexableHtml(html: string): string {
  return indexableCopy(html).copy;
}

/** `indexableHtml`, with the distinct words of the article's text (as written). */
function indexableCopy(html: string): { copy: string; words: Iterable<string> } {
  const { html: canonical, spelling, words } = canonicalHtml(indexedPart(html));
  const encoded = encodeSpelling(spelling);
  return { copy: encoded ? withSpellingMeta(canonical, encoded) : canonical, words: words.keys() };
}

/** A `spelling` meta (`encodeSpelling`) added to the copy's `data-pagefind-body` element. */
function withSpellingMeta(canonical: string, encoded: string): string {
  return canonical.replace(/<([a-z]+)\b([^>]*\sdata-pagefind-body\b[^>]*)>/, (tag, name: string, attrs: string) => {
    const withMeta = /data-pagefind-meta="/.test(attrs)
      ? attrs.replace('data-pagefind-meta="', 'data-pagefind-meta="spelling[data-spelling], ')
      : `${attrs} data-pagefind-meta="spelling[data-spelling]"`;
    return `<${name}${withMeta} data-spelling="${encoded.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  });
}

/**
 * What copying a group of pages found: on how many pages each d/đ syllable occurs, the
 * words Pagefind may index from them (src/lib/search/search-vocab.ts), and each page's path with a hash
 * of its copy — all Pagefind reads of it (`copiesHash` in pagefind.ts keys a shard by them).
 */
export interface CopyCounts {
  df: [string, number][];
  words: string[];
  copies: [string, string][];
}

/** What copying a set of pages found: how many, and the counts of each group. */
export interface CopyResult {
  pages: number;
  groups: Record<string, CopyCounts>;
}

/** The article element of a page: Pagefind's body (`data-pagefind-body`), without the page chrome. */
const articleOf = (html: string): string => /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';

/**
 * A page to copy: the file to read, its path in the output, and its group (a month of the index):
 * the copy is written to `<scratch>/<group>/<path>`, and counted with its group.
 */
export interface PageSource {
  file: string;
  path: string;
  group?: string;
}

/** Counts being gathered for one group (or a shard of several). */
export interface Tally {
  df: Map<string, number>;
  words: Set<string>;
  copies: Map<string, string>;
}

/** A tally with nothing counted yet. */
export const emptyTally = (): Tally => ({ df: new Map(), words: new Set(), copies: new Map() });

/** A tally as it is sent between threads and kept in month records. */
export const countsOf = (t: Tally): CopyCounts => ({ df: [...t.df], words: [...t.words], copies: [...t.copies] });

/** Adds counts made elsewhere (another thread, an earlier build) to a tally. */
export function addCounts(into: Tally, counts: CopyCounts): Tally {
  for (const [key, n] of counts.df) into.df.set(key, (into.df.get(key) ?? 0) + n);
  for (const w of counts.words) into.words.add(w);
  for (const [path, hash] of counts.copies) into.copies.set(path, hash);
  return into;
}

function tallyOf(tallies: Map<string, Tally>, group: string): Tally {
  let t = tallies.get(group);
  if (!t) tallies.set(group, (t = emptyTally()));
  return t;
}

function result(pages: number, tallies: Map<string, Tally>): CopyResult {
  return { pages, groups: Object.fromEntries([...tallies].map(([g, t]) => [g, countsOf(t)])) };
}

/**
 * The hash a page, or its canonical copy, is known by in the index: equal hashes, equal bytes
 * (shards are reused on it, `buildSearchIndex` in pagefind.ts).
 */
export function pageHash(page: Buffer | string): string {
  return createHash('sha256').update(page).digest('base64url');
}

/**
 * Writes the canonical copy of one page (`html`, its text) to `<scratch>/<group>/<path>` and
 * adds its counts to `tally`.
 */
export function copyPage(scratch: string, html: string, path: string, group: string, tally: Tally): void {
  const target = join(scratch, group, path);
  mkdirSync(dirname(target), { recursive: true });
  const { copy, words } = indexableCopy(html);
  // The d/đ syllables of the article itself (the copy's text), not the page chrome around it.
  for (const key of dSyllablesOf(words)) tally.df.set(key, (tally.df.get(key) ?? 0) + 1);
  // What Pagefind indexes is the copy's article element.
  pageWords(articleOf(copy), tally.words);
  tally.copies.set(path, pageHash(copy));
  writeFileSync(target, copy);
}

/** Writes the canonical copy of each page under `scratch` on this thread. */
export function copyPages(scratch: string, pages: readonly PageSource[]): CopyResult {
  const tallies = new Map<string, Tally>();
  for (const { file, path, group = '' } of pages) copyPage(scratch, readFileSync(file, 'utf8'), path, group, tallyOf(tallies, group));
  return result(pages.length, tallies);
}

/** Below this many pages one thread does the copying: starting workers would cost more. */
const POOL_THRESHOLD = 400;

/** `copyPages` split over the worker pool, a share per core; the counts of each group are summed. */
export async function writeSearchCopies(
  scratch: string,
  pages: readonly PageSource[],
  { threads = availableParallelism(), threshold = POOL_THRESHOLD } = {},
): Promise<CopyResult> {
  if (pages.length < threshold || threads < 2) return copyPages(scratch, pages);
  const n = Math.min(threads, 8);
  const slices = Array.from({ length: n }, (_, i) => pages.filter((_, j) => j % n === i));
  const parts = await onWorkers('copyPages', slices.map((slice) => ({ scratch, pages: slice })), n);
  const tallies = new Map<string, Tally>();
  for (const part of parts) {
    for (const [group, counts] of Object.entries(part.groups)) addCounts(tallyOf(tallies, group), counts);
  }
  return result(parts.reduce((n, p) => n + p.pages, 0), tallies);
}
