/** CSV as Excel and data tools read it: RFC 4180 quoting, CRLF lines, UTF-8 with a byte-order mark. */

/**
 * One field: quoted when it holds a comma, quote or line break; null/undefined become empty. Text
 * that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets
 * a leading apostrophe, as OWASP's CSV-injection advice says; numbers are written as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, without its line break. */
export function csvRow(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

/** A whole file: header row, data rows, BOM so Excel opens Vietnamese text as UTF-8. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number | boolean | null | undefined>[]): string {
  const lines = [csvRow(columns), ...rows.map((r) => csvRow(columns.map((c) => r[c])))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
