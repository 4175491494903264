/**
 * The build's options, read from the environment in one place. `npm run build` (scripts/build.ts)
 * passes them to Astro's process and its workers as DIACHI_* variables — the only way into a
 * child process — and every module reads them through `buildOptions()`, typed and checked.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_SHARD_SIZE } from '../search/search-shards.ts';

/** Everything a build can be told. */
export interface BuildOptions {
  /** Articles folder (DIACHI_CONTENT_DIR; default content/articles). */
  contentDir: string;
  /** Output folder (DIACHI_OUT_DIR; default dist). */
  outDir: string;
  /** Astro's cache folder (DIACHI_CACHE_DIR; default node_modules/.astro). */
  cacheDir: string;
  /** Pages per sitemap file (DIACHI_SITEMAP_LIMIT; default 45,000, @astrojs/sitemap's). */
  sitemapLimit: number;
  /** The folder the site is served from: "/" or "/dia-chi/" (DIACHI_BASE_PATH, from BASE_PATH). */
  basePath: string;
  /** Articles per search index shard, or Infinity for one index (DIACHI_SHARD_SIZE). */
  shardSize: number;
  /** Shards indexed at a time (DIACHI_INDEX_JOBS; default 2 where there are two cores). */
  indexJobs: number;
  /** When the search index is built (DIACHI_SEARCH_INDEX: "0" never, "later" by scripts/build.ts after Astro). */
  searchIndex: 'with-astro' | 'later' | 'off';
  /** Citation files and figure exports written by scripts/build.ts after Astro (DIACHI_DERIVED_FILES=later). */
  derivedLater: boolean;
  /** Folder of the search copies kept between builds, made while pages render (DIACHI_SEARCH_COPIES). */
  searchCopies?: string;
  /** File with each article's hash, from scripts/build.ts (DIACHI_FILE_HASHES). */
  fileHashes?: string;
  /** Where the loader writes the build record (DIACHI_BUILD_RECORD). */
  buildRecord?: string;
  /** Where each route's page keys are recorded (DIACHI_PAGE_KEYS). */
  pageKeys?: string;
  /** The previous build's page keys, for a partial build (DIACHI_PARTIAL_KEYS). */
  partialKeys?: string;
  /** Whether an edit may take the quick rebuild (DIACHI_QUICK=0 turns it off). */
  quick: boolean;
  /** Heap limit of Astro's process, MB (DIACHI_BUILD_HEAP_MB; default from the number of articles). */
  heapMb?: number;
}

/** Shards indexed at a time by default: two where there are two cores (bench/results/design.md: index-jobs). */
export const DEFAULT_INDEX_JOBS = Math.min(2, availableParallelism());

/** A whole number of articles, or "Infinity" for one index. */
export function parseShardSize(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SHARD_SIZE;
  const n = Number(value);
  if (n === Number.POSITIVE_INFINITY || (Number.isInteger(n) && n > 0)) return n;
  throw new Error(`DIACHI_SHARD_SIZE="${value}" is not a number of articles per search shard: use a whole number such as 1500, or Infinity for one index.`);
}

/** A whole number of shards indexed at a time. */
export function parseIndexJobs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_INDEX_JOBS;
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  throw new Error(`DIACHI_INDEX_JOBS="${value}" is not a number of shards to index at a time: use a whole number such as 1 or 2.`);
}

/** "/", or a folder of ASCII words such as "/dia-chi/" (slashes around it optional). */
export function parseBasePath(value: string | undefined): string {
  if (value === undefined || value.trim() === '' || value.trim() === '/') return '/';
  const path = value.trim().replace(/^\/+|\/+$/g, '');
  if (/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(path)) return `/${path}/`;
  throw new Error(`BASE_PATH="${value}" is not a folder of the site's address: use letters, digits and hyphens, e.g. BASE_PATH=/dia-chi/`);
}

const some = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/** The options `env` gives; throws, naming the variable, on a value that makes no sense. */
export function buildOptions(env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const heap = Number(env.DIACHI_BUILD_HEAP_MB);
  const index = env.DIACHI_SEARCH_INDEX;
  const options: BuildOptions = {
    contentDir: some(env.DIACHI_CONTENT_DIR) ?? 'content/articles',
    outDir: some(env.DIACHI_OUT_DIR) ?? 'dist',
    cacheDir: some(env.DIACHI_CACHE_DIR) ?? 'node_modules/.astro',
    sitemapLimit: Number(env.DIACHI_SITEMAP_LIMIT) || 45_000,
    basePath: parseBasePath(env.DIACHI_BASE_PATH),
    shardSize: parseShardSize(env.DIACHI_SHARD_SIZE),
    indexJobs: parseIndexJobs(env.DIACHI_INDEX_JOBS),
    searchIndex: index === '0' ? 'off' : index === 'later' ? 'later' : 'with-astro',
    derivedLater: env.DIACHI_DERIVED_FILES === 'later',
    quick: env.DIACHI_QUICK !== '0',
  };
  const paths = { searchCopies: env.DIACHI_SEARCH_COPIES, fileHashes: env.DIACHI_FILE_HASHES, buildRecord: env.DIACHI_BUILD_RECORD, pageKeys: env.DIACHI_PAGE_KEYS, partialKeys: env.DIACHI_PARTIAL_KEYS };
  for (const [key, value] of Object.entries(paths)) if (some(value)) options[key as keyof typeof paths] = value;
  if (heap > 0) options.heapMb = heap;
  return options;
}

/** The variables that pass `options` to a child process (Astro, its workers). */
export function optionsEnv(options: Partial<BuildOptions>): Record<string, string> {
  const env: Record<string, string> = {};
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined) env[name] = String(value);
  };
  set('DIACHI_CONTENT_DIR', options.contentDir);
  set('DIACHI_OUT_DIR', options.outDir);
  set('DIACHI_CACHE_DIR', options.cacheDir);
  set('DIACHI_SITEMAP_LIMIT', options.sitemapLimit);
  set('DIACHI_BASE_PATH', options.basePath);
  set('DIACHI_SHARD_SIZE', options.shardSize);
  set('DIACHI_INDEX_JOBS', options.indexJobs);
  if (options.searchIndex) set('DIACHI_SEARCH_INDEX', options.searchIndex === 'off' ? '0' : options.searchIndex === 'later' ? 'later' : '1');
  if (options.derivedLater !== undefined) set('DIACHI_DERIVED_FILES', options.derivedLater ? 'later' : '');
  set('DIACHI_SEARCH_COPIES', options.searchCopies);
  set('DIACHI_FILE_HASHES', options.fileHashes);
  set('DIACHI_BUILD_RECORD', options.buildRecord);
  set('DIACHI_PAGE_KEYS', options.pageKeys);
  set('DIACHI_PARTIAL_KEYS', options.partialKeys);
  if (options.quick !== undefined) set('DIACHI_QUICK', options.quick ? '1' : '0');
  set('DIACHI_BUILD_HEAP_MB', options.heapMb);
  return env;
}
