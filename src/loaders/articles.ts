/**
 * Content loader for `content/articles/**\/*.mdx`. It validates and renders each article
 * itself (see src/lib/articles/load-article.ts) instead of letting Vite compile every MDX file into
 * a JS module — that compile step dominated build time and memory in our measurements
 * (../shared/notes/build-scale.md). Unchanged files are skipped by content digest.
 * Drafts (`draft: true`, or a `_` name) are left out of builds and shown in `astro dev`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { codeHash, filesUnder } from '../lib/build/code-hash.ts';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { PAGE_SIZE } from '../consts.ts';
import { articleId, fileHash, isDraftPath } from '../lib/articles/article-path.ts';
import { corpusProblems, type CorpusEntry } from '../lib/articles/corpus-checks.ts';
import { loadMany, type Loaded } from './load-pool.ts';
import { ContentError, formatProblem, type Problem } from '../lib/articles/problems.ts';
import { buildOptions } from '../lib/build/options.ts';
import { articleRecord, type ArticleRecord } from '../lib/build/quick-rebuild.ts';

/** Folder of article files, relative to the project root (DIACHI_CONTENT_DIR overrides it for fixtures and benchmarks). */
export const ARTICLES_DIR = buildOptions().contentDir;

/**
 * Hash of the code that turns a file into an entry. Part of each entry's digest, so a change
 * to the schema, the gazetteer or a plugin re-validates every cached article.
 */
function pipelineHash(): string {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const files = ['lib', 'schemas', 'plugins', 'loaders'].flatMap((dir) => filesUnder(join(src, dir)));
  // Bodies link the site's own pages under its base path.
  return codeHash({ root: src, files, values: [buildOptions().basePath] });
}

/** Extra facts about an article kept next to its rendered HTML. */
export interface ArticleMeta {
  lead: string;
  words: number;
  readingMinutes: number;
  /** Shown only in `astro dev`, with a draft banner. */
  draft: boolean;
  imagePaths: string[];
  links: CorpusEntry['links'];
  titleAt: CorpusEntry['titleAt'];
  /** What the quick rebuild compares (src/lib/build/quick-rebuild.ts). */
  record: ArticleRecord;
  /** The file holding the body HTML when it is kept out of the store (`rendered.html` is then empty). */
  htmlFile?: string;
  [key: string]: unknown;
}

interface Context {
  ctx: LoaderContext;
  root: string;
  pipeline: string;
  dev: boolean;
  /**
   * Where builds keep article bodies, one file per digest, out of the data store: Astro reads,
   * re-serialises and writes the whole store on every build, and the bodies were most of it
   * (bench/results/design.md: data-store). Bodies with local images stay in the store, where render() resolves
   * their image references; `astro dev` keeps every body in its store.
   */
  htmlDir: string | undefined;
  /**
   * Each file's `fileHash` by path relative to the articles folder (forward slashes), when
   * `npm run build` has hashed them already (DIACHI_FILE_HASHES): unchanged files are then not
   * read at all (bench/results/design.md: file-hashes).
   */
  hashes: Record<string, string> | undefined;
}

function shownPath(root: string, absolute: string): string {
  // Messages name the file as the editor sees it: relative to the project when inside it.
  const rel = relative(root, absolute);
  return (rel.startsWith('..') ? absolute : rel).split(sep).join('/');
}

interface Pending {
  id: string;
  relPath: string;
  filePath: string;
  raw: string;
  digest: string;
  articleDir: string;
}

/** Decides whether a file needs loading (unchanged files keep their entry), and reads it if so. */
function prepare({ ctx, root, pipeline, dev, hashes }: Context, relPath: string): Pending | null {
  const id = articleId(relPath);
  const absolute = resolve(root, ARTICLES_DIR, relPath);
  const known = hashes?.[relPath.split(sep).join('/')];
  const bytes = known === undefined ? readFileSync(absolute) : undefined;
  const digest = ctx.generateDigest(`${pipeline}${dev}${known ?? fileHash(bytes!)}`);
  const entry = ctx.store.get(id);
  // A body file deleted with part of the cache is written again.
  const htmlFile = (entry?.rendered?.metadata as ArticleMeta | undefined)?.htmlFile;
  if (entry?.digest === digest && (htmlFile === undefined || existsSync(htmlFile))) return null;
  const raw = (bytes ?? readFileSync(absolute)).toString('utf8');
  return { id, relPath, filePath: shownPath(root, absolute), raw, digest, articleDir: dirname(absolute) };
}

