/**
 * Builds the Pagefind index after `astro build`, through Pagefind's Node API, in shards.
 * Only article pages are indexed, and what Pagefind reads is a copy of each page whose
 * text has Vietnamese spelling variants canonicalised (src/lib/search/vi-search.ts) — the page on
 * disk is unchanged, and the query gets the same treatment in the browser.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { codeHash } from '../lib/build/code-hash.ts';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildVocab } from '../lib/search/search-vocab.ts';
import { MANIFEST_PATH, VOCAB_DIR, byCodeUnits, mergePrior, planShards, shardDir, type SearchManifest, type ShardInfo, type ShardPage } from '../lib/search/search-shards.ts';
import { ARTICLE_PREFIX, route } from '../lib/articles/urls.ts';
import { buildOptions } from '../lib/build/options.ts';
import { workerPool, type WorkerPool } from '../workers/pool.ts';
import { addCounts, countsOf, emptyTally, pageHash, writeSearchCopies, type CopyCounts } from './search-copies.ts';

export { indexableHtml, pageHash } from './search-copies.ts';

/** Pagefind files the site never loads (its bundled UIs); removed to keep the output lean. */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Removes Pagefind's unused files from a bundle it has just written. */
function removeUnused(bundle: string): Promise<unknown> {
  return Promise.all(UNUSED.map((f) => rm(join(bundle, f), { force: true })));
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  // An archive with no articles yet has no article folder.
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name === 'index.html') yield path;
  }
}

/** A page of the index: its path in the output, its month, a hash of its bytes (`pageHash`). */
export interface IndexedPage extends ShardPage {
  hash: string;
}


/** What indexing did and where its time went. */
export interface IndexStats {
  pages: number;
  /** Every page indexed: what `IndexOptions.pages` takes next time. */
  list: IndexedPage[];
  shards: number;
  /** Shards copied unchanged from the previous build. */
  reused: number;
  /** Reading every page to date and hash it (which shards changed). */
  readMs: number;
  /** Reading changed shards' pages and writing their canonical copies. */
  copyMs: number;
  /** Pages copied here: not those whose month's kept copies were current (made by the last build or, in a full build, while Astro rendered). */
  copied: number;
  /** Pagefind reading and parsing the copies. */
  addMs: number;
  /** Pagefind building and writing its files (and copying reused shards). */
  writeMs: number;
  /** Shards indexed at a time (`IndexOptions.jobs`); addMs and writeMs add up every shard's. */
  jobs: number;
  /** Wall time of the whole index. */
  ms: number;
}

/**
 * "indexed 5 articles in 812 ms (1 shard, 0 reused; read 2 ms, copied 5 pages in 40 ms, Pagefind 120 + 650 ms)"
 * — the bench reads this line. With shards indexed two at a time it ends "…, 2 at a time)".
 */
export function indexSummary(s: IndexStats): string {
  const at = s.jobs > 1 && s.shards - s.reused > 1 ? `, ${s.jobs} at a time` : '';
  return `indexed ${s.pages} articles in ${s.ms} ms (${s.shards} shard${s.shards === 1 ? '' : 's'}, ${s.reused} reused; read ${s.readMs} ms, copied ${s.copied} page${s.copied === 1 ? '' : 's'} in ${s.copyMs} ms, Pagefind ${s.addMs} + ${s.writeMs} ms${at})`;
}

/** Hash of the code that decides what an index holds: a change to it re-indexes every shard. */
export async function indexerHash(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string };
  const files = ['../lib/search/vi-search.ts', '../lib/search/search-vocab.ts', '../lib/search/search-shards.ts', './search-copies.ts', './search-prep.ts', './pagefind.ts'];
  return codeHash({ root: fileURLToPath(new URL('.', import.meta.url)), files: files.map((rel) => fileURLToPath(new URL(rel, import.meta.url))), values: [pkg.version] });
}

