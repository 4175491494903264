/**
 * The dated gazetteer's builder (scripts/lib/places-data.ts) on small snapshots written here, and
 * the committed src/data/places.json against what the registry packages give today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlacesFile, splitTypeWord, type Reform, type Snapshot, type SnapshotUnit } from '../../scripts/lib/places-data.ts';
import { generatePlaces, PLACES_PATH, placesText } from '../../scripts/places-data.ts';
import type { PlaceRecord } from '../../src/lib/places/place-data.ts';

const source = (date: string) => ({ id: `s-${date}`, name: 's', version: '1', date, licence: 'MIT', what: '' });

/** A snapshot from lines "code level type name parent". */
function snap(date: string, lines: string[]): Snapshot {
  const units = new Map<string, SnapshotUnit>();
  for (const line of lines) {
    const [code, level, type, name, parent] = line.split('|');
    units.set(code!, { code: code!, level: level as SnapshotUnit['level'], type: type!, name: name!, ...(parent && { parent }) });
  }
  return { source: source(date), units };
}

const base = ['01|province|tinh|Alpha', '001|district|huyen|Bắc|01', '002|district|huyen|Nam|01', '00001|commune|xa|Hà|001', '00002|commune|xa|Lâm|001', '00003|commune|xa|Đông|002', '00004|commune|xa|Tây|002'];

const reform: Reform = {
  source: source('2025-07-01'),
  date: '2025-07-01',
  provinces: [{ code: '01', name: 'Alpha', type: 'tinh' }],
  wards: [
    { code: '00001', name: 'Hà Lâm', type: 'phuong', province: '01' },
    { code: '00003', name: 'Đông Tây', type: 'xa', province: '01' },
    { code: '00009', name: 'Mới', type: 'xa', province: '01' },
  ],
  rows: [
    { oldCode: '00001', oldName: 'Xã Hà', oldDistrict: null, oldProvince: null, newCode: '00001', newName: 'Phường Hà Lâm', newProvince: 'Tỉnh Alpha' },
    // A later row with no old code and the new code's leading zeros dropped, found by names.
    { oldCode: null, oldName: 'Xã Đông', oldDistrict: 'Huyện Nam', oldProvince: 'Tỉnh Alpha', newCode: '3', newName: 'Xã Đông Tây', newProvince: 'Alpha' },
    // A row whose code is another commune's: the name in the province decides.
    { oldCode: null, oldName: 'Xã Đông', oldDistrict: 'Huyện Nam', oldProvince: 'Tỉnh Alpha', newCode: '00001', newName: 'Xã Mới', newProvince: 'Alpha' },
  ],
};

describe('buildPlacesFile', () => {
  const later = snap('2024-05-01', [
    ...base.filter((l) => !l.startsWith('00002') && !l.startsWith('002|') && !l.startsWith('00001')),
    // Hà took in Lâm and its name (as Quỳnh Lôi took Bạch Mai's); Nam's communes moved to Bắc.
    '00001|commune|phuong|Lâm|001',
    '00003|commune|xa|Đông|001',
    '00004|commune|xa|Tây|001',
  ]);
  const { file, report } = buildPlacesFile([snap('2022-10-01', base), later], reform);
  const place = (id: string) => file.places.find((p) => p.id === id) as PlaceRecord;

  it('records a rename with both names and the span it happened in', () => {
    expect(place('00001').v).toEqual([
      { type: 'xa', name: 'Hà', parent: '001', to: ['2022-10-01', '2024-05-01'] },
      { type: 'phuong', name: 'Lâm', parent: '001', from: ['2022-10-01', '2024-05-01'], to: '2025-07-01' },
    ]);
  });

  it('gives a commune that went the one that took its name, and a district the one its communes moved to', () => {
    expect(place('00002').next).toEqual([{ id: '00001', kind: 'merged', date: ['2022-10-01', '2024-05-01'], src: 'inferred' }]);
    expect(place('002').next).toEqual([{ id: '001', kind: 'merged', date: ['2022-10-01', '2024-05-01'], src: 'inferred' }]);
    expect(report.inferred).toEqual({ byName: 1, byChildren: 1, unknown: 0 });
  });

  it('links the reform by code, by names, and splits where a commune went to two', () => {
    expect(place('00001').next).toEqual([{ id: '2025-00001', kind: 'renamed' }]);
    expect(place('00003').next).toEqual([{ id: '2025-00003', kind: 'split' }, { id: '2025-00009', kind: 'split' }]);
    expect(place('01').next).toEqual([{ id: '2025-01', kind: 'continued' }]);
    expect(report.reform).toMatchObject({ coded: 1, fromNames: 2, badTarget: 0, unmapped: ['00004'] });
    expect(place('2025-00003').v).toEqual([{ type: 'xa', name: 'Đông Tây', parent: '2025-01', from: '2025-07-01' }]);
  });

  it('takes the type word off registry names, whatever their spacing and case', () => {
    expect(splitTypeWord('Xã  A Dơi')).toEqual({ type: 'xa', name: 'A Dơi' });
    expect(splitTypeWord('Thị Trấn Châu Ổ')).toEqual({ type: 'thi-tran', name: 'Châu Ổ' });
    expect(splitTypeWord('Thành phố Hà Nội')).toEqual({ type: 'thanh-pho', name: 'Hà Nội' });
    expect(splitTypeWord('Đặc khu Côn Đảo')).toEqual({ type: 'dac-khu', name: 'Côn Đảo' });
    expect(splitTypeWord('Cao Bằng')).toEqual({ name: 'Cao Bằng' });
  });
});

describe('src/data/places.json', () => {
  it('is what `npm run places:data` makes from the installed registry packages', () => {
    // If this fails after updating a package: npm run places:data, and review the diff.
    expect(readFileSync(PLACES_PATH, 'utf8') === placesText(generatePlaces().file)).toBe(true);
  });
});
