/**
 * The archive as data: one row per reported figure (with its quote, place, GSO codes and date)
 * and one record per article: /du-lieu/articles.json, and figures.csv and figures.json made from it.
 */
import type { ArticleData } from '../schemas/article.ts';
import { isoAttribute, type ArticleDate } from './dates.ts';
import { province2025, province2025Label } from './provinces-2025.ts';
import { figureAnchor } from '../plugins/remark-figure-marks.ts';
import { toCsv } from './csv.ts';

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
  { name: 'province', doc: 'Tỉnh, thành phố (trước 1/7/2025) mà bài nói tới.' },
  { name: 'province_code', doc: 'Mã tỉnh của Tổng cục Thống kê (2 chữ số).' },
  { name: 'district', doc: 'Huyện, quận, thị xã, thành phố thuộc tỉnh (có thể trống).' },
  { name: 'district_code', doc: 'Mã huyện (3 chữ số).' },
  { name: 'commune', doc: 'Xã, phường, thị trấn (có thể trống).' },
  { name: 'commune_code', doc: 'Mã xã (5 chữ số).' },
  { name: 'province_2025', doc: 'Tỉnh, thành phố từ 1/7/2025 (Nghị quyết 202/2025/QH15).' },
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
    locality: { ...a.data.locality, province2025: province2025Label(province2025(a.data.locality.provinceCode)) },
  }));
}

/** One article of articles.json. */
export type ArticleExport = ReturnType<typeof articleRecords>[number];

/**
 * One row per figure, in the records' order (newest article first). Made from articles.json's
 * records, so the build can write figures.csv and figures.json from that file after Astro has
 * exited (src/integrations/derived-files.ts) instead of in Astro's render.
 */
export function figureRows(records: readonly ArticleExport[]): Record<string, string | number | boolean | null>[] {
  return records.flatMap((a) => {
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
      province_2025: l.province2025,
      source: a.source.name,
      title: a.title,
      article_url: a.url,
      figure_url: `${a.url}#${figureAnchor(i)}`,
      article_id: a.id,
    }));
  });
}

/** The figure exports under /du-lieu/, by file name: their text and content type. */
export function figureFiles(records: readonly ArticleExport[]): Record<'figures.csv' | 'figures.json', { text: string; type: string }> {
  const rows = figureRows(records);
  return {
    // UTF-8 with BOM so Excel shows Vietnamese, RFC 4180 for pandas/R.
    'figures.csv': { text: toCsv(FIGURE_COLUMNS.map((c) => c.name), rows), type: 'text/csv; charset=utf-8' },
    'figures.json': { text: `${JSON.stringify(rows, null, 1)}\n`, type: 'application/json; charset=utf-8' },
  };
}
