/**
 * Scale benchmark (not a test): for each corpus size, builds the real site and search index
 * (`scripts/build.ts`, as `npm run build` does), rebuilds after editing one article's body (the
 * quick rebuild) and then its title (the partial build), and builds
 * the same corpus with Hugo plus the Pagefind CLI — a Hugo site making the same pages and files
 * (scripts/bench/hugo/) and the minimal one compared before (scripts/bench/hugo-minimal/; see
 * hugo-site.ts). Reports wall and CPU time and peak memory of each, output and index size, file
 * counts, article page size and client JS, ms per article, and ours ÷ Hugo. Writes bench/results/scale.{json,md}.
 * It also builds the corpus with another search index layout for comparison (DIACHI_SHARD_SIZE,
 * --compare-shard-size, default Infinity: one index), cold and after the same edit.
 * Usage: npm run bench -- --help
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildOptions } from '../../src/lib/build/options.ts';
import { cliArgs } from '../lib/cli.ts';
import { generateCorpus } from './corpus.ts';
import { hugoSite, type HugoKind } from './hugo-site.ts';
import { Discards, fileCreationMicros } from './lib/discard.ts';
import { dirSize, measure, type Measurement } from './lib/measure.ts';

const ROOT = join(import.meta.dirname, '../..');
const { values: opts } = cliArgs(
  'bench',
  `
npm run bench -- [--n 1000,5000,10000] [--compare-shard-size Infinity | --no-compare] [--skip-hugo] [--markdown ordinary] [--keep]

Đo tốc độ dựng trang ở các cỡ kho (số bài): dựng lần đầu, dựng lại sau khi sửa thân bài rồi tiêu đề,
so với Hugo + Pagefind CLI. Ghi bench/results/scale.{json,md}.

  --n                   các cỡ kho, cách nhau bởi dấu phẩy
  --compare-shard-size  dựng thêm với chỉ mục chia mảnh cỡ này để so (mặc định Infinity: một chỉ mục)
  --no-compare          không dựng bản so sánh
  --skip-hugo           không dựng bằng Hugo (máy không có Hugo)
  --markdown ordinary   thân bài có đề mục, trích dẫn, chữ nghiêng và đậm (ghi bench/results/scale-ordinary.*)
  --keep                giữ lại kho và bản dựng sau khi đo
  -h, --help            in hướng dẫn này

Ví dụ: npm run bench -- --n 1000 --skip-hugo
`,
  { n: { type: 'string' }, 'compare-shard-size': { type: 'string' }, 'no-compare': { type: 'boolean' }, 'skip-hugo': { type: 'boolean' }, markdown: { type: 'string' }, keep: { type: 'boolean' } },
);
const nArg = opts.n ?? '1000,5000,10000';
const SIZES = nArg.split(',').map(Number);
const COMPARE = opts['compare-shard-size'] ?? 'Infinity';
if (opts.markdown !== undefined && opts.markdown !== 'ordinary') throw new Error(`--markdown ${opts.markdown}: the only other corpus is "ordinary"`);
const MARKDOWN = opts.markdown === 'ordinary' ? 'ordinary' : 'plain';
/** Where the results go: scale.* for the plain corpus, scale-ordinary.* for the other. */
const RESULTS = MARKDOWN === 'plain' ? 'scale' : 'scale-ordinary';
const COMPARE_LABEL = COMPARE === 'Infinity' ? 'one index' : `shards of ${Number(COMPARE).toLocaleString('en')}`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function ok(m: Measurement, what: string): Measurement {
  if (m.status !== 0) throw new Error(`${what} failed:\n${m.output.slice(-4000)}`);
  return m;
}

/** Files in an output, apart from its search index: HTML pages and the rest (feeds, citation files, exports…). */
function outputFiles(dir: string): { html: number; other: number } {
  const index = join(dir, 'pagefind');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !`${e.parentPath}/`.startsWith(`${index}/`));
  const html = files.filter((e) => e.name.endsWith('.html')).length;
  return { html, other: files.length - html };
}

