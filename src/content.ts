/**
 * The articles collection, queried and sorted once per build and shared by every page.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildOptions } from './lib/build/options.ts';
import { parseArticleDate, type ArticleDate } from './lib/text/dates.ts';
import { byNewest } from './lib/articles/listing.ts';
import type { ArticleMeta } from './loaders/articles.ts';
import { articleUrl, route as routeOf } from './lib/articles/urls.ts';
import { buildPlaces, type PlaceNode } from './lib/places/places.ts';
import type { Citable } from './lib/data/citations.ts';
import { changedPaths, routeKeys, type KeyedPath, type PageKeys } from './lib/build/page-keys.ts';

/** An article with the values pages need, derived once. */
export interface Article {
  id: string;
  url: string;
  entry: CollectionEntry<'articles'>;
  data: CollectionEntry<'articles'>['data'];
  date: ArticleDate;
  time: number;
  /** Summary if the editor wrote one, else the lead paragraph. */
  summary: string;
  words: number;
  readingMinutes: number;
  locality: CollectionEntry<'articles'>['data']['locality'];
  places?: CollectionEntry<'articles'>['data']['places'];
  /** Only in `astro dev`: a draft shown for preview. */
  draft: boolean;
}

let cached: Promise<Article[]> | undefined;

/** All published articles, newest first. */
export function getArticles(): Promise<Article[]> {
  cached ??= getCollection('articles').then((entries) =>
    entries
      .map((entry) => {
        const date = parseArticleDate(entry.data.date)!;
        const meta = entry.rendered?.metadata as ArticleMeta | undefined;
        return {
          id: entry.id,
          url: articleUrl(entry.id),
          entry,
          data: entry.data,
          date,
          time: date.instant.getTime(),
          summary: entry.data.summary ?? meta?.lead ?? '',
          words: meta?.words ?? 0,
          readingMinutes: meta?.readingMinutes ?? 1,
          draft: meta?.draft ?? false,
          locality: entry.data.locality,
          places: entry.data.places,
        };
      })
      .sort(byNewest),
  );
  return cached;
}

let places: Promise<Map<string, PlaceNode<Article>>> | undefined;

/** The place tree (every unit articles are about or mention), built once. */
export function getPlaces(): Promise<Map<string, PlaceNode<Article>>> {
  places ??= getArticles().then((articles) => buildPlaces(articles));
  return places;
}

/**
 * An article's body HTML when the loader kept it out of the data store (src/loaders/articles.ts);
 * undefined when the entry holds it and `render()` is what shows it.
 */
export function bodyHtml(article: Article): string | undefined {
  const file = (article.entry.rendered?.metadata as ArticleMeta | undefined)?.htmlFile;
  return file === undefined ? undefined : readFileSync(file, 'utf8');
}

/** The citation fields of an article, with its permanent absolute URL. */
export function citable(article: Article, site: URL): Citable {
  return {
    id: article.id,
    title: article.data.title,
    author: article.data.author,
    source: article.data.source.name,
    date: article.date,
    approx: article.data.dateApprox,
    url: new URL(article.url, site).href,
    originalUrl: article.data.source.url && new URL(article.data.source.url).href,
  };
}

/** What identifies an article's content for caching: its id and the loader's digest of file + pipeline. */
export function articleKey(article: Article | undefined): string | null {
  return article ? `${article.id}@${article.entry.digest ?? ''}` : null;
}

/**
 * A page's key (`getStaticPaths` → `cacheKey`): a hash of everything a page shows that its code
 * does not fix. The partial build (scripts/lib/partial-build.ts) renders the pages whose key
 * changed and keeps the others, so a key must cover every article the page lists.
 */
export function pageCacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

let recorded: PageKeys | undefined;

/**
 * Every route whose pages have cache keys returns them through here, with each page's URL. A
 * build records each route's keys and URLs (DIACHI_PAGE_KEYS, for scripts/build.ts); a partial build (DIACHI_PARTIAL_KEYS:
 * the keys of the pages in the output) renders only the pages whose key changed
 * (src/lib/build/page-keys.ts, scripts/lib/partial-build.ts).
 */
export function keyedPaths<T extends KeyedPath>(route: string, paths: T[], url: (params: T['params']) => string): T[] {
  const { pageKeys, partialKeys } = buildOptions();
  // Recorded by path below the base: the page's file under dist/.
  if (pageKeys) appendFileSync(pageKeys, `${JSON.stringify({ route, keys: routeKeys(paths, (params) => routeOf(url(params))) })}\n`);
  if (!partialKeys) return paths;
  recorded ??= JSON.parse(readFileSync(partialKeys, 'utf8')) as PageKeys;
  return changedPaths(recorded[route], paths);
}
