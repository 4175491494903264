import type { APIRoute } from 'astro';
import { getFigureRows } from '../../content';
import { toCsv } from '../../lib/csv';
import { FIGURE_COLUMNS } from '../../lib/figures-data';

/** All reported figures, one per row: UTF-8 with BOM so Excel shows Vietnamese, RFC 4180 for pandas/R. */
export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(FIGURE_COLUMNS.map((c) => c.name), await getFigureRows(site!)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
