import type { APIRoute } from 'astro';
import { getArticles } from '../../content';
import { figureRows } from '../../lib/figures-data';

/** The same rows as figures.csv, as JSON. */
export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(figureRows(await getArticles(), site!), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
