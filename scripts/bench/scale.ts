/**
 * Scale benchmark (not a test): for each corpus size, builds the real site and search index
 * (`scripts/build.ts`, as `npm run build` does), rebuilds after editing one article, and builds
 * the same corpus with Hugo (templates in scripts/bench/hugo/) plus the Pagefind CLI. Reports wall
 * and CPU time and peak memory of each, output and index size, article page size and client JS,
 * ms per article, and ours ÷ Hugo. Writes bench/results/scale.{json,md}.
 * Usage: npm run bench -- [--n 1000,5000,10000] [--keep]
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { generateCorpus } from './corpus.ts';
import { dirSize, measure, type Measurement } from './lib/measure.ts';

const ROOT = join(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const nArg = args.includes('--n') ? args[args.indexOf('--n') + 1]! : '1000,5000,10000';
const SIZES = nArg.split(',').map(Number);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function ok(m: Measurement, what: string): Measurement {
  if (m.status !== 0) throw new Error(`${what} failed:\n${m.output.slice(-4000)}`);
  return m;
}

/** The corpus as a Hugo site: same text, frontmatter dates made RFC 3339. */
function hugoSite(content: string, site: string) {
  rmSync(site, { recursive: true, force: true });
  cpSync(join(ROOT, 'scripts/bench/hugo'), site, { recursive: true });
  for (const rel of readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'))) {
    const raw = readFileSync(join(content, rel), 'utf8');
    const [, fm, ...rest] = raw.split(/^---$/m);
    const data = parse(fm!) as { date: string };
    const date = data.date.length === 10 ? `${data.date}T00:00:00+07:00` : `${data.date}:00+07:00`;
    const out = join(site, 'content/bai', rel.replace(/\.mdx$/, '.md'));
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, `---\n${stringify({ ...data, date }, { lineWidth: 0 })}---\n${rest.join('---')}`);
  }
}

function articlePages(dist: string): string[] {
  return readdirSync(join(dist, 'bai'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => join(dist, 'bai', f));
}

interface Row {
  n: number;
  ours: { wallMs: number; cpuMs: number | null; peak: number; indexMs: number; rebuildMs: number; rebuildPeak: number; outBytes: number; indexBytes: number; pageMedian: number; pageMax: number; pageJs: number };
  hugo: { buildMs: number; buildPeak: number; pagefindMs: number; pagefindPeak: number; outBytes: number; indexBytes: number };
}

async function run(n: number): Promise<Row> {
  const dir = join(ROOT, `bench/corpus/scale-${n}`);
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  rmSync(dir, { recursive: true, force: true });
  console.log(`\n${n} articles: generating…`);
  generateCorpus(n, content);
  const env = { ...process.env, DIACHI_CONTENT_DIR: content, DIACHI_OUT_DIR: dist, DIACHI_CACHE_DIR: `${dist}-cache`, NO_COLOR: '1' };
  console.log('  our full build (site + index)…');
  const full = ok(await measure(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env }), 'our build');
  const indexMs = Number(/indexed \d+ articles in (\d+) ms/.exec(full.output)?.[1] ?? 0);
  const pages = articlePages(dist).map((f) => statSync(f).size).sort((a, b) => a - b);
  const sample = readFileSync(articlePages(dist)[0]!, 'utf8');
  const pageJs = [...sample.matchAll(/<script[^>]+src="([^"]+)"/g)].reduce((sum, m) => sum + statSync(join(dist, m[1]!)).size, 0)
    + [...new Set([...sample.matchAll(/<script[^>]+src="([^"]+)"/g)].flatMap((m) => [...readFileSync(join(dist, m[1]!), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map((x) => x[1]!)))].reduce((sum, f) => sum + statSync(join(dist, '_astro', f)).size, 0);
  console.log('  rebuild after editing one article…');
  const first = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort()[0]!;
  appendFileSync(join(content, first), '\nĐoạn thêm khi biên tập lại.\n');
  const rebuild = ok(await measure(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, env }), 'our rebuild');
  console.log('  Hugo + Pagefind…');
  const site = join(dir, 'hugo');
  hugoSite(content, site);
  const hugo = ok(await measure('hugo', ['--quiet', '-s', site, '-d', join(site, 'public')], { cwd: site }), 'hugo');
  const pf = ok(await measure(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', join(site, 'public'), '--force-language', 'vi', '--quiet'], { cwd: site }), 'pagefind');
  const row: Row = {
    n,
    ours: {
      wallMs: full.wallMs,
      cpuMs: full.cpuMs,
      peak: full.peakRssBytes,
      indexMs,
      rebuildMs: rebuild.wallMs,
      rebuildPeak: rebuild.peakRssBytes,
      outBytes: dirSize(dist),
      indexBytes: dirSize(join(dist, 'pagefind')),
      pageMedian: pages[Math.floor(pages.length / 2)]!,
      pageMax: pages.at(-1)!,
      pageJs,
    },
    hugo: { buildMs: hugo.wallMs, buildPeak: hugo.peakRssBytes, pagefindMs: pf.wallMs, pagefindPeak: pf.peakRssBytes, outBytes: dirSize(join(site, 'public')), indexBytes: dirSize(join(site, 'public/pagefind')) },
  };
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  console.log(`  ours ${s(row.ours.wallMs)} (${mb(row.ours.peak)}), rebuild ${s(row.ours.rebuildMs)}; Hugo+Pagefind ${s(row.hugo.buildMs + row.hugo.pagefindMs)}`);
  return row;
}

const rows: Row[] = [];
for (const n of SIZES) rows.push(await run(n));
const lines = [
  `# Scale benchmark (${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, ${mb(totalmem())})`,
  '',
  'Ours = `node scripts/build.ts` (Astro site + Pagefind index via its Node API, as `npm run build`), cold cache.',
  'Rebuild = the same after appending a paragraph to one article (warm cache). Hugo = Debian Hugo with',
  'equivalent templates (scripts/bench/hugo) + the Pagefind CLI over its output. Peak = whole process tree.',
  '',
  '| articles | ours: full build | of which index | peak memory | ms/article | rebuild after one edit | Hugo build | Pagefind on Hugo | Hugo + Pagefind | ours ÷ (Hugo + Pagefind) | article page (median / max) | JS on article page |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const h = r.hugo.buildMs + r.hugo.pagefindMs;
    return `| ${r.n.toLocaleString('en')} | ${s(r.ours.wallMs)} (CPU ${s(r.ours.cpuMs ?? 0)}) | ${s(r.ours.indexMs)} | ${mb(r.ours.peak)} | ${(r.ours.wallMs / r.n).toFixed(1)} | ${s(r.ours.rebuildMs)} (${mb(r.ours.rebuildPeak)}) | ${s(r.hugo.buildMs)} (${mb(r.hugo.buildPeak)}) | ${s(r.hugo.pagefindMs)} (${mb(r.hugo.pagefindPeak)}) | ${s(h)} | ${(r.ours.wallMs / h).toFixed(2)} | ${(r.ours.pageMedian / 1024).toFixed(1)} / ${(r.ours.pageMax / 1024).toFixed(1)} KB | ${(r.ours.pageJs / 1024).toFixed(1)} KB |`;
  }),
  '',
  '| articles | our output | our index | Hugo output | Hugo index |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.n.toLocaleString('en')} | ${mb(r.ours.outBytes)} | ${mb(r.ours.indexBytes)} | ${mb(r.hugo.outBytes)} | ${mb(r.hugo.indexBytes)} |`),
];
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/scale.json'), `${JSON.stringify(rows, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench/results/scale.md'), `${lines.join('\n')}\n`);
console.log(`\n${lines.join('\n')}`);
