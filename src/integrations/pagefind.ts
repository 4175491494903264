/**
 * Builds the Pagefind index after `astro build`, through Pagefind's Node API.
 * Only article pages are indexed, and what Pagefind reads is a copy of each page whose
 * text has Vietnamese spelling variants canonicalised (src/lib/vi-search.ts) — the page on
 * disk is unchanged, and the query gets the same treatment in the browser.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { canonicalHtml, dSyllables, encodeSpelling, type SyllablePrior } from '../lib/vi-search.ts';
import { ARTICLE_PREFIX } from '../lib/urls.ts';

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

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name === 'index.html') yield path;
  }
}

/**
 * The copy of a page Pagefind reads: canonical spellings, plus a `spelling` meta on the
 * `data-pagefind-body` element when the page spells some words another way, so the browser
 * can show the page's own spelling in titles and excerpts.
 */
export function indexableHtml(html: string): string {
  const { html: canonical, spelling } = canonicalHtml(html);
  const encoded = encodeSpelling(spelling);
  if (!encoded) return canonical;
  return canonical.replace(/<([a-z]+)\b([^>]*\sdata-pagefind-body\b[^>]*)>/, (tag, name: string, attrs: string) => {
    const withMeta = /data-pagefind-meta="/.test(attrs)
      ? attrs.replace('data-pagefind-meta="', 'data-pagefind-meta="spelling[data-spelling], ')
      : `${attrs} data-pagefind-meta="spelling[data-spelling]"`;
    return `<${name}${withMeta} data-spelling="${encoded.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  });
}

/** Indexes `<outDir>/bai/**` into `<outDir>/pagefind/`. Returns the number of pages indexed. */
export async function buildSearchIndex(outDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let pages = 0;
    const df = new Map<string, number>();
    const pending: Promise<void>[] = [];
    const add = async (file: string) => {
      const url = `/${relative(outDir, file).split(sep).slice(0, -1).join('/')}/`;
      const html = await readFile(file, 'utf8');
      // Count the d/đ syllables of the article itself, not the page chrome around it.
      const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
      for (const key of dSyllables(article.replace(/<[^>]+>/g, ' '))) df.set(key, (df.get(key) ?? 0) + 1);
      const result = await index.addHTMLFile({ url, content: indexableHtml(html) });
      if (result.errors.length) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
      pages++;
    };
    // A few files in flight keep the Pagefind process busy without holding the site in memory.
    for await (const file of htmlFiles(join(outDir, ARTICLE_PREFIX))) {
      pending.push(add(file));
      if (pending.length >= 16) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const outputPath = join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    await Promise.all(UNUSED.map((f) => rm(join(outputPath, f), { force: true })));
    const prior: SyllablePrior = { pages, df: Object.fromEntries([...df].sort(([a], [b]) => a.localeCompare(b))) };
    await writeFile(join(outputPath, 'vi-syllables.json'), JSON.stringify(prior));
    return pages;
  } finally {
    await pagefind.close();
  }
}

/** Astro integration: run `buildSearchIndex` when the static build is done. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'dia-chi-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Benchmarks build the site and the index separately, to measure each.
        if (process.env.DIACHI_SEARCH_INDEX === '0') return;
        const started = performance.now();
        const pages = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pages} articles in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
