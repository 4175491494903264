/**
 * Page keys for the partial rebuild (scripts/lib/partial-build.ts). Every dynamic route gives each
 * of its pages a cache key: a hash of everything the page shows that its code does not fix
 * (src/content.ts `pageCacheKey`). A build records all keys; the next build, after an edit that
 * other pages show (a title, a date, a place), renders only the pages whose key changed and puts
 * them into the output, which holds every other page already. Pure functions here.
 */

/** Each page's key and URL (site-relative), by route, then by page (`pathId` of its params). */
export type PageKeys = Record<string, Record<string, [key: string, url: string]>>;

/** A page of a route as `getStaticPaths` returns it, with its key. */
export interface KeyedPath {
  params: Record<string, string | number | undefined>;
  cacheKey: string;
}

/** Identifies a page within its route: its params, in a fixed order. */
export function pathId(params: KeyedPath['params']): string {
  return JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k] === undefined ? null : String(params[k])]));
}

/** The keys and URLs of one route's pages. */
export function routeKeys<T extends KeyedPath>(paths: readonly T[], url: (params: T['params']) => string): PageKeys[string] {
  return Object.fromEntries(paths.map((p) => [pathId(p.params), [p.cacheKey, url(p.params)]]));
}

/** The pages whose key is not the one recorded for the page in the output (new pages included). */
export function changedPaths<T extends KeyedPath>(recorded: PageKeys[string] | undefined, paths: readonly T[]): T[] {
  return paths.filter((p) => recorded?.[pathId(p.params)]?.[0] !== p.cacheKey);
}

/**
 * Reads the keys a build wrote, one JSON line per route (`{"route": …, "keys": {…}}`); a route
 * listed twice keeps its last line.
 */
export function parsePageKeys(jsonl: string): PageKeys {
  const keys: PageKeys = {};
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const { route, keys: k } = JSON.parse(line) as { route: string; keys: PageKeys[string] };
    keys[route] = k;
  }
  return keys;
}

/** URLs of the pages one set of keys has and the other lacks. */
export function pageSetDiff(before: PageKeys, after: PageKeys): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  for (const route of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[route] ?? {};
    const b = after[route] ?? {};
    for (const id of Object.keys(a)) if (!(id in b)) removed.push(a[id]![1]);
    for (const id of Object.keys(b)) if (!(id in a)) added.push(b[id]![1]);
  }
  return { added, removed };
}

/** @astrojs/sitemap's order: URLs compared as text, numbers by value. */
const bySitemapOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The parts of a sitemap file: what comes before the entries, the `<loc>` of each, what comes after. */
function sitemapParts(xml: string, entry: string): { head: string; locs: string[]; tail: string } | undefined {
  const start = xml.indexOf(`<${entry}>`);
  const end = xml.lastIndexOf(entry === 'url' ? '</urlset>' : '</sitemapindex>');
  if (start < 0 || end < start) return undefined;
  const locs = [...xml.slice(start, end).matchAll(new RegExp(`<${entry}><loc>([^<]*)</loc></${entry}>`, 'g'))].map((m) => m[1]!);
  // Any other element (a lastmod, a priority) is a shape this code does not write.
  if (locs.map((u) => `<${entry}><loc>${u}</loc></${entry}>`).join('') !== xml.slice(start, end)) return undefined;
  return { head: xml.slice(0, start), locs, tail: xml.slice(end) };
}

/** The sitemap as files: `sitemap-index.xml` and `sitemap-0.xml`, `sitemap-1.xml`… by name. */
export type SitemapFiles = Record<string, string>;

/**
 * The sitemap as @astrojs/sitemap writes it — `sitemap-index.xml` listing `sitemap-0.xml`,
 * `sitemap-1.xml`… in order, each file the next `limit` pages' `<loc>`s in one sorted list — with
 * pages added and removed (site-relative URLs; feeds are not in it). Returns the files that change
 * (the index only when the number of files does) and those no longer needed; undefined when the
 * files are not of that shape (a full build writes them).
 */
export function patchSitemap(files: SitemapFiles, added: readonly string[], removed: readonly string[], limit: number): { write: SitemapFiles; remove: string[] } | undefined {
  const index = files['sitemap-index.xml'] === undefined ? undefined : sitemapParts(files['sitemap-index.xml'], 'sitemap');
  const names = index?.locs.map((_, i) => `sitemap-${i}.xml`);
  if (!index || !names?.length || Object.keys(files).length !== names.length + 1) return undefined;
  const base = index.locs[0]!.slice(0, -names[0]!.length);
  if (index.locs.some((loc, i) => loc !== `${base}${names[i]}`)) return undefined;
  const chunks = names.map((name) => (files[name] === undefined ? undefined : sitemapParts(files[name], 'url')));
  const first = chunks[0];
  if (!first || chunks.some((c, i) => !c || c.head !== first.head || c.tail !== first.tail || (i < chunks.length - 1 ? c.locs.length !== limit : c.locs.length > limit))) return undefined;
  const urls = chunks.flatMap((c) => c!.locs);
  // The home page sorts first: the site's root, which the other URLs are relative to.
  const site = urls[0];
  if (!site || !urls.every((u) => u.startsWith(site))) return undefined;
  const escape = (url: string) => url.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const page = (url: string) => escape(new URL(url.slice(1), site).href);
  const gone = new Set(removed.filter((u) => u.endsWith('/')).map(page));
  const next = [...urls.filter((u) => !gone.has(u)), ...added.filter((u) => u.endsWith('/')).map(page)].sort(bySitemapOrder);
  if (new Set(next).size !== next.length) return undefined;
  const write: SitemapFiles = {};
  const count = Math.ceil(next.length / limit);
  for (let i = 0; i < count; i++) {
    const xml = `${first.head}${next.slice(i * limit, (i + 1) * limit).map((u) => `<url><loc>${u}</loc></url>`).join('')}${first.tail}`;
    if (xml !== files[`sitemap-${i}.xml`]) write[`sitemap-${i}.xml`] = xml;
  }
  if (count !== names.length) {
    write['sitemap-index.xml'] = `${index.head}${Array.from({ length: count }, (_, i) => `<sitemap><loc>${base}sitemap-${i}.xml</loc></sitemap>`).join('')}${index.tail}`;
  }
  return { write, remove: names.slice(count) };
}
