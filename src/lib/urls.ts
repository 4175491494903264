/** Every internal URL is built here, so links and routes cannot drift apart. */

/** Permanent URL of an article: `/bai/2022/dam-ha-vung-manh-tu-chi-bo-thon-khu/`. */
export function articleUrl(id: string): string {
  return `/bai/${id}/`;
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
