/**
 * In a full `npm run build`, hands each article page, as Astro renders it, to the search prep
 * (src/integrations/search-prep.ts), which makes its search copy on another thread while the rest
 * are rendered. Everywhere else (dev, preview, partial builds) pages pass through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { PREP_HANDLE, type PrepHandle } from './lib/search/search-shards.ts';
import { ARTICLE_PREFIX, route } from './lib/articles/urls.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const prep = (globalThis as Record<symbol, unknown>)[PREP_HANDLE] as PrepHandle | undefined;
  const path = route(decodeURI(context.url.pathname));
  if (!prep || !context.isPrerendered || response.status !== 200 || !path.startsWith(`/${ARTICLE_PREFIX}/`)) return response;
  // Astro writes exactly these bytes (Buffer.from(await response.arrayBuffer())), to the page's
  // folder as index.html (build.format "directory").
  const bytes = new Uint8Array(await response.arrayBuffer());
  prep.page(`${path.slice(1)}index.html`, bytes);
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
});
