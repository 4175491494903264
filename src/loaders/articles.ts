/**
 * Content loader for `content/articles/**\/*.mdx`. It validates and renders each article
 * itself (see src/lib/load-article.ts) instead of letting Vite compile every MDX file into
 * a JS module — that compile step dominated build time and memory in our measurements
 * (../shared/notes/build-scale.md). Unchanged files are skipped by content digest.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadArticle } from '../lib/load-article.ts';
import { ContentError, formatProblem, type Problem } from '../lib/problems.ts';

/** Folder of article files, relative to the project root (DIACHI_CONTENT_DIR overrides it for fixtures and benchmarks). */
export const ARTICLES_DIR = process.env.DIACHI_CONTENT_DIR ?? 'content/articles';

/**
 * Hash of the code that turns a file into an entry. Part of each entry's digest, so a change
 * to the schema, the gazetteer or a plugin re-validates every cached article.
 */
function pipelineHash(): string {
  const hash = createHash('sha256');
  const src = fileURLToPath(new URL('..', import.meta.url));
  for (const dir of ['lib', 'schemas', 'plugins', 'loaders']) {
    for (const name of readdirSync(join(src, dir)).sort()) hash.update(name).update(readFileSync(join(src, dir, name)));
  }
  return hash.digest('hex');
}

/** Whether a path inside the articles folder is a draft by name (`_file.mdx` or inside `_folder/`). */
export function isDraftPath(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((part) => part.startsWith('_'));
}

/** Entry id of an article file: its path without extension, with forward slashes ("2022/dam-ha"). */
export function articleId(relPath: string): string {
  return relPath.split(sep).join('/').replace(/\.mdx$/, '');
}

/** Extra facts about an article kept next to its rendered HTML. */
export interface ArticleMeta {
  lead: string;
  words: number;
  [key: string]: unknown;
}

function loadOne(ctx: LoaderContext, root: string, relPath: string, pipeline: string): Problem[] {
  const id = articleId(relPath);
  const absolute = resolve(root, ARTICLES_DIR, relPath);
  // Messages name the file as the editor sees it: relative to the project when inside it.
  const shown = relative(root, absolute).startsWith('..') ? absolute : relative(root, absolute);
  const filePath = shown.split(sep).join('/');
  const raw = readFileSync(absolute, 'utf8');
  const digest = ctx.generateDigest(pipeline + raw);
  if (ctx.store.get(id)?.digest === digest) return [];
  const { article, problems } = loadArticle(filePath, raw);
  if (!article) {
    ctx.store.delete(id);
    return problems;
  }
  if (article.data.draft) {
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
  const metadata: ArticleMeta = { lead: article.lead, words: article.words };
  ctx.store.set({ id, data: article.data, rendered: { html: article.html, metadata }, digest, filePath });
  return problems;
}

/** The articles loader. Throws a ContentError listing every error, so the build stops with file:line messages. */
export function articlesLoader(): Loader {
  return {
    name: 'dia-chi-articles',
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const dir = resolve(root, ARTICLES_DIR);
      const pipeline = pipelineHash();
      const files: string[] = [];
      for await (const f of glob('**/*.mdx', { cwd: dir })) if (!isDraftPath(f)) files.push(f);
      files.sort();
      const keep = new Set(files.map(articleId));
      for (const id of ctx.store.keys()) if (!keep.has(id)) ctx.store.delete(id);

      const report = (problems: Problem[]) => {
        for (const p of problems.filter((q) => q.severity === 'warning')) ctx.logger.warn(formatProblem(p));
        const errors = problems.filter((q) => q.severity === 'error');
        if (errors.length) throw new ContentError(errors);
      };
      report(files.flatMap((f) => loadOne(ctx, root, f, pipeline)));

      // In `astro dev`, re-load just the file that changed.
      ctx.watcher?.on('all', (event, path) => {
        if (!path.startsWith(dir) || !path.endsWith('.mdx')) return;
        const rel = relative(dir, path);
        if (event === 'unlink' || isDraftPath(rel)) ctx.store.delete(articleId(rel));
        else {
          try {
            report(loadOne(ctx, root, rel, pipeline));
          } catch (error) {
            ctx.logger.error((error as Error).message);
          }
        }
      });
    },
  };
}
