/**
 * Lighthouse (mobile preset, Debian's Chromium) on the home page, an article and the search
 * page with results: Performance, Accessibility, Best Practices and SEO all at least 95.
 * Scores are gates, not timings: each is the category score Lighthouse itself computes.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_PATH } from '../support/browser.ts';

const base = inject('baseUrl');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
let chrome: chromeLauncher.LaunchedChrome;

beforeAll(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await chrome?.kill();
});

describe('Lighthouse, mobile', () => {
  it.each([
    ['home', '/'],
    ['article', '/bai/2023/kien-xuong-xay-dung-to-chuc-dang-vung-manh-tu-co-so/'],
    ['search with results', '/tim-kiem/?q=dang+vien'],
  ])('%s scores at least 95 in every category', async (_, path) => {
    const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    const lhr = result!.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]!.score ?? 0) * 100)]));
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => `${a.id} ${a.score}`);
    console.log(`lighthouse ${path} ${JSON.stringify(scores)}`);
    for (const c of CATEGORIES) expect(scores[c], `${c} — low audits: ${failing.join(', ')}`).toBeGreaterThanOrEqual(95);
  }, 120_000);
});
