/**
 * `npm run build` — builds the site and its search index into a fresh folder and swaps it in
 * only when the whole build succeeded: a failed build leaves the previous dist/ as it was and
 * nothing half-written. DIACHI_OUT_DIR chooses the folder (default dist).
 * The search index is built after Astro has exited, so Astro's memory and Pagefind's are never
 * held at the same time (bench/results/design.md: index-after-astro).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { derivedSummary, writeDerivedFiles } from '../src/integrations/derived-files.ts';
import { buildSearchIndex, indexSummary, type IndexStats } from '../src/integrations/pagefind.ts';
import { buildOptions, optionsEnv, type BuildOptions } from '../src/lib/build/options.ts';
import { parsePageKeys, type PageKeys } from '../src/lib/build/page-keys.ts';
import { siteUrl } from '../src/lib/build/site-url.ts';
import type { ArticleRecord } from '../src/lib/build/quick-rebuild.ts';
import { deleteLater, holdLock, oldFolders, oldName } from './lib/output.ts';
import { partialBuild, partialSummary, type AstroRun, type PartialResult } from './lib/partial-build.ts';
import { articleHashes, codeDigest, outStamp, quickRebuild, quickSummary, readRecord, writeRecord, type NotQuick } from './lib/quick-build.ts';

const root = resolve(import.meta.dirname, '..');
// `--local` (npm start, the tests): a site to look at on this machine. Other arguments go to Astro.
const local = process.argv.includes('--local');
const astroArgs = process.argv.slice(2).filter((a) => a !== '--local');
const site = siteUrl(process.env.SITE_URL, local);
if ('error' in site) {
  console.error(site.error);
  process.exit(1);
}
// Astro reads the address from its config (astro.config.mjs), and a change of address rebuilds every page.
process.env.SITE_URL = site.url;
if (local) console.log(`[build] bản xem trên máy: mọi liên kết tuyệt đối trỏ về ${site.url}/ — để xuất bản, dựng với SITE_URL (docs/publishing.md)`);
// BASE_PATH is the user's name for it; the build and its workers read DIACHI_BASE_PATH (options.ts).
if (process.env.BASE_PATH !== undefined) process.env.DIACHI_BASE_PATH = process.env.BASE_PATH;
let options: BuildOptions;
try {
  // Checked before the site is built, not minutes later when the index is.
  options = buildOptions();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const out = resolve(root, options.outDir);
const partial = `${out}.partial`;
// A first build may go into a folder whose parent does not exist yet: the staging folder, the
// build record and old outputs all live beside the output.
mkdirSync(dirname(out), { recursive: true });
// One build of an output at a time: a second waits, then builds from what the first left.
await holdLock(out, (pid) => console.log(`[build] waiting for the build already running (process ${pid}); if there is none, delete ${basename(out)}.lock`));
rmSync(partial, { recursive: true, force: true });
// Old outputs still being deleted, or whose deletion stopped with the machine, are deleted in the
// background too: a build started right after another need not wait for it.
for (const folder of oldFolders(out)) deleteLater(folder);
const contentDir = resolve(root, options.contentDir);
const cacheDir = resolve(root, options.cacheDir);
const recordPath = join(cacheDir, 'diachi-build.json');
// The search index's canonical copies, by month, kept for the next build's re-indexed shards.
const copies = join(cacheDir, 'search-copies');
const indexing = options.searchIndex !== 'off';
// Read before anything is built: an edit saved during the build makes the next build see a change.
const looked = performance.now();
const code = codeDigest(root, contentDir);
const files = articleHashes(contentDir);

/** Records what the output now in place was built from, for the next quick or partial rebuild. */
function record(articles: Record<string, ArticleRecord> | undefined, index: IndexStats | undefined, pageKeys: PageKeys | undefined): void {
  if (articles && index && pageKeys) writeRecord(recordPath, { version: 3, out, stamp: outStamp(out), code, files, articles, pages: index.list, pageKeys });
  else rmSync(recordPath, { force: true });
}

