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
  // Eight pages at a time: one at a time, Astro's thread sat idle half of the page phase waiting
  // for each page's writes (10,000 articles: pages 59 s at 1, 34 s at 4, 28 s at 8, 29 s at 16).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // MDX stays available for pages; articles are rendered by our own loader (src/loaders/articles.ts).
  integrations: [mdx(), sitemap({ entryLimit: SITEMAP_LIMIT }), derivedFiles(), searchPrep(), pagefindIndex(), dataStoreOutOfBundle()],
  devToolbar: { enabled: false },
  // No experimental.incrementalBuild: it writes every page twice (dist/ and a copy in the cache, 350 MB
  // in 17,900 files at 10,000 articles) so that a later full build may copy unchanged pages. Edits
  // never take that path (scripts/lib/quick-build.ts and partial-build.ts write only what changed),
  // and code under src/lib, src/plugins… re-keys every page anyway. 10,000 articles, cold, in turns:
  // 90.9, 111.3, 103.6 s without against 123.4, 114.0, 124.9 s with it; a full build with nothing
  // changed takes 41 s instead of 24 s.
});
