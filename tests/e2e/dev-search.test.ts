/**
 * Search in the preview server (`npm run dev`): it searches the index the last build made and says
 * when that was; with no index it says so in one sentence with the command that makes one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { outsideVitest } from '../support/build.ts';
import { DIST, ROOT, TMP } from '../support/paths.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Starts `astro dev` on the real articles with `outDir`, and waits until it answers. */
async function devServer(outDir: string): Promise<{ url: string; dev: ChildProcess; log: () => string }> {
  const port = 4900 + Math.floor(Math.random() * 90);
  const dev = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...outsideVitest(), DIACHI_OUT_DIR: outDir, DIACHI_CACHE_DIR: join(TMP, `dev-search/cache-${port}`), NO_COLOR: '1' },
  });
  let log = '';
  dev.stdout!.on('data', (d) => (log += d));
  dev.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/tim-kiem/`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, dev, log: () => log };
}

/**
 * The search status once it says something final, read in the same step as it is awaited: the dev
 * server may reload the page once (Vite optimising a dependency), which empties it for a moment.
 */
async function settledStatus(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const text = document.querySelector('#search-status')?.textContent ?? '';
      return /^(Tìm thấy|Không tìm thấy|Chưa có)/.test(text) ? text : false;
    },
    undefined,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as string;
}

describe('search in npm run dev', () => {
  it('finds the articles in the last build’s index and says when it was made', async () => {
    const { url, dev, log } = await devServer(DIST);
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/tim-kiem/?q=dang+vien`);
      expect(await settledStatus(page), log().slice(-2000)).toMatch(/^Tìm thấy \d+ bài/);
      // Results and the note about the index's age, read together once both are there.
      const shown = await page.waitForFunction(() => {
        const note = document.querySelector<HTMLElement>('#search-note');
        const results = document.querySelectorAll('#results > li').length;
        return note && !note.hidden && results > 0 ? { note: note.textContent, results } : false;
      });
      const { note, results } = (await shown.jsonValue()) as { note: string; results: number };
      expect(results).toBeGreaterThan(0);
      expect(note).toMatch(/^Bản xem thử tìm trong chỉ mục dựng lúc .+ — chạy npm run build -- --local để cập nhật\.$/);
      await page.close();
    } finally {
      dev.kill();
    }
  }, 90_000);

  it('says in one sentence how to make an index when there is none', async () => {
    const empty = join(TMP, 'dev-search/no-build');
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(empty, { recursive: true });
    const { url, dev } = await devServer(empty);
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/tim-kiem/?q=dang+vien`);
      expect(await settledStatus(page)).toBe('Chưa có chỉ mục tìm kiếm: chạy npm run build -- --local (hoặc npm start) để tạo, rồi tải lại trang.');
      await page.close();
    } finally {
      dev.kill();
    }
  }, 90_000);
});
