/**
 * The quick rebuild behind `npm run build`: when only article bodies changed since the last
 * build of the same output folder — nothing another page shows of them, no code, configuration
 * or asset — the edited articles' pages are re-filled (src/lib/build/quick-rebuild.ts) and their search
 * shards re-indexed, into a staging folder; then the pages and the new index are renamed into
 * the output, which is otherwise left as it is. Anything else answers with the reason a full
 * build is needed. tests/e2e/quick-rebuild.test.ts checks that its output is byte for byte the
 * full build's.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { codeHash, filesUnder } from '../../src/lib/build/code-hash.ts';
import { buildOptions } from '../../src/lib/build/options.ts';
import { buildSearchIndex, indexSummary, pageHash, pageMonth, type IndexedPage, type IndexStats } from '../../src/integrations/pagefind.ts';
import { articleRecord, refillArticlePage, type ArticleRecord } from '../../src/lib/build/quick-rebuild.ts';
import { articleUrl, route } from '../../src/lib/articles/urls.ts';
import { articleId, fileHash, isDraftPath } from '../../src/lib/articles/article-path.ts';
import type { PageKeys } from '../../src/lib/build/page-keys.ts';
import { deleteLater, oldName } from './output.ts';

/** What the last build left, kept in Astro's cache folder (never in the deployed output). */
export interface BuildRecord {
  version: 3;
  /** The output folder, and its inode and change time when the build put it there. */
  out: string;
  stamp: string;
  /** `codeDigest` at the start of that build. */
  code: string;
  /** Hash of each article file (path relative to the articles folder) the build read. */
  files: Record<string, string>;
  /** Each published article's record, by entry id. */
  articles: Record<string, ArticleRecord>;
  /** The pages of the search index (`IndexStats.list`). */
  pages: IndexedPage[];
  /** The cache key of each page of a dynamic route (src/lib/build/page-keys.ts), for the partial build. */
  pageKeys: PageKeys;
}

/** Identifies the folder a build renamed into place: a replaced or touched folder has another. */
export function outStamp(out: string): string {
  const s = statSync(out);
  return `${s.ino}:${s.ctimeMs}`;
}

export { filesUnder } from '../../src/lib/build/code-hash.ts';

/**
 * Hash of everything other than the article files that decides the output: the code (src/,
 * scripts/, configuration, installed packages), public/, files next to the articles (images),
 * and the environment the build reads.
 */
export function codeDigest(root: string, contentDir: string): string {
  const config = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'].map((name) => join(root, name));
  const { contentDir: dir, shardSize, sitemapLimit, basePath } = buildOptions();
  return codeHash({
    root,
    files: [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'scripts')), ...config.filter((f) => existsSync(f))],
    stats: [...filesUnder(join(root, 'public')), ...filesUnder(contentDir).filter((f) => !f.endsWith('.mdx'))],
    values: [process.env.SITE_URL ?? '', JSON.stringify({ dir, shardSize, sitemapLimit, basePath }), process.version],
  });
}

/** Hash of every article file, by path relative to `contentDir` (forward slashes). */
export function articleHashes(contentDir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of [...filesUnder(contentDir)].filter((f) => f.endsWith('.mdx')).sort()) {
    hashes[relative(contentDir, file).split(sep).join('/')] = fileHash(readFileSync(file));
  }
  return hashes;
}

/** Reads the record of the last build, if there is a usable one. */
export function readRecord(path: string): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as BuildRecord;
    return record.version === 3 ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the record whole or not at all: a build stopped halfway leaves the previous one. */
export function writeRecord(path: string, record: BuildRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(record));
  renameSync(`${path}.tmp`, path);
}

/**
 * Why a build cannot be quick; `partial` when the partial build (scripts/lib/partial-build.ts)
 * may do: same code and output, and edits other pages show, articles added or removed, or problems
 * to report.
 */
export interface NotQuick {
  quick: false;
  reason: string;
  partial?: boolean;
}

/** What the quick rebuild did, or why it could not. */
export type QuickResult =
  | NotQuick
  | {
      quick: true;
      changed: string[];
      pages: number;
      articles: Record<string, ArticleRecord>;
      index?: IndexStats;
      /** Hashing files and loading the edited articles (from `started`), indexing, renaming into place. */
      ms: { check: number; index: number; commit: number };
    };

