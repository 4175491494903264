/**
 * Vietnamese search against the real Pagefind index, in Chromium. The site is the five reports
 * plus fixtures (tests/fixtures/search) that carry distractors — "đơn vị … thường xuyên" for
 * "Vị Xuyên", "dạng/dáng … viên" for "dang vien", "dám … Hà" for "dam ha" — and spelling
 * variants (Hoà/Hòa, kỉ/kỷ, mĩ/mỹ, Thuý/Thúy).
 */
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { canonicalText, highlightKey } from '../../src/lib/search/vi-search.ts';
import { foldAscii } from '../../src/lib/text/vi-text.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildFixture } from '../support/build.ts';
import { CONTENT, ROOT, TMP } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { checkRow, TABLE } from '../fixtures/search-queries.ts';

const query = (q: string) => ({ q });

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
    expect(checkRow(row, await resultSlugs(page))).toBeNull();
  });
});

describe('query table, index in shards', () => {
  // The same site indexed three articles per shard: the browser merges the shards, and
  // date-sorted lists must come out exactly as from one index.
  let sharded: StaticServer;
  let page2: Page;
  beforeAll(async () => {
    const dir = join(TMP, 'search');
    // All three shards at once, each by its own Pagefind process.
    const build = buildFixture(join(dir, 'content'), join(dir, 'dist-shards'), { DIACHI_SHARD_SIZE: '3', DIACHI_INDEX_JOBS: '3' });
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/indexed 9 articles in \d+ ms \(3 shards, 0 reused; .*, 3 at a time\)/);
    sharded = await serveStatic(join(dir, 'dist-shards'));
    page2 = await browser.newPage();
  });
  afterAll(async () => {
    await page2?.close();
    await sharded?.close();
  });

  // Exactly the articles one index finds, for every row. Not the same ranks: each shard scores
  // with its own statistics, far from the whole archive's in three-article shards. A shard that
  // lacks a query word is left out of the search (src/lib/search/search-vocab.ts) — else Pagefind would
  // match a prefix of the word there and add unrelated articles.
  it.each(TABLE)('$name: $params', async (row) => {
    await page.goto(url(row.params));
    await settled(page);
    const one = await resultSlugs(page);
    await page2.goto(url(row.params).replace(server.url, sharded.url));
    await settled(page2);
    expect([...(await resultSlugs(page2))].sort()).toEqual([...one].sort());
  });

  /** Every file under `root`, with its bytes. */
  const files = (root: string) =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(root.length))
      .sort()
      .map((f) => [f, readFileSync(join(root, f)).toString('base64')]);

  /** A copy of the sharded output without its search index, for `buildSearchIndex` to index again. */
  function withoutIndex(name: string): string {
    const dir = join(TMP, 'search');
    const copy = join(dir, name);
    rmSync(copy, { recursive: true, force: true });
    cpSync(join(dir, 'dist-shards'), copy, { recursive: true, filter: (src) => !src.startsWith(join(dir, 'dist-shards', 'pagefind')) });
    return copy;
  }

  it('indexes the shards one at a time into exactly the files it writes indexing them all at once', async () => {
    const dir = join(TMP, 'search');
    const serial = withoutIndex('dist-serial');
    const stats = await buildSearchIndex(serial, { shardSize: 3, jobs: 1 });
    expect([stats.shards, stats.reused, stats.jobs]).toEqual([3, 0, 1]);
    const parallel = files(join(dir, 'dist-shards', 'pagefind'));
    expect(parallel.filter(([f]) => f!.endsWith('.pf_meta'))).toHaveLength(3);
    expect(files(join(serial, 'pagefind'))).toEqual(parallel);
  });

  it('fails with the reason when one of the shards indexed at once fails, after every shard has settled', async () => {
    const dir = join(TMP, 'search');
    const broken = withoutIndex('dist-broken');
    const copies = join(dir, 'copies-broken');
    rmSync(copies, { recursive: true, force: true });
    await buildSearchIndex(broken, { shardSize: 3, jobs: 1, copies });
    // A kept copy lost behind the build's back while its month's record stays: that shard comes out one article short.
    const lost = readdirSync(copies, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('index.html'))!;
    rmSync(join(copies, lost));
    rmSync(join(broken, 'pagefind'), { recursive: true });
    await expect(buildSearchIndex(broken, { shardSize: 3, jobs: 3, copies })).rejects.toThrow(/^Pagefind indexed 2 of 3 articles$/);
  });

  it('re-indexes only the shard whose article changed, and finds the change', async () => {
    const dir = join(TMP, 'search');
    const out = join(dir, 'dist-shards');
    const bundle = (shard: string) => {
      const root = join(out, 'pagefind', shard);
      return readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.pf_fragment') || f.endsWith('.pf_index') || f.endsWith('.pf_meta'))
        .sort()
        .map((f) => [f, readFileSync(join(root, f)).toString('base64')]);
    };
    const oldest = bundle('2019-01');
    // Bảo Thắng (2023) is in the newest shard.
    appendFileSync(join(dir, 'content/2023/bao-thang-xay-dung-to-chuc-dang-vung-manh-tu-goc.mdx'), '\nBà con xóm Lũng Phìn góp công làm đường.\n');
    const build = buildFixture(join(dir, 'content'), out, { DIACHI_SHARD_SIZE: '3' });
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/indexed 9 articles in \d+ ms \(3 shards, 2 reused;/);
    expect(bundle('2019-01')).toEqual(oldest);
    // And the index is exactly the one indexed afresh: no file of the old version left, none missing.
    const fresh = withoutIndex('dist-fresh');
    await buildSearchIndex(fresh, { shardSize: 3 });
    expect(files(join(out, 'pagefind'))).toEqual(files(join(fresh, 'pagefind')));
    await page2.goto(`${sharded.url}/tim-kiem/?q=lung+phin`);
    await settled(page2);
    // Only it: the shards without "lũng phìn" are not searched, so no prefix of the words matches there.
    expect(await resultSlugs(page2)).toEqual(['bao-thang-xay-dung-to-chuc-dang-vung-manh-tu-goc']);
  });

  it.each(['newest', 'oldest'])('lists every article %s first, as one index does', async (sort) => {
    const params = { sort, from: '1900' };
    await page.goto(url(params));
    await settled(page);
    const one = await resultSlugs(page);
    await page2.goto(url(params).replace(server.url, sharded.url));
    await settled(page2);
    expect(one).toHaveLength(9);
    expect(await resultSlugs(page2)).toEqual(one);
  });
});

