/**
 * CSV as Excel and data tools read it: RFC 4180 quoting, CRLF lines, UTF-8 with a byte-order mark,
 * written by csv-stringify. Text that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe, as OWASP's CSV-injection advice says;
 * numbers are written as they are, and so are true and false.
 */
import { stringify, type Options } from 'csv-stringify/sync';

type Field = string | number | boolean | null | undefined;

const OPTIONS: Options = {
  record_delimiter: 'windows',
  cast: {
    string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
    boolean: (value) => String(value),
  },
};

/** Lines, each with its CRLF. */
function lines(rows: readonly (readonly Field[])[]): string {
  return stringify(rows as Field[][], OPTIONS);
}

/** One line, without its line break. */
export function csvRow(fields: readonly Field[]): string {
  return lines([fields]).slice(0, -2);
}

/** One field, quoted when it holds a comma, quote or line break; null and undefined are empty. */
export function csvField(value: Field): string {
  return csvRow([value]);
}

/** A whole file: header row, data rows, BOM so Excel opens Vietnamese text as UTF-8. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Field>[]): string {
  return `\uFEFF${lines([columns, ...rows.map((r) => columns.map((c) => r[c]))])}`;
}
