/**
 * The archive as data: one row per reported figure (with its quote, place, GSO codes and date)
 * and one record per article. Feeds /du-lieu/figures.csv, figures.json and articles.json.
 */
import type { ArticleData } from '../schemas/article.ts';
import { isoAttribute, type ArticleDate } from './dates.ts';
import { province2025, province2025Label } from './provinces-2025.ts';
import { figureAnchor } from '../plugins/remark-figure-marks.ts';

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

/** One row per figure, newest article first. `site` makes URLs absolute. */
export function figureRows(articles: readonly DataArticle[], site: URL): Record<string, string | number | boolean | null>[] {
  return articles.flatMap((a) => {
    const url = new URL(a.url, site).href;
    const l = a.data.locality;
    const date = isoAttribute(a.date);
    const province2025Name = province2025Label(province2025(l.provinceCode));
    return a.data.figures.map((f, i) => ({
      value: f.value,
      unit: f.unit,
      subject: f.subject ?? null,
      qualifier: f.qualifier ?? null,
      quote: f.text,
      date,
      date_approx: Boolean(a.data.dateApprox),
      province: l.province,
      province_code: l.provinceCode,
      district: l.district ?? null,
      district_code: l.districtCode ?? null,
      commune: l.commune ?? null,
      commune_code: l.communeCode ?? null,
      province_2025: province2025Name,
      source: a.data.source.name,
      title: a.data.title,
      article_url: url,
      figure_url: `${url}#${figureAnchor(i)}`,
      article_id: a.id,
    }));
  });
}

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
