/**
 * Search benchmark (not a test): plain Pagefind vs our Vietnamese search.
 *  1. Quality: the query table (tests/fixtures/search-queries.ts) on the fixture site, scored
 *     for both engines.
 *  2. Cost, on a deterministic synthetic corpus (default 5,000 articles): index size, indexing
 *     wall/CPU time and peak memory; in Chromium, bytes fetched and ms to the first 10 results
 *     for cold (fresh browser context) and warm queries.
 * Writes bench/results/search-<n>.json and .md.   Usage: npm run bench:search -- [--n 5000] [--runs 3]
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { checkRow, TABLE } from '../../tests/fixtures/search-queries.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/server.ts';
import { parse as parseYaml } from 'yaml';
import { canonicalText } from '../../src/lib/search/vi-search.ts';
import { foldAscii } from '../../src/lib/text/vi-text.ts';
import { generateCorpus } from './corpus.ts';
import { dirSize, measure, type Measurement } from './lib/measure.ts';

const ROOT = join(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = arg('n', 5000);
const RUNS = arg('runs', 3);
/** Queries measured, each with what the reader meant: plain Pagefind is also timed on that. */
const QUERIES: { q: string; meant: string; name?: boolean }[] = [
  { q: 'đảng viên', meant: 'đảng viên' },
  { q: 'dang vien', meant: 'đảng viên' },
  { q: 'Vị Xuyên', meant: 'Vị Xuyên', name: true },
  { q: 'vi xuyen', meant: 'Vị Xuyên', name: true },
  { q: 'dam ha', meant: 'Đầm Hà', name: true },
  { q: 'ha long', meant: 'Hạ Long', name: true },
  { q: 'kỷ luật', meant: 'kỷ luật' },
  { q: '5.500', meant: '5.500' },
];
/** Results checked for the phrase, per query and engine. */
const SAMPLE = 50;
const WARMUP = 'chi bộ';

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function astroBuild(content: string, out: string, index: boolean): Promise<Measurement> {
  return measure(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DIACHI_CONTENT_DIR: content,
      DIACHI_OUT_DIR: out,
      DIACHI_CACHE_DIR: `${out}-cache`,
      DIACHI_SEARCH_INDEX: index ? '1' : '0',
      NO_COLOR: '1',
    },
  });
}

function check(m: Measurement, what: string): Measurement {
  if (m.status !== 0) throw new Error(`${what} failed:\n${m.output.slice(-3000)}`);
  return m;
}

const indexOurs = (dist: string) =>
  // A script file, not `-e`: the index step starts worker threads, which inherit node's flags.
  measure(process.execPath, [join(ROOT, 'scripts/bench/lib/index-ours.ts'), dist], { cwd: ROOT });
const indexPlain = (dist: string) =>
  measure(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', dist, '--output-subdir', 'pagefind-plain', '--force-language', 'vi', '--quiet'], { cwd: ROOT });

async function writeHarness(dist: string) {
  mkdirSync(join(dist, '__bench'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'scripts/bench/lib/harness.ts')],
    bundle: true,
    format: 'esm',
    outfile: join(dist, '__bench/harness.js'),
    logLevel: 'error',
  });
  writeFileSync(join(dist, '__bench/index.html'), '<!doctype html><html lang="vi"><meta charset="utf-8"><script type="module" src="harness.js"></script>');
}

