/**
 * Real builds of fixture corpora: pagination past one page, drafts left out, and a broken
 * article stopping the build with its file:line:field message and no stack trace.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildFixture, buildWithAstroAlone, outsideVitest } from '../support/build.ts';
import { FIGURE_EXPORTS } from '../../src/integrations/derived-files.ts';
import { CONTENT, ROOT, TMP } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { png } from '../support/png.ts';

const REPORT = readFileSync(join(CONTENT, '2019/thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo.mdx'), 'utf8');

/** The Thượng Sơn report under another title and date, so listings have many distinct entries. */
function variant(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  return REPORT.replace(/^title: .*$/m, `title: Bài thử số ${n}`).replace(/^date: .*$/m, `date: 2020-03-${day}T${String(n % 24).padStart(2, '0')}:00`);
}

function write(dir: string, rel: string, text: string) {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

describe('a corpus of 23 articles and 2 drafts', () => {
  const content = join(TMP, 'many/content');
  const out = join(TMP, 'many/dist');
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    rmSync(join(TMP, 'many'), { recursive: true, force: true });
    for (let n = 1; n <= 23; n++) write(content, `2020/bai-thu-${n}.mdx`, variant(n));
    write(content, '2020/bai-thu-5.mdx', variant(5).replace('\nsource:', '\nupdated: 2020-04-02T09:15\nsource:'));
    write(content, '2020/bai-thu-7.mdx', `${variant(7)}\n<Figure src="./anh-hop-chi-bo.png" alt="Cuộc họp chi bộ" credit="Ảnh: An Dương">\nHọp chi bộ thôn.\n</Figure>\n`);
    writeFileSync(join(content, '2020/anh-hop-chi-bo.png'), png(1200, 800));
    write(content, '2020/_nhap.mdx', variant(99).replace('Bài thử số 99', 'Bản nháp Zyzzyva gạch dưới'));
    write(content, '2020/nhap-draft.mdx', variant(98).replace('Bài thử số 98', 'Bản nháp Zyzzyva draft').replace('\nfigures:', '\ndraft: true\nfigures:'));
    const build = buildFixture(content, out);
    expect(build.status, build.output).toBe(0);
    server = await serveStatic(out);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pages the home list 20 at a time and links the pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.locator('.article-list > li').count()).toBe(20);
    const nav = page.getByRole('navigation', { name: 'Phân trang' });
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('1');
    await nav.getByRole('link', { name: 'Trang sau ›' }).click();
    expect(new URL(page.url()).pathname).toBe('/trang/2/');
    expect(await page.locator('.article-list > li').count()).toBe(3);
    await page.getByRole('link', { name: '‹ Trang trước' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('shows the update date of an updated article', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/bai/2020/bai-thu-5/`);
    expect(await page.locator('.byline').textContent()).toContain('Cập nhật: Thứ Năm, 02/04/2020, 09:15');
    await page.goto(`${server.url}/bai/2020/bai-thu-6/`);
    expect(await page.locator('.byline').textContent()).not.toContain('Cập nhật');
    await page.close();
  });

  it('sends an image stored next to its article through Astro’s image pipeline', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/bai/2020/bai-thu-7/`);
    const img = page.locator('.prose figure img');
    const attrs = await img.evaluate((el) => ({
      src: el.getAttribute('src'),
      width: el.getAttribute('width'),
      height: el.getAttribute('height'),
      loading: el.getAttribute('loading'),
      alt: el.getAttribute('alt'),
      natural: (el as HTMLImageElement).naturalWidth,
    }));
    expect(attrs.src).toMatch(/^\/_astro\/anh-hop-chi-bo\.[\w-]+\.webp$/);
    expect([attrs.width, attrs.height, attrs.loading, attrs.alt]).toEqual(['1200', '800', 'lazy', 'Cuộc họp chi bộ']);
    expect(attrs.natural).toBe(1200);
    expect((await page.locator('.prose figcaption').last().textContent())?.replace(/\u00a0/g, ' ')).toBe('Họp chi bộ thôn.Ảnh: An Dương');
    await page.close();
  });

  it('leaves drafts out of search', async () => {
    const page = await browser.newPage();
    // "Zyzzyva" is only in the drafts' titles.
    await page.goto(`${server.url}/tim-kiem/?q=Zyzzyva`);
    await page.waitForFunction(() => /^(Tìm thấy|Không tìm thấy)/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#search-status').textContent()).toBe('Không tìm thấy bài nào cho “Zyzzyva”.');
    await page.goto(`${server.url}/tim-kiem/?q=b%C3%A0i+th%E1%BB%AD+s%E1%BB%91+23`);
    await page.waitForFunction(() => /^(Tìm thấy|Không tìm thấy)/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#results h3').first().textContent()).toBe('Bài thử số 23');
    await page.close();
  });

  it('writes the same citation files and figure exports when Astro builds alone', () => {
    // `npm run build` writes them itself while Pagefind indexes; `astro build` by an integration.
    const alone = join(TMP, 'many/alone');
    for (const folder of [alone, `${alone}-cache`]) rmSync(folder, { recursive: true, force: true });
    const run = buildWithAstroAlone(content, alone);
    expect(run.status, run.output).toBe(0);
    const derived = (dir: string) => [...readdirSync(join(dir, 'trich-dan'), { recursive: true, encoding: 'utf8' }).map((f) => `trich-dan/${f}`), ...FIGURE_EXPORTS].sort();
    const files = derived(out).filter((f) => statSync(join(out, f)).isFile());
    // 23 articles × BibTeX, RIS, CSL-JSON, the citation index and the two exports.
    expect(files).toHaveLength(23 * 3 + 1 + 2);
    expect(derived(alone)).toEqual(derived(out));
    for (const f of files) expect(readFileSync(join(alone, f)), f).toEqual(readFileSync(join(out, f)));
  });

  it('leaves drafts out of every page', async () => {
    expect(existsSync(join(out, 'bai/2020/_nhap'))).toBe(false);
    expect(existsSync(join(out, 'bai/2020/nhap-draft'))).toBe(false);
    const page = await browser.newPage();
    let all = '';
    for (const path of ['/', '/trang/2/', '/nam/2020/']) {
      await page.goto(`${server.url}${path}`);
      all += await page.locator('main').textContent();
    }
    expect(all).toContain('Bài thử số 23');
    expect(all).not.toContain('Bản nháp');
    await page.close();
  });
});

describe('drafts in astro dev', () => {
  it('shows a draft, marked as one, in the preview server', async () => {
    const content = join(TMP, 'dev/content');
    rmSync(join(TMP, 'dev'), { recursive: true, force: true });
    write(content, '2020/_nhap.mdx', variant(1).replace('Bài thử số 1', 'Bản nháp xem thử'));
    write(content, '2020/da-xuat-ban.mdx', variant(2));
    const port = 4500 + Math.floor(Math.random() * 400);
    const dev = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: {
        ...outsideVitest(),
        DIACHI_CONTENT_DIR: content,
        DIACHI_CACHE_DIR: join(TMP, 'dev/cache'),
        NO_COLOR: '1',
      },
    });
    let log = '';
    dev.stdout.on('data', (d) => (log += d));
    dev.stderr.on('data', (d) => (log += d));
    try {
      let html = '';
      // Up to a minute for a cold start on a loaded machine; done as soon as the page answers.
      for (let i = 0; i < 300 && !html.includes('draft-banner'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        html = await fetch(`http://127.0.0.1:${port}/bai/2020/_nhap/`).then((r) => r.text(), () => '');
      }
      expect(html, log.slice(-3000)).toContain('Bản nháp xem thử');
      expect(html).toContain('class="draft-banner"');
      const home = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
      expect(home).toContain('(bản nháp)');
      // The citation files and figure exports a build writes after Astro are served by routes in dev.
      const bib = await fetch(`http://127.0.0.1:${port}/trich-dan/2020/da-xuat-ban.bib`);
      expect([bib.status, bib.headers.get('content-type')]).toEqual([200, 'application/x-bibtex; charset=utf-8']);
      expect(await bib.text()).toContain('Bài thử số 2');
      const rows = (await fetch(`http://127.0.0.1:${port}/du-lieu/figures.json`).then((r) => r.json())) as { article_id: string }[];
      expect(new Set(rows.map((r) => r.article_id))).toEqual(new Set(['2020/_nhap', '2020/da-xuat-ban']));
      const csv = await fetch(`http://127.0.0.1:${port}/du-lieu/figures.csv`).then((r) => r.text());
      expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
    } finally {
      dev.kill();
    }
  });
});

describe('a broken article', () => {
  it('stops the build with file, line, field and a suggestion — no stack trace, no output', () => {
    const content = join(TMP, 'broken/content');
    const out = join(TMP, 'broken/dist');
    rmSync(join(TMP, 'broken'), { recursive: true, force: true });
    write(content, '2019/tot.mdx', REPORT);
    write(content, '2019/hong.mdx', REPORT.replace('district: Vị Xuyên', 'district: Vi Xuyen'));
    const build = buildFixture(content, out);
    expect(build.status).not.toBe(0);
    const line = REPORT.split('\n').findIndex((l) => l.includes('district: Vị Xuyên')) + 1;
    expect(build.output).toContain(
      `${relative(ROOT, join(content, '2019/hong.mdx'))}:${line}:13  locality.district  không có huyện 'Vi Xuyen' ở Hà Giang — có phải 'Vị Xuyên'?`,
    );
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });
});

describe('an archive with no articles yet', () => {
  // Built into a folder whose parent does not exist yet, as a first build may be.
  const out = join(TMP, 'empty/site/dist');
  it('builds, with an empty search index', () => {
    const content = join(TMP, 'empty/content');
    rmSync(join(TMP, 'empty'), { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    const build = buildFixture(content, out);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('indexed 0 articles');
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'pagefind/diachi.json'), 'utf8'))).toMatchObject({ pages: 0, shards: [] });
  });

  it('has a search page that says so instead of waiting forever', async () => {
    const server = await serveStatic(out);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/tim-kiem/?q=dang+vien`);
      await page.waitForFunction(() => document.querySelector('#search-status')?.textContent !== 'Đang tải bộ tìm kiếm…', null, { timeout: 10_000 });
      expect(await page.locator('#search-status').textContent()).toBe('Kho chưa có bài nào để tìm.');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
