/** Site-wide constants. */
import { buildOptions } from './lib/build/options.ts';

export const SITE_NAME = 'Địa chí';
export const SITE_TAGLINE = 'Lưu trữ tin tức địa phương Việt Nam';
export const SITE_DESCRIPTION =
  'Địa chí lưu trữ các bài báo địa phương Việt Nam — xây dựng Đảng, chính quyền cơ sở, đời sống thôn bản — với số liệu và địa danh đã được kiểm tra.';
/** Articles per listing page. */
export const PAGE_SIZE = 20;

/**
 * Pages per sitemap file (@astrojs/sitemap's default; the protocol allows 50,000). The partial
 * build splits its updated sitemap the same way; tests split a small site's (build options).
 */
export const SITEMAP_LIMIT = buildOptions().sitemapLimit;

/**
 * Content-Security-Policy: only the site's own scripts, styles, images and workers; WebAssembly
 * compilation for Pagefind ('wasm-unsafe-eval'); no inline script, no eval, no plugins, no framing.
 * Sent as a <meta> (production builds) and, with frame-ancestors, as a header by the hosts'
 * configuration files (src/lib/build/headers.ts).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
