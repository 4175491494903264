// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITEMAP_LIMIT } from './src/consts.ts';
import { derivedFiles } from './src/integrations/derived-files.ts';
import { dataStoreOutOfBundle } from './src/integrations/data-store.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { searchPrep } from './src/integrations/search-prep.ts';

// DIACHI_OUT_DIR / DIACHI_CACHE_DIR let tests and benchmarks build fixture corpora
// (DIACHI_CONTENT_DIR, read by the articles loader) without touching dist/ or the main cache.
export default defineConfig({
  // Absolute URLs (canonical links, feeds) use SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.DIACHI_OUT_DIR ?? './dist',
  cacheDir: process.env.DIACHI_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // External stylesheets only: the Content-Security-Policy allows no inline style.
  // Eight pages at a time: one at a time, Astro's thread waits on each page's writes
  // (bench/results/design.md: astro-concurrency).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // MDX stays available for pages; articles are rendered by our own loader (src/loaders/articles.ts).
  integrations: [mdx(), sitemap({ entryLimit: SITEMAP_LIMIT }), derivedFiles(), searchPrep(), pagefindIndex(), dataStoreOutOfBundle()],
  devToolbar: { enabled: false },
  // No experimental.incrementalBuild: it writes every page twice, and edits take our own quicker
  // paths (scripts/lib/quick-build.ts, partial-build.ts) (bench/results/design.md: incremental-build).
});
