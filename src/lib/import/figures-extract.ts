/**
 * Finds the figures a report gives: a number (Vietnamese notation, with scale words) with an
 * optional qualifier before it and a counted unit after it — "hơn 5.500 đảng viên", "trên 90%",
 * "10,4 tỷ đồng", "160ha". Not figures: years, dates, document numbers, ordinals, numbers in
 * names or in quoted slogans, rates ("3 vụ/năm").
 */
import { QUALIFIERS } from '../../schemas/figure.ts';
import { numbersInPhrase } from '../numbers.ts';

/** An extracted figure, as the frontmatter takes it. */
export interface ExtractedFigure {
  value: number;
  unit: string;
  qualifier?: (typeof QUALIFIERS)[number];
  text: string;
}

/** Counted things, longest first so "tổ chức cơ sở đảng" wins over "tổ chức". */
export const UNITS = [
  'tổ chức cơ sở đảng', 'tổ chức đảng', 'đảng bộ cơ sở', 'chi bộ', 'đảng viên', 'đảng bộ', 'đồng chí', 'quần chúng',
  'cán bộ', 'công chức', 'hộ nghèo', 'hộ cận nghèo', 'hộ dân', 'hộ', 'người', 'nhân khẩu', 'lao động', 'học sinh',
  'thôn', 'bản', 'khu phố', 'tổ dân phố', 'xã', 'phường', 'thị trấn', 'huyện', 'đơn vị', 'mô hình', 'công trình', 'dự án',
  'doanh nghiệp', 'hợp tác xã', 'trường', 'lớp', 'tấn', 'ha', 'héc-ta', 'km', 'đồng',
  'con', 'cây', 'vùng', 'lượt', 'cuộc', 'buổi', 'thành viên', 'câu lạc bộ', 'tác phẩm', 'ngôi nhà', 'nhà',
].sort((a, b) => b.length - a.length);

const QUALIFIER_RE = [...QUALIFIERS].sort((a, b) => b.length - a.length).join('|');
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const FIGURE = new RegExp(String.raw`(?<![\p{L}\p{N}/.,-])(?:(${QUALIFIER_RE})\s+)?(${NUMBER})(\s*(?:tỷ|tỉ|triệu|nghìn|ngàn)(?!\p{L}))?(\s*%|\s*(?:${UNITS.join('|')})(?![\p{L}/]))`, 'gu');
// Words that make the number a year, date, count of times or document number.
const NOT_BEFORE = /(năm|nhiệm kỳ|khóa|khoá|lần thứ|thứ|(?<!tổng )số|ngày|tháng|quý|giai đoạn)\s*$/iu;

/** Figures in `text`, in order, without repeats of the same phrase. */
export function extractFigures(text: string): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  const seen = new Set<string>();
  // Quote marks before the current match, counted as the matches advance (once over the text).
  let open = 0;
  let close = 0;
  let counted = 0;
  for (const m of text.matchAll(FIGURE)) {
    for (; counted < m.index; counted++) {
      const c = text[counted];
      if (c === '“') open++;
      else if (c === '”') close++;
    }
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (NOT_BEFORE.test(before)) continue;
    // Inside a quoted slogan (“4 tốt”): more quotes opened than closed before the match.
    if (open > close) continue;
    const phrase = m[0].trim();
    if (seen.has(phrase)) continue;
    const value = numbersInPhrase(`${m[2]}${m[3] ?? ''}`)[0];
    if (value === undefined) continue;
    // "10,4 tỷ đồng" counts đồng: the scale word (group 3) is in the value.
    const unit = m[4]!.trim() === 'héc-ta' ? 'ha' : m[4]!.trim();
    seen.add(phrase);
    out.push({ value, unit, ...(m[1] && { qualifier: m[1] as ExtractedFigure['qualifier'] }), text: phrase });
  }
  return out;
}
