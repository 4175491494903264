import { describe, expect, it } from 'vitest';
import { localityLabel, localityShort, localityTrail } from '../../src/lib/places/localities.ts';
import { formatProblem, fieldPath, ContentError } from '../../src/lib/articles/problems.ts';
import { localityOn } from '../../src/schemas/locality.ts';

describe('localities', () => {
  const locality = localityOn({ province: 'Hà Giang', district: 'huyện Vị Xuyên', commune: 'Thượng Sơn' }, '2019-05-10');

  it('resolves to gazetteer names and codes, then and today', () => {
    expect(locality).toEqual({
      province: 'Hà Giang',
      provinceCode: '02',
      district: 'Vị Xuyên',
      districtCode: '030',
      commune: 'Thượng Sơn',
      communeCode: '00958',
      ids: ['02', '030', '00958'],
      // Hà Giang became part of Tuyên Quang; the commune kept its name.
      today: { province: 'Tuyên Quang', provinceCode: '08', commune: 'Thượng Sơn', communeCode: '00958' },
    });
  });

  it('resolves a place of the two-level system from 1 July 2025', () => {
    const now = localityOn({ province: 'Tuyên Quang', commune: 'xã Thượng Sơn' }, '2026-03-02');
    expect(now).toEqual({
      province: 'Tuyên Quang',
      provinceCode: '08',
      commune: 'Thượng Sơn',
      communeCode: '00958',
      ids: ['2025-08', '2025-00958'],
      today: { province: 'Tuyên Quang', provinceCode: '08', commune: 'Thượng Sơn', communeCode: '00958' },
    });
    expect(localityLabel(now)).toBe('xã Thượng Sơn, tỉnh Tuyên Quang');
  });

  it('reads as a Vietnamese address, most specific first', () => {
    expect(localityLabel(locality)).toBe('xã Thượng Sơn, huyện Vị Xuyên, tỉnh Hà Giang');
    expect(localityShort(locality)).toBe('Thượng Sơn, Vị Xuyên, Hà Giang');
    expect(localityTrail(locality).map((s) => s.unit.level)).toEqual(['province', 'district', 'commune']);
  });

  it('labels cities and wards with their own type words', () => {
    const ward = localityOn({ province: 'Quảng Ninh', district: 'Hạ Long', commune: 'Hà Lầm' }, '2019-05-10');
    expect(localityLabel(ward)).toBe('phường Hà Lầm, thành phố Hạ Long, tỉnh Quảng Ninh');
  });
});

describe('problems', () => {
  it('writes dotted paths with indexes', () => {
    expect(fieldPath(['figures', 2, 'text'])).toBe('figures[2].text');
    expect(fieldPath(['locality', 'district'])).toBe('locality.district');
    expect(fieldPath([])).toBe('frontmatter');
  });

  it('formats one line per problem and marks warnings', () => {
    const p = { file: 'a.mdx', line: 3, column: 7, field: 'date', message: 'bad', severity: 'warning' as const };
    expect(formatProblem(p)).toBe('a.mdx:3:7  date  bad  (cảnh báo)');
    const error = new ContentError([{ ...p, severity: 'error' }, p]);
    expect(error.message).toBe('1 lỗi trong bài cần sửa:\na.mdx:3:7  date  bad');
    expect(error.stack).toBe('');
  });
});