export interface QuickInput {
  root: string;
  contentDir: string;
  out: string;
  /** A staging folder (absent or empty). */
  partial: string;
  record: BuildRecord | undefined;
  code: string;
  files: Record<string, string>;
  /** `performance.now()` when the build began to look at the files. */
  started: number;
  /** Where the search index keeps its canonical copies (`IndexOptions.copies`). */
  copies: string;
}

/** Whether two records have the same keys (the same article files, whatever their hashes). */
export function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b);
}

/** An edited article whose page changes: its old and new record, and its new body HTML. */
interface Refill {
  old: ArticleRecord;
  next: ArticleRecord;
  html: string;
}

/** What the quick rebuild will do: files changed, pages to re-fill (by entry id), the new records. */
interface Plan {
  changed: string[];
  refill: Map<string, Refill>;
  articles: Record<string, ArticleRecord>;
}

/** Decides which edited articles' pages change, loading each; a reason when it cannot be quick. */
async function plan({ root, contentDir, out, record, code, files }: QuickInput): Promise<Omit<NotQuick, 'quick'> | Plan> {
  if (!record) return { reason: 'no record of an earlier build' };
  if (record.out !== out || !existsSync(out) || record.stamp !== outStamp(out)) return { reason: `${relative(root, out) || out} is not the output of the last build` };
  if (record.code !== code) return { reason: 'code, configuration, packages or assets changed' };
  if (!sameKeys(record.files, files)) return { reason: 'articles were added, removed or renamed', partial: true };
  const changed = Object.keys(files).filter((f) => files[f] !== record.files[f]);
  const articles = { ...record.articles };
  const refill = new Map<string, Refill>();
  for (const rel of changed) {
    // Files named `_…` are drafts a build never reads.
    if (isDraftPath(rel)) continue;
    const id = articleId(rel);
    const absolute = join(contentDir, rel);
    const shown = relative(root, absolute).split(sep).join('/');
    // Imported here, not at the top: the loader (parser, gazetteer) is needed only for an edited
    // article, and a full build would otherwise hold it to the end.
    const { loadArticle } = await import('../../src/lib/articles/load-article.ts');
    const { article, problems } = loadArticle(shown, readFileSync(absolute, 'utf8'), { articleDir: dirname(absolute), publicDir: join(root, 'public') });
    // The full build reports problems the way editors know (and fails on errors).
    if (problems.length || !article) return { reason: `${shown} has problems to report`, partial: true };
    const old = record.articles[id];
    if (article.data.draft && !old) continue;
    if (article.data.draft || !old) return { reason: `${shown} was ${old ? 'made a draft' : 'published'}`, partial: true };
    const next = articleRecord(article);
    if (next.shared !== old.shared) return { reason: `${shown} changed more than its body (frontmatter, first paragraph, links or images)`, partial: true };
    articles[id] = next;
    if (next.html !== old.html || next.readingMinutes !== old.readingMinutes) refill.set(id, { old, next, html: article.html });
  }
  return { changed, refill, articles };
}

/**
 * Tries the quick rebuild. On `quick: false` nothing was written; on `quick: true` the output
 * holds the new pages and index (or, with no page changed, is untouched).
 */
export async function quickRebuild(input: QuickInput): Promise<QuickResult> {
  const decided = await plan(input);
  if ('reason' in decided) return { quick: false, ...decided };
  const { changed, refill, articles } = decided;
  const { root, out, partial, record } = input;
  const pages = new Map<string, string>();
  for (const [id, { old, next, html }] of refill) {
    const file = join(route(articleUrl(id)).slice(1), 'index.html');
    const page = refillArticlePage(await readFile(join(out, file), 'utf8'), old, { html, readingMinutes: next.readingMinutes });
    if (page === null) return { quick: false, reason: `${file} in ${relative(root, out) || out} is not laid out as this code builds it` };
    pages.set(file.split(sep).join('/'), page);
  }
  const ms = { check: performance.now() - input.started, index: 0, commit: 0 };
  if (!pages.size) return { quick: true, changed, pages: 0, articles, ms };
  for (const [file, page] of pages) {
    await mkdir(dirname(join(partial, file)), { recursive: true });
    await writeFile(join(partial, file), page);
  }
  const committed = await commitStaged(out, partial, [...pages.keys()], record!.pages, input.copies);
  return { quick: true, changed, pages: pages.size, articles, index: committed.index, ms: { ...ms, index: committed.indexMs, commit: committed.commitMs } };
}

