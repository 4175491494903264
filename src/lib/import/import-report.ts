/** One raw report to one article file: parsed, written as MDX and checked like any article. */
import { loadArticle } from '../articles/load-article.ts';
import { formatProblem } from '../articles/problems.ts';
import { articleSlug } from '../text/vi-text.ts';
import { NotAReport, parseReport, type ImportedReport, type ParseOptions } from './parse-report.ts';
import { reportToMdx } from './to-mdx.ts';

export type ImportOutcome = { ok: true; report: ImportedReport; mdx: string } | { ok: false; message: string };

/** The article's file name below the articles folder: `<year>/<slug>.mdx`. */
export function articleFileName(report: ImportedReport): string {
  return `${report.date.slice(0, 4)}/${articleSlug(report.title) || 'bai-viet'}.mdx`;
}

/**
 * Imports `text` (a report's text, from the file `source`). `path` is where the article will be
 * written, for its messages; the importer's own output must pass the same checks as any article.
 */
export function importReport(text: string, source: string, path?: (report: ImportedReport) => string, options?: ParseOptions): ImportOutcome {
  let report: ImportedReport;
  try {
    report = parseReport(text, options);
  } catch (error) {
    if (error instanceof NotAReport) return { ok: false, message: error.message };
    throw error;
  }
  const mdx = reportToMdx(report, source);
  const { problems } = loadArticle(path?.(report) ?? `content/articles/${articleFileName(report)}`, mdx);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) return { ok: false, message: `không tạo được bài hợp lệ:\n  ${errors.map(formatProblem).join('\n  ')}` };
  return { ok: true, report, mdx };
}
