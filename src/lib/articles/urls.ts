/**
 * Every internal URL is built here, so links and routes cannot drift apart. URLs include the
 * site's base path, so a site built with BASE_PATH=/dia-chi/ works under that folder; `route`
 * gives the path below it, which is also the page's file under dist/.
 */

/**
 * The folder the site is served from: "/" or "/dia-chi/". Vite's BASE_URL in pages and scripts
 * (set from BASE_PATH by scripts/build.ts); in Node outside Vite (the build's own steps) the option
 * scripts/build.ts passes on.
 */
export const BASE: string = withSlashes(import.meta.env?.BASE_URL ?? globalThis.process?.env?.DIACHI_BASE_PATH ?? '/');

function withSlashes(path: string): string {
  return `/${path}/`.replace(/\/{2,}/g, '/');
}

/** A path of the site ("/du-lieu/") as a link ("/dia-chi/du-lieu/"). */
export function href(path: string): string {
  return BASE === '/' ? path : `${BASE}${path.replace(/^\//, '')}`;
}

/** The path below the base of a link of the site ("/dia-chi/bai/x/" → "/bai/x/"). */
export function route(url: string): string {
  return BASE !== '/' && url.startsWith(BASE) ? `/${url.slice(BASE.length)}` : url;
}

/** Folder of all article pages; the search index covers exactly these. */
export const ARTICLE_PREFIX = 'bai';

/** Permanent URL of an article: `/bai/2022/dam-ha-vung-manh-tu-chi-bo-thon-khu/`. */
export function articleUrl(id: string): string {
  return href(`/${ARTICLE_PREFIX}/${id}/`);
}

/** The search page, optionally with a query: `/tim-kiem/?q=dang+vien`. */
export function searchUrl(query?: string): string {
  return href(query ? `/tim-kiem/?${new URLSearchParams({ q: query })}` : '/tim-kiem/');
}

/** Listing page `n` (1-based) of the newest articles: `/`, `/trang/2/`, … */
export function listingUrl(page: number): string {
  return href(page <= 1 ? '/' : `/trang/${page}/`);
}

/** Year archive: `/nam/2022/`. */
export function yearUrl(year: number): string {
  return href(`/nam/${year}/`);
}

/** Index of all years. */
export const YEARS_URL = href('/nam/');
