/**
 * Finds the figures a report gives: a number (Vietnamese notation, with scale words) with an
 * optional qualifier before it and a counted unit after it — "hơn 5.500 đảng viên", "trên 90%",
 * "10,4 tỷ đồng", "160ha". Not figures: years, dates, document numbers, ordinals, numbers in
 * names or in quoted slogans, rates ("3 vụ/năm").
 */
import { QUALIFIERS } from '../../schemas/figure.ts';
import { numbersInPhrase } from '../text/numbers.ts';
import { escapeRegExp } from '../text/vi-text.ts';

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
  'ngày công', 'cán bộ', 'công chức', 'hộ nghèo', 'hộ cận nghèo', 'hộ dân', 'hộ', 'người', 'nhân khẩu', 'lao động', 'học sinh',
  'thôn', 'bản', 'khu phố', 'tổ dân phố', 'xã', 'phường', 'thị trấn', 'huyện', 'đơn vị', 'mô hình', 'công trình', 'dự án',
  'doanh nghiệp', 'hợp tác xã', 'trường', 'lớp', 'tấn', 'ha', 'héc-ta', 'km', 'đồng',
  'con', 'cây', 'vùng', 'lượt', 'cuộc', 'buổi', 'thành viên', 'câu lạc bộ', 'tác phẩm', 'ngôi nhà', 'nhà',
].sort((a, b) => b.length - a.length);

const QUALIFIER_RE = [...QUALIFIERS].sort((a, b) => b.length - a.length).join('|');
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
// Measures that may be a rate ("38 triệu đồng/người", "6 tấn/ha"); a count per time ("3 vụ/năm") is not a figure.
const MEASURES = ['%', 'ha', 'héc-ta', 'km²', 'km2', 'km', 'm²', 'm2', 'm³', 'm3', 'm', 'tấn', 'tạ', 'kg', 'lít', 'đồng', 'USD'];
const MEASURE_RE = MEASURES.map(escapeRegExp).join('|');
const FIGURE = new RegExp(
  // Spaces, not \s: a figure never runs across paragraphs.
  String.raw`(?<![\p{L}\p{N}/.,-])(?:(${QUALIFIER_RE}) )?(${NUMBER})( ?(?:tỷ|tỉ|triệu|nghìn|ngàn)(?!\p{L}))?` +
    // Counted nouns first: "16 đồng chí" is not 16 đồng.
    String.raw`(?:( ?(?:${UNITS.filter((u) => !MEASURES.includes(u)).join('|')})(?![\p{L}/]))|( ?(?:${MEASURE_RE})(?:\/\p{Ll}+){0,2}(?![\p{L}\d²³/]))| (\p{Ll}+)(?: (\p{Ll}+))?(?![\p{L}/]))`,
  'gu',
);
// Words that make the number a year, date, count of times, name or document number.
const NOT_BEFORE =
  /(?<![\p{L}])(năm|nhiệm kỳ|khóa|khoá|lần thứ|thứ|(?<!tổng |trong |dân )số|ngày|tháng|quý|giai đoạn|khoản|điều|mục|chương|phần|bước|thôn|ấp|bản|khu|tổ|xóm|đội|phường|quận|đường|lô|tầng|hạng|loại|tỷ số|tỉ số|trung ương|top|covid|mốc|\d\s?[-–])\s*$/iu;
/** Nouns after a number that make it a time, an age, a score or a count of times, not a figure. */
const NOT_COUNTED = new Set(
  (
    'năm tháng ngày tuần giờ phút giây tuổi lần kỳ khóa khoá quý thế đời điểm độ cấp hằng hàng tỷ tỉ triệu nghìn ngàn ' +
    'có là và của được đã đang sẽ với trong trên dưới cho từ đến tới về theo tại ở khi nếu thì mà này đó kia các những mỗi một hai ba bốn năm sáu bảy tám chín mười ' +
    'còn cũng đều vẫn chỉ rồi nên để bị do vì như nhưng hoặc hay trở giảm tăng đạt gồm thuộc chiếm'
  ).split(' '),
);
const NOT_SECOND = new Set(
  'có là và của được đã đang sẽ với trong trên dưới cho từ đến tới về theo tại ở khi nếu thì mà này đó các những mỗi còn cũng đều vẫn chỉ rồi nên để bị do vì như nhưng hoặc hay trở lên xuống mới tham gia thực hiện'.split(' '),
);

/** Figures in `text`, in order, without repeats of the same phrase. */
export function extractFigures(text: string): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  const seen = new Set<string>();
  // Quote marks before the current match, counted as the matches advance (once over the text).
  let open = 0;
  let close = 0;
  let openedAt = -1;
  let counted = 0;
  for (const m of text.matchAll(FIGURE)) {
    for (; counted < m.index; counted++) {
      const c = text[counted];
      if (c === '“') [open, openedAt] = [open + 1, counted];
      else if (c === '”') close++;
    }
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    // "năm 2022", "số 12" — unless a qualifier says it is a quantity ("mỗi năm khoảng 450 tấn").
    if (!m[1] && NOT_BEFORE.test(before)) continue;
    // A number ending a name ("đội xóm Nà Pàn 1 thắng …"), unless a counted noun follows it.
    if (m[6] !== undefined && /[\p{L}]\s\p{Lu}\p{Ll}*\s$/u.test(before)) continue;
    // Inside a quoted slogan (“4 tốt”), not a quoted speech: a short quote still open before the match.
    if (open > close) {
      const closing = text.indexOf('”', m.index);
      if (closing < 0 || closing - openedAt <= 40) continue;
    }
    // A counted noun no list names: one or two lower-case words after the number ("10.356 cử tri").
    const [first, second] = [m[6], m[7]];
    // "9,5 điểm" is a score, "12 điểm cầu" a count of places.
    const countedPoint = first === 'điểm' && second !== undefined && !NOT_SECOND.has(second);
    if (first !== undefined && ((NOT_COUNTED.has(first) && !countedPoint) || /^(19|20)\d\d$/.test(m[2]!))) continue;
    const generic = first === undefined ? undefined : second === undefined || NOT_SECOND.has(second) || NOT_COUNTED.has(second) ? first : `${first} ${second}`;
    const unitText = (m[4] ?? m[5])?.trim() ?? generic!;
    const phrase = `${m[1] ? `${m[1]} ` : ''}${m[2]}${m[3] ?? ''}${m[4] ?? m[5] ?? ` ${generic}`}`.trim();
    if (seen.has(phrase)) continue;
    const value = numbersInPhrase(`${m[2]}${m[3] ?? ''}`)[0];
    if (value === undefined) continue;
    // "10,4 tỷ đồng" counts đồng: the scale word (group 3) is in the value.
    const unit = unitText === 'héc-ta' ? 'ha' : unitText;
    seen.add(phrase);
    out.push({ value, unit, ...(m[1] && { qualifier: m[1] as ExtractedFigure['qualifier'] }), text: phrase });
  }
  return out;
}