function articlePages(dist: string): string[] {
  return readdirSync(join(dist, 'bai'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => join(dist, 'bai', f));
}

interface Build {
  wallMs: number;
  cpuMs: number;
  peak: number;
  /** Peak while Astro builds the site, and while the index is built after it. */
  sitePeak: number;
  indexPeak: number;
  /** CPU (user + system, whole tree) of the same two phases. */
  siteCpuMs: number;
  indexCpuMs: number;
  indexMs: number;
  /** After appending a paragraph: the quick rebuild (scripts/lib/quick-build.ts). */
  rebuildMs: number;
  rebuildPeak: number;
  rebuildIndexMs: number;
  /** Whether that rebuild was the quick one (it falls back to a full build when it cannot be). */
  rebuildQuick: boolean;
  /** After then editing the title, which other pages show: the partial build (scripts/lib/partial-build.ts). */
  titleRebuildMs: number;
  titleRebuildPartial: boolean;
  /** After then adding an article (a copy of it under another name and title): the partial build too. */
  addRebuildMs: number;
  addRebuildPartial: boolean;
  titleRebuildPeak: number;
  titleRebuildIndexMs: number;
  /** Index shards, and how many the rebuild copied unchanged. */
  shards: number;
  reused: number;
}

interface Row {
  n: number;
  /** probeMicros: µs per file the disk took to create files just before the cold build (`fileCreationMicros`). */
  ours: Build & { outBytes: number; files: { html: number; other: number }; indexBytes: number; pageMedian: number; pageMax: number; pageJs: number; probeMicros: number };
  compared: Build | null;
  /** The Hugo site with the same pages and files as ours (scripts/bench/hugo). */
  hugo: HugoRow | null;
  /** The minimal Hugo site (scripts/bench/hugo-minimal): one page per article, home, paged year lists. */
  hugoMinimal: HugoRow | null;
}

interface HugoRow {
  buildMs: number;
  buildPeak: number;
  pagefindMs: number;
  pagefindPeak: number;
  cpuMs: number;
  outBytes: number;
  indexBytes: number;
  files: { html: number; other: number };
  probeMicros: number;
}

/** Hugo + Pagefind's wall time. */
const total = (h: HugoRow) => h.buildMs + h.pagefindMs;

/** Builds the corpus as a Hugo site of `kind` and indexes it with the Pagefind CLI. */
async function hugoBuild(content: string, site: string, kind: HugoKind, probeMicros: number): Promise<HugoRow> {
  hugoSite(content, site, kind);
  const hugo = ok(await measure('hugo', ['--quiet', '-s', site, '-d', join(site, 'public')], { cwd: site }), `hugo (${kind})`);
  const pf = ok(await measure(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', join(site, 'public'), '--force-language', 'vi', '--quiet'], { cwd: site }), `pagefind (${kind})`);
  const out = join(site, 'public');
  return { buildMs: hugo.wallMs, buildPeak: hugo.peakRssBytes, pagefindMs: pf.wallMs, pagefindPeak: pf.peakRssBytes, cpuMs: hugo.cpuMs + pf.cpuMs, outBytes: dirSize(out), indexBytes: dirSize(join(out, 'pagefind')), files: outputFiles(out), probeMicros };
}

/** The index line scripts/build.ts prints: time, shards, shards reused. */
function indexLine(output: string) {
  const m = /indexed \d+ articles in (\d+) ms \((\d+) shards?, (\d+) reused/.exec(output);
  return { ms: Number(m?.[1] ?? 0), shards: Number(m?.[2] ?? 0), reused: Number(m?.[3] ?? 0) };
}

/**
 * Writes an article with a note added to its title (parsed and written back, so any quoting stays
 * valid YAML), to `to`: the same file (an edit) or another (an added article).
 */
function retitle(file: string, note: string, to = file): void {
  const [, fm, ...rest] = readFileSync(file, 'utf8').split(/^---$/m);
  const data = parse(fm!) as { title: string };
  writeFileSync(to, `---\n${stringify({ ...data, title: `${data.title} (${note})` }, { lineWidth: 0 })}---${rest.join('---')}`);
}

/** A cold build, then rebuilds after appending a paragraph to `edit`, after editing its title, and after adding a copy of it. */
async function coldAndRebuild(env: NodeJS.ProcessEnv, edit: string, what: string): Promise<Build> {
  // scripts/build.ts prints "site built" once Astro's process has exited; the search index comes
  // after. (Astro's own "Complete!" comes ~0.5 s before its process, still holding ~1.4 GB, exits.)
  const phaseMarkers = [/\[build\] site built/];
  const build = async (step: string) => {
    const m = ok(await measure(process.execPath, [join(ROOT, 'scripts/build.ts'), '--local'], { cwd: ROOT, env, phaseMarkers }), `${what}${step}`);
    // The old output is deleted in the background after a build; an editor's next build comes
    // minutes later, so the next timed build starts when it is gone rather than beside it.
    const out = env.DIACHI_OUT_DIR!;
    const deleting = () => readdirSync(dirname(out)).some((f) => f.startsWith(`${basename(out)}.old-`));
    while (deleting()) await new Promise((r) => setTimeout(r, 200));
    return m;
  };
  const full = await build('');
  appendFileSync(edit, '\nĐoạn thêm khi biên tập lại.\n');
  const rebuild = await build(', rebuild after a body edit');
  retitle(edit, 'đã sửa');
  const titled = await build(', rebuild after a title edit');
  retitle(edit, 'bản sao', edit.replace(/\.mdx$/, '-ban-sao.mdx'));
  const added = await build(', rebuild after adding an article');
  const a = indexLine(full.output);
  const b = indexLine(rebuild.output);
  return {
    wallMs: full.wallMs, cpuMs: full.cpuMs, peak: full.peakRssBytes, sitePeak: full.phasePeaks[0]!, indexPeak: full.phasePeaks[1]!, siteCpuMs: full.phaseCpuMs[0]!, indexCpuMs: full.phaseCpuMs[1]!, indexMs: a.ms,
    rebuildMs: rebuild.wallMs, rebuildPeak: rebuild.peakRssBytes, rebuildIndexMs: b.ms, rebuildQuick: rebuild.output.includes('[build] quick rebuild'), shards: b.shards, reused: b.reused,
    titleRebuildMs: titled.wallMs, titleRebuildPartial: titled.output.includes('[build] partial build in'),
    addRebuildMs: added.wallMs, addRebuildPartial: added.output.includes('[build] partial build in'), titleRebuildPeak: titled.peakRssBytes, titleRebuildIndexMs: indexLine(titled.output).ms,
  };
}

async function run(n: number): Promise<Row> {
  const dir = join(ROOT, `bench/corpus/scale-${n}`);
  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  discards.discard(dir);
  console.log(`\n${n} articles: generating…`);
  generateCorpus(n, content, { markdown: MARKDOWN });
  // Hugo first, then ours: each cold build comes before anything of this size is discarded, and
  // neither follows the other's deletions (our rebuilds delete their old outputs).
  let hugoRow: Row['hugo'] = null;
  let hugoMinimal: Row['hugoMinimal'] = null;
  if (!opts['skip-hugo']) {
    console.log('  Hugo + Pagefind (the same pages, then the minimal site)…');
    hugoRow = await hugoBuild(content, join(dir, 'hugo'), 'same', fileCreationMicros(dir, discards));
    hugoMinimal = await hugoBuild(content, join(dir, 'hugo-minimal'), 'minimal', fileCreationMicros(dir, discards));
  }
  const env = { ...process.env, DIACHI_CONTENT_DIR: content, DIACHI_OUT_DIR: dist, DIACHI_CACHE_DIR: `${dist}-cache`, NO_COLOR: '1' };
  const first = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort()[0]!;
  console.log('  our full build (site + index), then a rebuild after editing one article…');
  const probeMicros = fileCreationMicros(dir, discards);
  const ours = await coldAndRebuild(env, join(content, first), 'our build');
  const pages = articlePages(dist).map((f) => statSync(f).size).sort((a, b) => a - b);
  const sample = readFileSync(articlePages(dist)[0]!, 'utf8');
  const pageJs = [...sample.matchAll(/<script[^>]+src="([^"]+)"/g)].reduce((sum, m) => sum + statSync(join(dist, m[1]!)).size, 0)
    + [...new Set([...sample.matchAll(/<script[^>]+src="([^"]+)"/g)].flatMap((m) => [...readFileSync(join(dist, m[1]!), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map((x) => x[1]!)))].reduce((sum, f) => sum + statSync(join(dist, '_astro', f)).size, 0);
  const outBytes = dirSize(dist);
  const files = outputFiles(dist);
  const indexBytes = dirSize(join(dist, 'pagefind'));
  discards.discard(dist);
  discards.discard(`${dist}-cache`);
  const otherDist = `${dist}-compare`;
  if (!opts['no-compare']) console.log(`  the same with the index as ${COMPARE_LABEL}…`);
  const compared = opts['no-compare'] ? null : await coldAndRebuild({ ...env, DIACHI_OUT_DIR: otherDist, DIACHI_CACHE_DIR: `${otherDist}-cache`, DIACHI_SHARD_SIZE: COMPARE }, join(content, first), `build with ${COMPARE_LABEL}`);
  const row: Row = {
    n,
    ours: { ...ours, outBytes, files, indexBytes, pageMedian: pages[Math.floor(pages.length / 2)]!, pageMax: pages.at(-1)!, pageJs, probeMicros },
    compared,
    hugo: hugoRow,
    hugoMinimal,
  };
  if (!opts.keep) discards.discard(dir);
  console.log(`  ours ${s(ours.wallMs)} (${mb(ours.peak)}), rebuild ${s(ours.rebuildMs)} (title edit ${s(ours.titleRebuildMs)}, adding an article ${s(ours.addRebuildMs)})${compared ? `; ${COMPARE_LABEL} ${s(compared.wallMs)} (${mb(compared.peak)}), rebuild ${s(compared.rebuildMs)}` : ''}${hugoRow && hugoMinimal ? `; Hugo+Pagefind ${s(total(hugoRow))} (minimal site ${s(total(hugoMinimal))})` : ''}`);
  return row;
}

// What the bench is done with is set aside and deleted at the end (scripts/bench/lib/discard.ts).
const discards = new Discards(join(ROOT, 'bench/corpus/.discarded'));
const rows: Row[] = [];
for (const n of SIZES) rows.push(await run(n));
const dash = '—';
const hugoTotal = (r: Row) => (r.hugo ? total(r.hugo) : 0);
const ratio = (ms: number, r: Row) => (r.hugo ? (ms / hugoTotal(r)).toFixed(2) : dash);
const files = (f: { html: number; other: number }) => `${f.html.toLocaleString('en')} + ${f.other.toLocaleString('en')}`;
const lines = [
  `# Scale benchmark${MARKDOWN === 'plain' ? '' : ' — bodies in ordinary Markdown (headings, quotes, emphasis, strong)'} (${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, ${mb(totalmem())})`,
  '',
  `Ours = \`node scripts/build.ts\` (Astro site, then the Pagefind index in shards of ${buildOptions().shardSize.toLocaleString('en')} articles, ${buildOptions().indexJobs} at a time,`,
  'with the citation files and figure exports written meanwhile, as `npm run build`), cold cache. Body edit = the same after appending a paragraph to one article (the quick',
  'rebuild, scripts/lib/quick-build.ts, unless marked "full"); title edit = then changing its title (the partial build,',
  'scripts/lib/partial-build.ts, unless marked "full"); add = then adding a copy of it under another name and title (partial too).',
  'Each rebuild starts once the previous build\'s old output is deleted. Hugo + Pagefind is built first; nothing the bench is done with',
  'is deleted until the end, so no cold build follows a mass deletion (scripts/bench/lib/discard.ts: on this disk that slows creating files for minutes).',
  ...(rows.some((r) => r.compared) ? [`Compared: the same with the search index as ${COMPARE_LABEL} (DIACHI_SHARD_SIZE=${COMPARE}).`] : []),
  'Hugo = Debian Hugo building the same pages and files as ours, in plain markup (scripts/bench/hugo: article pages with their citation files, locality and 2025-province pages,',
  'year pages, the listing in pages of 20, feed, sitemap, data exports; file counts below), + the Pagefind CLI over its output. Minimal Hugo = the comparison this bench',
  'made before (scripts/bench/hugo-minimal): one page per article, a home page and paged year lists — about a quarter of the files. Peak and CPU (user + system) =',
  'whole process tree, sampled from /proc; site = until Astro\'s process has exited, index = the rest.',
  '',
  '| articles | ours: full build | of which index (shards) | peak memory (site, index) | ms/article | rebuild after a body edit (index, shards reused) | rebuild after a title edit (index) | rebuild after adding an article | Hugo build | Pagefind on Hugo | Hugo + Pagefind | ours ÷ (Hugo + Pagefind) | minimal Hugo + Pagefind (ours ÷ it) | article page (median / max) | JS on article page |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const h = r.hugo;
    const m = r.hugoMinimal;
    return `| ${r.n.toLocaleString('en')} | ${s(r.ours.wallMs)} (CPU ${s(r.ours.cpuMs)}: site ${s(r.ours.siteCpuMs)}, index ${s(r.ours.indexCpuMs)}) | ${s(r.ours.indexMs)} (${r.ours.shards}) | ${mb(r.ours.peak)} (site ${mb(r.ours.sitePeak)}, index ${mb(r.ours.indexPeak)}) | ${(r.ours.wallMs / r.n).toFixed(1)} | ${s(r.ours.rebuildMs)}${r.ours.rebuildQuick ? '' : ' full'} (${s(r.ours.rebuildIndexMs)}, ${r.ours.reused} of ${r.ours.shards}), ${mb(r.ours.rebuildPeak)} | ${s(r.ours.titleRebuildMs)}${r.ours.titleRebuildPartial ? '' : ' full'} (${s(r.ours.titleRebuildIndexMs)}), ${mb(r.ours.titleRebuildPeak)} | ${s(r.ours.addRebuildMs)}${r.ours.addRebuildPartial ? '' : ' full'} | ${h ? `${s(h.buildMs)} (${mb(h.buildPeak)})` : dash} | ${h ? `${s(h.pagefindMs)} (${mb(h.pagefindPeak)})` : dash} | ${h ? `${s(hugoTotal(r))} (CPU ${s(h.cpuMs)})` : dash} | ${ratio(r.ours.wallMs, r)} | ${m ? `${s(total(m))}, CPU ${s(m.cpuMs)} (${(r.ours.wallMs / total(m)).toFixed(2)})` : dash} | ${(r.ours.pageMedian / 1024).toFixed(1)} / ${(r.ours.pageMax / 1024).toFixed(1)} KB | ${(r.ours.pageJs / 1024).toFixed(1)} KB |`;
  }),
  ...(rows.some((r) => r.compared)
    ? [
        '',
        `Compared: the index as ${COMPARE_LABEL}:`,
        '',
        '| articles | shards | full build | of which index | peak memory (site, index) | ÷ (Hugo + Pagefind) | rebuild after a body edit | of which index | shards reused | rebuild peak | rebuild after a title edit |',
        '|---|---|---|---|---|---|---|---|---|---|---|',
      ]
    : []),
  ...rows.flatMap(({ n, compared: c, ...r }) => (c ? [`| ${n.toLocaleString('en')} | ${c.shards} | ${s(c.wallMs)} | ${s(c.indexMs)} | ${mb(c.peak)} (site ${mb(c.sitePeak)}, index ${mb(c.indexPeak)}) | ${ratio(c.wallMs, { n, compared: c, ...r })} | ${s(c.rebuildMs)}${c.rebuildQuick ? '' : ' full'} | ${s(c.rebuildIndexMs)} | ${c.reused} | ${mb(c.rebuildPeak)} | ${s(c.titleRebuildMs)}${c.titleRebuildPartial ? '' : ' full'} |`] : [])),
  '',
  'Output: size, and files apart from the search index (HTML pages + other files):',
  '',
  '| articles | our output | our index | our files | Hugo output | Hugo index | Hugo files | minimal Hugo output | its files |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.n.toLocaleString('en')} | ${mb(r.ours.outBytes)} | ${mb(r.ours.indexBytes)} | ${files(r.ours.files)} | ${r.hugo ? mb(r.hugo.outBytes) : dash} | ${r.hugo ? mb(r.hugo.indexBytes) : dash} | ${r.hugo ? files(r.hugo.files) : dash} | ${r.hugoMinimal ? mb(r.hugoMinimal.outBytes) : dash} | ${r.hugoMinimal ? files(r.hugoMinimal.files) : dash} |`),
  '',
  'Creating a file just before each cold build (2,000 files; on a quiet disk here ~25 µs, in the minutes after mass deletions 150–580 µs):',
  '',
  '| articles | before ours | before Hugo | before minimal Hugo |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.n.toLocaleString('en')} | ${r.ours.probeMicros.toFixed(0)} µs | ${r.hugo ? `${r.hugo.probeMicros.toFixed(0)} µs` : dash} | ${r.hugoMinimal ? `${r.hugoMinimal.probeMicros.toFixed(0)} µs` : dash} |`),
];
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, `bench/results/${RESULTS}.json`), `${JSON.stringify(rows, null, 2)}\n`);
writeFileSync(join(ROOT, `bench/results/${RESULTS}.md`), `${lines.join('\n')}\n`);
console.log(`\n${lines.join('\n')}`);
console.log('\nDeleting what the bench set aside…');
discards.empty();
