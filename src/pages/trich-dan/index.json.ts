import type { APIRoute } from 'astro';
import { citable, getArticles } from '../../content';

/**
 * Every article's citation data in one file (id, title, author, source, date, permanent URL).
 * The build writes each article's .bib/.ris/.json from it (src/integrations/citations.ts): an
 * Astro route per file cost far more than plain file writes (bench/results/design.md: derived-files).
 */
export const GET: APIRoute = async ({ site }) => {
  const records = (await getArticles()).map((article) => {
    const c = citable(article, site!);
    return { ...c, date: { ...c.date, instant: c.date.instant.toISOString() } };
  });
  records.sort((a, b) => a.id.localeCompare(b.id));
  return new Response(`${JSON.stringify(records, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
