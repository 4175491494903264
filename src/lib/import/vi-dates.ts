/**
 * Date lines as Vietnamese news sites print them: "30/09/2022", "Thứ Hai, 08/07/2019, 16:38 (GMT+7)",
 * "Chủ nhật, 05/03/2023 | 23:06:09", "Cập nhật lúc 09:15, Thứ Ba, 14/05/2019", "14:05 12/3/2020",
 * "Ngày 12 tháng 3 năm 2020".
 */
import { isCalendarDate } from '../text/dates.ts';

/** A date found on a line. */
export interface DateHit {
  year: number;
  month: number;
  day: number;
  time?: { hour: number; minute: number; second?: number };
  /** The line is nothing but the date (and weekday, time, zone, view count): a date line. */
  wholeLine: boolean;
  /** A dateline that also names the author: "Lê Văn Bình - Thứ Hai, 03/04/2023". */
  byName?: string;
  /** A date beside a short label or section name: a dateline when the page has no plainer one. */
  labelled?: boolean;
}

const ZONE = /\(?\[?(gmt|utc)\s*\+\s*0?7(:00)?\]?\)?/iu;
const WEEKDAY = /(thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn)/iu;

/** The first date on a line, or null. */
export function findDate(line: string): DateHit | null {
  const text = line.normalize('NFC');
  let m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(text);
  let day: number, month: number, year: number;
  if (m) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text))) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  if (!isCalendarDate(year, month, day) || year < 1945 || year > 2100) return null;
  const t = /(\d{1,2})[:h](\d{2})(?::(\d{2}))?/.exec(text.replace(m[0], ' ').replace(ZONE, ' '));
  const hit: DateHit = { year, month, day, wholeLine: false };
  if (t && Number(t[1]) < 24 && Number(t[2]) < 60) hit.time = { hour: Number(t[1]), minute: Number(t[2]), ...(t[3] && Number(t[3]) < 60 && { second: Number(t[3]) }) };
  // What remains once date, time, weekday, zone and furniture words are gone: nothing, for a date line.
  const rest = text
    .replace(m[0], '')
    .replace(t?.[0] ?? '\u0000', '')
    .replace(WEEKDAY, '')
    .replace(ZONE, '')
    .replace(/cập nhật( lúc| ngày)?|ngày đăng|đăng( lúc| ngày)?|xuất bản|thời gian|published|updated|ngày|lúc|giờ|(lượt xem|lượt đọc)\s*:?\s*\d[\d.,]*|\d[\d.,]*\s*lượt (xem|đọc)/giu, '')
    .replace(/[,|:()[\]–—-]+/g, ' ')
    .trim();
  hit.wholeLine = rest.length === 0;
  if (!hit.wholeLine && /^\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){1,4}$/u.test(rest)) hit.byName = rest.replace(/\s+/g, ' ');
  // "Thời sự | 20/11/2020", "Tác giả: Minh Hà | 12/3/2020": a short label beside the date.
  else if (!hit.wholeLine && !/\d/.test(rest) && rest.split(/\s+/).length <= 5 && /[|]|\s[-–]\s|:/.test(text)) hit.labelled = true;
  return hit;
}

/** ISO string for frontmatter: date, or date-time in Vietnam time. */
export function hitToIso(hit: DateHit): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const d = `${hit.year}-${p(hit.month)}-${p(hit.day)}`;
  if (!hit.time) return d;
  return `${d}T${p(hit.time.hour)}:${p(hit.time.minute)}${hit.time.second !== undefined ? `:${p(hit.time.second)}` : ''}`;
}

/** Sort key of a hit, minutes since year 0 (for "the earliest date line"). */
export function hitKey(hit: DateHit): number {
  return ((hit.year * 12 + hit.month) * 31 + hit.day) * 1440 + (hit.time ? hit.time.hour * 60 + hit.time.minute : 0);
}

/**
 * The day a lead begins with — "Ngày 12.3, …", "Sáng 3/4, …", "(BHG) - Chiều 18/11, …" — when the
 * page gives no date line: the event's day, and the year must come from elsewhere.
 */
export function leadDate(lead: string): { day: number; month: number } | undefined {
  const m = /^(?:(?:sáng|chiều|tối|trưa|đêm|ngày|hôm nay|hôm qua)\s*(?:ngày\s*)?|trong (?:hai )?ngày\s*)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d/.-]*\d{4})/iu.exec(lead.slice(0, 60));
  if (!m) return undefined;
  const [day, month] = [Number(m[1]), Number(m[2])];
  return isCalendarDate(2024, month, day) ? { day, month } : undefined;
}