/** The month (Vietnam time) of an article page, from its sort key (`data-sort`, read from the bytes). */
export function pageMonth(html: Buffer, file: string): string {
  const at = html.indexOf(' data-sort="');
  const iso = at < 0 ? '' : html.toString('utf8', at + 12, html.indexOf('"', at + 12));
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`${file}: no data-sort date on the article element`);
  return new Date(time + 7 * 3600_000).toISOString().slice(0, 7);
}

async function readManifest(dir: string | undefined): Promise<SearchManifest | undefined> {
  if (!dir) return undefined;
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST_PATH), 'utf8')) as SearchManifest;
  } catch {
    return undefined;
  }
}

/** A shard's word list, kept in its bundle so a reused shard need not be read again. */
const WORDS_FILE = 'diachi-words.txt';

/**
 * Hard-links (or, across file systems, copies) a folder tree. Safe for index bundles: nothing
 * writes into a bundle once Pagefind has written it, and each build writes into a new folder.
 */
async function linkTree(from: string, to: string, skip: (name: string, isDir: boolean) => boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries
      .filter((e) => !skip(e.name, e.isDirectory()))
      .map(async (e) => {
        if (e.isDirectory()) return linkTree(join(from, e.name), join(to, e.name), () => false);
        await link(join(from, e.name), join(to, e.name)).catch(() => copyFile(join(from, e.name), join(to, e.name)));
      }),
  );
}

/**
 * Brings a reused shard's bundle into the new output, leaving out what sits inside the newest
 * one but is not its own: the other shards' folders, the vocabulary of all shards and the
 * manifest (written afresh, so it must not be a link to the old one).
 */
async function copyBundle(from: string, to: string): Promise<void> {
  const manifest = MANIFEST_PATH.split('/').at(-1);
  await linkTree(from, to, (name, isDir) => (isDir ? /^\d{4}-\d{2}$/.test(name) || `${name}/` === VOCAB_DIR : name === manifest));
}

/**
 * Writes the vocabulary chunks (src/lib/search/search-vocab.ts) under /pagefind/, in a folder named by
 * their hash so a browser never mixes chunks of two builds; returns that folder.
 */
async function writeVocab(pagefindDir: string, shardWords: readonly string[][]): Promise<NonNullable<SearchManifest['vocab']>> {
  const chunks = [...buildVocab(shardWords)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, chunk]) => [key, JSON.stringify(chunk)] as const);
  const hash = createHash('sha256');
  for (const [key, json] of chunks) hash.update(`${key}\0${json}\0`);
  const dir = `${VOCAB_DIR}${hash.digest('hex').slice(0, 12)}/`;
  await mkdir(join(pagefindDir, dir), { recursive: true });
  await Promise.all(chunks.map(([key, json]) => writeFile(join(pagefindDir, dir, `${key}.json`), json)));
  return { dir, keys: chunks.map(([key]) => key) };
}

/** Options for `buildSearchIndex`. */
export interface IndexOptions {
  /** The previous build's output: shards whose pages are unchanged are copied from it. */
  previous?: string;
  /** Articles per shard (default: the build options' `shardSize`). */
  shardSize?: number;
  /**
   * The article pages, when the caller knows them (the quick rebuild: the last build's list with
   * its edits), so none is read to be dated and hashed; `file` where a page is not in `outDir`.
   */
  pages?: (IndexedPage & { file?: string })[];
  /**
   * Called once the pages have been read, as Pagefind starts: `npm run build` writes the citation
   * files and figure exports then, when Pagefind hardly uses the disk (bench/results/design.md:
   * derived-files).
   */
  onPagesRead?: () => void;
  /**
   * Called once, when Pagefind has parsed the first shard it indexes and starts compressing and
   * writing its files, on one core: the partial build writes the figure exports then, on the core
   * Pagefind leaves free (started with the index, they slowed its parse on both cores by as much).
   */
  onPagesAdded?: () => void;
  /** Shards indexed at a time, each by its own Pagefind process (default: the build options' `indexJobs`). */
  jobs?: number;
  /**
   * A folder to keep the canonical copies in, by month, for the next index (`npm run build` keeps
   * them in Astro's cache folder): a re-indexed shard then copies only its months whose pages
   * changed. Without it they are written to a scratch folder and deleted.
   */
  copies?: string;
}

