/**
 * Checks across all articles, which no single file can answer: duplicate slugs, the same
 * article twice (same title and day), and internal links that lead nowhere. Shared by the
 * content loader (so the build fails) and `npm run check`.
 */
import { parseArticleDate } from '../text/dates.ts';
import type { Problem } from './problems.ts';
import { articleUrl, listingUrl, searchUrl, yearUrl, YEARS_URL } from './urls.ts';
import { editDistance, slugify, toneKey } from '../text/vi-text.ts';

/** What the checks need of one article. */
export interface CorpusEntry {
  /** File as shown in messages. */
  file: string;
  /** Entry id: "2022/dam-ha-vung-manh-tu-chi-bo-thon-khu". */
  id: string;
  title: string;
  date: string;
  /** Position of the title field, for duplicate-article messages. */
  titleAt: { line: number; column: number };
  links: { url: string; line: number; column: number }[];
}

/** Every internal address the site will have for these articles. */
export function siteRoutes(entries: readonly CorpusEntry[], pageSize: number): Set<string> {
  const routes = new Set<string>(['/', YEARS_URL, searchUrl()]);
  const years = new Set<number>();
  for (const e of entries) {
    routes.add(articleUrl(e.id));
    const d = parseArticleDate(e.date);
    if (d) years.add(d.year);
  }
  for (const y of years) routes.add(yearUrl(y));
  for (let p = 2; p <= Math.ceil(entries.length / pageSize); p++) routes.add(listingUrl(p));
  return routes;
}

/** Problems across `entries`, in file order. */
export function corpusProblems(entries: readonly CorpusEntry[], pageSize: number): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, at: { line: number; column: number }, field: string, message: string) =>
    problems.push({ file, ...at, field, message, severity: 'error' });

  const bySlug = new Map<string, CorpusEntry[]>();
  const byTitleDay = new Map<string, CorpusEntry[]>();
  for (const e of entries) {
    const slug = e.id.split('/').at(-1)!;
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), e]);
    const key = `${toneKey(e.title)}|${e.date.slice(0, 10)}`;
    byTitleDay.set(key, [...(byTitleDay.get(key) ?? []), e]);
  }
  for (const e of entries) {
    // The file name is the article's address: ASCII, as every URL of the archive.
    const name = e.id.split('/').at(-1)!.replace(/^_/, '');
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) {
      error(e.file, { line: 1, column: 1 }, 'file', `tên tệp '${name}.mdx' không dùng làm địa chỉ web được: đổi tên thành '${slugify(name) || 'bai-viet'}.mdx' (chữ thường không dấu, số và gạch nối)`);
    }
  }
  for (const [slug, same] of bySlug) {
    if (same.length < 2) continue;
    for (const e of same) {
      const others = same.filter((o) => o !== e).map((o) => o.file).join(', ');
      error(e.file, { line: 1, column: 1 }, 'file', `tên '${slug}' trùng với ${others} — đặt tên khác cho một tệp`);
    }
  }
  for (const same of byTitleDay.values()) {
    if (same.length < 2) continue;
    for (const e of same) {
      const others = same.filter((o) => o !== e).map((o) => o.file).join(', ');
      error(e.file, e.titleAt, 'title', `cùng tiêu đề và ngày với ${others} — có phải một bài được thêm hai lần?`);
    }
  }

  const routes = siteRoutes(entries, pageSize);
  const articleRoutes = entries.map((e) => articleUrl(e.id));
  for (const e of entries) {
    for (const link of e.links) {
      if (!link.url.startsWith('/') || link.url.startsWith('//')) continue;
      const path = link.url.replace(/[?#].*$/, '');
      const withSlash = path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
      if (routes.has(withSlash) || /\.[a-z0-9]+$/i.test(path)) continue;
      // A cut-off address ("…/dam-ha-vung-manh") most likely meant the article it begins; else the nearest.
      let best = articleRoutes.find((r) => r.startsWith(withSlash.slice(0, -1)));
      if (!best) {
        let bestD = Infinity;
        for (const r of articleRoutes) {
          const d = editDistance(withSlash, r);
          if (d < bestD && d <= Math.max(3, withSlash.length / 4)) [best, bestD] = [r, d];
        }
      }
      const hint = best ? ` — có phải '${best}'?` : '';
      error(e.file, link, 'body', `liên kết '${link.url}' không dẫn tới đâu: không trang nào có địa chỉ này${hint}`);
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
