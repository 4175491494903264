// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITEMAP_LIMIT } from './src/consts.ts';
import { buildOptions } from './src/lib/build/options.ts';
import { derivedFiles } from './src/integrations/derived-files.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { searchPrep } from './src/integrations/search-prep.ts';

// Tests and benchmarks build fixture corpora into their own folders (src/lib/build/options.ts)
// without touching dist/ or the main cache.
const options = buildOptions();
export default defineConfig({
  // Absolute URLs (canonical links, feeds) use SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // The folder the site is served from (BASE_PATH=/dia-chi/, as GitHub Pages serves a project).
  base: options.basePath,
  outDir: options.outDir,
  cacheDir: options.cacheDir,
  trailingSlash: 'always',
  // External stylesheets only: the Content-Security-Policy allows no inline style.
  // Eight pages at a time: one at a time, Astro's thread waits on each page's writes
  // (bench/results/design.md: astro-concurrency).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // MDX stays available for pages; articles are rendered by our own loader (src/loaders/articles.ts).
  integrations: [mdx(), sitemap({ entryLimit: SITEMAP_LIMIT }), derivedFiles(), searchPrep(), pagefindIndex()],
  devToolbar: { enabled: false },
  // `npm run dev` watches sources and articles, not build outputs and test scratch (thousands of
  // pages would exhaust the system's file watchers).
  vite: { server: { watch: { ignored: (path) => /[\\/](dist(\.[^\\/]*)?|tests[\\/]\.tmp|bench[\\/]corpus)([\\/]|$)/.test(path) } } },
  // No experimental.incrementalBuild: it writes every page twice, and edits take our own quicker
  // paths (scripts/lib/quick-build.ts, partial-build.ts) (bench/results/design.md: incremental-build).
});
