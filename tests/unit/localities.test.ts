import { describe, expect, it } from 'vitest';
import { localityLabel, localityShort, localityTrail } from '../../src/lib/localities.ts';
import { formatProblem, fieldPath, ContentError } from '../../src/lib/problems.ts';
import { localitySchema } from '../../src/schemas/locality.ts';

describe('localities', () => {
  const locality = localitySchema.parse({ province: 'Hà Giang', district: 'huyện Vị Xuyên', commune: 'Thượng Sơn' });

  it('resolves to gazetteer names and codes', () => {
    expect(locality).toEqual({
      province: 'Hà Giang',
      provinceCode: '02',
      district: 'Vị Xuyên',
      districtCode: '030',
      commune: 'Thượng Sơn',
      communeCode: '00958',
    });
  });

  it('reads as a Vietnamese address, most specific first', () => {
    expect(localityLabel(locality)).toBe('xã Thượng Sơn, huyện Vị Xuyên, tỉnh Hà Giang');
    expect(localityShort(locality)).toBe('Thượng Sơn, Vị Xuyên, Hà Giang');
    expect(localityTrail(locality).map((u) => u.level)).toEqual(['province', 'district', 'commune']);
  });

  it('labels cities and wards with their own type words', () => {
    const ward = localitySchema.parse({ province: 'Quảng Ninh', district: 'Hạ Long', commune: 'Hà Lầm' });
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
    expect(formatProblem(p)).toBe('a.mdx:3:7  date  bad  (warning)');
    const error = new ContentError([{ ...p, severity: 'error' }, p]);
    expect(error.message).toBe('1 problem in content:\na.mdx:3:7  date  bad');
    expect(error.stack).toBe('');
  });
});
