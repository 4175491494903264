/**
 * One article-loading job, run on the calling thread or a thread of the worker pool (load-pool.ts,
 * src/workers/tasks.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadArticle, type LoadOptions } from '../lib/articles/load-article.ts';

export interface LoadJob {
  /** The file as messages name it; read from there (relative to the working folder) when `raw` is not given. */
  file: string;
  /** The file's text, when the caller has it already (the loader hashed it). */
  raw?: string;
  options: LoadOptions;
  /** Where to write the body HTML if the article loads and has no local images (see `runLoadJob`). */
  htmlFile?: string;
  /** Only the problems and the fields `check` reads come back: no body, text or HTML to copy between threads. */
  brief?: boolean;
}

/** An article as `loadArticle` gives it, and the file its body was written to, if it was. */
export type Loaded = ReturnType<typeof loadArticle> & { htmlFile?: string };

/**
 * Loads one file and, when the job names an `htmlFile` and the article has no local images,
 * writes its body there: on the worker, while the others load, not one after another on the
 * main thread (bench/results/design.md: load-workers).
 */
export function runLoadJob(job: LoadJob): Loaded {
  const loaded: Loaded = loadArticle(job.file, job.raw ?? readFileSync(job.file, 'utf8'), job.options);
  if (job.htmlFile && loaded.article && loaded.article.imagePaths.length === 0) {
    writeFileSync(job.htmlFile, loaded.article.html);
    loaded.htmlFile = job.htmlFile;
  }
  if (job.brief && loaded.article) loaded.article = { ...loaded.article, body: '', html: '', text: '', lead: '' };
  return loaded;
}