/**
 * The articles of the test site whose title, place or text holds `phrase`, tones and đ set aside
 * (and kỉ/kỷ-style spellings, one word for the archive).
 */
function articlesWithPhrase(phrase: string, apart = false): number {
  const fold = (t: string) => ` ${foldAscii(canonicalText(t)).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  const files = [CONTENT, join(ROOT, 'tests/fixtures/search')].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).map((f) => readFileSync(join(dir, f), 'utf8')),
  );
  const texts = files.map((f) => {
    const [, front, body] = f.split(/^---$/m);
    const data = parseYaml(front!) as { title: string; locality: Record<string, string> };
    const place = Object.values(data.locality).join(' | ');
    return `${data.title} | ${place} | ${body!.replace(/<[^>]+>/g, ' ')}`;
  });
  // Apart: each word of the phrase somewhere, as a whole word.
  const holds = (t: string) => (apart ? fold(phrase).trim().split(' ').every((w) => fold(t).includes(` ${w} `)) : fold(t).includes(fold(phrase)));
  return texts.filter(holds).length;
}

describe('phrase first', () => {
  // Tone-free queries of several syllables from the query table: place names, mostly.
  const queries = [...new Set(TABLE.map((r) => r.params.q).filter((q): q is string => typeof q === 'string' && q.split(' ').length > 1 && foldAscii(q) === q && !/["“]/.test(q)))];

  it.each(queries)('counts first the articles holding “%s” as a phrase', async (q) => {
    await page.goto(url({ q }));
    await settled(page);
    const status = (await page.locator('#search-status').textContent())!;
    const phrase = articlesWithPhrase(q);
    if (phrase > 0) expect(status).toMatch(new RegExp(`^Tìm thấy ${phrase} bài có “${q}”`));
    else expect(status).toMatch(/^(Tìm thấy \d+ bài có đủ các từ|Không tìm thấy)/);
    // Every result holds each word whole, in some tone: a word that only begins with one ("vịnh"
    // for "vị") finds nothing.
    const total = [...status.matchAll(/(\d+) bài/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(total).toBeLessThanOrEqual(articlesWithPhrase(q, true));
    // Every marked word is a whole word of the query, in some tone (d and đ alike): no prefixes.
    const syllables = q.split(' ').map((w) => highlightKey(w).replace(/^đ/, 'd'));
    for (const mark of await page.locator('#results .excerpt mark').allTextContents()) expect(syllables).toContain(highlightKey(mark).replace(/^đ/, 'd'));
    // The words-apart results, if any, follow under their own heading.
    const heading = page.locator('#results .result-group');
    if (phrase > 0 && (await heading.count())) expect(await page.locator('#results > li').nth(phrase).locator('.result-group').count()).toBe(1);
  });
});

describe('results', () => {
  it('highlight the matched words in excerpts, also for a query without tones', async () => {
    await page.goto(url(query('dang vien')));
    await settled(page);
    const marks = await page.locator('#results .excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(['đang', 'vien']).toContain(highlightKey(m.replace(/[.,;:]$/, '')));
  });

  it('show the start of the article when only its title matched, not its end and the title again', async () => {
    // "siết chặt" is in this article's title only.
    const file = readFileSync(join(ROOT, 'tests/fixtures/search/2021/hoa-binh-siet-chat-ki-luat.mdx'), 'utf8');
    expect(file.split(/^---$/m)[2]).not.toMatch(/siết chặt/i);
    const lead = file.split(/^---$/m)[2]!.trim().split(/\s+/).slice(0, 24).join(' ');
    await page.goto(url(query('siết chặt')));
    await settled(page);
    expect(await resultSlugs(page)).toEqual(['hoa-binh-siet-chat-ki-luat']);
    const excerpt = page.locator('#results .excerpt').first();
    // In the page's own spelling where it is consistent: this page has Hoà in its text, Hòa in its place names.
    expect(canonicalText((await excerpt.textContent())!.replace(/ …$/, ''))).toBe(canonicalText(lead));
    expect(await excerpt.locator('mark').count()).toBe(0);
    // A query matched in the body: the excerpt is around the match.
    await page.goto(url(query('Mai Châu')));
    await settled(page);
    expect(await page.locator('#results .excerpt mark').allTextContents()).toEqual(['Mai', 'Châu']);
  });

  it('show each result’s date and locality', async () => {
    await page.goto(url(query('Thượng Sơn')));
    await settled(page);
    expect(await page.locator('#results .meta').first().textContent()).toBe('08/07/2019Thượng Sơn, Vị Xuyên, Hà Giang');
  });

  it('show the article’s own spelling in excerpts, not the index’s', async () => {
    await page.goto(url(query('Tuấn Sỹ')));
    await settled(page);
    const excerpt = await page.locator('#results .excerpt').first().textContent();
    expect(excerpt).toContain('Trần Tuấn Sỹ');
  });

  it('open the article with the searched words highlighted', async () => {
    await page.goto(url(query('dam ha')));
    await settled(page);
    await page.locator('#results h3 a').first().click();
    await page.waitForURL(/\/bai\/2022\/dam-ha/);
    const hits = await page.locator('mark.search-hit').allTextContents();
    expect(hits.length).toBeGreaterThanOrEqual(4);
    expect(new Set(hits.map(highlightKey))).toEqual(new Set(['đam', 'ha']));
  });

  it('mark on the article page whole words only, never the start of a longer one', async () => {
    // "b" is no word of the article: before, it marked "bộ", "bản", … as a prefix.
    await page.goto(`${server.url}/bai/2022/dam-ha-vung-manh-tu-chi-bo-thon-khu/?danh-dau=chi+b`);
    await page.waitForSelector('mark.search-hit');
    const hits = await page.locator('mark.search-hit').allTextContents();
    expect(new Set(hits.map(highlightKey))).toEqual(new Set(['chi']));
  });

  it('count results per filter value', async () => {
    await page.goto(url(query('dang vien')));
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
    await page.goto(url({ q: 'dang vien', province: 'Quảng Ninh', sort: 'oldest', from: '2019' }));
    await settled(page);
    expect(await page.inputValue('#q')).toBe('dang vien');
    expect(await page.inputValue('#sort')).toBe('oldest');
    expect(await page.inputValue('#from')).toBe('2019');
    expect(await resultSlugs(page)).toHaveLength(2);
  });
});

describe('filters', () => {
  it.each([360, 768, 1100, 1440])('fit their legends in their boxes at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url(query('chi bo')));
    await settled(page);
    const boxes = await page.locator('.facets fieldset:not([hidden])').evaluateAll((sets) =>
      sets.map((f) => {
        const box = f.getBoundingClientRect();
        const legend = f.querySelector('legend')!.getBoundingClientRect();
        const list = f.querySelector('ul')!.getBoundingClientRect();
        return { name: f.querySelector('legend')!.textContent, inside: legend.left >= box.left && legend.right <= box.right, above: legend.bottom <= list.top + 1 };
      }),
    );
    expect(boxes.length).toBeGreaterThan(3);
    for (const b of boxes) expect(b, `${b.name} at ${width}px`).toMatchObject({ inside: true, above: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});

describe('accessibility and fallbacks', () => {
  it('labels the input and announces the result count', async () => {
    await page.goto(url(query('dang vien')));
    await settled(page);
    expect(await page.getByLabel('Từ khóa').count()).toBe(1);
    const status = page.getByRole('status');
    expect(await status.textContent()).toMatch(/^Tìm thấy \d+ bài có “dang vien”/);
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
    expect(await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/dia-phuong/', '/nam/', '/']);
    await context.close();
  });
});
