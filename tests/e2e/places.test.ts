/**
 * Places through time, built for real: reports about one place before and after the 2025 reform
 * and under a name merged away in 2020 meet on the page of the place today; facets and data
 * downloads carry the place as reported and as today; namesake districts stay apart.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildFixture } from '../support/build.ts';
import { parseCsv } from '../support/csv-parse.ts';
import { CONTENT, TMP } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const REPORT = readFileSync(join(CONTENT, '2019/thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo.mdx'), 'utf8');

/** The Thượng Sơn report under another title, date and place (its body and figures kept). */
function report(title: string, date: string, locality: string): string {
  return REPORT.replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^date: .*$/m, `date: ${date}`)
    .replace(/^locality:\n(?: {2}.*\n)+/m, `locality:\n${locality}\n`);
}

/** A report stating 101 figures, more than a place page lists. */
function manyFigures(): string {
  const counts = Array.from({ length: 101 }, (_, i) => i + 1);
  return [
    '---',
    'title: Một trăm lẻ một con số ở Tân Yên',
    'date: 2023-06-01',
    'source:\n  name: Báo Bắc Giang',
    'author: null',
    'locality:\n  province: Bắc Giang\n  district: Tân Yên',
    'figures:',
    ...counts.map((n) => `  - value: ${n}\n    unit: hộ\n    text: ${n} hộ`),
    '---',
    '',
    counts.map((n) => `Thôn thứ ${n} có ${n} hộ.`).join(' '),
    '',
  ].join('\n');
}

const ARTICLES: Record<string, string> = {
  '2023/mot-tram-le-mot.mdx': manyFigures(),
  '2019/thuong-son.mdx': REPORT,
  '2026/thuong-son-2026.mdx': report('Thượng Sơn sau sắp xếp', '2026-03-02', '  province: Tuyên Quang\n  commune: Thượng Sơn'),
  '2017/hai-trach.mdx': report('Hải Trạch trước khi nhập xã', '2017-05-04', '  province: Quảng Bình\n  district: Bố Trạch\n  commune: Hải Trạch'),
  '2018/thach-luu.mdx': report('Thạch Lưu trước khi nhập xã', '2018-04-10', '  province: Hà Tĩnh\n  district: Thạch Hà\n  commune: Thạch Lưu'),
  '2017/troi.mdx': report('Thị trấn Trới của huyện Hoành Bồ', '2017-09-01', '  province: Quảng Ninh\n  district: huyện Hoành Bồ\n  commune: thị trấn Trới'),
  '2022/hai-phu.mdx': report('Hải Phú sau khi nhập xã', '2022-05-04', '  province: Quảng Bình\n  district: Bố Trạch\n  commune: Hải Phú'),
  '2021/chau-thanh-tien-giang.mdx': report('Châu Thành bên sông Tiền', '2021-03-01', '  province: Tiền Giang\n  district: Châu Thành'),
  '2021/chau-thanh-an-giang.mdx': report('Châu Thành bên sông Hậu', '2021-03-02', '  province: An Giang\n  district: Châu Thành'),
};

