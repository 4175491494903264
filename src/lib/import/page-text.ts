/**
 * A scraped page's text as lines, and what of it is the site rather than the report: menus,
 * breadcrumbs, accessibility and share bars, counters, footers. Told apart by shape (separators,
 * length, sentence punctuation, case) and by repetition, not by the strings of particular sites.
 */
import { nfc, tidySpace } from '../text/vi-text.ts';
import { findDate } from './vi-dates.ts';

/** Words that make up a site's controls; a line made only of these (and separators) is furniture. */
const CONTROL_WORDS = new Set(
  (
    'skip to main content bỏ qua đến nội dung chính trang chủ tìm kiếm đăng nhập đăng ký liên hệ rss multimedia video podcast ' +
    'emagazine e-magazine infographic infographics quảng cáo advertisement in bài in gửi email e-mail nghe đọc bài cỡ chữ a a- a+ tương phản ' +
    'chia sẻ bài viết facebook zalo twitter x linkedin copy link sao chép liên kết lưu bình luận ý kiến bạn đọc họ và tên nội dung ' +
    'quay lại về đầu trang xem thêm tiếp theo trước menu đóng mở lượt xem thích theo dõi google news tải ứng dụng english'
  ).split(' '),
);
const SEPARATOR = /\s(?:\||»|>|›|\/|•|·)\s|\s{2,}|\uE000/u;
const LIKES_SENTENCE = /[.!?…;"”:)]$/u;

/** Splits, normalises and joins lines broken inside a sentence (text copied from a narrow column). */
export function pageLines(raw: string): string[] {
  const rows = nfc(raw).replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let previousBlank = true;
  for (const row of rows) {
    // Two or more spaces separate menu items in some scrapes: kept (as two) so menus can be told apart.
    const line = tidySpace(row.replace(/[ \u00a0]{2,}|\t/g, '\uE000')).replace(/\s*\uE000[\s\uE000]*/g, '\uE000').replace(/^\uE000|\uE000$/g, '');
    if (!line) {
      previousBlank = true;
      continue;
    }
    const last = out.at(-1);
    if (!previousBlank && last !== undefined && continues(last, line)) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
    previousBlank = false;
  }
  return out.map((l) => l.replace(/\uE000/g, '  '));
}

// A word that cannot end a sentence: the next line goes on with its complement.
const OPEN_END = /(?:^|\s)(của|và|với|cho|tại|ở|trong|trên|dưới|từ|đến|về|là|các|những|một|được|đã|đang|sẽ|có|không|như|theo|xã|phường|huyện|quận|tỉnh|thôn|bản|ấp|thành phố|thị xã|thị trấn|ông|bà|anh|chị|đồng chí|Chi bộ|Đảng bộ|Đảng ủy|Bí thư|Chủ tịch|Phó|Ban|Ủy ban|Hội|số|gần|hơn|trên|khoảng|đạt|với)$/u;

/** Whether `next` is the rest of the sentence `line` began (one paragraph broken over lines). */
function continues(line: string, next: string): boolean {
  if (LIKES_SENTENCE.test(line) || SEPARATOR.test(line) || SEPARATOR.test(next) || findDate(next)?.wholeLine) return false;
  const words = line.split(' ').length;
  // A lower-case or numeric start never begins a paragraph, a caption or a headline.
  if (/^[\p{Ll}\d,]/u.test(next)) return words >= 4 && !findDate(line)?.wholeLine;
  // "… xã Xuân Lập, huyện Thọ" + "Xuân, …": a place name broken between its syllables.
  if (words >= 8 && /(?:^|\s)(xã|phường|huyện|quận|tỉnh|thị xã|thị trấn|thành phố|thôn|bản|ấp)\s\p{Lu}\p{Ll}*$/u.test(line) && /^\p{Lu}\p{Ll}*[\s,.;:]/u.test(next)) return true;
  return words >= 8 && OPEN_END.test(line);
}

/** The line's words without punctuation, lower-cased. */
function words(line: string): string[] {
  return line.toLocaleLowerCase('vi').split(/[\s|»>›/•·,:()[\]-]+/u).filter(Boolean);
}

/** Menus, breadcrumbs, control bars, counters, copyright and contact lines. */
export function isFurniture(line: string): boolean {
  const ws = words(line);
  if (ws.length === 0) return true;
  if (ws.every((w) => CONTROL_WORDS.has(w) || /^\d+$/.test(w))) return true;
  // "Trang chủ / Chính trị / Xây dựng Đảng", "Thời sự | Chính trị | Kinh tế": short items between separators.
  const items = line.split(SEPARATOR).map((s) => s.trim()).filter(Boolean);
  if (items.length >= 3 && items.every((s) => s.split(' ').length <= 5 && !/[.!?]$/.test(s))) return true;
  if (items.length === 2 && (/^(trang chủ|home)$/iu.test(items[0]!) || (/\s[»›>]\s/u.test(line) && items.every((s) => s.split(' ').length <= 5)))) return true;
  if (/^(lượt xem|lượt đọc|views?)\s*:?\s*[\d.,]+$|^[\d.,]+\s*(lượt (xem|đọc|thích)|views?|bình luận)$/iu.test(line)) return true;
  if (/^(©|\(c\)|copyright|bản quyền|giấy phép|địa chỉ|điện thoại|đt|fax|email|hotline|tổng biên tập|phó tổng biên tập|cơ quan chủ quản|chịu trách nhiệm|ghi rõ nguồn)(?![\p{L}])/iu.test(line)) return true;
  if (/^(từ khóa|từ khoá|tags?|chủ đề)\s*:/iu.test(line)) return true;
  return false;
}

/** A line in capitals ("BÁO BẮC GIANG ĐIỆN TỬ"): a masthead in the header, a byline at the end. */
export function isUpperCase(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toLocaleUpperCase('vi') && letters !== letters.toLocaleLowerCase('vi');
}

/** A prose line: a sentence or more of the report. */
export function isProse(line: string): boolean {
  const n = line.split(' ').length;
  return (n >= 14 && /[.!?…”"]$/u.test(line)) || (n >= 25 && !SEPARATOR.test(line));
}

/** "Hoàng Anh" from "HOÀNG ANH": a name in capitals as a reader would cite it. */
export function titleCase(name: string): string {
  return name
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toLocaleUpperCase('vi'));
}
