/**
 * Published as a project site is: built with a real address and a sub-path
 * (SITE_URL=https://example.org BASE_PATH=/dia-chi/), served from that folder by a plain static
 * server, and walked in Chromium — home, an article, its place, search with and without tones,
 * a citation file and the feed — with no broken link, console error or CSP violation, and no
 * `localhost` anywhere in the output.
 */
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildFixture } from '../support/build.ts';
import { CONTENT, TMP } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const SITE = 'https://example.org';
const BASE = '/dia-chi/';

describe('a site published under a sub-path', () => {
  const content = join(TMP, 'deploy/content');
  const out = join(TMP, 'deploy/dist');
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  /** Same-site URLs the walk met (links, scripts, styles, images), checked at the end. */
  const seen = new Set<string>();

  beforeAll(async () => {
    rmSync(join(TMP, 'deploy'), { recursive: true, force: true });
    cpSync(CONTENT, content, { recursive: true });
    const build = buildFixture(content, out, { SITE_URL: SITE, BASE_PATH: BASE }, { local: false });
    expect(build.status, build.output).toBe(0);
    server = await serveStatic(out, { base: BASE });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    // The browser reports a blocked resource or script as a securitypolicyviolation event.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page of the site and notes every same-site URL it refers to. */
  async function visit(path: string): Promise<void> {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('networkidle');
    const urls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], img[src], form[action]')].map(
        (e) => (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src || (e as HTMLFormElement).action,
      ),
    );
    for (const u of urls) {
      const url = new URL(u);
      if (url.origin === server.url) seen.add(url.pathname);
    }
  }

  it('leaves no localhost in any file of the output', () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|json|js|txt|bib|ris|csv)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => readFileSync(join(out, f), 'utf8').includes('localhost'))).toEqual([]);
  });

  it('walks home → article → place → search → citation → feed under the sub-path', async () => {
    await visit(BASE);
    const article = await page.locator('.article-list h2 a, .article-list h3 a').first().getAttribute('href');
    expect(article).toMatch(new RegExp(`^${BASE}bai/`));
    await visit(article!);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${SITE}${article}`);
    const place = await page.locator('.breadcrumb a, nav[aria-label] a').filter({ hasText: /Tỉnh|Huyện|Xã|Phường/ }).last().getAttribute('href');
    expect(place).toMatch(new RegExp(`^${BASE}dia-phuong/`));
    await visit(place!);

    for (const q of ['Đầm Hà', 'dam ha']) {
      await visit(`${BASE}tim-kiem/?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => /^Tìm thấy/.test(document.querySelector('#search-status')?.textContent ?? ''));
      const first = await page.locator('#results h3 a').first().getAttribute('href');
      expect(first, q).toMatch(new RegExp(`^${BASE}bai/`));
    }
    await page.locator('#results h3 a').first().click();
    await page.waitForURL(new RegExp(`${BASE}bai/`));
    expect(await page.locator('mark.search-hit').count()).toBeGreaterThan(0);

    const bib = await page.locator('a[href$=".bib"]').getAttribute('href');
    expect(bib).toMatch(new RegExp(`^${BASE}trich-dan/`));
    const citation = await (await page.request.get(`${server.url}${bib}`)).text();
    expect(citation).toContain(`${SITE}${BASE}bai/`);

    const feed = await (await page.request.get(`${server.url}${BASE}rss.xml`)).text();
    expect(feed).toContain(`<link>${SITE}${BASE}</link>`);
    expect(feed).toContain(`${SITE}${BASE}bai/`);
    const sitemap = await (await page.request.get(`${server.url}${BASE}sitemap-0.xml`)).text();
    expect(sitemap).toContain(`<loc>${SITE}${BASE}bai/`);
  });

  it('has no broken link, console error or CSP violation on the way', async () => {
    expect(seen.size).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const path of seen) {
      const status = (await page.request.get(`${server.url}${path}`)).status();
      if (status !== 200) broken.push(`${path} ${status}`);
    }
    expect(broken).toEqual([]);
    expect(problems).toEqual([]);
  });
});
