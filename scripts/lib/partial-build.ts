/**
 * The partial rebuild behind `npm run build`: after an edit that other pages show (a title, a
 * date, a place, figures…) with the same code, output and article files, Astro renders only the
 * pages whose cache key changed (src/lib/page-keys.ts) into a staging folder; the citation files
 * and search shards that changed are redone, and all of it is renamed into the output, which
 * holds every other page already. An edit that adds or removes a page (an article's first in a
 * commune, a new year) takes the full build. tests/e2e/partial-rebuild.test.ts checks the output
 * against full builds byte for byte.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeCitationFiles } from '../../src/integrations/citations.ts';
import { indexSummary, type IndexStats } from '../../src/integrations/pagefind.ts';
import { mergeAstroManifest, pageSetChanges, parsePageKeys, type AstroManifest, type PageKeys } from '../../src/lib/page-keys.ts';
import type { ArticleRecord } from '../../src/lib/quick-rebuild.ts';
import { commitStaged, type BuildRecord } from './quick-build.ts';

/** How an Astro build ran (scripts/build.ts `runAstro`). */
export interface AstroRun {
  status: number | null;
  /** The loader's article records and the routes' page keys, as far as the build got (keys: pages may have been rendered). */
  articles?: Record<string, ArticleRecord>;
  pageKeys?: PageKeys;
}

export interface PartialInput {
  out: string;
  partial: string;
  cacheDir: string;
  record: BuildRecord;
  /** Where the search index keeps its canonical copies (`IndexOptions.copies`). */
  copies: string;
  /** Runs `astro build` into `partial` with these variables added. */
  runAstro: (env: NodeJS.ProcessEnv) => AstroRun;
}

export type PartialResult =
  | { built: true; pages: number; citations: number; articles: Record<string, ArticleRecord>; pageKeys: PageKeys; index?: IndexStats; ms: { site: number; index: number; commit: number } }
  | { built: false; reason: string }
  | { built: false; status: number | null };

/** Files a partial build writes that describe the whole site: the output's stay. */
const WHOLE_SITE = /^sitemap-(index|\d+)\.xml$/;

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Runs the partial build. On `built: false` the output is as it was. */
export async function partialBuild({ out, partial, cacheDir, record, copies, runAstro }: PartialInput): Promise<PartialResult> {
  const t0 = performance.now();
  const previousKeys = `${partial}.previous-keys.json`;
  writeFileSync(previousKeys, JSON.stringify(record.pageKeys));
  // Astro's incremental manifest is set aside: with none, Astro renders every page it is given
  // and prunes nothing from its cache; the two are merged below.
  const manifestFile = join(cacheDir, 'incremental-build.json');
  const full = readJson<AstroManifest>(manifestFile);
  rmSync(manifestFile, { force: true });
  const run = runAstro({ DIACHI_PARTIAL_KEYS: previousKeys, DIACHI_CITATIONS: 'later' });
  rmSync(previousKeys, { force: true });
  const rendered = readJson<AstroManifest>(manifestFile);
  const merged = full && rendered ? mergeAstroManifest(full, rendered) : !run.pageKeys ? full : undefined;
  // Without a merged manifest (pages may have been rendered into Astro's cache, or the
  // configuration differs) the next full build renders every page: slower, never stale.
  if (merged) writeFileSync(manifestFile, JSON.stringify(merged));
  else rmSync(manifestFile, { force: true });
  if (run.status !== 0 || !run.articles || !run.pageKeys) {
    rmSync(partial, { recursive: true, force: true });
    return { built: false, status: run.status ?? 1 };
  }
  const changes = pageSetChanges(record.pageKeys, run.pageKeys);
  if (changes.length) {
    rmSync(partial, { recursive: true, force: true });
    return { built: false, reason: `the edit adds or removes pages (${changes[0]}${changes.length > 1 ? ` and ${changes.length - 1} more` : ''})` };
  }
  const site = performance.now() - t0;
  const citations = await writeCitationFiles(partial, out);
  const staged = filesUnder(partial).filter((f) => !WHOLE_SITE.test(f));
  const committed = await commitStaged(out, partial, staged, record.pages, copies);
  const pages = staged.filter((f) => f.endsWith('.html') || f.endsWith('.xml')).length;
  return { built: true, pages, citations, articles: run.articles, pageKeys: run.pageKeys, index: committed.index, ms: { site, index: committed.indexMs, commit: committed.commitMs } };
}

/** "[build] partial build in 9.1 s: 12 pages rendered, 3 citation files (site 6.0 s, index 2.9 s, commit 0.1 s)" and the index line. */
export function partialSummary(r: Extract<PartialResult, { built: true }>, ms: number): string {
  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  const lines = [`[build] partial build in ${s(ms)}: ${r.pages} page${r.pages === 1 ? '' : 's'} rendered, ${r.citations} citation file${r.citations === 1 ? '' : 's'} (site ${s(r.ms.site)}, index ${s(r.ms.index)}, commit ${s(r.ms.commit)})`];
  if (r.index) lines.push(`[search] ${indexSummary(r.index)}`);
  return lines.join('\n');
}
