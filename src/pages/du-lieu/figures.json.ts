import type { APIRoute } from 'astro';
import { getFigureRows } from '../../content';

/** The same rows as figures.csv, as JSON. */
export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(await getFigureRows(site!), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