describe('places through time', () => {
  const content = join(TMP, 'places/content');
  const out = join(TMP, 'places/dist');
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
  const titles = async (path: string) => {
    await page.goto(`${server.url}${path}`);
    return page.locator('.article-list h3').allTextContents();
  };

  beforeAll(async () => {
    rmSync(join(TMP, 'places'), { recursive: true, force: true });
    for (const [rel, text] of Object.entries(ARTICLES)) {
      mkdirSync(join(content, rel, '..'), { recursive: true });
      writeFileSync(join(content, rel), text);
    }
    const build = buildFixture(content, out);
    expect(build.status, build.output).toBe(0);
    server = await serveStatic(out);
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('gathers a place’s reports from before and after the reform on its page of today', async () => {
    const found = await titles('/dia-phuong/2025/tuyen-quang/thuong-son/');
    expect(found.map((t) => t.trim()).sort()).toEqual(['Thượng Sơn nâng cao chất lượng sinh hoạt chi bộ', 'Thượng Sơn sau sắp xếp']);
    const history = await page.locator('.place-history').textContent();
    expect(history).toContain('trước đó: xã Thượng Sơn (huyện Vị Xuyên)');
    // The unit of the time has its own page, which says where it is today and links there.
    await page.goto(`${server.url}/dia-phuong/ha-giang/vi-xuyen/thuong-son/`);
    const now = page.locator('.place-history a', { hasText: 'xã Thượng Sơn' });
    expect(await now.getAttribute('href')).toBe('/dia-phuong/2025/tuyen-quang/thuong-son/');
    expect((await titles('/dia-phuong/ha-giang/vi-xuyen/thuong-son/')).map((t) => t.trim())).toEqual(['Thượng Sơn nâng cao chất lượng sinh hoạt chi bộ']);
  });

  it('keeps a commune merged away in 2020 under its own name, and leads to what it became', async () => {
    expect((await titles('/dia-phuong/quang-binh/bo-trach/hai-trach/')).map((t) => t.trim())).toEqual(['Hải Trạch trước khi nhập xã']);
    expect(await page.locator('.place-history').textContent()).toMatch(/1\/2\/2020: nhập vào xã Hải Phú \(Nghị quyết 862\/NQ-UBTVQH14/);
    await page.goto(`${server.url}/dia-phuong/quang-binh/bo-trach/hai-phu/`);
    expect(await page.locator('.place-history').textContent()).toMatch(/1\/2\/2020, nhập vào đây: xã Hải Trạch và xã Phú Trạch/);
    // Both reports are on the page of the commune that holds that land today.
    const today = await page.locator('.place-history a[href^="/dia-phuong/2025/"]').first().getAttribute('href');
    expect((await titles(today!)).map((t) => t.trim()).sort()).toEqual(['Hải Phú sau khi nhập xã', 'Hải Trạch trước khi nhập xã']);
  });

  it('knows communes and districts merged away in 2019–2021 from the legacy tables, spelled as the articles spell them', async () => {
    expect((await titles('/dia-phuong/ha-tinh/thach-ha/thach-luu/')).map((t) => t.trim())).toEqual(['Thạch Lưu trước khi nhập xã']);
    expect(await page.locator('h1').textContent()).toBe('Xã Thạch Lưu');
    const history = await page.locator('.place-history').textContent();
    expect(history).toMatch(/Giữa 1\/1\/2019 và 31\/12\/2020: nhập vào xã Lưu Vĩnh Sơn \(vietnamadminunits/);
    expect(history).toContain('Từ 1/7/2025, thuộc xã Toàn Lưu, tỉnh Hà Tĩnh');
    expect((await titles('/dia-phuong/2025/ha-tinh/toan-luu/')).map((t) => t.trim())).toEqual(['Thạch Lưu trước khi nhập xã']);
    // A district merged whole (Hoành Bồ into Hạ Long): its page, and today's place of its township.
    expect((await titles('/dia-phuong/quang-ninh/hoanh-bo/')).map((t) => t.trim())).toEqual(['Thị trấn Trới của huyện Hoành Bồ']);
    expect(await page.locator('.place-history').textContent()).toMatch(/nhập vào thành phố Hạ Long/);
    const crumbs = [...html('bai/2017/troi').matchAll(/<li data-level="\w+"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(crumbs).toEqual(['Tỉnh Quảng Ninh /dia-phuong/quang-ninh/', 'Huyện Hoành Bồ /dia-phuong/quang-ninh/hoanh-bo/', 'Thị trấn Trới /dia-phuong/quang-ninh/ha-long/troi/']);
  });

  it('shows an article’s place as reported, with breadcrumbs of its time', async () => {
    const crumbs = (path: string) => [...html(path).matchAll(/<li data-level="\w+"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(crumbs('bai/2026/thuong-son-2026')).toEqual(['Tỉnh Tuyên Quang /dia-phuong/2025/tuyen-quang/', 'Xã Thượng Sơn /dia-phuong/2025/tuyen-quang/thuong-son/']);
    expect(crumbs('bai/2019/thuong-son')).toEqual([
      'Tỉnh Hà Giang /dia-phuong/ha-giang/',
      'Huyện Vị Xuyên /dia-phuong/ha-giang/vi-xuyen/',
      'Xã Thượng Sơn /dia-phuong/ha-giang/vi-xuyen/thuong-son/',
    ]);
  });

  it('lists a place’s newest 100 figures and says where the rest are', () => {
    const page = html('dia-phuong/bac-giang/tan-yen');
    const table = page.slice(page.indexOf('Số liệu về'), page.indexOf('</table>', page.indexOf('Số liệu về')));
    expect(table.match(/<tr>/g)?.length).toBe(1 + 100);
    expect(table).toContain('“100 hộ”');
    expect(table).not.toContain('“101 hộ”');
    // The rest: the CSV rows with this district's code.
    const code = /district_code<\/code> = <code>(\d{3})<\/code>/.exec(page)?.[1];
    expect(page).toContain('100 số liệu mới nhất trong 101.');
    const csv = parseCsv(readFileSync(join(out, 'du-lieu/figures.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const column = csv[0]!.indexOf('district_code');
    expect(csv.slice(1).filter((row) => row[column] === code)).toHaveLength(101);
  });

  it('gives researchers the codes of the place as reported and as today', async () => {
    const records = JSON.parse(readFileSync(join(out, 'du-lieu/articles.json'), 'utf8')) as { id: string; locality: Record<string, unknown> }[];
    const byId = Object.fromEntries(records.map((r) => [r.id, r.locality]));
    expect(byId['2019/thuong-son']).toEqual({
      province: 'Hà Giang',
      provinceCode: '02',
      district: 'Vị Xuyên',
      districtCode: '030',
      commune: 'Thượng Sơn',
      communeCode: '00958',
      today: { province: 'Tuyên Quang', provinceCode: '08', commune: 'Thượng Sơn', communeCode: '00958' },
    });
    const [head, ...rows] = parseCsv(readFileSync(join(out, 'du-lieu/figures.csv'), 'utf8').slice(1));
    const col = (name: string) => head!.indexOf(name);
    const of = (id: string) => rows.find((r) => r[col('article_id')] === id)!;
    // Aggregating by today's 34 provinces: Hà Giang's 2019 report counts under Tuyên Quang.
    expect([col('province_code'), col('province_2025_code'), col('commune_2025_code')].map((c) => of('2019/thuong-son')[c])).toEqual(['02', '08', '00958']);
    expect([col('province'), col('district'), col('commune_2025')].map((c) => of('2017/hai-trach')[c])).toEqual(['Quảng Bình', 'Bố Trạch', of('2022/hai-phu')[col('commune_2025')]]);
    // A unit the overlay adds has no GSO code: the cell is empty, never made up.
    expect(of('2017/hai-trach')[col('commune_code')]).toBe('');
  });

  it('says why a search finds nothing: a filter value no article has, or no word at all', async () => {
    const status = async (query: string) => {
      await page.goto(`${server.url}/tim-kiem/?${query}`);
      await page.waitForFunction(() => /^(Tìm thấy|Không tìm thấy|Nhập từ khóa)/.test(document.querySelector('#search-status')?.textContent ?? ''));
      return page.locator('#search-status').textContent();
    };
    expect(await status('q=chi+bo&province=Atlantis')).toBe('Không tìm thấy bài nào cho “chi bo”. Không bài nào có “province: Atlantis”: bỏ bộ lọc này để tìm tiếp.');
    expect(await status('q=%21%21%21')).toBe('Nhập từ khóa hoặc chọn bộ lọc để tìm.');
    expect(await page.locator('#results li').count()).toBe(0);
  });

  it('ships no gazetteer: pages, scripts and the index name only the places they show', () => {
    // Quỳnh Lôi (Hà Nội) and Đặc khu Côn Đảo are in the gazetteer and in no article here.
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|js|json|xml|csv)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text.includes('Quỳnh Lôi') || text.includes('Côn Đảo'), f).toBe(false);
    }
  });

  it('offers facets as reported and as today, namesakes apart and no blank value', async () => {
    await page.goto(`${server.url}/tim-kiem/?q=chi+bo`);
    // The status line is written last, after the results and the filters.
    await page.waitForFunction(() => /^Tìm thấy/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const facet = async (key: string) =>
      (await page.locator(`fieldset[data-filter="${key}"] label`).allTextContents()).map((t) => t.trim().replace(/\s+/g, ' ')).sort();
    expect(await facet('district')).toEqual(['Bố Trạch 2', 'Châu Thành (An Giang) 1', 'Châu Thành (Tiền Giang) 1', 'Hoành Bồ 1', 'Thạch Hà 1', 'Vị Xuyên 1']);
    expect(await facet('province2025')).toEqual(['tỉnh An Giang 1', 'tỉnh Hà Tĩnh 1', 'tỉnh Quảng Ninh 1', 'tỉnh Quảng Trị 2', 'tỉnh Tuyên Quang 2', 'tỉnh Đồng Tháp 1']);
    expect(await facet('commune')).toContain('Thạch Lưu 1');
    expect((await facet('commune2025')).find((t) => t.startsWith('Thượng Sơn'))).toBe('Thượng Sơn 2');
    expect(await facet('province')).toContain('Tuyên Quang (từ 7/2025) 1');
    for (const key of ['province', 'district', 'commune', 'province2025', 'commune2025']) {
      for (const label of await facet(key)) expect(label, key).toMatch(/^\S.* \d+$/);
    }
    // Filtering by today's commune finds both reports about Thượng Sơn.
    await page.locator('fieldset[data-filter="commune2025"] label', { hasText: 'Thượng Sơn' }).locator('input').check();
    await page.waitForURL(/commune2025=/);
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent === 'Tìm thấy 2 bài có “chi bo”.');
    expect((await page.locator('#results h3').allTextContents()).map((t) => t.trim()).sort()).toEqual(['Thượng Sơn nâng cao chất lượng sinh hoạt chi bộ', 'Thượng Sơn sau sắp xếp']);
  });
});
