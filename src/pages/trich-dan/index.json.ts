import type { APIRoute } from 'astro';
import { citable, getArticles } from '../../content';

/**
 * Every article's citation data in one file (id, title, author, source, date, permanent URL).
 * The build writes each article's .bib/.ris/.json from it (src/integrations/citations.ts): one
 * Astro route per file cost 26 s of a 10,000-article build, plain file writes cost about 1 s.
 */
export const GET: APIRoute = async ({ site }) => {
  const records = (await getArticles()).map((article) => {
    const c = citable(article, site!);
    return { ...c, date: { ...c.date, instant: c.date.instant.toISOString() } };
  });
  records.sort((a, b) => a.id.localeCompare(b.id));
  return new Response(`${JSON.stringify(records, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
