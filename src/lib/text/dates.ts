/**
 * Article dates. Frontmatter holds ISO 8601 strings; a date-time without an offset
 * is Vietnam time (+07:00), and everything shown to readers is in Vietnam time.
 */

/** Vietnam's UTC offset in minutes; Vietnam has no daylight saving. */
const VN_OFFSET_MIN = 7 * 60;

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** A parsed article date: the instant, and the calendar fields in Vietnam time. */
export interface ArticleDate {
  /** The moment as a JS Date (for a date without time: midnight in Vietnam). */
  instant: Date;
  year: number;
  month: number;
  day: number;
  /** Hours and minutes in Vietnam time, or null when the source gave only a date. */
  time: { hour: number; minute: number } | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Whether year/month/day name a real calendar day (no 31/02). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Parses "2022-09-30", "2019-07-08T16:38" (Vietnam time) or "2019-07-08T09:38:00Z".
 * Returns null for malformed strings and impossible dates or times.
 */
export function parseArticleDate(text: string): ArticleDate | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  if (!isCalendarDate(year, month, day)) return null;
  if (hh === undefined) {
    const instant = new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MIN * 60_000);
    return { instant, year, month, day, time: null };
  }
  const hour = Number(hh), minute = Number(mi), second = Number(ss ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = VN_OFFSET_MIN;
  if (zone && zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  } else if (zone === 'Z') {
    offset = 0;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  const instant = new Date(utc);
  // Re-read the calendar fields in Vietnam time, which may differ from the written ones.
  const vn = new Date(utc + VN_OFFSET_MIN * 60_000);
  return {
    instant,
    year: vn.getUTCFullYear(),
    month: vn.getUTCMonth() + 1,
    day: vn.getUTCDate(),
    time: { hour: vn.getUTCHours(), minute: vn.getUTCMinutes() },
  };
}

/** Weekday name in Vietnamese ("Thứ Sáu") for a parsed date. */
export function weekdayVi(date: ArticleDate): string {
  return WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
}

/** "30/09/2022". */
export function formatDateShort(date: ArticleDate): string {
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

/** "Thứ Sáu, 30/09/2022" and, when the time is known, ", 16:38". */
export function formatDateLong(date: ArticleDate): string {
  const base = `${weekdayVi(date)}, ${formatDateShort(date)}`;
  return date.time ? `${base}, ${pad(date.time.hour)}:${pad(date.time.minute)}` : base;
}

/** Machine-readable value for `<time datetime>`: date only, or date-time with +07:00. */
export function isoAttribute(date: ArticleDate): string {
  const d = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  return date.time ? `${d}T${pad(date.time.hour)}:${pad(date.time.minute)}+07:00` : d;
}

/** For estimated dates: "khoảng tháng 7/2023" — the day is not claimed. */
export function formatDateApprox(date: ArticleDate): string {
  return `khoảng tháng ${date.month}/${date.year}`;
}