/** Text folded for phrase checks: tones, đ and spelling variants set aside, words spaced. */
const fold = (t: string) => ` ${foldAscii(canonicalText(t)).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;

/** How many of the corpus's articles hold `phrase` (title, place or body), read from the files. */
function articlesWithPhrase(content: string, phrase: string): number {
  const key = fold(phrase);
  let n = 0;
  for (const f of readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.mdx'))) {
    const [, front, body] = readFileSync(join(content, f), 'utf8').split(/^---$/m);
    const data = parseYaml(front!) as { title: string; locality: Record<string, string> };
    if (fold(`${data.title} | ${Object.values(data.locality).join(' | ')} | ${body}`).includes(key)) n++;
  }
  return n;
}

type Mode = 'plain' | 'ours';
const BASE: Record<Mode, string> = { plain: '/pagefind-plain', ours: '/pagefind' };

/** One query in a page: ms to the first results, bytes of index files fetched meanwhile. */
async function timed(browser: Browser, url: string, mode: Mode, query: string, warmFirst: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let counting = false;
  page.on('requestfinished', async (req) => {
    if (!counting || !new URL(req.url()).pathname.startsWith(`${BASE[mode]}/`)) return;
    const sizes = await req.sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await page.goto(`${url}/__bench/`);
  await page.waitForFunction(() => 'bench' in window);
  const run = (q: string) =>
    page.evaluate(([m, q2, base]) => (window as unknown as { bench: { run: (a: string, b: string, c: string) => Promise<{ ms: number; count: number; slugs: string[] }> } }).bench.run(m!, q2!, base!), [mode, q, BASE[mode]]);
  if (warmFirst) await run(new URLSearchParams({ q: WARMUP }).toString());
  counting = true;
  const result = await run(new URLSearchParams({ q: query }).toString());
  await page.waitForTimeout(50);
  await context.close();
  return { ms: result.ms, bytes, count: result.count };
}

async function quality(browser: Browser) {
  const dir = join(ROOT, 'bench/corpus/search-fixture');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'content/articles'), join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/search'), join(dir, 'content'), { recursive: true });
  const dist = join(dir, 'dist');
  check(await astroBuild(join(dir, 'content'), dist, true), 'fixture build');
  check(await indexPlain(dist), 'plain Pagefind on the fixture site');
  await writeHarness(dist);
  const server = await serveStatic(dist);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/__bench/`);
  await page.waitForFunction(() => 'bench' in window);
  const score: Record<Mode, { passed: number; failures: string[] }> = { plain: { passed: 0, failures: [] }, ours: { passed: 0, failures: [] } };
  for (const row of TABLE) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(row.params)) for (const one of [v].flat()) query.append(k, one);
    for (const mode of ['plain', 'ours'] as const) {
      const out = await page.evaluate(
        ([m, q, base]) => (window as unknown as { bench: { run: (a: string, b: string, c: string, d: number) => Promise<{ slugs: string[] }> } }).bench.run(m!, q!, base!, 50),
        [mode, query.toString(), BASE[mode]],
      );
      const failure = checkRow(row, out.slugs);
      if (failure) score[mode].failures.push(`${row.name}: ${failure}`);
      else score[mode].passed++;
    }
  }
  await server.close();
  return { rows: TABLE.length, ...score };
}

