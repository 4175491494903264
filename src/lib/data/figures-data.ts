/**
 * The archive as data: one row per reported figure (with its quote, place, GSO codes and date)
 * and one record per article: /du-lieu/articles.json, and figures.csv and figures.json made from it.
 */
import type { ArticleData } from '../../schemas/article.ts';
import type { Locality } from '../../schemas/locality.ts';
import { isoAttribute, type ArticleDate } from '../text/dates.ts';
import { figureAnchor } from '../articles/labels.ts';
import { csvRow } from './csv.ts';

/** What the exports need of an article. */
export interface DataArticle {
  id: string;
  /** Site-relative URL: /bai/2022/…/ */
  url: string;
  data: ArticleData;
  date: ArticleDate;
}

/** Columns of figures.csv / fields of figures.json, in order, each with its meaning (for /du-lieu/). */
export const FIGURE_COLUMNS: readonly { name: string; doc: string }[] = [
  { name: 'value', doc: 'Giá trị số (dấu chấm thập phân): 5.500 → 5500; 10,4 tỷ → 10400000000; trên 90% → 90.' },
  { name: 'unit', doc: 'Đơn vị: đảng viên, chi bộ, %, đồng, tấn, ha…' },
  { name: 'subject', doc: 'Số liệu nói về cái gì (có thể trống).' },
  { name: 'qualifier', doc: 'Từ chỉ mức: trên, hơn, gần, khoảng… (trống nếu là số đúng).' },
  { name: 'quote', doc: 'Cụm từ nguyên văn trong bài mà số liệu được lấy ra.' },
  { name: 'date', doc: 'Ngày đăng bài, ISO 8601 (có giờ thì kèm +07:00).' },
  { name: 'date_approx', doc: 'true nếu ngày đăng là ước tính.' },
  { name: 'province', doc: 'Tỉnh, thành phố mà bài nói tới, tên vào ngày đăng (63 tỉnh trước 1/7/2025, 34 tỉnh từ đó).' },
  { name: 'province_code', doc: 'Mã tỉnh của Tổng cục Thống kê (2 chữ số), của đơn vị vào ngày đăng.' },
  { name: 'district', doc: 'Huyện, quận, thị xã, thành phố thuộc tỉnh (có thể trống; không còn từ 1/7/2025).' },
  { name: 'district_code', doc: 'Mã huyện (3 chữ số).' },
  { name: 'commune', doc: 'Xã, phường, thị trấn vào ngày đăng (có thể trống).' },
  { name: 'commune_code', doc: 'Mã xã (5 chữ số).' },
  { name: 'province_2025', doc: 'Tỉnh, thành phố nay (từ 1/7/2025) mà nơi đó thuộc về — để gộp theo 34 tỉnh.' },
  { name: 'province_2025_code', doc: 'Mã tỉnh nay (2 chữ số).' },
  { name: 'commune_2025', doc: 'Xã, phường nay mà nơi đó thuộc về (trống khi bài chỉ nói tới tỉnh, huyện, hoặc dữ liệu chưa có).' },
  { name: 'commune_2025_code', doc: 'Mã xã nay (5 chữ số).' },
  { name: 'source', doc: 'Báo nguồn.' },
  { name: 'title', doc: 'Tiêu đề bài.' },
  { name: 'article_url', doc: 'Địa chỉ cố định của bài trong Địa chí.' },
  { name: 'figure_url', doc: 'Địa chỉ tới đúng câu chứa số liệu trong bài.' },
  { name: 'article_id', doc: 'Mã bài (năm/tên tệp).' },
];

/** Every article's metadata, as articles.json holds it. */
export function articleRecords(articles: readonly DataArticle[], site: URL) {
  return articles.map((a) => ({
    id: a.id,
    url: new URL(a.url, site).href,
    ...a.data,
    date: isoAttribute(a.date),
    locality: exported(a.data.locality),
    ...(a.data.places && { places: a.data.places.map(exported) }),
  }));
}

/** A locality as researchers get it: names and codes then and today, without the gazetteer's ids. */
function exported({ ids: _ids, ...locality }: Locality) {
  return locality;
}

/** One article of articles.json. */
export type ArticleExport = ReturnType<typeof articleRecords>[number];

type FigureRow = Record<string, string | number | boolean | null>;

/** The rows of one article's figures, in its order. */
function articleFigureRows(a: ArticleExport): FigureRow[] {
  const l = a.locality;
  return a.figures.map((f, i) => ({
    value: f.value,
    unit: f.unit,
    subject: f.subject ?? null,
    qualifier: f.qualifier ?? null,
    quote: f.text,
    date: a.date,
    date_approx: Boolean(a.dateApprox),
    province: l.province,
    province_code: l.provinceCode,
    district: l.district ?? null,
    district_code: l.districtCode ?? null,
    commune: l.commune ?? null,
    commune_code: l.communeCode ?? null,
    province_2025: l.today.province,
    province_2025_code: l.today.provinceCode,
    commune_2025: l.today.commune ?? null,
    commune_2025_code: l.today.communeCode ?? null,
    source: a.source.name,
    title: a.title,
    article_url: a.url,
    figure_url: `${a.url}#${figureAnchor(i)}`,
    article_id: a.id,
  }));
}

/**
 * One row per figure, in the records' order (newest article first). Made from articles.json's
 * records, so the build can write figures.csv and figures.json from that file after Astro has
 * exited (src/integrations/derived-files.ts) instead of in Astro's render.
 */
export function figureRows(records: readonly ArticleExport[]): FigureRow[] {
  return records.flatMap(articleFigureRows);
}

/** The figure exports under /du-lieu/ and their content types. */
export const FIGURE_FILES = {
  // UTF-8 with BOM so Excel shows Vietnamese, RFC 4180 for pandas/R.
  'figures.csv': 'text/csv; charset=utf-8',
  'figures.json': 'application/json; charset=utf-8',
} as const;
export type FigureFile = keyof typeof FIGURE_FILES;

/**
 * The text of a figure export in pieces, article by article: written as they come, the exports
 * never sit in memory whole (bench/results/design.md: figure-exports-streamed). The same
 * text as `toCsv(columns, rows)` and `JSON.stringify(rows, null, 1)` with a final line break.
 */
export function* figureFileText(records: readonly ArticleExport[], file: FigureFile): Generator<string> {
  const columns = FIGURE_COLUMNS.map((c) => c.name);
  const csv = file === 'figures.csv';
  let rows = 0;
  yield csv ? `\uFEFF${csvRow(columns)}\r\n` : '[';
  for (const a of records) {
    let text = '';
    for (const row of articleFigureRows(a)) {
      // A row alone in an array is indented as it is inside the whole array: two spaces for keys.
      text += csv ? `${csvRow(columns.map((c) => row[c]))}\r\n` : `${rows ? ',' : ''}\n${JSON.stringify([row], null, 1).slice(2, -2)}`;
      rows++;
    }
    if (text) yield text;
  }
  if (!csv) yield rows ? '\n]\n' : ']\n';
}
