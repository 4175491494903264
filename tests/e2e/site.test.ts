/**
 * The built site in a real browser: home, the five article pages, year archive, 404,
 * no client JavaScript, phone width and dark mode.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { launchBrowser } from '../support/browser.ts';
import { CONTENT } from '../support/paths.ts';

/** What a reader must see for each report; dates and weekdays as the source pages print them. */
const REPORTS = [
  {
    file: '2023/bao-thang-xay-dung-to-chuc-dang-vung-manh-tu-goc.mdx',
    title: 'Đảng bộ huyện Bảo Thắng: Xây dựng tổ chức đảng vững mạnh từ gốc',
    date: 'khoảng tháng 7/2023',
    trail: ['Tỉnh Lào Cai', 'Huyện Bảo Thắng'],
  },
  {
    file: '2023/kien-xuong-xay-dung-to-chuc-dang-vung-manh-tu-co-so.mdx',
    title: 'Kiến Xương: Xây dựng tổ chức đảng vững mạnh từ cơ sở',
    date: 'Chủ nhật, 05/03/2023, 23:06',
    trail: ['Tỉnh Thái Bình', 'Huyện Kiến Xương'],
  },
  {
    file: '2022/dam-ha-vung-manh-tu-chi-bo-thon-khu.mdx',
    title: 'Đầm Hà: Vững mạnh từ chi bộ thôn, khu',
    date: 'Thứ Sáu, 30/09/2022',
    trail: ['Tỉnh Quảng Ninh', 'Huyện Đầm Hà'],
  },
  {
    file: '2019/thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo.mdx',
    title: 'Thượng Sơn nâng cao chất lượng sinh hoạt chi bộ',
    date: 'Thứ Hai, 08/07/2019, 16:38',
    trail: ['Tỉnh Hà Giang', 'Huyện Vị Xuyên', 'Xã Thượng Sơn'],
  },
  {
    file: '2019/dang-bo-phuong-ha-lam-nang-cao-nang-luc-lanh-dao-suc-chien-dau.mdx',
    title: 'Đảng bộ phường Hà Lầm (TP Hạ Long): Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức Đảng',
    date: 'Thứ Năm, 10/01/2019, 08:01',
    trail: ['Tỉnh Quảng Ninh', 'Thành phố Hạ Long', 'Phường Hà Lầm'],
  },
];

function frontmatter(file: string): { figures: { text: string }[] } {
  const raw = readFileSync(`${CONTENT}/${file}`, 'utf8');
  return parse(raw.split(/^---$/m)[1]!);
}

const articleUrl = (file: string) => `/bai/${file.replace(/\.mdx$/, '')}/`;