/** A month's kept copies (`IndexOptions.copies`): what they were made from, and their counts. */
export interface MonthCopies extends CopyCounts {
  /** `indexerHash` of the code that made them. */
  code: string;
  /** Each page's path and hash, in the order of the shard plan. */
  pages: [string, string][];
}

/**
 * Readies a month of kept copies to be written anew. The record goes first and comes back last
 * (`writeMonthRecord`): copies without their record are never trusted. The folder may hold pages
 * of articles since deleted, so it goes too.
 */
export function clearMonthCopies(root: string, month: string): void {
  rmSync(join(root, `${month}.json`), { force: true });
  rmSync(join(root, month), { recursive: true, force: true });
}

/** Writes a month's record once all its copies are written. */
export function writeMonthRecord(root: string, month: string, record: MonthCopies): void {
  writeFileSync(join(root, `${month}.json`), JSON.stringify(record));
}

/**
 * The canonical copies of a shard's pages, a folder per month under `root`: months kept from an
 * earlier index are used as they are when made by the same code from the same pages, the others
 * are written anew (on worker threads, all months at once). Returns the counts of each month, in
 * the order of `pages`, and how many pages were copied.
 */
async function monthCopies(root: string, keep: boolean, code: string, pages: readonly ShardPage[], hashOf: Map<string, string>, fileOf: Map<string, string>): Promise<{ counts: Map<string, CopyCounts>; copied: number }> {
  const months = new Map<string, [string, string][]>();
  for (const p of pages) {
    const list = months.get(p.month) ?? [];
    list.push([p.path, hashOf.get(p.path)!]);
    months.set(p.month, list);
  }
  const kept = new Map<string, CopyCounts>();
  const stale: string[] = [];
  for (const [month, list] of months) {
    const record = keep ? await readFile(join(root, `${month}.json`), 'utf8').then((t) => JSON.parse(t) as MonthCopies, () => undefined) : undefined;
    if (record && record.code === code && JSON.stringify(record.pages) === JSON.stringify(list)) kept.set(month, record);
    else stale.push(month);
  }
  for (const month of stale) clearMonthCopies(root, month);
  const copied = await writeSearchCopies(root, stale.flatMap((month) => months.get(month)!.map(([path]) => ({ file: fileOf.get(path)!, path, group: month }))));
  for (const month of stale) {
    const c = copied.groups[month] ?? countsOf(emptyTally());
    kept.set(month, c);
    if (keep) writeMonthRecord(root, month, { code, pages: months.get(month)!, ...c });
  }
  // In the months' order, kept or not: Pagefind numbers pages in the order it is given them.
  return { counts: new Map([...months.keys()].map((m) => [m, kept.get(m)!])), copied: copied.pages };
}

/**
 * A shard's key by what Pagefind reads of it: the indexing code and each page's canonical copy, by
 * path, month by month. Equal keys, equal bundles — whatever changed in the pages around the copies.
 */
function copiesHash(code: string, months: ReadonlyMap<string, CopyCounts>): string {
  const hash = createHash('sha256').update(code);
  for (const [month, counts] of months) {
    hash.update(`${month}\0`);
    for (const [path, copy] of [...counts.copies].sort(([a], [b]) => byCodeUnits(a, b))) hash.update(`${path}\0${copy}\0`);
  }
  return hash.digest('base64url');
}

/** One shard for `indexShard`: its month folders of canonical copies, in order, and its bundle's folder. */
export interface ShardJob {
  dirs: string[];
  dest: string;
  /** Pages the shard must have: a different count from Pagefind fails the build. */
  pages: number;
  /** The shard's word list (WORDS_FILE). */
  words: string;
}

