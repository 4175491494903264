/**
 * Vietnamese search against the real Pagefind index, in Chromium. The site is the five reports
 * plus fixtures (tests/fixtures/search) that carry distractors — "đơn vị … thường xuyên" for
 * "Vị Xuyên", "dạng/dáng … viên" for "dang vien", "dám … Hà" for "dam ha" — and spelling
 * variants (Hoà/Hòa, kỉ/kỷ, mĩ/mỹ, Thuý/Thúy).
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightKey } from '../../src/lib/vi-search.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildFixture } from '../support/build.ts';
import { CONTENT, ROOT, TMP } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const TS = 'thuong-son-nang-cao';
const HL = 'dang-bo-phuong-ha-lam';
const DH = 'dam-ha-vung-manh';
const BT = 'bao-thang-xay-dung';
const KX = 'kien-xuong-xay-dung';
const HB = 'hoa-binh-siet-chat';
const DV = 'don-vi-vu-trang';
const MT = 'mi-thuat-o-my-duc';
const DD = 'da-dang-hoa-san-pham';
const REPORTS = [TS, HL, DH, BT, KX];

const nfd = (s: string) => s.normalize('NFD');

/** A row: the search (query string after `?`), and what must hold of the result slugs in order. */
interface Row {
  name: string;
  params: Record<string, string | string[]>;
  /** Each slug must appear at this rank or better. */
  ranks?: Record<string, number>;
  /** The results must be exactly these, in this order. */
  exactly?: string[];
  /** The results must be exactly these, in any order. */
  set?: string[];
  /** None of these may appear in the first five. */
  notTop5?: string[];
}

const q = (query: string, extra: Record<string, string | string[]> = {}) => ({ q: query, ...extra });

