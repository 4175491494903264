/**
 * How to cite an archived article: a suggested citation in Vietnamese style and in APA style,
 * and BibTeX, RIS and CSL-JSON for reference managers. No access date: builds stay identical.
 */
import { formatDateShort, type ArticleDate } from '../text/dates.ts';

/** What a citation needs of an article. */
export interface Citable {
  id: string;
  title: string;
  author: string | null;
  source: string;
  date: ArticleDate;
  /** The date is an estimate: cite the month only, marked as approximate. */
  approx?: boolean | undefined;
  /** Permanent absolute URL in the archive. */
  url: string;
  /** Address of the original article, when known. */
  originalUrl?: string | undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Thu Thủy (2023), “Kiến Xương: …”, Báo Thái Bình, ngày 05/03/2023. Lưu trữ tại Địa chí: https://…" */
export function citeVietnamese(c: Citable): string {
  const when = c.approx ? `khoảng tháng ${c.date.month}/${c.date.year}` : `ngày ${formatDateShort(c.date)}`;
  const who = c.author ? `${c.author} ` : '';
  return `${who}(${c.date.year}), “${c.title}”, ${c.source}, ${when}. Lưu trữ tại Địa chí: ${c.url}`;
}

/** APA 7 for a newspaper article read online: "Thu Thủy. (2023, March 5). Title. Báo Thái Bình. URL" */
export function citeApa(c: Citable): string {
  const when = c.approx ? `${c.date.year}, ${MONTHS[c.date.month - 1]}, approximate date` : `${c.date.year}, ${MONTHS[c.date.month - 1]} ${c.date.day}`;
  const title = /[.?!]$/.test(c.title) ? c.title : `${c.title}.`;
  return c.author ? `${c.author}. (${when}). ${title} ${c.source}. ${c.url}` : `${title} (${when}). ${c.source}. ${c.url}`;
}

/** A BibTeX key: ASCII, from the entry id ("diachi-2022-dam-ha-vung-manh-tu-chi-bo-thon-khu"). */
export function citeKey(c: Citable): string {
  return `diachi-${c.id.replace(/[^a-z0-9]+/gi, '-')}`;
}

const bibEscape = (s: string) => s.replace(/[\\{}]/g, (ch) => `\\${ch}`);

/** BibTeX (biblatex-friendly) entry. */
export function toBibtex(c: Citable): string {
  const fields: [string, string][] = [
    ['title', `{${bibEscape(c.title)}}`],
    ...(c.author ? ([['author', `{${bibEscape(c.author)}}`]] as [string, string][]) : []),
    ['journal', `{${bibEscape(c.source)}}`],
    ['year', `{${c.date.year}}`],
    ['month', `{${c.date.month}}`],
    ...(c.approx ? [] : ([['day', `{${c.date.day}}`]] as [string, string][])),
    ['url', `{${c.url}}`],
    ['language', '{vietnamese}'],
    ['note', `{Lưu trữ tại Địa chí${c.approx ? '; ngày đăng ước tính' : ''}${c.originalUrl ? `; bài gốc: ${bibEscape(c.originalUrl)}` : ''}}`],
  ];
  return `@article{${citeKey(c)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}

/** RIS record (Zotero, EndNote, Mendeley). */
export function toRis(c: Citable): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines = [
    'TY  - NEWS',
    `TI  - ${c.title}`,
    ...(c.author ? [`AU  - ${c.author}`] : []),
    `T2  - ${c.source}`,
    `PY  - ${c.date.year}`,
    `DA  - ${c.date.year}/${pad(c.date.month)}/${c.approx ? '' : pad(c.date.day)}`,
    `UR  - ${c.url}`,
    'LA  - vi',
    ...(c.approx ? ['N1  - Ngày đăng ước tính'] : []),
    ...(c.originalUrl ? [`L2  - ${c.originalUrl}`] : []),
    'ER  - ',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** CSL-JSON item (an array of one), the format citation processors read. */
export function toCslJson(c: Citable): string {
  const item = {
    id: citeKey(c),
    type: 'article-newspaper',
    title: c.title,
    ...(c.author && { author: [{ literal: c.author }] }),
    'container-title': c.source,
    issued: c.approx ? { 'date-parts': [[c.date.year, c.date.month]], circa: true } : { 'date-parts': [[c.date.year, c.date.month, c.date.day]] },
    URL: c.url,
    language: 'vi',
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

/** The downloadable citation formats, by file extension. */
export const CITATION_FORMATS = ['bib', 'ris', 'json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** MIME type of each citation format. */
export const CITATION_TYPES: Record<CitationFormat, string> = {
  bib: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  json: 'application/vnd.citationstyles.csl+json',
};

/** The citation file of one format. */
export function citationFile(c: Citable, format: CitationFormat): string {
  return format === 'bib' ? toBibtex(c) : format === 'ris' ? toRis(c) : toCslJson(c);
}
