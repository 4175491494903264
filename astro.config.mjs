// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Absolute URLs (canonical links, feeds) use SITE_URL when deploying; localhost otherwise.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // MDX stays available for pages; articles are rendered by our own loader (src/loaders/articles.ts).
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
