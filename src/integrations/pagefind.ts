/**
 * Builds the Pagefind index after `astro build`, through Pagefind's Node API.
 * Only article pages are indexed, and what Pagefind reads is a copy of each page whose
 * text has Vietnamese spelling variants canonicalised (src/lib/vi-search.ts) — the page on
 * disk is unchanged, and the query gets the same treatment in the browser.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SyllablePrior } from '../lib/vi-search.ts';
import { writeSearchCopies } from './search-copies.ts';

export { indexableHtml } from './search-copies.ts';
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

/** What indexing did and where its time went. */
export interface IndexStats {
  pages: number;
  /** Reading pages and writing their canonical copies. */
  copyMs: number;
  /** Pagefind reading and parsing the copies. */
  addMs: number;
  /** Pagefind building and writing its files. */
  writeMs: number;
}

/** "indexed 5 articles in 812 ms (copies 40 ms, Pagefind 120 + 650 ms)" — the bench reads this line. */
export function indexSummary(s: IndexStats): string {
  return `indexed ${s.pages} articles in ${s.copyMs + s.addMs + s.writeMs} ms (copies ${s.copyMs} ms, Pagefind ${s.addMs} + ${s.writeMs} ms)`;
}

/**
 * Indexes `<outDir>/bai/**` into `<outDir>/pagefind/`.
 * The canonical copies are written to a scratch folder and handed to Pagefind as a directory:
 * its Rust side then reads and parses them in parallel, which at 10,000 articles took 16 s
 * against 33 s for sending each page through the Node API (bench/results/scale.md).
 */
export async function buildSearchIndex(outDir: string): Promise<IndexStats> {
  const started = performance.now();
  const scratch = `${outDir.replace(/[\\/]+$/, '')}.search-copies`;
  await rm(scratch, { recursive: true, force: true });
  const pagefind = await import('pagefind');
  try {
    const files: string[] = [];
    for await (const file of htmlFiles(join(outDir, ARTICLE_PREFIX))) files.push(file);
    const { pages, df } = await writeSearchCopies(outDir, scratch, files);
    const copied = performance.now();
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const result = await index.addDirectory({ path: scratch });
    if (result.errors.length) throw new Error(`Pagefind could not index the articles: ${result.errors.join('; ')}`);
    if (result.page_count !== pages) throw new Error(`Pagefind indexed ${result.page_count} of ${pages} articles`);
    const added = performance.now();
    const outputPath = join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    await Promise.all(UNUSED.map((f) => rm(join(outputPath, f), { force: true })));
    const prior: SyllablePrior = { pages, df: Object.fromEntries(df.sort(([a], [b]) => a.localeCompare(b))) };
    await writeFile(join(outputPath, 'vi-syllables.json'), JSON.stringify(prior));
    const ms = (a: number, b: number) => Math.round(b - a);
    return { pages, copyMs: ms(started, copied), addMs: ms(copied, added), writeMs: ms(added, performance.now()) };
  } finally {
    await pagefind.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Astro integration: run `buildSearchIndex` when the static build is done. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'dia-chi-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // `npm run build` indexes after Astro exits ('later'); benchmarks index separately ('0').
        if (process.env.DIACHI_SEARCH_INDEX === '0' || process.env.DIACHI_SEARCH_INDEX === 'later') return;
        logger.info(indexSummary(await buildSearchIndex(fileURLToPath(dir))));
      },
    },
  };
}
