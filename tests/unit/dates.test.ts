import { describe, expect, it } from 'vitest';
import {
  formatDateApprox,
  formatDateLong,
  formatDateShort,
  isCalendarDate,
  isoAttribute,
  parseArticleDate,
  weekdayVi,
} from '../../src/lib/text/dates.ts';

describe('parseArticleDate', () => {
  it('reads a date as midnight Vietnam time', () => {
    const d = parseArticleDate('2022-09-30')!;
    expect(d.instant.toISOString()).toBe('2022-09-29T17:00:00.000Z');
    expect([d.year, d.month, d.day, d.time]).toEqual([2022, 9, 30, null]);
  });

  it('reads a time without offset as Vietnam time', () => {
    const d = parseArticleDate('2019-07-08T16:38')!;
    expect(d.instant.toISOString()).toBe('2019-07-08T09:38:00.000Z');
    expect(d.time).toEqual({ hour: 16, minute: 38 });
  });

  it('converts other offsets to Vietnam time', () => {
    const d = parseArticleDate('2023-03-05T20:00:00Z')!;
    expect([d.year, d.month, d.day, d.time]).toEqual([2023, 3, 6, { hour: 3, minute: 0 }]);
    expect(parseArticleDate('2023-03-05T23:06:09+07:00')!.instant.toISOString()).toBe('2023-03-05T16:06:09.000Z');
  });

  it.each(['2022-02-30', '2022-13-01', '2022-09-30T24:00', '30/09/2022', '2022-9-30', '', 'hôm qua'])(
    'rejects %j',
    (text) => {
      expect(parseArticleDate(text)).toBeNull();
    },
  );

  it('knows leap years', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
  });
});

describe('formatting', () => {
  // Weekdays as the source pages printed them next to these dates.
  it.each([
    ['2019-07-08T16:38', 'Thứ Hai, 08/07/2019, 16:38'],
    ['2019-01-10T08:01', 'Thứ Năm, 10/01/2019, 08:01'],
    ['2023-03-05T23:06:09', 'Chủ nhật, 05/03/2023, 23:06'],
    ['2023-03-28T06:29', 'Thứ Ba, 28/03/2023, 06:29'],
    ['2022-09-30', 'Thứ Sáu, 30/09/2022'],
  ])('%s → %s', (iso, text) => {
    expect(formatDateLong(parseArticleDate(iso)!)).toBe(text);
  });

  it('gives short, approximate and machine forms', () => {
    const d = parseArticleDate('2023-07-01')!;
    expect(formatDateShort(d)).toBe('01/07/2023');
    expect(formatDateApprox(d)).toBe('khoảng tháng 7/2023');
    expect(weekdayVi(d)).toBe('Thứ Bảy');
    expect(isoAttribute(d)).toBe('2023-07-01');
    expect(isoAttribute(parseArticleDate('2019-07-08T16:38')!)).toBe('2019-07-08T16:38+07:00');
  });
});
