/**
 * The site's public address, which every absolute link (canonical, Open Graph, feeds, sitemap,
 * citation files) is made from. A build to publish must be told it; a build to look at on this
 * machine (`npm start`, the tests) uses localhost and says so.
 */

/** The address `astro preview` serves on. */
export const LOCAL_SITE = 'http://localhost:4321';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** The address to build with, or the one line that says why there is none. */
export function siteUrl(value: string | undefined, local: boolean): { url: string } | { error: string } {
  const given = value?.trim();
  if (local) return { url: given || LOCAL_SITE };
  if (!given) {
    return { error: 'Chưa có địa chỉ trang web: đặt SITE_URL khi dựng để xuất bản, ví dụ SITE_URL=https://example.org npm run build (xem docs/publishing.md); để xem trên máy, chạy npm start.' };
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { error: `SITE_URL='${given}' không phải địa chỉ web: viết đầy đủ, ví dụ SITE_URL=https://example.org` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `SITE_URL='${given}' phải bắt đầu bằng https:// (hoặc http://)` };
  if (LOCAL_HOSTS.has(url.hostname)) {
    return { error: `SITE_URL='${given}' là địa chỉ trên máy này: bản xuất bản cần địa chỉ thật của trang, ví dụ https://example.org; để xem trên máy, chạy npm start.` };
  }
  return { url: url.origin };
}