const TABLE: Row[] = [
  // With and without tones, d for đ, case, NFD
  { name: 'tones', params: q('đảng viên'), notTop5: [DD, DV, MT] },
  { name: 'no tones, d for đ', params: q('dang vien'), notTop5: [DD, DV, MT] },
  { name: 'district with tones', params: q('Đầm Hà'), ranks: { [DH]: 1 } },
  { name: 'district, no tones, d for đ', params: q('dam ha'), ranks: { [DH]: 1 } },
  { name: 'capitalised, no tones', params: q('Dam Ha'), ranks: { [DH]: 1 } },
  { name: 'upper case', params: q('ĐẦM HÀ'), ranks: { [DH]: 1 } },
  { name: 'upper case, no tones', params: q('DAM HA'), ranks: { [DH]: 1 } },
  { name: 'NFD input', params: q(nfd('Đầm Hà')), ranks: { [DH]: 1 } },
  { name: 'lower case', params: q('đầm hà'), ranks: { [DH]: 1 } },
  { name: 'village, no tones, d for đ', params: q('dong van'), ranks: { [KX]: 1 } },
  { name: 'village with tones', params: q('Đồng Vân'), ranks: { [KX]: 1 } },
  { name: 'NFD village', params: q(nfd('Đồng Vân')), ranks: { [KX]: 1 } },
  // Word order: the name's syllables must be adjacent to rank first
  { name: 'Vị Xuyên above "đơn vị … thường xuyên"', params: q('Vị Xuyên'), ranks: { [TS]: 1 } },
  { name: 'vi xuyen above "đơn vị … thường xuyên"', params: q('vi xuyen'), ranks: { [TS]: 1 } },
  { name: 'commune', params: q('Thượng Sơn'), ranks: { [TS]: 1 } },
  { name: 'commune, no tones', params: q('thuong son'), ranks: { [TS]: 1 } },
  { name: 'ward', params: q('Hà Lầm'), ranks: { [HL]: 1 } },
  { name: 'ward, no tones', params: q('ha lam'), ranks: { [HL]: 1 } },
  { name: 'district', params: q('Kiến Xương'), ranks: { [KX]: 1 } },
  { name: 'district, no tones', params: q('kien xuong'), ranks: { [KX]: 1 } },
  { name: 'district prefix', params: q('Kiến X'), ranks: { [KX]: 1 } },
  { name: 'district 2', params: q('Bảo Thắng'), ranks: { [BT]: 1 } },
  { name: 'district 2, no tones', params: q('bao thang'), ranks: { [BT]: 1 } },
  { name: 'province named only in the locality', params: q('Lào Cai'), ranks: { [BT]: 1 } },
  { name: 'province, no tones', params: q('thai binh'), ranks: { [KX]: 1 } },
  { name: 'city', params: q('Hạ Long'), ranks: { [HL]: 1 } },
  { name: 'commune named in the text', params: q('Quảng Tân'), ranks: { [DH]: 1 } },
  // Spelling variants: tone placement and i/y
  { name: 'old-style tone placement', params: q('Hòa Bình'), ranks: { [HB]: 1 } },
  { name: 'new-style tone placement', params: q('Hoà Bình'), ranks: { [HB]: 1 } },
  { name: 'no tones', params: q('hoa binh'), ranks: { [HB]: 1 } },
  { name: 'upper case new style', params: q('HOÀ BÌNH'), ranks: { [HB]: 1 } },
  // "kỉ luật" is in the Hòa Bình fixture; "kỷ luật" in three reports: each spelling finds all four.
  { name: 'kỷ finds kỉ and kỷ', params: q('kỷ luật'), set: [HB, HL, BT, KX] },
  { name: 'kỉ finds kỷ and kỉ', params: q('kỉ luật'), set: [HB, HL, BT, KX] },
  { name: 'ki luat, no tones', params: q('ki luat'), ranks: { [HB]: 3 } },
  { name: 'mỹ finds mĩ', params: q('mỹ thuật'), ranks: { [MT]: 1 } },
  { name: 'mĩ as written', params: q('mĩ thuật'), ranks: { [MT]: 1 } },
  { name: 'Thuý finds Thúy', params: q('Thuý'), ranks: { [HB]: 2, [BT]: 2 } },
  { name: 'Thúy finds Thuý', params: q('Thúy'), ranks: { [HB]: 2, [BT]: 2 } },
  { name: 'a name spelt Sỹ', params: q('Tuấn Sỹ'), ranks: { [KX]: 1 } },
  // Numbers in Vietnamese notation
  { name: 'thousands', params: q('5.500'), ranks: { [BT]: 1 } },
  { name: 'decimal comma', params: q('10,4'), ranks: { [KX]: 1 } },
  { name: 'plain number', params: q('236'), ranks: { [TS]: 1 } },
  { name: 'thousands 2', params: q('1.100'), ranks: { [KX]: 1 } },
  { name: 'number with unit', params: q('430 đảng viên'), ranks: { [HL]: 1 } },
  // Phrases
  { name: 'exact phrase', params: q('"chi bộ khu dân cư"'), set: [DH] },
  { name: 'exact phrase, curly quotes', params: q('“chi bộ khu dân cư”'), set: [DH] },
  { name: 'exact phrase in the wrong order', params: q('"dân cư khu chi bộ"'), set: [] },
  { name: 'd that is really d', params: q('dân cư'), ranks: { [DH]: 2 } },
  { name: 'd that is really d, no tones', params: q('dan cu'), ranks: { [DH]: 2 } },
  { name: 'dám is not Đầm', params: q('dám làm'), ranks: { [DD]: 2 } },
  { name: 'several words, no tones', params: q('sinh hoat chi bo'), ranks: { [TS]: 3 } },
  // Filters, sorting, year range
  { name: 'query and province', params: q('dang vien', { province: 'Quảng Ninh' }), set: [DH, HL] },
  { name: 'province only', params: { province: 'Hà Giang' }, exactly: [TS] },
  { name: 'district only', params: { district: 'Vị Xuyên' }, exactly: [TS] },
  { name: 'two provinces', params: { province: ['Hà Giang', 'Lào Cai'] }, set: [TS, BT] },
  { name: 'source', params: { source: 'Báo Quảng Ninh' }, set: [DH, HL] },
  { name: 'year', params: { year: '2019' }, set: [TS, HL] },
  { name: 'newest first', params: q('chi bộ', { sort: 'newest' }), exactly: [BT, KX, DH, TS, HL] },
  { name: 'oldest first', params: q('chi bộ', { sort: 'oldest' }), exactly: [HL, TS, DH, KX, BT] },
  { name: 'year range', params: { from: '2020', to: '2021' }, set: [HB, DV, MT, DD] },
  { name: 'query and open-ended range', params: q('dang vien', { from: '2023' }), set: [BT, KX] },
  { name: 'range with no articles', params: q('dang vien', { from: '2024' }), set: [] },
];

