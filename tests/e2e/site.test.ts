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
import { parseCsv } from '../support/csv-parse.ts';

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
    const regions = page.locator('.region').filter({ hasNot: page.locator('h2', { hasText: '2025' }) });
    expect(await regions.count()).toBe(6);
    expect(await regions.locator('.place-list li').count()).toBe(63);
    const qn = regions.locator('.place-list li', { hasText: 'Quảng Ninh' });
    expect((await qn.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Quảng Ninh (2)');
    expect(await qn.locator('a').getAttribute('href')).toBe('/dia-phuong/quang-ninh/');
    const empty = regions.locator('.place-list li.empty', { hasText: 'Cà Mau' });
    expect(await empty.locator('a').count()).toBe(0);
    expect(await regions.locator('.place-list li:not(.empty)').count()).toBe(4);
  });

  it('lists the 34 provinces of 2025 and gathers the articles of the provinces each absorbed', async () => {
    await page.goto(`${base}/dia-phuong/`);
    const now = page.locator('.region', { has: page.locator('h2', { hasText: '34 tỉnh' }) });
    expect(await now.locator('li').count()).toBe(34);
    expect((await now.locator('li', { hasText: 'Hưng Yên' }).textContent())?.replace(/\s+/g, ' ').trim()).toBe('Hưng Yên (1)');
    await page.goto(`${base}/dia-phuong/ha-giang/`);
    expect((await page.locator('.notice-2025').textContent())?.replace(/\s+/g, ' ')).toContain('Từ 1/7/2025: tỉnh Tuyên Quang.');
    await page.locator('.notice-2025 a', { hasText: 'tỉnh Tuyên Quang' }).click();
    await page.waitForURL(`${base}/dia-phuong/2025/tuyen-quang/`);
    expect(await page.locator('h1').textContent()).toBe('Tỉnh Tuyên Quang');
    expect(await page.locator('.article-list h3').allTextContents()).toEqual([REPORTS[3]!.title]);
    expect(await page.title()).toMatch(/^Tỉnh Tuyên Quang \(từ 1\/7\/2025\)/);
  });

  it('shows the figures reported for a place, newest first, each linked to its sentence', async () => {
    await page.goto(`${base}/dia-phuong/quang-ninh/`);
    const rows = page.locator('section', { hasText: 'Số liệu về tỉnh Quảng Ninh' }).locator('tbody tr');
    const { figures: dh } = frontmatter(REPORTS[2]!.file);
    const { figures: hl } = frontmatter(REPORTS[4]!.file);
    expect(await rows.count()).toBe(dh.length + hl.length);
    const quotes = await rows.locator('td:nth-child(2) a').allTextContents();
    expect(quotes).toEqual([...dh, ...hl].map((f) => `“${f.text}”`));
    await rows.first().locator('a').click();
    await page.waitForURL(/#so-lieu-1$/);
    expect((await page.locator('mark#so-lieu-1').textContent())?.replace(/\u00a0/g, ' ')).toBe(dh[0]!.text);
  });

  it('walks from the home page to a province, district, commune and article, and back', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Địa phương' }).click();
    await page.locator('.place-list a', { hasText: 'Hà Giang' }).first().click();
    await page.waitForURL(`${base}/dia-phuong/ha-giang/`);
    const communes = page.locator('section', { has: page.locator('h2', { hasText: 'Xã, phường, thị trấn có bài' }) });
    expect((await communes.locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['xã Thượng Sơn (Vị Xuyên) (1)']);
    await page.getByRole('link', { name: 'huyện Vị Xuyên' }).click();
    await page.getByRole('link', { name: 'xã Thượng Sơn' }).click();
    await page.waitForURL(`${base}/dia-phuong/ha-giang/vi-xuyen/thuong-son/`);
    await page.locator('.article-list h3 a').first().click();
    await page.waitForURL(`${base}${articleUrl(REPORTS[3]!.file)}`);
    await page.goBack();
    await page.waitForURL(`${base}/dia-phuong/ha-giang/vi-xuyen/thuong-son/`);
    expect(await page.locator('h1').textContent()).toBe('Xã Thượng Sơn');
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

describe('data, citations and feeds', () => {
  it('offers figures.csv whose rows are exactly the articles’ figures', async () => {
    await page.goto(`${base}/du-lieu/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a', { hasText: 'figures.csv' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    const col = (name: string) => header!.indexOf(name);
    const expected = REPORTS.flatMap((r) =>
      (frontmatter(r.file) as unknown as { figures: { value: number; text: string }[] }).figures.map((f) => [r.file.replace(/\.mdx$/, ''), f.text, String(f.value)]),
    );
    expect(rows.map((r) => [r[col('article_id')], r[col('quote')], r[col('value')]])).toEqual(expected);
    const hl = rows.find((r) => r[col('article_id')]!.startsWith('2019/dang-bo-phuong-ha-lam'))!;
    expect([hl[col('province')], hl[col('province_code')], hl[col('commune')], hl[col('province_2025')], hl[col('province_2025_code')]]).toEqual(['Quảng Ninh', '22', 'Hà Lầm', 'Quảng Ninh', '22']);
  });

  it('offers articles.json and figures.json that parse', async () => {
    const articles = (await (await page.request.get(`${base}/du-lieu/articles.json`)).json()) as { id: string; locality: { province2025: string } }[];
    expect(articles.map((a) => a.id)).toEqual(REPORTS.map((r) => r.file.replace(/\.mdx$/, '')));
    const figures = (await (await page.request.get(`${base}/du-lieu/figures.json`)).json()) as unknown[];
    expect(figures).toHaveLength(REPORTS.reduce((n, r) => n + frontmatter(r.file).figures.length, 0));
  });

  it('suggests citations on each article and offers BibTeX, RIS and CSL-JSON', async () => {
    await page.goto(`${base}${articleUrl(REPORTS[1]!.file)}`);
    expect(await page.locator('#cite-vi').textContent()).toMatch(/^Thu Thủy \(2023\), “Kiến Xương: Xây dựng tổ chức đảng vững mạnh từ cơ sở”, Báo Thái Bình, ngày 05\/03\/2023\. Lưu trữ tại Địa chí: http/);
    expect(await page.locator('#cite-apa').textContent()).toContain('Thu Thủy. (2023, March 5).');
    expect(await page.locator('button[data-copy="cite-vi"]').isVisible()).toBe(true);
    for (const ext of ['bib', 'ris', 'json']) {
      const res = await page.request.get(`${base}/trich-dan/${REPORTS[1]!.file.replace(/\.mdx$/, '')}.${ext}`);
      expect(res.status(), ext).toBe(200);
      const text = await res.text();
      expect(text).toContain('Kiến Xương');
      if (ext === 'json') expect(JSON.parse(text)[0].type).toBe('article-newspaper');
    }
    // The build writes every article's three files from the citation index.
    const index = (await (await page.request.get(`${base}/trich-dan/index.json`)).json()) as { id: string; title: string }[];
    expect(index.map((c) => c.id).sort()).toEqual(REPORTS.map((r) => r.file.replace(/\.mdx$/, '')).sort());
    for (const c of index) {
      for (const ext of ['bib', 'ris', 'json']) {
        const res = await page.request.get(`${base}/trich-dan/${c.id}.${ext}`);
        expect(res.status(), `${c.id}.${ext}`).toBe(200);
        expect(await res.text()).toContain(c.title.slice(0, 20));
      }
    }
  });

  it('publishes valid RSS for the archive and for each province, and a sitemap of every page', async () => {
    await page.goto(`${base}/`);
    const parse = (url: string) =>
      page.evaluate(async (u) => {
        const doc = new DOMParser().parseFromString(await (await fetch(u)).text(), 'application/xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, items: [...doc.querySelectorAll('item > title')].map((t) => t.textContent), locs: [...doc.querySelectorAll('loc')].map((l) => l.textContent) };
      }, url);
    const all = await parse('/rss.xml');
    expect(all.error).toBeNull();
    expect(all.items).toEqual(REPORTS.map((r) => r.title));
    const qn = await parse('/dia-phuong/quang-ninh/rss.xml');
    expect(qn.error).toBeNull();
    expect(qn.items).toEqual([REPORTS[2]!.title, REPORTS[4]!.title]);
    const index = await parse('/sitemap-index.xml');
    expect(index.error).toBeNull();
    const pages = await parse(new URL(index.locs[0]!).pathname);
    const paths = pages.locs.map((l) => new URL(l!).pathname);
    for (const r of REPORTS) expect(paths).toContain(articleUrl(r.file));
    expect(paths).toContain('/dia-phuong/ha-giang/vi-xuyen/thuong-son/');
    expect(paths).toContain('/du-lieu/');
  });

  it('describes every page for sharing (canonical, OpenGraph, Twitter)', async () => {
    await page.goto(`${base}${articleUrl(REPORTS[0]!.file)}`);
    const meta = (sel: string) => page.locator(sel).getAttribute('content');
    expect(await meta('meta[property="og:title"]')).toBe(REPORTS[0]!.title);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[property="og:locale"]')).toBe('vi_VN');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(new RegExp(`${articleUrl(REPORTS[0]!.file)}$`));
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

  it.each([360, 414, 768, 1100, 1440])('keeps every menu item on one line at %i px, and the first article on the first screen of a phone', async (width) => {
    const p = await browser.newPage({ viewport: { width, height: 740 } });
    await p.goto(`${base}/`);
    const heights = await p.locator('.site-nav a').evaluateAll((as) => as.map((a) => a.getClientRects().length));
    // One box per link: a name broken over two lines ("Địa / phương") has two.
    expect(heights).toEqual([1, 1, 1, 1, 1]);
    if (width === 360) expect(await p.locator('.article-list > li').first().evaluate((li) => li.getBoundingClientRect().top)).toBeLessThan(740 / 2);
    await p.close();
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
