/**
 * The partial rebuild behind `npm run build`: after an edit that other pages show (a title, a
 * date, a place, figures…), or articles added or removed, with the same code and output, Astro
 * renders only the pages whose cache key changed or that are new (src/lib/build/page-keys.ts) into a
 * staging folder; the citation files and search shards that changed are redone, the sitemap
 * updated, and all of it is renamed into the output, which holds every other page already; pages
 * that went are deleted. tests/e2e/partial-rebuild.test.ts checks the output against full builds
 * byte for byte.
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { BuildOptions } from '../../src/lib/build/options.ts';
import { writeCitationFiles } from '../../src/integrations/citations.ts';
import { FIGURE_EXPORTS, writeFigureExports } from '../../src/integrations/derived-files.ts';
import { CITATION_FORMATS } from '../../src/lib/data/citations.ts';
import { ARTICLE_PREFIX } from '../../src/lib/articles/urls.ts';
import { indexSummary, type IndexStats } from '../../src/integrations/pagefind.ts';
import { pageSetDiff, patchSitemap, type PageKeys, type SitemapFiles } from '../../src/lib/build/page-keys.ts';
import { SITEMAP_LIMIT } from '../../src/consts.ts';
import type { ArticleRecord } from '../../src/lib/build/quick-rebuild.ts';
import { commitStaged, filesUnder, sameKeys, type BuildRecord } from './quick-build.ts';

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
  record: BuildRecord;
  /** Where the search index keeps its canonical copies (`IndexOptions.copies`). */
  copies: string;
  /** The article files now (`articleHashes`). */
  files: Record<string, string>;
  /** Runs `astro build` into `partial` with these variables added. */
  runAstro: (options: Partial<BuildOptions>) => AstroRun;
}

export type PartialResult =
  | { built: true; pages: number; removed: number; citations: number; articles: Record<string, ArticleRecord>; pageKeys: PageKeys; index?: IndexStats; ms: { site: number; index: number; commit: number } }
  | { built: false; reason: string }
  | { built: false; status: number | null };

/** Files a partial build writes that describe the whole site: the output's stay. */
const WHOLE_SITE = /^sitemap-(index|\d+)\.xml$/;

/** The output's sitemap files by name. */
function sitemapFiles(out: string): SitemapFiles {
  return Object.fromEntries(readdirSync(out).filter((f) => WHOLE_SITE.test(f)).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}

/** Runs the partial build. On `built: false` the output is as it was. */
export async function partialBuild({ out, partial, record, copies, files, runAstro }: PartialInput): Promise<PartialResult> {
  const t0 = performance.now();
  // Read once, for the check before Astro and the patch after it.
  let sitemap: SitemapFiles | undefined;
  const outSitemap = () => (sitemap ??= sitemapFiles(out));
  // Added or removed articles add or remove pages: known before Astro runs.
  if (!sameKeys(record.files, files) && patchSitemap(outSitemap(), [], [], SITEMAP_LIMIT) === undefined) return { built: false, reason: 'articles were added or removed and the sitemap is not of a shape this build can update' };
  const previousKeys = `${partial}.previous-keys.json`;
  writeFileSync(previousKeys, JSON.stringify(record.pageKeys));
  const run = runAstro({ partialKeys: previousKeys, derivedLater: true });
  rmSync(previousKeys, { force: true });
  if (run.status !== 0 || !run.articles || !run.pageKeys) {
    rmSync(partial, { recursive: true, force: true });
    return { built: false, status: run.status ?? 1 };
  }
  const site = performance.now() - t0;
  // Pages that came or went (an added article, a commune's first article…): the sitemap lists them.
  const { added, removed } = pageSetDiff(record.pageKeys, run.pageKeys);
  const { files: citations, removed: goneIds } = await writeCitationFiles(partial, out);
  const staged = [...filesUnder(partial)].map((f) => relative(partial, f).split(sep).join('/')).filter((f) => !WHOLE_SITE.test(f));
  // Where articles.json was rendered again, the figure exports are made from it while the index is built.
  const figures = existsSync(join(partial, 'du-lieu', 'articles.json'));
  if (figures) staged.push(...FIGURE_EXPORTS);
  const pages = staged.filter((f) => f.endsWith('.html') || f.endsWith('.xml')).length;
  let unlisted: string[] = [];
  if (added.length || removed.length) {
    const patched = patchSitemap(outSitemap(), added, removed, SITEMAP_LIMIT);
    if (patched === undefined) {
      rmSync(partial, { recursive: true, force: true });
      return { built: false, reason: 'pages were added or removed and the sitemap is not of a shape this build can update' };
    }
    for (const [name, xml] of Object.entries(patched.write)) {
      writeFileSync(join(partial, name), xml);
      staged.push(name);
    }
    unlisted = patched.remove;
  }
  const gone = removed.map(fileOfUrl);
  // The index: the output's pages less those that went, with the new ones (dated and hashed from staging).
  const indexed = [
    ...record.pages.filter((p) => !gone.includes(p.path)),
    ...staged.filter((f) => f.startsWith(`${ARTICLE_PREFIX}/`) && f.endsWith('/index.html') && !record.pages.some((p) => p.path === f)).map((path) => ({ path, month: '', hash: '' })),
  ];
  const committed = await commitStaged(out, partial, staged, indexed, copies, indexed.length !== record.pages.length || gone.some((f) => f.startsWith(`${ARTICLE_PREFIX}/`)), figures ? () => writeFigureExports(partial) : undefined);
  const t = performance.now();
  for (const file of [...gone, ...unlisted, ...goneIds.flatMap((id) => CITATION_FORMATS.map((ext) => `trich-dan/${id}.${ext}`))]) removeFile(out, file);
  committed.commitMs += performance.now() - t;
  return { built: true, pages, removed: gone.length, citations, articles: run.articles, pageKeys: run.pageKeys, index: committed.index, ms: { site, index: committed.indexMs, commit: committed.commitMs } };
}

/** The file of a site-relative URL in the output (`build.format: 'directory'`). */
function fileOfUrl(url: string): string {
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}

/** Deletes a file of the output and the folders it leaves empty (a full build would not have them). */
function removeFile(out: string, file: string): void {
  rmSync(join(out, file), { force: true });
  for (let dir = dirname(join(out, file)); dir.startsWith(`${out}${sep}`) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
}

/** "[build] partial build in 9.1 s: 12 pages rendered, 3 citation files (site 6.0 s, index 2.9 s, commit 0.1 s)" and the index line. */
export function partialSummary(r: Extract<PartialResult, { built: true }>, ms: number): string {
  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  const lines = [`[build] partial build in ${s(ms)}: ${r.pages} page${r.pages === 1 ? '' : 's'} rendered, ${r.removed ? `${r.removed} removed, ` : ''}${r.citations} citation file${r.citations === 1 ? '' : 's'} (site ${s(r.ms.site)}, index ${s(r.ms.index)}, commit ${s(r.ms.commit)})`];
  if (r.index) lines.push(`[search] ${indexSummary(r.index)}`);
  return lines.join('\n');
}
