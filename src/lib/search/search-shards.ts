/**
 * The search index in shards. Pagefind holds a whole index in memory while it builds it (see
 * bench/results/design.md: search-shards), and cannot update one. So articles are indexed in
 * shards of consecutive months, each by its own Pagefind process, and the browser searches them
 * as one (Pagefind's `mergeIndex`). A shard whose pages did not change is copied from the last
 * build instead of indexed again. Pure functions here; the build side is
 * src/integrations/pagefind.ts, the browser side src/scripts/search-page.ts.
 */
import type { SyllablePrior } from './vi-search.ts';

/**
 * Articles per shard unless DIACHI_SHARD_SIZE says otherwise ("Infinity": one index). Shards
 * bound indexing memory and let a rebuild
 * re-index only the shard that changed. The browser searches only the shards holding every query
 * word (src/lib/search/search-vocab.ts), so results are the ones a single index gives; ranks differ a
 * little, as each shard scores with its own statistics (as a search engine's shards do).
 */
export const DEFAULT_SHARD_SIZE = 1500;

/** Where the manifest lives in the output. */
export const MANIFEST_PATH = 'pagefind/diachi.json';

/** One shard as the manifest records it. */
export interface ShardInfo {
  /** First month of the shard ("2019-07"); names its folder. */
  name: string;
  /** Folder of its Pagefind bundle relative to /pagefind/: "" for the newest, "2019-07/" else. */
  dir: string;
  pages: number;
  /** Hash of the pages and the indexing code: equal hashes mean an identical bundle. */
  hash: string;
  /** Hash of what Pagefind read of the pages and the indexing code (`copiesHash`): equal too. */
  copies: string;
  /** Pages of this shard holding each d/đ syllable. */
  df: Record<string, number>;
}

/** Folder under /pagefind/ of the shards' vocabulary (src/lib/search/search-vocab.ts). */
export const VOCAB_DIR = 'diachi-words/';

/** /pagefind/diachi.json: the d/đ prior over all articles, and the shards, newest first. */
export interface SearchManifest extends SyllablePrior {
  shards: ShardInfo[];
  /**
   * With more than one shard: the vocabulary chunks' folder (relative to /pagefind/) and keys —
   * a key not listed has no words, so the browser never asks for a missing file.
   */
  vocab?: { dir: string; keys: string[] };
}

/** A page to index and the month it is dated. */
export interface ShardPage {
  /** Path of the page relative to the output folder. */
  path: string;
  /** "YYYY-MM". */
  month: string;
}

/** A planned shard: its name and pages, oldest shard first. */
export interface ShardPlan {
  name: string;
  pages: ShardPage[];
}

/** Order of paths and keys by UTF-16 code units (not locale): the order records and the manifest keep. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Packs whole months, oldest first, into shards of at most `size` pages (a month with more
 * pages than that is a shard of its own). Packing from the oldest keeps old shards' bounds
 * stable as new articles arrive, so a rebuild re-indexes only the shards that changed.
 */
export function planShards(pages: readonly ShardPage[], size: number): ShardPlan[] {
  const byMonth = new Map<string, ShardPage[]>();
  for (const p of pages) {
    const list = byMonth.get(p.month);
    if (list) list.push(p);
    else byMonth.set(p.month, [p]);
  }
  const shards: ShardPlan[] = [];
  let current: ShardPlan | undefined;
  for (const month of [...byMonth.keys()].sort()) {
    const list = byMonth.get(month)!.sort((a, b) => byCodeUnits(a.path, b.path));
    if (!current || current.pages.length + list.length > size) {
      current = { name: month, pages: [] };
      shards.push(current);
    }
    for (const p of list) current.pages.push(p);
  }
  return shards;
}

/**
 * Folder of shard `i` of the plan (oldest first), relative to /pagefind/. The newest shard is
 * Pagefind's own folder: the page loads it first and merges the others into it.
 */
export function shardDir(plan: readonly ShardPlan[], i: number): string {
  return i === plan.length - 1 ? '' : `${plan[i]!.name}/`;
}

/** Sums the shards' syllable counts into the prior the browser uses. */
export function mergePrior(shards: readonly Pick<ShardInfo, 'pages' | 'df'>[]): SyllablePrior {
  const df = new Map<string, number>();
  for (const s of shards) for (const [k, n] of Object.entries(s.df)) df.set(k, (df.get(k) ?? 0) + n);
  return { pages: shards.reduce((n, s) => n + s.pages, 0), df: Object.fromEntries([...df].sort(([a], [b]) => byCodeUnits(a, b))) };
}

/**
 * Where a full build's search prep (src/integrations/search-prep.ts) is reachable from the
 * middleware that hands it each article page as Astro renders it: both run in Astro's process,
 * but in separately bundled code, so they meet on `globalThis`.
 */
export const PREP_HANDLE = Symbol.for('diachi.search-prep');

/** The search prep as the middleware sees it. */
export interface PrepHandle {
  /** A page as Astro rendered it: its path in the output ("bai/…/index.html") and its bytes. */
  page(path: string, bytes: Uint8Array): void;
}