async function main() {
  const browser = await launchBrowser();
  console.log(`search bench: quality on the fixture site (${TABLE.length} queries)…`);
  const q = await quality(browser);
  console.log(`  plain Pagefind ${q.plain.passed}/${q.rows}, ours ${q.ours.passed}/${q.rows}`);

  const dir = join(ROOT, `bench/corpus/search-${N}`);
  rmSync(dir, { recursive: true, force: true });
  console.log(`generating ${N} articles…`);
  generateCorpus(N, join(dir, 'content'));
  const dist = join(dir, 'dist');
  console.log('building the site (no index)…');
  const site = check(await astroBuild(join(dir, 'content'), dist, false), 'site build');
  const index: Record<Mode, Measurement[]> = { plain: [], ours: [] };
  for (let r = 0; r < RUNS; r++) {
    console.log(`indexing, run ${r + 1}/${RUNS}…`);
    rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
    rmSync(join(dist, 'pagefind-plain'), { recursive: true, force: true });
    index.ours.push(check(await indexOurs(dist), 'our index'));
    index.plain.push(check(await indexPlain(dist), 'plain index'));
  }
  await writeHarness(dist);
  const server = await serveStatic(dist);
  type Cost = { ms: number; bytes: number };
  const queries: Record<string, { plain: { cold: Cost; warm: Cost; count: number }; meant: { cold: Cost; warm: Cost; count: number }; ours: { cold: Cost; warm: Cost; count: number } }> = {};
  type Timed = Awaited<ReturnType<typeof timed>>;
  const costs = async (mode: Mode, query: string) => {
    const cold: Timed[] = [];
    const warm: Timed[] = [];
    for (let r = 0; r < RUNS; r++) {
      cold.push(await timed(browser, server.url, mode, query, false));
      warm.push(await timed(browser, server.url, mode, query, true));
    }
    const m = (xs: Timed[]): Cost => ({ ms: median(xs.map((c) => c.ms)), bytes: median(xs.map((c) => c.bytes)) });
    return { cold: m(cold), warm: m(warm), count: cold[0]!.count };
  };
  for (const { q: query, meant } of QUERIES) {
    queries[query] = { plain: await costs('plain', query), meant: await costs('plain', meant), ours: await costs('ours', query) };
    console.log(`  ${query}: plain ${queries[query]!.plain.cold.ms.toFixed(0)} ms, plain "${meant}" ${queries[query]!.meant.cold.ms.toFixed(0)} ms, ours ${queries[query]!.ours.cold.ms.toFixed(0)} ms (cold)`);
  }
  // Precision on name queries: the articles that hold the name (from the files), what each engine
  // reports, and the share of its first results that hold the name.
  const precision: Record<string, { truth: number; plain: { count: number; share: number }; ours: { phrase: number; count: number; share: number; phraseShare: number } }> = {};
  const sampler = await (await browser.newContext()).newPage();
  await sampler.goto(`${server.url}/__bench/`);
  await sampler.waitForFunction(() => 'bench' in window);
  type Sampled = { count: number; phraseCount?: number; texts: string[] };
  const sample = (mode: Mode, q: string) =>
    sampler.evaluate(
      ([m, q2, base, n]) => (window as unknown as { bench: { run: (a: string, b: string, c: string, d: number, e: boolean) => Promise<Sampled> } }).bench.run(m!, q2!, base!, Number(n), true),
      [mode, new URLSearchParams({ q }).toString(), BASE[mode], String(SAMPLE)],
    );
  for (const { q: query, meant } of QUERIES.filter((x) => x.name)) {
    const holds = (texts: string[]) => (texts.length ? texts.filter((t) => fold(t).includes(fold(meant))).length / texts.length : 1);
    const plain = await sample('plain', query);
    const ours = await sample('ours', query);
    const phrase = ours.phraseCount ?? ours.count;
    precision[query] = {
      truth: articlesWithPhrase(join(dir, 'content'), meant),
      plain: { count: plain.count, share: holds(plain.texts) },
      ours: { phrase, count: ours.count, share: holds(ours.texts), phraseShare: holds(ours.texts.slice(0, phrase)) },
    };
  }
  await server.close();
  await browser.close();

  // What a search can fetch: word index, fragments, filters, metadata (not Pagefind's unused UI
  // files), over every shard's bundle (the newest at the top, the others in YYYY-MM folders),
  // plus our manifest and vocabulary chunks.
  const bundles = (dir: string) => [dir, ...readdirSync(dir).filter((f) => /^\d{4}-\d{2}$/.test(f)).map((f) => join(dir, f))];
  const searchData = (dir: string) =>
    bundles(dir).reduce(
      (total, b) =>
        total +
        ['index', 'fragment', 'filter'].reduce((sum, sub) => sum + dirSize(join(b, sub)), 0) +
        readdirSync(b).filter((f) => f.endsWith('.pf_meta')).reduce((sum, f) => sum + statSync(join(b, f)).size, 0),
      0,
    ) + dirSize(join(dir, 'diachi-words')) + (existsSync(join(dir, 'diachi.json')) ? statSync(join(dir, 'diachi.json')).size : 0);
  const wordIndex = (dir: string) => bundles(dir).reduce((sum, b) => sum + dirSize(join(b, 'index')), 0);
  const sizes = {
    plain: { total: searchData(join(dist, 'pagefind-plain')), index: wordIndex(join(dist, 'pagefind-plain')) },
    ours: { total: searchData(join(dist, 'pagefind')), index: wordIndex(join(dist, 'pagefind')) },
  };
  const med = (mode: Mode, key: 'wallMs' | 'peakRssBytes') => median(index[mode].map((m) => m[key]));
  const cpu = (mode: Mode) => median(index[mode].map((m) => m.cpuMs));
  const result = {
    date: new Date().toISOString(),
    articles: N,
    runs: RUNS,
    machine: { cpus: (await import('node:os')).cpus().length, memory: (await import('node:os')).totalmem() },
    quality: q,
    siteBuild: { wallMs: site.wallMs, cpuMs: site.cpuMs, peakRssBytes: site.peakRssBytes },
    index: {
      plain: { ...sizes.plain, wallMs: med('plain', 'wallMs'), cpuMs: cpu('plain'), peakRssBytes: med('plain', 'peakRssBytes') },
      ours: { ...sizes.ours, wallMs: med('ours', 'wallMs'), cpuMs: cpu('ours'), peakRssBytes: med('ours', 'peakRssBytes') },
    },
    queries,
    precision,
  };

  const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '–');
  const lines = [
    `# Search benchmark — ${N.toLocaleString('en')} articles (${result.date.slice(0, 10)}, median of ${RUNS})`,
    '',
    `Query table on the fixture site: plain Pagefind **${q.plain.passed}/${q.rows}**, ours **${q.ours.passed}/${q.rows}**.`,
    '',
    '| | plain Pagefind | ours | ours/plain |',
    '|---|---|---|---|',
    `| index, fragments, filters, meta | ${mb(sizes.plain.total)} | ${mb(sizes.ours.total)} | ${ratio(sizes.ours.total, sizes.plain.total)} |`,
    `| word index only | ${mb(sizes.plain.index)} | ${mb(sizes.ours.index)} | ${ratio(sizes.ours.index, sizes.plain.index)} |`,
    `| indexing wall time | ${(result.index.plain.wallMs / 1000).toFixed(1)} s | ${(result.index.ours.wallMs / 1000).toFixed(1)} s | ${ratio(result.index.ours.wallMs, result.index.plain.wallMs)} |`,
    `| indexing CPU time | ${(result.index.plain.cpuMs / 1000).toFixed(1)} s | ${(result.index.ours.cpuMs / 1000).toFixed(1)} s | ${ratio(result.index.ours.cpuMs, result.index.plain.cpuMs)} |`,
    `| indexing peak memory | ${mb(result.index.plain.peakRssBytes)} | ${mb(result.index.ours.peakRssBytes)} | ${ratio(result.index.ours.peakRssBytes, result.index.plain.peakRssBytes)} |`,
    '',
    '`plain` is plain Pagefind on the same string; `meant` is plain Pagefind on what the reader meant',
    '(with tones and đ) — the fair baseline for a query plain Pagefind gets wrong. Times are to the first',
    '10 results with their data (ours: ranked, phrase hits first, with the counts).',
    '',
    '| query | cold bytes: plain / meant / ours | ours ÷ meant | cold ms: plain / meant / ours | ours ÷ meant | warm bytes: meant / ours | warm ms: meant / ours | hits: plain / ours |',
    '|---|---|---|---|---|---|---|---|',
    ...QUERIES.map(({ q: query }) => {
      const r = queries[query]!;
      return `| ${query} | ${kib(r.plain.cold.bytes)} / ${kib(r.meant.cold.bytes)} / ${kib(r.ours.cold.bytes)} | ${ratio(r.ours.cold.bytes, r.meant.cold.bytes)} | ${r.plain.cold.ms.toFixed(0)} / ${r.meant.cold.ms.toFixed(0)} / ${r.ours.cold.ms.toFixed(0)} | ${ratio(r.ours.cold.ms, r.meant.cold.ms)} | ${kib(r.meant.warm.bytes)} / ${kib(r.ours.warm.bytes)} (${ratio(r.ours.warm.bytes, r.meant.warm.bytes)}) | ${r.meant.warm.ms.toFixed(0)} / ${r.ours.warm.ms.toFixed(0)} (${ratio(r.ours.warm.ms, r.meant.warm.ms)}) | ${r.plain.count} / ${r.ours.count} |`;
    }),
    '',
    `Precision on name queries: how many articles hold the name (counted from the files, tones and đ`,
    `set aside), what each engine reports, and the share of its first ${SAMPLE} results that hold it.`,
    '',
    '| query | articles with the name | plain: reported / share holding it | ours: first count (phrase) / share holding it | ours: all results / share of the first 50 |',
    '|---|---|---|---|---|',
    ...Object.entries(precision).map(([query, p]) => `| ${query} | ${p.truth} | ${p.plain.count} / ${(p.plain.share * 100).toFixed(0)}% | ${p.ours.phrase} / ${(p.ours.phraseShare * 100).toFixed(0)}% | ${p.ours.count} / ${(p.ours.share * 100).toFixed(0)}% |`),
    '',
    `Site build for the corpus (without index): ${(site.wallMs / 1000).toFixed(1)} s, peak ${mb(site.peakRssBytes)}.`,
    '',
    'Plain Pagefind failures on the query table:',
    ...q.plain.failures.map((f) => `- ${f}`),
    ...(q.ours.failures.length ? ['', 'Our failures:', ...q.ours.failures.map((f) => `- ${f}`)] : []),
  ];
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, `bench/results/search-${N}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(ROOT, `bench/results/search-${N}.md`), `${lines.join('\n')}\n`);
  console.log(`\n${lines.join('\n')}`);
}

await main();