// A build is production whatever the caller's environment: test runners set NODE_ENV=test and
// export MODE/DEV/PROD/SSR, which Astro would read as import.meta.env.
const inherited = Object.entries(process.env).filter(([k]) => !['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(k) && !k.startsWith('VITEST'));
// V8 lets the heap grow far past what the build needs before collecting hard; a limit of about
// twice the need keeps it lean (bench/results/design.md: heap-limit).
const heapMb = options.heapMb ?? Math.max(1024, Math.round(512 + 0.07 * Object.keys(files).length));

/** Runs `astro build` into the staging folder; what it recorded of the articles and pages. */
function runAstro(extra: Partial<BuildOptions> = {}): AstroRun {
  const env: NodeJS.ProcessEnv = {
    // Astro's anonymous usage report is sent as the build exits; an archive's builds need not phone home.
    ASTRO_TELEMETRY_DISABLED: '1',
    ...Object.fromEntries(inherited),
    NODE_ENV: 'production',
    // Astro writes pages eight at a time through libuv's threads, 4 by default: more threads keep
    // those writes going (bench/results/design.md: uv-threadpool).
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16',
    ...optionsEnv({
      outDir: partial,
      searchIndex: 'later',
      // The loader writes each article's record here (src/loaders/articles.ts), the routes their page keys (src/content.ts).
      buildRecord: `${partial}.articles.json`,
      pageKeys: `${partial}.keys.jsonl`,
      // The files as hashed above: the loader reads only those whose hash its entries do not have.
      fileHashes: `${partial}.hashes.json`,
      ...extra,
    }),
  };
  rmSync(env.DIACHI_PAGE_KEYS!, { force: true });
  writeFileSync(env.DIACHI_FILE_HASHES!, JSON.stringify(files));
  const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...astroArgs], { cwd: root, stdio: 'inherit', env });
  rmSync(env.DIACHI_FILE_HASHES!, { force: true });
  const read = <T>(file: string, parse: (text: string) => T): T | undefined => {
    if (!existsSync(file)) return undefined;
    const value = parse(readFileSync(file, 'utf8'));
    rmSync(file, { force: true });
    return value;
  };
  const articles = read(env.DIACHI_BUILD_RECORD!, (text) => JSON.parse(text) as Record<string, ArticleRecord>);
  const pageKeys = read(env.DIACHI_PAGE_KEYS!, parsePageKeys);
  if (result.signal === 'SIGABRT') console.error(`The build ran out of memory with a ${heapMb} MB heap; set DIACHI_BUILD_HEAP_MB to a larger number of megabytes.`);
  return { status: result.status, articles, pageKeys };
}

// Edits to article bodies alone skip Astro (scripts/lib/quick-build.ts); DIACHI_QUICK=0 forces a full build.
if (options.quick && indexing && astroArgs.length === 0) {
  const last = readRecord(recordPath);
  // A quick rebuild that fails unexpectedly has written nothing the full build does not replace.
  const quick = await quickRebuild({ root, contentDir, out, partial, record: last, code, files, started: looked, copies }).catch((error: Error): NotQuick => ({
    quick: false,
    reason: `the quick rebuild failed (${error.message})`,
  }));
  if (quick.quick) {
    // Edits that change no page (spacing, a draft) are recorded too, so they are not looked at again.
    if (quick.changed.length) writeRecord(recordPath, { ...last!, stamp: outStamp(out), files, articles: quick.articles, pages: quick.index?.list ?? last!.pages });
    // The time includes starting Node and loading the code (performance.now() counts from there).
    console.log(quick.changed.length ? quickSummary(quick, performance.now()) : `[build] nothing changed since the last build of ${basename(out)}/`);
    process.exit(0);
  }
  if (quick.partial && last) {
    console.log(`[build] partial build: ${quick.reason}`);
    // Failing unexpectedly after Astro (indexing, renaming), it leaves what the full build replaces.
    const built = await partialBuild({ out, partial, record: last, copies, files, runAstro }).catch((error: Error): PartialResult => ({
      built: false,
      reason: `the partial build failed (${error.message})`,
    }));
    if (built.built) {
      writeRecord(recordPath, { ...last, stamp: outStamp(out), files, articles: built.articles, pages: built.index?.list ?? last.pages, pageKeys: built.pageKeys });
      console.log(partialSummary(built, performance.now()));
      process.exit(0);
    }
    // Astro has reported what failed (problems in an article: file, line, field); the output is as it was.
    if ('status' in built) process.exit(built.status ?? 1);
    console.log(`[build] full build: ${built.reason}`);
  } else console.log(`[build] full build: ${quick.reason}`);
}

const started = performance.now();
rmSync(partial, { recursive: true, force: true });
// The search copies are made while Astro renders (src/integrations/search-prep.ts); the index checks them.
// The citation files and figure exports are written below, not by Astro (DIACHI_DERIVED_FILES).
const result = runAstro({ derivedLater: true, ...(indexing && { searchCopies: copies }) });
if (result.status !== 0) {
  rmSync(partial, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}
console.log(`[build] site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
// The citation files and figure exports are written once the index has read the pages, while
// Pagefind compresses its files on one core (bench/results/design.md: derived-files).
const failures: string[] = [];
let deriving: Promise<unknown> | undefined;
const writeDerived = () => {
  const t = performance.now();
  deriving = writeDerivedFiles(partial).then(
    (derived) => console.log(`[build] ${derivedSummary(derived, performance.now() - t)}`),
    (error: Error) => failures.push(`[build] the citation files or figure exports could not be written: ${error.message}`),
  );
};
let index: IndexStats | undefined;
if (indexing) {
  // Shards whose pages did not change are copied from the current dist/.
  await buildSearchIndex(partial, { previous: out, copies, onPagesRead: writeDerived }).then(
    (stats) => console.log(`[search] ${indexSummary((index = stats))}`),
    (error: Error) => failures.push(`[search] ${error.message}`),
  );
}
if (!deriving) writeDerived();
await deriving;
if (failures.length) {
  for (const failure of failures) console.error(failure);
  rmSync(partial, { recursive: true, force: true });
  process.exit(1);
}
const old = oldName(out);
if (existsSync(out)) renameSync(out, old);
renameSync(partial, out);
record(result.articles, index, result.pageKeys);
if (existsSync(old)) deleteLater(old);