/**
 * Indexes one shard with this thread's Pagefind process, which is closed after so its memory
 * is returned (bench/results/design.md: search-shards). On a thread of the worker pool the process is the
 * worker's own: Node's Pagefind module keeps one process per module instance.
 */
export async function indexShard(job: ShardJob, onAdded?: () => void): Promise<ShardResult> {
  const pagefind = await import('pagefind');
  try {
    let t = performance.now();
    // Pagefind's process inherits this thread's environment when createIndex starts it.
    const env = pagefindEnv(process.env);
    const unset = Object.keys(env).filter((key) => process.env[key] === undefined);
    Object.assign(process.env, env);
    const created = pagefind.createIndex({ forceLanguage: 'vi' });
    for (const key of unset) delete process.env[key];
    const { index, errors } = await created;
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let added = 0;
    // In the months' order: Pagefind numbers pages in the order it is given them.
    for (const path of job.dirs) {
      const r = await index.addDirectory({ path });
      if (r.errors.length) throw new Error(`Pagefind could not index the articles: ${r.errors.join('; ')}`);
      added += r.page_count;
    }
    if (added !== job.pages) throw new Error(`Pagefind indexed ${added} of ${job.pages} articles`);
    const addMs = performance.now() - t;
    onAdded?.();
    t = performance.now();
    const written = await index.writeFiles({ outputPath: job.dest });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    await removeUnused(job.dest);
    await writeFile(join(job.dest, WORDS_FILE), job.words);
    return { addMs, writeMs: performance.now() - t };
  } finally {
    await pagefind.close();
  }
}

/** What indexing a shard took. */
export interface ShardResult {
  addMs: number;
  writeMs: number;
}

/**
 * Runs at most `n` of the functions given to it at once, each with a slot number below `n` that
 * no other running function has.
 */
function limiter(n: number): <T>(run: (slot: number) => Promise<T>) => Promise<T> {
  const free = Array.from({ length: n }, (_, i) => i);
  const waiting: (() => void)[] = [];
  return async (run) => {
    while (!free.length) await new Promise<void>((resolve) => waiting.push(resolve));
    const slot = free.shift()!;
    try {
      return await run(slot);
    } finally {
      free.push(slot);
      free.sort((a, b) => a - b);
      waiting.shift()?.();
    }
  };
}

/**
 * Pagefind's Linux build allocates with jemalloc, which keeps freed memory longer than Pagefind
 * takes to write a shard, so the memory it frees after building the index still counts while it
 * writes; returning it after a second lowers the peak for little time (bench/results/design.md:
 * pagefind-malloc). The variable is read only by that allocator (prefixed in Pagefind's build).
 */
export const PAGEFIND_MALLOC_CONF = 'dirty_decay_ms:1000,muzzy_decay_ms:0';

/**
 * Positions per word-index chunk (Pagefind's default is 20,000). A query fetches, from every shard,
 * the chunk holding each of its words; a shard is a fraction of the archive, so at the default most
 * of such a chunk is other words (bench/results/design.md: index-chunk-size). Pagefind reads it from
 * its environment and marks it unstable: were it dropped, chunks would only be larger again.
 */
export const INDEX_CHUNK_SIZE = 2500;

/** The environment Pagefind is started with: the allocator setting and chunk size, the environment's own where it has one. */
export function pagefindEnv(env: NodeJS.ProcessEnv): Record<'_RJEM_MALLOC_CONF' | 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE', string> {
  return {
    _RJEM_MALLOC_CONF: env._RJEM_MALLOC_CONF ?? PAGEFIND_MALLOC_CONF,
    PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(INDEX_CHUNK_SIZE),
  };
}

/**
 * Indexes `<outDir>/bai/**` into `<outDir>/pagefind/` in shards (src/lib/search/search-shards.ts), and
 * writes the manifest the search page reads. Each shard's canonical copies are written to a
 * scratch folder and handed to Pagefind as a directory: its Rust side reads and parses them in
 * parallel (bench/results/design.md: pagefind-directory-input). Shards
 * are indexed `jobs` at a time, each by its own Pagefind process.
 */