let server: StaticServer;
let browser: Browser;
let page: Page;

function url(params: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) p.append(k, one);
  return `${server.url}/tim-kiem/?${p}`;
}

async function settled(p: Page) {
  await p.waitForFunction(() => /^(Tìm thấy|Không tìm thấy|Nhập từ khóa)/.test(document.querySelector('#search-status')?.textContent ?? ''));
}

async function resultSlugs(p: Page): Promise<string[]> {
  const paths = await p.locator('#results h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return paths.map((path) => path.split('/').filter(Boolean).at(-1)!);
}

const slugOf = (results: string[], key: string) => results.findIndex((r) => r.startsWith(key));

beforeAll(async () => {
  const dir = join(TMP, 'search');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(CONTENT, join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/search'), join(dir, 'content'), { recursive: true });
  const build = buildFixture(join(dir, 'content'), join(dir, 'dist'));
  expect(build.status, build.output).toBe(0);
  server = await serveStatic(join(dir, 'dist'));
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('query table', () => {
  it.each(TABLE)('$name: $params', async (row) => {
    await page.goto(url(row.params));
    await settled(page);
    const results = await resultSlugs(page);
    for (const [slug, rank] of Object.entries(row.ranks ?? {})) {
      const at = slugOf(results, slug) + 1;
      expect(at, `${slug} in ${results.join(', ')}`).toBeGreaterThan(0);
      expect(at, `${slug} in ${results.join(', ')}`).toBeLessThanOrEqual(rank);
    }
    if (row.exactly) expect(results.map((r) => row.exactly!.find((s) => r.startsWith(s)) ?? r)).toEqual(row.exactly);
    if (row.set) expect(results.map((r) => row.set!.find((s) => r.startsWith(s)) ?? r).sort()).toEqual([...row.set].sort());
    for (const slug of row.notTop5 ?? []) expect(slugOf(results.slice(0, 5), slug), results.join(', ')).toBe(-1);
    if (row.name === 'tones' || row.name === 'no tones, d for đ') {
      expect(results.slice(0, 5).map((r) => REPORTS.find((s) => r.startsWith(s)))).not.toContain(undefined);
    }
  });
});

describe('results', () => {
  it('highlight the matched words in excerpts, also for a query without tones', async () => {
    await page.goto(url(q('dang vien')));
    await settled(page);
    const marks = await page.locator('#results .excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(['đang', 'vien']).toContain(highlightKey(m.replace(/[.,;:]$/, '')));
  });

  it('show each result’s date and locality', async () => {
    await page.goto(url(q('Thượng Sơn')));
    await settled(page);
    expect(await page.locator('#results .meta').first().textContent()).toBe('08/07/2019Thượng Sơn, Vị Xuyên, Hà Giang');
  });

  it('show the article’s own spelling in excerpts, not the index’s', async () => {
    await page.goto(url(q('Tuấn Sỹ')));
    await settled(page);
    const excerpt = await page.locator('#results .excerpt').first().textContent();
    expect(excerpt).toContain('Trần Tuấn Sỹ');
  });

  it('open the article with the searched words highlighted', async () => {
    await page.goto(url(q('dam ha')));
    await settled(page);
    await page.locator('#results h3 a').first().click();
    await page.waitForURL(/\/bai\/2022\/dam-ha/);
    const hits = await page.locator('mark.search-hit').allTextContents();
    expect(hits.length).toBeGreaterThanOrEqual(4);
    expect(new Set(hits.map(highlightKey))).toEqual(new Set(['đam', 'ha']));
  });

  it('count results per filter value', async () => {
    await page.goto(url(q('dang vien')));
    await settled(page);
    const label = page.locator('fieldset[data-filter="province"] label', { hasText: 'Quảng Ninh' });
    expect(await label.locator('.count').textContent()).toBe('2');
    const years = await page.locator('fieldset[data-filter="year"] label').allTextContents();
    expect(years.map((t) => t.trim().replace(/\s+/g, ' '))).toEqual(['2023 2', '2022 1', '2019 2']);
  });
});

describe('state in the URL', () => {
  it('writes every change to the URL and walks back through them', async () => {
    await page.goto(`${server.url}/tim-kiem/`);
    await settled(page);
    await page.fill('#q', 'dam ha');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=dam\+ha/);
    await settled(page);
    const all = await page.locator('#results li').count();
    await page.locator('fieldset[data-filter="province"] label', { hasText: 'Quảng Ninh' }).locator('input').check();
    await page.waitForURL(/province=Qu/);
    await settled(page);
    await page.selectOption('#sort', 'newest');
    await page.waitForURL(/sort=newest/);
    const params = new URL(page.url()).searchParams;
    expect([params.get('q'), params.getAll('province'), params.get('sort')]).toEqual(['dam ha', ['Quảng Ninh'], 'newest']);

    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('sort='));
    await settled(page);
    expect(await page.inputValue('#sort')).toBe('relevance');
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('province='));
    await settled(page);
    expect(await page.locator('fieldset[data-filter="province"] input:checked').count()).toBe(0);
    expect(await page.locator('#results li').count()).toBe(all);
    expect(await page.inputValue('#q')).toBe('dam ha');
    await page.goForward();
    await page.waitForURL(/province=Qu/);
    await settled(page);
    expect(await page.locator('fieldset[data-filter="province"] input:checked').count()).toBe(1);
  });

  it('restores a shared URL exactly', async () => {
    await page.goto(url(q('dang vien', { province: 'Quảng Ninh', sort: 'oldest', from: '2019' })));
    await settled(page);
    expect(await page.inputValue('#q')).toBe('dang vien');
    expect(await page.inputValue('#sort')).toBe('oldest');
    expect(await page.inputValue('#from')).toBe('2019');
    expect(await resultSlugs(page)).toHaveLength(2);
  });
});

describe('accessibility and fallbacks', () => {
  it('labels the input and announces the result count', async () => {
    await page.goto(url(q('dang vien')));
    await settled(page);
    expect(await page.getByLabel('Từ khóa').count()).toBe(1);
    const status = page.getByRole('status');
    expect(await status.textContent()).toBe('Tìm thấy 5 bài cho “dang vien”.');
  });

  it('works from the keyboard alone', async () => {
    await page.goto(`${server.url}/tim-kiem/`);
    await settled(page);
    await page.locator('#q').focus();
    await page.keyboard.type('kien xuong');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=kien\+xuong/);
    await settled(page);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('#results') !== null)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bai\/2023\/kien-xuong/);
  });

  it('searches from the header box of any page', async () => {
    await page.goto(`${server.url}/`);
    await page.fill('#site-q', 'thuong son');
    await page.press('#site-q', 'Enter');
    await page.waitForURL(/\/tim-kiem\/\?q=thuong\+son/);
    await settled(page);
    expect((await resultSlugs(page))[0]).toMatch(/^thuong-son/);
  });

  it('says what to do without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${server.url}/tim-kiem/?q=dang+vien`);
    const notice = p.locator('.notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('cần JavaScript');
    expect(await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('/nam/');
    await context.close();
  });
});
