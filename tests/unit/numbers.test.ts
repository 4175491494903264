import { describe, expect, it } from 'vitest';
import { formatFigureAmount, formatViAmount, formatViNumber, numbersInPhrase, parseViNumber } from '../../src/lib/text/numbers.ts';

describe('parseViNumber', () => {
  it.each([
    ['1.100', 1100],
    ['5.500', 5500],
    ['10,4', 10.4],
    ['12,5', 12.5],
    ['1.234.567,5', 1234567.5],
    ['236', 236],
    ['0', 0],
  ])('%s = %d', (text, value) => {
    expect(parseViNumber(text)).toBe(value);
  });

  it.each(['1.5', '1,2,3', '12.34', 'abc', '', '1.1000'])('rejects malformed %j', (text) => {
    expect(parseViNumber(text)).toBeNull();
  });
});

describe('numbersInPhrase', () => {
  it('applies scale words', () => {
    expect(numbersInPhrase('trên 10,4 tỷ đồng')).toEqual([10_400_000_000]);
    expect(numbersInPhrase('gần 1 tỷ đồng')).toEqual([1_000_000_000]);
    expect(numbersInPhrase('2,5 triệu người')).toEqual([2_500_000]);
    expect(numbersInPhrase('15 nghìn hộ')).toEqual([15_000]);
  });

  it('reads percentages, units glued to numbers and several numbers', () => {
    expect(numbersInPhrase('trên 90%')).toEqual([90]);
    expect(numbersInPhrase('160ha')).toEqual([160]);
    expect(numbersInPhrase('kết nạp 2 đảng viên trong năm 2022')).toEqual([2, 2022]);
    expect(numbersInPhrase('hơn 5.500 đảng viên.')).toEqual([5500]);
  });

  it('does not read a scale word glued to a longer word', () => {
    expect(numbersInPhrase('3 tỷphú')).toEqual([3]);
  });
});

describe('formatting', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(formatViNumber(5500)).toBe('5.500');
    expect(formatViNumber(10.4)).toBe('10,4');
    expect(formatViAmount(10_400_000_000)).toBe('10,4 tỷ');
    expect(formatViAmount(2_500_000)).toBe('2,5 triệu');
    expect(formatViAmount(1100)).toBe('1.100');
  });

  it('writes a figure with its qualifier and unit, percentages without a space', () => {
    expect(formatFigureAmount({ value: 79, unit: '%', qualifier: 'trên' })).toBe('trên 79%');
    expect(formatFigureAmount({ value: 2_800_000_000, unit: 'đồng' })).toBe('2,8 tỷ đồng');
    expect(formatFigureAmount({ value: 2312, unit: 'đảng viên', qualifier: undefined })).toBe('2.312 đảng viên');
  });
});
