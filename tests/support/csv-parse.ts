import { parse } from 'csv-parse/sync';

/** CSV as a researcher's tool reads it (RFC 4180: quotes, doubled quotes, CRLF), by the csv-parse library. */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}
