/**
 * The dated gazetteer's builder (scripts/lib/places-data.ts) on small snapshots written here, and
 * the committed src/data/places.json against what the registry packages give today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlacesFile, splitTypeWord, type Legacy, type Reform, type Snapshot, type SnapshotUnit } from '../../scripts/lib/places-data.ts';
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

describe('the legacy tables', () => {
  const snapshot = snap('2022-10-01', [...base, '00005|commune|xa|Hà Lâm|002']);
  const row = (district: string, unit: string, alias: string, year: string) => ({ province: 'tinhalpha', district, unit, alias, ref: 'https://example.org/nq', year });
  const legacy: Legacy = {
    source: { ...source('2025-08-27'), id: 'legacy' },
    communes: [
      row('huyenbac', 'xaha', 'xaquang', '2019'),
      row('huyenbac', 'xaha', 'quang', '2019'),
      // An older name still listed in the snapshot is no change; nor is an undated row (the snapshots date those).
      row('huyennam', 'xahalam', 'xadong', '2020'),
      row('huyenbac', 'xalam', 'xatrung', ''),
      // Only an abbreviation: no type to give it.
      row('huyenbac', 'xalam', 'ttcu', '2020'),
    ],
    districts: [
      { province: 'tinhalpha', district: 'huyenbac', unit: 'huyenbac', alias: 'huyenquangyen', ref: '', year: '' },
      // The bare form of a typed alias is not read as "quận Gyen".
      { province: 'tinhalpha', district: 'huyenbac', unit: 'huyenbac', alias: 'quangyen', ref: '', year: '' },
    ],
  };
  const { file, report } = buildPlacesFile([snapshot], reform, legacy);
  const place = (id: string) => file.places.find((p) => p.id === id);

  it('adds each old name once, folded, with the year as a span and its successor and source page', () => {
    expect(place('legacy-001-quang')).toEqual({
      id: 'legacy-001-quang',
      level: 'commune',
      v: [{ type: 'xa', name: 'quang', ascii: true, parent: '001', to: ['2019-01-01', '2020-12-31'] }],
      next: [{ id: '00001', kind: 'merged', date: ['2019-01-01', '2020-12-31'], src: 'legacy', ref: 'https://example.org/nq' }],
    });
    expect(place('legacy-01-quangyen')?.v).toEqual([{ type: 'huyen', name: 'quangyen', ascii: true, parent: '01', to: ['2017-01-01', '2022-10-01'] }]);
    expect(file.places.filter((p) => p.id.startsWith('legacy-')).map((p) => p.id).sort()).toEqual(['legacy-001-quang', 'legacy-01-quangyen']);
    expect(report.legacy).toMatchObject({ communes: 1, districts: 1, skipped: { undated: 1, abbreviated: 1, stillListed: 1 } });
  });
});

describe('src/data/places.json', () => {
  it('is what `npm run places:data` makes from the installed registry packages', () => {
    // If this fails after updating a package: npm run places:data, and review the diff.
    expect(readFileSync(PLACES_PATH, 'utf8') === placesText(generatePlaces().file)).toBe(true);
  });
});
