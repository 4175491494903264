/** Writes an imported report as an article file: YAML frontmatter and an MDX body that is always valid. */
import { stringify } from 'yaml';
import type { ImportedReport } from './parse-report.ts';

/**
 * Escapes what MDX or Markdown would read as syntax, so scraped text stays text:
 * braces and angle brackets (JSX, expressions), emphasis and code marks, links, and
 * block markers at the start of a line.
 */
export function escapeMdx(text: string): string {
  return text
    .replace(/[\\{}<>*_`[\]|~]/g, '\\$&')
    .replace(/^(#{1,6}\s|[-+]\s|\d+)([.)]\s)?/u, (m, a: string, b: string | undefined) => (/^\d+$/.test(a) ? (b ? `${a}\\${b}` : a) : `\\${m}`))
    .replace(/^(=+|-{3,})$/, '\\$1');
}

/** Escapes an attribute value for `<Quote by="…">`. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** The whole .mdx file for a report. */
export function reportToMdx(report: ImportedReport, importedFrom: string): string {
  const frontmatter = {
    title: report.title,
    date: report.date,
    ...(report.dateApprox && { dateApprox: true }),
    source: report.source,
    author: report.author,
    locality: report.locality,
    ...(report.places.length && { places: report.places }),
    figures: report.figures.map((f) => ({ value: f.value, unit: f.unit, ...(f.qualifier && { qualifier: f.qualifier }), text: f.text })),
    ...(report.draft && { draft: true }),
    importedFrom,
    ...(report.review.length && { review: report.review }),
    evidence: report.evidence,
  };
  const body = report.blocks
    .map((b) => {
      if (b.kind === 'caption') return `<Figure>\n${escapeMdx(b.text)}\n</Figure>`;
      if (b.kind === 'quote') return `<Quote by="${attr(b.by)}">\n${escapeMdx(b.text)}\n</Quote>`;
      return escapeMdx(b.text);
    })
    .join('\n\n');
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`;
}
