/**
 * Quality gates on a real build of the five reports plus fixtures (search distractors and a
 * hostile article): valid HTML, no broken links, accessibility in light and dark, a strict
 * Content-Security-Policy with nothing violating it, hostile content shown as text, and builds
 * that are deterministic and atomic.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../src/consts.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildFixture } from '../support/build.ts';
import { treeDigest } from '../support/tree.ts';
import { CONTENT, ROOT, TMP } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const require = createRequire(import.meta.url);
const dir = join(TMP, 'quality');
const content = join(dir, 'content');
const dist = join(dir, 'dist');
const HOSTILE = '/bai/2021/bai-thu-doc-hai/';

/** One page of each type. */
const PAGES = [
  '/',
  '/bai/2023/kien-xuong-xay-dung-to-chuc-dang-vung-manh-tu-co-so/',
  HOSTILE,
  '/nam/',
  '/nam/2019/',
  '/dia-phuong/',
  '/dia-phuong/quang-ninh/',
  '/dia-phuong/quang-ninh/ha-long/',
  '/dia-phuong/quang-ninh/ha-long/ha-lam/',
  '/dia-phuong/2025/hung-yen/',
  '/du-lieu/',
  '/tim-kiem/?q=dang+vien',
  '/trang-khong-co/',
];

let server: StaticServer;
let browser: Browser;

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(root, f))
    .sort();
}

/** A phone-sized page that records every dialog and console error: hostile content must cause none. */
async function watchedPage(): Promise<{ page: Page; events: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const events: string[] = [];
  page.on('dialog', (d) => events.push(`dialog ${d.message()}`));
  page.on('console', (m) => m.type() === 'error' && events.push(m.text()));
  return { page, events };
}