let browser: Browser;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('home page', () => {
  it('lists the five reports, newest first, each with date and locality', async () => {
    await page.goto(`${base}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const titles = await page.locator('.article-list h2').allTextContents();
    expect(titles).toEqual(REPORTS.map((r) => r.title));
    const metas = await page.locator('.article-list .meta').allTextContents();
    expect(metas).toHaveLength(5);
    for (const [i, meta] of metas.entries()) {
      expect(meta).toContain(REPORTS[i]!.trail.at(-1)!.replace(/^\S+ (phố )?/, ''));
    }
    // Five articles fit on one page: no pagination.
    expect(await page.locator('.pagination').count()).toBe(0);
  });

  it('links every entry to a page that exists', async () => {
    await page.goto(`${base}/`);
    const hrefs = await page.locator('.article-list h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(REPORTS.map((r) => articleUrl(r.file)));
    for (const href of hrefs) {
      const res = await page.goto(`${base}${href}`);
      expect(res?.status(), href!).toBe(200);
    }
  });
});

describe.each(REPORTS)('article $file', (report) => {
  it('shows title, Vietnamese date, locality breadcrumb and source', async () => {
    await page.goto(`${base}${articleUrl(report.file)}`);
    expect(await page.locator('h1').textContent()).toBe(report.title);
    expect(await page.title()).toContain(report.title);
    expect(await page.locator('.byline time').textContent()).toBe(report.date);
    const trail = await page.getByRole('navigation', { name: 'Địa phương' }).locator('li').allTextContents();
    expect(trail).toEqual(report.trail);
    expect(await page.locator('.byline').textContent()).toMatch(/Nguồn: Báo /);
  });

  it('shows every figure in a table whose links land on the marked phrase', async () => {
    await page.goto(`${base}${articleUrl(report.file)}`);
    const { figures } = frontmatter(report.file);
    expect(figures.length).toBeGreaterThanOrEqual(5);
    const rows = page.locator('.figures tbody tr');
    expect(await rows.count()).toBe(figures.length);
    for (const [i, figure] of figures.entries()) {
      const href = await rows.nth(i).locator('a').getAttribute('href');
      const mark = page.locator(`.prose ${href}`);
      expect(await mark.evaluate((el) => el.tagName)).toBe('MARK');
      // Typography keeps a number and its unit together with a no-break space.
      expect((await mark.textContent())?.replace(/\u00a0/g, ' ')).toBe(figure.text);
    }
  });

  it('ships no client JavaScript but the small search-highlight module', async () => {
    const scripts: number[] = [];
    const onResponse = async (res: import('playwright-core').Response) => {
      if (res.request().resourceType() === 'script') scripts.push((await res.body()).length);
    };
    page.on('response', onResponse);
    await page.goto(`${base}${articleUrl(report.file)}`);
    await page.waitForLoadState('networkidle');
    page.off('response', onResponse);
    const tags = await page.locator('script').evaluateAll((els) => els.map((e) => [e.getAttribute('type'), e.getAttribute('src'), e.textContent]));
    expect(tags).toHaveLength(1);
    expect(tags[0]![0]).toBe('module');
    expect(tags[0]![1]).toMatch(/^\/_astro\/.+\.js$/);
    expect(tags[0]![2]).toBe('');
    // Without ?danh-dau the module does nothing; it stays a few kilobytes.
    expect(scripts.reduce((a, b) => a + b, 0)).toBeLessThan(4096);
    expect(await page.locator('mark.search-hit').count()).toBe(0);
  });
});

describe('navigation between articles', () => {
  it('walks from the newest to the oldest with "Bài cũ hơn" and back with "Bài mới hơn"', async () => {
    await page.goto(`${base}${articleUrl(REPORTS[0]!.file)}`);
    const seen = [await page.locator('h1').textContent()];
    while ((await page.locator('.article-nav .older').count()) > 0) {
      await page.locator('.article-nav .older').click();
      seen.push(await page.locator('h1').textContent());
    }
    expect(seen).toEqual(REPORTS.map((r) => r.title));
    await page.locator('.article-nav .newer').click();
    expect(await page.locator('h1').textContent()).toBe(REPORTS.at(-2)!.title);
  });
});

describe('archive by year', () => {
  it('counts articles per year and lists them', async () => {
    await page.goto(`${base}/nam/`);
    const years = await page.locator('.year-list a').allTextContents();
    expect(years.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['2023 2 bài', '2022 1 bài', '2019 2 bài']);
    await page.locator('.year-list a', { hasText: '2019' }).click();
    expect(await page.locator('h1').textContent()).toBe('Năm 2019');
    expect(await page.locator('.article-list h2').allTextContents()).toEqual(REPORTS.slice(3).map((r) => r.title));
  });
});

describe('browsing by place', () => {
  it('lists every province by region, with counts, greying those with no article', async () => {
    await page.goto(`${base}/dia-phuong/`);
    expect(await page.locator('.region h2').count()).toBe(6);
    expect(await page.locator('.place-list li').count()).toBe(63);
    const qn = page.locator('.place-list li', { hasText: 'Quảng Ninh' });
    expect((await qn.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Quảng Ninh (2)');
    expect(await qn.locator('a').getAttribute('href')).toBe('/dia-phuong/quang-ninh/');
    const empty = page.locator('.place-list li.empty', { hasText: 'Cà Mau' });
    expect(await empty.locator('a').count()).toBe(0);
    expect(await page.locator('.place-list li:not(.empty)').count()).toBe(4);
  });

  it('walks from an article down to its commune and back up to the province', async () => {
    await page.goto(`${base}${articleUrl(REPORTS[3]!.file)}`);
    await page.getByRole('navigation', { name: 'Địa phương' }).getByRole('link', { name: 'Huyện Vị Xuyên' }).click();
    await page.waitForURL(`${base}/dia-phuong/ha-giang/vi-xuyen/`);
    expect(await page.locator('h1').textContent()).toBe('Huyện Vị Xuyên');
    expect(await page.locator('.article-list h3').allTextContents()).toEqual([REPORTS[3]!.title]);
    await page.getByRole('link', { name: 'xã Thượng Sơn' }).click();
    await page.waitForURL(`${base}/dia-phuong/ha-giang/vi-xuyen/thuong-son/`);
    expect(await page.locator('h1').textContent()).toBe('Xã Thượng Sơn');
    const crumbs = await page.getByRole('navigation', { name: 'Địa phương' }).locator('li').allTextContents();
    expect(crumbs.map((c) => c.trim())).toEqual(['Địa phương', 'Hà Giang', 'Vị Xuyên', 'xã Thượng Sơn']);
    await page.getByRole('navigation', { name: 'Địa phương' }).getByRole('link', { name: 'Hà Giang' }).click();
    await page.waitForURL(`${base}/dia-phuong/ha-giang/`);
    expect(await page.locator('h1').textContent()).toBe('Tỉnh Hà Giang');
    await page.getByRole('navigation', { name: 'Địa phương' }).getByRole('link', { name: 'Địa phương' }).click();
    await page.waitForURL(`${base}/dia-phuong/`);
  });

  it('links the other places an article names, and lists the article there as a mention', async () => {
    await page.goto(`${base}${articleUrl(REPORTS[2]!.file)}`);
    await page.locator('.places a', { hasText: 'xã Quảng Tân' }).click();
    await page.waitForURL(`${base}/dia-phuong/quang-ninh/dam-ha/quang-tan/`);
    expect(await page.locator('section h2').allTextContents()).toEqual(['Bài có nhắc đến xã Quảng Tân']);
    expect(await page.locator('.article-list h3').allTextContents()).toEqual([REPORTS[2]!.title]);
  });
});

describe('404', () => {
  it('answers unknown paths with a Vietnamese not-found page', async () => {
    const res = await page.goto(`${base}/khong-co-trang-nay/`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Không tìm thấy trang');
  });
});

describe('layout', () => {
  it('fits a 360 px phone without horizontal scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/', articleUrl(REPORTS[1]!.file), '/nam/', '/dia-phuong/', '/dia-phuong/quang-ninh/', '/tim-kiem/']) {
      await phone.goto(`${base}${path}`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });

  it('follows the reader’s dark colour scheme', async () => {
    const colours: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const p = await browser.newPage({ colorScheme });
      await p.goto(`${base}/`);
      colours.push(await p.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await p.close();
    }
    expect(colours[0]).not.toBe(colours[1]);
  });

  it('lets a keyboard user skip straight to the content', async () => {
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
  });
});
