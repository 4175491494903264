import type { APIRoute } from 'astro';
import { getArticles } from '../../content';
import { articleRecords } from '../../lib/data/figures-data';

/** Every article's metadata (frontmatter, resolved places with GSO codes, 2025 province). */
export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(articleRecords(await getArticles(), site!), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