/** What must hold of a hostile article's page: its markup shown as text, nothing run, nothing overflowing. */
async function expectInert(page: Page, events: string[], shown: string[]) {
  const body = (await page.locator('.prose').textContent())!.replace(/[“”]/g, '"');
  for (const text of shown) expect(body).toContain(text);
  expect(await page.locator('.prose script, .prose img, .prose iframe, .prose a[href^="javascript"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(events).toEqual([]);
}

async function open(page: Page, path: string) {
  await page.goto(`${server.url}${path}`);
  if (path.startsWith('/tim-kiem/')) {
    await page.waitForFunction(() => /^(Tìm thấy|Không tìm thấy)/.test(document.querySelector('#search-status')?.textContent ?? ''));
  }
}

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  for (const from of [CONTENT, join(ROOT, 'tests/fixtures/search'), join(ROOT, 'tests/fixtures/hostile')]) cpSync(from, content, { recursive: true });
  // A hostile raw report goes through the real importer into the site.
  const imported = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), '--out', content, join(ROOT, 'tests/fixtures/hostile-raw')], { cwd: ROOT, encoding: 'utf8' });
  expect(imported.status, imported.stdout + imported.stderr).toBe(0);
  const build = buildFixture(content, dist);
  expect(build.status, build.output).toBe(0);
  server = await serveStatic(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('valid HTML', () => {
  it('every built page passes the W3C Nu validator with zero errors', () => {
    const jar = join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(40);
    const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const messages = (JSON.parse(r.stderr || '{"messages":[]}') as { messages: { url: string; lastLine?: number; message: string }[] }).messages;
    expect(messages.map((m) => `${relative(dist, m.url.replace('file:', ''))}:${m.lastLine ?? 0}  ${m.message}`)).toEqual([]);
  });
});

describe('links', () => {
  it('every internal link, anchor and asset in the built site resolves', () => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
      return ids.get(file)!;
    };
    const target = (path: string) => {
      const file = join(dist, decodeURIComponent(path));
      if (existsSync(file) && statSync(file).isDirectory()) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
      return existsSync(file) ? file : null;
    };
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      const page = `/${relative(dist, dirname(file))}/`.replace(/\/+/g, '/');
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const raw = m[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|data:|javascript:)/.test(raw) || raw === '') continue;
        const url = new URL(raw, `http://site${page}`);
        if (url.host !== 'site' && !/^https?:\/\/localhost/.test(raw)) continue;
        const hit = target(url.pathname);
        if (!hit) broken.push(`${relative(dist, file)} → ${raw}`);
        else if (url.hash && hit.endsWith('.html') && !idsOf(hit).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${relative(dist, file)} → ${raw} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)('axe finds no serious or critical violation on any page type (%s)', async (colorScheme) => {
    // axe is injected as a script: only this audit context bypasses the site's CSP.
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of PAGES) {
      await open(page, path);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const result = (await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as {
        violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
      };
      for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        found.push(`${path} ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
    }
    await context.close();
    expect(found).toEqual([]);
  });

  it('shows where the keyboard focus is', async () => {
    const page = await browser.newPage();
    await open(page, '/');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return `${s.outlineStyle} ${s.outlineWidth}`;
      });
      expect(outline).not.toMatch(/^none|\s0px$/);
    }
    await page.close();
  });
});

describe('safe content', () => {
  it('sends a Content-Security-Policy that allows only the site’s own scripts and Pagefind’s WebAssembly', async () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    for (const file of htmlFiles(dist)) {
      // Attribute values may hold any text ("<script>" in a hostile og:title is inert): look at markup only.
      const page = readFileSync(file, 'utf8').replace(/="[^"]*"/g, '=""');
      expect([...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1]!) || m[2]!.trim()), relative(dist, file)).toEqual([]);
      expect(page, relative(dist, file)).not.toMatch(/\sstyle="|\son[a-z]+="/);
    }
    // The hosts that read header files from the site's root get them: Netlify/Cloudflare and Apache.
    for (const file of ['_headers', '.htaccess']) expect(readFileSync(join(dist, file), 'utf8'), file).toContain(`${CSP}; frame-ancestors 'none'`);
  });

  it('breaks no page under that policy: no violation, no console error, search works', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    for (const path of PAGES.filter((p) => p !== '/trang-khong-co/')) await open(page, path);
    expect(await page.locator('#results li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a hostile article as text: nothing runs, nothing breaks the layout', async () => {
    const { page, events } = await watchedPage();
    await open(page, HOSTILE);
    await open(page, `${HOSTILE}?danh-dau=Xylokhach`);
    expect(await page.locator('h1').textContent()).toBe('Bài thử <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> Xylokhach');
    await expectInert(page, events, ['<script>window.__pwned=5</script>', '{window.__pwned=7}']);
    await page.close();
  });

  it('wraps a long unbroken search term on a phone instead of widening the page', async () => {
    const { page, events } = await watchedPage();
    await open(page, `/tim-kiem/?q=${'Xylokhach'.repeat(40)}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(events).toEqual([]);
    await page.close();
  });

  it('shows a hostile report that came through the importer as text', async () => {
    const { page, events } = await watchedPage();
    await open(page, '/tim-kiem/?q=Zephyrkhach');
    await page.locator('#results h3 a').first().click();
    await page.waitForURL(/\/bai\/2021\//);
    expect(await page.locator('h1').textContent()).toBe('Bắc Ninh: Bài nhập <script>window.__pwned=11</script> Zephyrkhach');
    await expectInert(page, events, ['<img src=x onerror="window.__pwned=12">', '{window.__pwned=13}']);
    await page.close();
  });

  it('escapes titles and excerpts in search results', async () => {
    const page = await browser.newPage();
    const events: string[] = [];
    page.on('dialog', (d) => events.push(`dialog ${d.message()}`));
    await open(page, '/tim-kiem/?q=Xylokhach');
    expect(await page.locator('#results h3').first().textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await page.locator('#results script, #results img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(events).toEqual([]);
    await page.close();
  });
});

describe('robust build', () => {

  it('builds the same content to byte-identical output twice', () => {
    const again = join(dir, 'dist-again');
    rmSync(`${again}-cache`, { recursive: true, force: true });
    const build = buildFixture(content, again);
    expect(build.status, build.output).toBe(0);
    const a = treeDigest(dist);
    const b = treeDigest(again);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect(Object.keys(a).filter((f) => a[f] !== b[f])).toEqual([]);
  });

  it('leaves the previous output whole when a build fails', () => {
    const out = join(dir, 'dist-atomic');
    const good = buildFixture(content, out);
    expect(good.status, good.output).toBe(0);
    const before = treeDigest(out);
    const broken = join(dir, 'broken-content');
    cpSync(content, broken, { recursive: true });
    writeFileSync(join(broken, '2021/hong.mdx'), readFileSync(join(content, '2021/bai-thu-doc-hai.mdx'), 'utf8').replace('province: Bắc Ninh', 'province: Bac Ninh'));
    const bad = buildFixture(broken, out);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/hong\.mdx:\d+:\d+ {2}locality\.province {2}không có tỉnh 'Bac Ninh' — có phải 'Bắc Ninh'\?/);
    expect(treeDigest(out)).toEqual(before);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('replaces the output on a successful rebuild and deletes the old one (in the background)', async () => {
    const out = join(dir, 'dist-atomic');
    // What a deletion stopped by the machine leaves (removed), and a folder that only looks alike (kept).
    mkdirSync(join(`${out}.old-4242-1700000000000`, 'bai'), { recursive: true });
    mkdirSync(`${out}.old-notes`, { recursive: true });
    // One a running process is deleting (this one stands in for it): left to it.
    const busy = `${out}.old-4343-1700000000000`;
    mkdirSync(busy, { recursive: true });
    writeFileSync(`${busy}.pid`, String(process.pid));
    // Unchanged content would be a quick "nothing changed" (tests/e2e/quick-rebuild.test.ts).
    const rebuilt = buildFixture(content, out, { DIACHI_QUICK: '0' });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const leftovers = () => readdirSync(dir).filter((name) => name.startsWith('dist-atomic.') && !['dist-atomic.old-notes', basename(busy), `${basename(busy)}.pid`].includes(name));
    // Deletion runs after the build has returned: wait for it rather than time it.
    for (let i = 0; i < 200 && leftovers().length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(leftovers()).toEqual([]);
    expect(existsSync(`${out}.old-notes`)).toBe(true);
    expect(existsSync(busy)).toBe(true);
    rmSync(`${out}.old-notes`, { recursive: true });
    rmSync(busy, { recursive: true });
    rmSync(`${busy}.pid`);
  });

  /** `npm run build`'s script into `out`, as a process of its own; its exit code and output. */
  const startBuild = (out: string) =>
    new Promise<{ status: number | null; output: string }>((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--local'], {
        cwd: ROOT,
        env: { ...process.env, DIACHI_CONTENT_DIR: content, DIACHI_OUT_DIR: out, DIACHI_CACHE_DIR: `${out}-cache`, DIACHI_QUICK: '0', NO_COLOR: '1' },
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (status) => done({ status, output }));
    });

  it('builds one at a time: a second build started 0.3 s after the first waits, and the output is whole', async () => {
    const out = join(dir, 'dist-twice');
    const whole = treeDigest(dist);
    for (let round = 0; round < 3; round++) {
      const first = startBuild(out);
      await new Promise((r) => setTimeout(r, 300));
      const second = startBuild(out);
      const [a, b] = await Promise.all([first, second]);
      expect(a.status, a.output).toBe(0);
      expect(b.status, b.output).toBe(0);
      expect(b.output).toMatch(/\[build\] waiting for the build already running \(process \d+\)/);
      expect(treeDigest(out)).toEqual(whole);
      expect(existsSync(`${out}.lock`)).toBe(false);
    }
  });

  it('takes over the lock of a build that was killed', () => {
    const out = join(dir, 'dist-twice');
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(`${out}.lock`, gone.stdout.trim());
    const build = buildFixture(content, out, { DIACHI_QUICK: '0' });
    expect(build.status, build.output).toBe(0);
    expect(build.output).not.toContain('waiting for the build');
    expect(existsSync(`${out}.lock`)).toBe(false);
  });
});