/** What `commitStaged` did: the new index (if any page it holds changed) and the time it took. */
export interface Committed {
  index?: IndexStats;
  indexMs: number;
  commitMs: number;
}

/**
 * Puts staged files into the output: `staged` (paths relative to `partial`, forward slashes) are
 * renamed over the output's, after a new search index is built from `indexed` (the output's
 * index pages) with the staged article pages read from staging — unless none of them changed and
 * not `reindex` (pages were removed).
 * `copies` keeps the index's canonical copies (`IndexOptions.copies`). Each rename is atomic, so
 * no page is ever half-written and the index is whole at all times.
 * `during` writes staged files while the index is built (the partial build's figure exports).
 * `partial` is removed; on an error nothing was renamed.
 */
export async function commitStaged(out: string, partial: string, staged: readonly string[], indexed: readonly IndexedPage[], copies: string, reindex = false, during?: () => Promise<unknown>): Promise<Committed> {
  const result: Committed = { indexMs: 0, commitMs: 0 };
  let t = performance.now();
  const stagedSet = new Set(staged);
  let changed = reindex;
  const pages: (IndexedPage & { file: string })[] = [];
  for (const p of indexed) {
    if (!stagedSet.has(p.path)) {
      pages.push({ ...p, file: join(out, p.path) });
      continue;
    }
    const file = join(partial, p.path);
    const html = await readFile(file);
    const next = { path: p.path, month: pageMonth(html, file), hash: pageHash(html), file };
    changed ||= next.hash !== p.hash || next.month !== p.month;
    pages.push(next);
  }
  // `during` starts once Pagefind writes on one core (or, with nothing to index, at once). Both
  // settle before a failure is reported: neither is left writing into `partial` as it goes.
  let writing: Promise<unknown> | undefined;
  const write = () => {
    if (!during || writing) return;
    writing = during();
    writing.catch(() => {}); // reported below, once the index has settled
  };
  const [index] = await Promise.allSettled([changed ? buildSearchIndex(partial, { previous: out, pages, copies, onPagesAdded: write }) : undefined]);
  if (index.status === 'fulfilled') write();
  const [written] = await Promise.allSettled([writing]);
  const failed = [index, written].find((r) => r.status === 'rejected');
  if (failed) {
    await rm(partial, { recursive: true, force: true });
    throw failed.reason;
  }
  if (index.status === 'fulfilled') result.index = index.value;
  result.indexMs = performance.now() - t;
  t = performance.now();
  for (const file of staged) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    renameSync(join(partial, file), join(out, file));
  }
  if (result.index) {
    const old = oldName(out);
    renameSync(join(out, 'pagefind'), old);
    renameSync(join(partial, 'pagefind'), join(out, 'pagefind'));
    deleteLater(old);
  }
  await rm(partial, { recursive: true, force: true });
  result.commitMs = performance.now() - t;
  return result;
}

/** "[build] quick rebuild in 0.9 s: 1 article file changed, 1 page re-filled (check 0.3 s, index 0.5 s, commit 0.0 s)" and the index line. */
export function quickSummary(r: Extract<QuickResult, { quick: true }>, ms: number): string {
  const n = r.changed.length;
  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  const lines = [`[build] quick rebuild in ${s(ms)}: ${n} article file${n === 1 ? '' : 's'} changed, ${r.pages} page${r.pages === 1 ? '' : 's'} re-filled (check ${s(r.ms.check)}, index ${s(r.ms.index)}, commit ${s(r.ms.commit)})`];
  if (r.index) lines.push(`[search] ${indexSummary(r.index)}`);
  return lines.join('\n');
}