export async function buildSearchIndex(outDir: string, options: IndexOptions = {}): Promise<IndexStats> {
  const size = options.shardSize ?? buildOptions().shardSize;
  const scratchRoot = `${outDir.replace(/[\\/]+$/, '')}.search-copies`;
  await rm(scratchRoot, { recursive: true, force: true });
  const stats: IndexStats = { pages: 0, list: [], shards: 0, reused: 0, readMs: 0, copyMs: 0, copied: 0, addMs: 0, writeMs: 0, jobs: 1, ms: 0 };
  const code = await indexerHash();
  const pages: (IndexedPage & { file?: string })[] = options.pages ?? [];
  const t0 = performance.now();
  if (!options.pages) {
    for await (const file of htmlFiles(join(outDir, ARTICLE_PREFIX))) {
      // Bytes, read synchronously: a tenth of the time of the async API as text (design.md: pagefind-directory-input).
      const html = readFileSync(file);
      pages.push({ path: relative(outDir, file).split(sep).join('/'), month: pageMonth(html, file), hash: pageHash(html) });
    }
  }
  stats.readMs = performance.now() - t0;
  options.onPagesRead?.();
  const hashOf = new Map(pages.map((p) => [p.path, p.hash]));
  const fileOf = new Map(pages.map((p) => [p.path, p.file ?? join(outDir, p.path)]));
  const plan = planShards(pages, size);
  const previous = await readManifest(options.previous);
  const pagefind = await import('pagefind');
  const copiesRoot = options.copies ?? scratchRoot;
  const shards: ShardInfo[] = [];
  const shardWords: string[][] = [];
  const jobs = options.jobs ?? buildOptions().indexJobs;
  const limit = limiter(jobs);
  // Shards beyond the first at a time go to other threads, each with its own Pagefind process.
  let pool: WorkerPool | undefined;
  const onPool = (job: ShardJob) => (pool ??= workerPool(jobs - 1)).run('indexShard', job);
  const indexing: Promise<void>[] = [];
  stats.jobs = jobs;
  let addedOnce = false;
  const added = () => {
    if (!addedOnce) options.onPagesAdded?.();
    addedOnce = true;
  };
  try {
    // Newest first: its bundle is Pagefind's own folder, which the others then sit inside.
    for (let i = plan.length - 1; i >= 0; i--) {
      const shard = plan[i]!;
      const dir = shardDir(plan, i);
      const dest = join(outDir, 'pagefind', dir);
      const hash = createHash('sha256').update(code);
      for (const p of shard.pages) hash.update(`${p.path}\0${hashOf.get(p.path)}\0`);
      const info: ShardInfo = { name: shard.name, dir, pages: shard.pages.length, hash: hash.digest('base64url'), copies: '', df: {} };
      let t = performance.now();
      // The previous build's bundle of this shard is reused when its pages are the same, or else when
      // they changed only where Pagefind does not read (styles, layout): what it reads is the same.
      let reuse = previous?.shards.find((s) => s.name === info.name && s.hash === info.hash);
      let made: { counts: Map<string, CopyCounts>; words: string[] } | undefined;
      if (reuse) {
        info.df = reuse.df;
        info.copies = reuse.copies;
      } else {
        const { counts, copied } = await monthCopies(copiesRoot, Boolean(options.copies), code, shard.pages, hashOf, fileOf);
        stats.copied += copied;
        const { df, words } = [...counts.values()].reduce(addCounts, emptyTally());
        info.df = Object.fromEntries([...df].sort(([a], [b]) => byCodeUnits(a, b)));
        info.copies = copiesHash(code, counts);
        made = { counts, words: [...words].sort() };
        stats.copyMs += performance.now() - t;
        reuse = previous?.shards.find((s) => s.name === info.name && s.copies === info.copies);
      }
      if (reuse && options.previous) {
        t = performance.now();
        await copyBundle(join(options.previous, 'pagefind', reuse.dir), dest);
        shardWords.push(made?.words ?? (await readFile(join(dest, WORDS_FILE), 'utf8')).split('\n'));
        stats.reused++;
        stats.writeMs += performance.now() - t;
      } else {
        // Not reused, so its copies were made above.
        const { counts, words: shardWordList } = made!;
        shardWords.push(shardWordList);
        const job: ShardJob = { dirs: [...counts.keys()].map((month) => join(copiesRoot, month)), dest, pages: shard.pages.length, words: shardWordList.join('\n') };
        const indexed = limit((slot) => (slot === 0 ? indexShard(job, added) : onPool(job))).then((r) => {
          stats.addMs += r.addMs;
          stats.writeMs += r.writeMs;
        });
        // Handled below (allSettled); without this a shard failing while the next one's copies are
        // made would be an unhandled rejection, which ends the process.
        indexed.catch(() => {});
        indexing.push(indexed);
      }
      shards.push(info);
    }
    // Every shard settles before the first failure is reported: none is left writing into the output.
    const failed = (await Promise.allSettled(indexing)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    if (!plan.length) {
      // No articles yet: an empty bundle, so the search page loads and says it found nothing.
      const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
      await index?.writeFiles({ outputPath: join(outDir, 'pagefind') });
      await removeUnused(join(outDir, 'pagefind'));
    }
    if (options.copies) {
      // Months no article is dated any more.
      const months = new Set(pages.map((p) => p.month));
      for (const name of await readdir(options.copies).catch(() => [])) {
        if (!months.has(name.replace(/\.json$/, ''))) await rm(join(options.copies, name), { recursive: true, force: true });
      }
    }
    const manifest: SearchManifest = { ...mergePrior(shards), shards };
    if (shards.length > 1) manifest.vocab = await writeVocab(join(outDir, 'pagefind'), shardWords);
    await mkdir(join(outDir, 'pagefind'), { recursive: true });
    await writeFile(join(outDir, MANIFEST_PATH), JSON.stringify(manifest));
    stats.pages = pages.length;
    stats.list = pages.map(({ path, month, hash }) => ({ path, month, hash }));
    stats.shards = shards.length;
    stats.ms = performance.now() - t0;
    for (const k of ['readMs', 'copyMs', 'addMs', 'writeMs', 'ms'] as const) stats[k] = Math.round(stats[k]);
    return stats;
  } finally {
    await Promise.allSettled(indexing);
    await (pool as WorkerPool | undefined)?.close();
    await pagefind.close();
    await rm(scratchRoot, { recursive: true, force: true });
  }
}

/** Astro integration: run `buildSearchIndex` when the static build is done. */
/** Content types of the files in a Pagefind bundle that a browser must read as such. */
const BUNDLE_TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css' };

export function pagefindIndex(): AstroIntegration {
  let outDir = '';
  return {
    name: 'dia-chi-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // `astro dev` builds no index: it serves the last one `npm run build` made, with its date
      // (Last-Modified), so the search page can say how old it is. Without one, the page says so.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = route(decodeURIComponent((req.url ?? '').split('?')[0]!));
          if (!path.startsWith('/pagefind/') || path.includes('..')) return next();
          const file = join(outDir, path);
          let stat;
          try {
            stat = statSync(file);
          } catch {
            return next();
          }
          if (!stat.isFile()) return next();
          res.setHeader('content-type', BUNDLE_TYPES[extname(file)] ?? 'application/octet-stream');
          res.setHeader('last-modified', stat.mtime.toUTCString());
          res.setHeader('cache-control', 'no-cache');
          res.end(readFileSync(file));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // `npm run build` indexes after Astro exits ('later'); benchmarks index separately ('0').
        if (buildOptions().searchIndex !== 'with-astro') return;
        logger.info(indexSummary(await buildSearchIndex(fileURLToPath(dir))));
      },
    },
  };
}