/** Stores a loaded article (or drops its entry), returning its problems. */
function commit({ ctx, dev }: Context, p: Pending, { article, problems, htmlFile }: Loaded): Problem[] {
  const { id, relPath, filePath, digest } = p;
  const draft = Boolean(article?.data.draft) || isDraftPath(relPath);
  if (!article || (draft && !dev)) {
    ctx.store.delete(id);
    return problems;
  }
  const folderYear = id.split('/')[0];
  if (/^\d{4}$/.test(folderYear ?? '') && Number(folderYear) !== Number(article.data.date.slice(0, 4))) {
    problems.push({
      file: filePath,
      line: 1,
      column: 1,
      field: 'date',
      message: `file is in folder ${folderYear} but its date is ${article.data.date}; move it to ${ARTICLES_DIR}/${article.data.date.slice(0, 4)}/`,
      severity: 'warning',
    });
  }
  const metadata: ArticleMeta = {
    lead: article.lead,
    words: article.words,
    readingMinutes: article.readingMinutes,
    draft,
    imagePaths: article.imagePaths,
    links: article.links,
    titleAt: article.titleAt,
    record: articleRecord(article),
  };
  if (htmlFile) metadata.htmlFile = htmlFile;
  ctx.store.set({
    id,
    data: article.data,
    rendered: { html: metadata.htmlFile ? '' : article.html, metadata },
    digest,
    filePath,
    // Images next to the article go through Astro's image pipeline.
    assetImports: article.imagePaths,
  });
  return problems;
}

/** Loads the given files (on worker threads when there are many) and stores them. */
async function loadFiles(c: Context, relPaths: string[]): Promise<Problem[]> {
  const pending = relPaths.map((f) => prepare(c, f)).filter((p): p is Pending => p !== null);
  const publicDir = join(c.root, 'public');
  const loaded = await loadMany(
    pending.map((p) => ({
      file: p.filePath,
      raw: p.raw,
      options: { articleDir: p.articleDir, publicDir },
      // Named by digest, which covers the file and the pipeline: a file written by a build that
      // failed later is never taken for the body of another version of the article.
      ...(c.htmlDir && { htmlFile: join(c.htmlDir, `${p.digest}.html`) }),
    })),
  );
  return pending.flatMap((p, i) => commit(c, p, loaded[i]!));
}

/** Cross-file checks over what the store now holds. */
function collectionProblems(ctx: LoaderContext): Problem[] {
  const entries: CorpusEntry[] = ctx.store.values().map((e) => {
    const meta = e.rendered?.metadata as ArticleMeta;
    const data = e.data as { title: string; date: string };
    return { file: e.filePath ?? e.id, id: e.id, title: data.title, date: data.date, titleAt: meta.titleAt, links: meta.links };
  });
  return corpusProblems(entries, PAGE_SIZE);
}

/** Deletes body files no entry refers to (articles edited or removed since they were written). */
function pruneBodies(ctx: LoaderContext, htmlDir: string): void {
  const used = new Set(ctx.store.values().map((e) => (e.rendered?.metadata as ArticleMeta).htmlFile));
  for (const name of readdirSync(htmlDir)) if (!used.has(join(htmlDir, name))) rmSync(join(htmlDir, name), { force: true });
}

/** Writes each published article's record (id → ArticleRecord) as JSON. */
function writeRecord(ctx: LoaderContext, path: string): void {
  const records: Record<string, ArticleRecord> = {};
  for (const e of ctx.store.values()) records[e.id] = (e.rendered?.metadata as ArticleMeta).record;
  writeFileSync(path, JSON.stringify(records));
}

function report(ctx: LoaderContext, problems: Problem[]) {
  for (const p of problems.filter((q) => q.severity === 'warning')) ctx.logger.warn(formatProblem(p));
  const errors = problems.filter((q) => q.severity === 'error');
  if (errors.length) throw new ContentError(errors);
}

/** The articles loader. Throws a ContentError listing every error, so the build stops with file:line messages. */
export function articlesLoader(): Loader {
  return {
    name: 'dia-chi-articles',
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const dir = resolve(root, ARTICLES_DIR);
      // Only `astro dev` has a watcher: that is where drafts are shown.
      const dev = Boolean(ctx.watcher);
      const htmlDir = dev ? undefined : fileURLToPath(new URL('article-html/', ctx.config.cacheDir));
      if (htmlDir) mkdirSync(htmlDir, { recursive: true });
      const hashesFile = dev ? undefined : buildOptions().fileHashes;
      const hashes = hashesFile ? (JSON.parse(readFileSync(hashesFile, 'utf8')) as Record<string, string>) : undefined;
      const c: Context = { ctx, root, pipeline: pipelineHash(), dev, htmlDir, hashes };
      const files: string[] = [];
      for await (const f of glob('**/*.mdx', { cwd: dir })) if (c.dev || !isDraftPath(f)) files.push(f);
      files.sort();
      const keep = new Set(files.map(articleId));
      for (const id of ctx.store.keys()) if (!keep.has(id)) ctx.store.delete(id);

      const problems = await loadFiles(c, files);
      report(ctx, [...problems, ...(problems.some((p) => p.severity === 'error') ? [] : collectionProblems(ctx))]);
      if (htmlDir) pruneBodies(ctx, htmlDir);
      // scripts/build.ts keeps this next to the output it describes, for the next quick rebuild.
      const record = buildOptions().buildRecord;
      if (record && !c.dev) writeRecord(ctx, record);

      // In `astro dev`, re-load just the file that changed.
      ctx.watcher?.on('all', async (event, path) => {
        if (!path.startsWith(dir) || !path.endsWith('.mdx')) return;
        const rel = relative(dir, path);
        if (event === 'unlink') ctx.store.delete(articleId(rel));
        else {
          try {
            report(ctx, await loadFiles(c, [rel]));
          } catch (error) {
            ctx.logger.error((error as Error).message);
          }
        }
      });
    },
  };
}
