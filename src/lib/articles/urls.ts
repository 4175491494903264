/** Every internal URL is built here, so links and routes cannot drift apart. */

/** Folder of all article pages; the search index covers exactly these. */
export const ARTICLE_PREFIX = 'bai';

/** Permanent URL of an article: `/bai/2022/dam-ha-vung-manh-tu-chi-bo-thon-khu/`. */
export function articleUrl(id: string): string {
  return `/${ARTICLE_PREFIX}/${id}/`;
}

/** The search page, optionally with a query: `/tim-kiem/?q=dang+vien`. */
export function searchUrl(query?: string): string {
  return query ? `/tim-kiem/?${new URLSearchParams({ q: query })}` : '/tim-kiem/';
}

/** Listing page `n` (1-based) of the newest articles: `/`, `/trang/2/`, … */
export function listingUrl(page: number): string {
  return page <= 1 ? '/' : `/trang/${page}/`;
}

/** Year archive: `/nam/2022/`. */
export function yearUrl(year: number): string {
  return `/nam/${year}/`;
}

/** Index of all years. */
export const YEARS_URL = '/nam/';
