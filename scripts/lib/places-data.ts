/**
 * Builds the dated gazetteer (src/data/places.json) from registry data: dated snapshots of the
 * three-level system (63 provinces → districts → communes) and the 2025 reform's two-level units
 * with its old → new mapping. Pure: the CLI (scripts/places-data.ts) loads the packages.
 */
import { prefixType, stripTypePrefix } from '../../src/lib/places/place-names.ts';
import { asciiKey, TYPE_LABELS } from '../../src/lib/places/place-names.ts';
import { tidySpace, toneKey } from '../../src/lib/text/vi-text.ts';
import type { Bound, Level, LinkKind, PlaceRecord, PlacesFile, SourceRecord, VersionRecord } from '../../src/lib/places/place-data.ts';

/** One unit as a snapshot lists it. */
export interface SnapshotUnit {
  code: string;
  level: Level;
  /** Our type id: tinh, thanh-pho, huyen, quan, thi-xa, xa, phuong, thi-tran. */
  type: string;
  /** Name without the type word, NFC. */
  name: string;
  parent?: string;
}

/** A dated snapshot of the three-level system. */
export interface Snapshot {
  source: SourceRecord;
  units: Map<string, SnapshotUnit>;
}

/** One row of the reform's old → new mapping, as the registry gives it. */
export interface ReformRow {
  oldCode: string | null;
  oldName: string | null;
  oldDistrict: string | null;
  oldProvince: string | null;
  newCode: string;
  newName: string;
  newProvince: string;
}

/** The reform's units and mapping. */
export interface Reform {
  source: SourceRecord;
  date: string;
  provinces: { code: string; name: string; type: string }[];
  wards: { code: string; name: string; type: string; province: string }[];
  rows: ReformRow[];
}

/** One row of the legacy tables: an older name of a unit of 2024–25, folded to ASCII without spaces. */
export interface LegacyRow {
  province: string;
  district: string;
  /** The unit the old one went into (a commune; for district rows, the district). */
  unit: string;
  alias: string;
  /** The source page (URL). */
  ref: string;
  /** The year of the change; empty when the table does not say. */
  year: string;
}

/** The legacy merger tables: changes before the snapshots begin. */
export interface Legacy {
  source: SourceRecord;
  communes: LegacyRow[];
  districts: LegacyRow[];
}

/** What the builder reports beside the data, for the README and the closing note. */
export interface BuildReport {
  versions: number;
  renamed: number;
  abolished: Record<Level, number>;
  inferred: { byName: number; byChildren: number; unknown: number };
  reform: { coded: number; fromNames: number; gone: number; unresolved: number; badTarget: number; unmapped: string[] };
  legacy: { communes: number; districts: number; splits: number; noSuccessor: number; skipped: { undated: number; abbreviated: number; stillListed: number } };
}

/** "Xã  A Dơi" → { type: 'xa', name: 'A Dơi' }: the registries keep the type word in the name. */
export function splitTypeWord(raw: string): { type?: string; name: string } {
  const type = prefixType(raw);
  return { ...(type && { type }), name: tidySpace(stripTypePrefix(raw)) };
}

const nameKey = (name: string) => toneKey(splitTypeWord(name).name);
const same = (a: SnapshotUnit, b: SnapshotUnit) => a.type === b.type && a.name === b.name && a.parent === b.parent;

/** The bound of a change seen between two snapshots: after the first's date, by the second's. */
const between = (a: Snapshot, b: Snapshot): Bound => [a.source.date, b.source.date];

/**
 * Every unit's versions across the snapshots, the successors of units that went (inferred where the
 * data allows, never guessed), and the reform's links from the last snapshot to the two-level units.
 */
export function buildPlacesFile(snapshots: readonly Snapshot[], reform: Reform, legacy?: Legacy): { file: PlacesFile; report: BuildReport } {
  const report: BuildReport = {
    versions: 0,
    renamed: 0,
    abolished: { province: 0, district: 0, commune: 0 },
    inferred: { byName: 0, byChildren: 0, unknown: 0 },
    reform: { coded: 0, fromNames: 0, gone: 0, unresolved: 0, badTarget: 0, unmapped: [] },
    legacy: { communes: 0, districts: 0, splits: 0, noSuccessor: 0, skipped: { undated: 0, abbreviated: 0, stillListed: 0 } },
  };
  const places = new Map<string, PlaceRecord>();
  const last = snapshots.at(-1)!;

  // Versions: a unit's record changes when its type, name or parent does between two snapshots.
  const codes = new Set(snapshots.flatMap((s) => [...s.units.keys()]));
  for (const code of codes) {
    const versions: VersionRecord[] = [];
    let level: Level = 'commune';
    let prev: SnapshotUnit | undefined;
    for (let i = 0; i < snapshots.length; i++) {
      const u = snapshots[i]!.units.get(code);
      if (!u) {
        if (prev) versions.at(-1)!.to = between(snapshots[i - 1]!, snapshots[i]!);
        prev = undefined;
        continue;
      }
      level = u.level;
      if (prev && same(prev, u)) continue;
      if (prev) versions.at(-1)!.to = between(snapshots[i - 1]!, snapshots[i]!);
      const v: VersionRecord = { type: u.type, name: u.name, ...(u.parent && { parent: u.parent }) };
      if (i > 0) v.from = between(snapshots[i - 1]!, snapshots[i]!);
      versions.push(v);
      prev = u;
    }
    if (last.units.has(code)) versions.at(-1)!.to = reform.date;
    report.versions += versions.length;
    report.renamed += versions.length - 1;
    places.set(code, { id: code, level, v: versions });
  }

  // Units that went before the reform: a successor only where the data shows one.
  for (let i = 0; i + 1 < snapshots.length; i++) {
    const before = snapshots[i]!;
    const after = snapshots[i + 1]!;
    for (const [code, u] of before.units) {
      if (after.units.has(code)) continue;
      report.abolished[u.level]++;
      const successor = u.level === 'district' ? districtSuccessor(code, before, after) : communeSuccessor(u, before, after);
      if (successor) {
        report.inferred[u.level === 'district' ? 'byChildren' : 'byName']++;
        places.get(code)!.next = [{ id: successor, kind: 'merged', date: between(before, after), src: 'inferred' }];
      } else report.inferred.unknown++;
    }
  }

  // The reform: two-level units and the links to them.
  const provinceCode = new Map<string, string>();
  for (const p of reform.provinces) {
    provinceCode.set(nameKey(p.name), p.code);
    places.set(`2025-${p.code}`, { id: `2025-${p.code}`, level: 'province', v: [{ type: p.type, name: p.name, from: reform.date }] });
  }
  const wards = new Map(reform.wards.map((w) => [w.code, w]));
  for (const w of reform.wards) {
    places.set(`2025-${w.code}`, {
      id: `2025-${w.code}`,
      level: 'commune',
      v: [{ type: w.type, name: w.name, parent: `2025-${w.province}`, from: reform.date }],
    });
  }
  const successors = new Map<string, string[]>();
  const addLink = (oldCode: string, newCode: string) => {
    const list = successors.get(oldCode) ?? [];
    if (!list.includes(newCode)) list.push(newCode);
    successors.set(oldCode, list);
  };
  // The rows added on 2025-07-15 name the old unit without its code, and many name communes that
  // had gone in the merger wave of early 2025: they are found in the snapshot that still lists them.
  const byName = new Map<string, string>();
  for (const snap of [...snapshots].reverse()) {
    for (const [code, u] of snap.units) {
      if (u.level !== 'commune') continue;
      const district = snap.units.get(u.parent!)!;
      const province = snap.units.get(district.parent!)!;
      const key = `${nameKey(province.name)}|${nameKey(district.name)}|${toneKey(u.name)}`;
      if (!byName.has(key)) byName.set(key, code);
    }
  }
  for (const row of reform.rows) {
    const target = reformTarget(row, wards, provinceCode);
    if (!target) {
      report.reform.badTarget++;
      continue;
    }
    const newCode = target.code;
    let oldCode = row.oldCode && last.units.has(row.oldCode) ? row.oldCode : undefined;
    if (oldCode) report.reform.coded++;
    else if (row.oldName && row.oldDistrict && row.oldProvince) {
      oldCode = byName.get(`${nameKey(row.oldProvince)}|${nameKey(row.oldDistrict)}|${nameKey(row.oldName)}`);
      if (oldCode) report.reform.fromNames++;
    }
    if (!oldCode) {
      if (row.oldName) report.reform.unresolved++;
      continue;
    }
    addLink(oldCode, newCode);
  }
  const predecessors = new Map<string, number>();
  for (const list of successors.values()) for (const c of list) predecessors.set(c, (predecessors.get(c) ?? 0) + 1);
  for (const [code, list] of successors) {
    if (last.units.has(code)) continue;
    // A commune that went before the reform: where its land is now, as the registry says.
    const place = places.get(code)!;
    place.next = [...list.map((c) => ({ id: `2025-${c}`, kind: 'merged' as const })), ...(place.next ?? [])];
    report.reform.gone++;
  }
  for (const [code, u] of last.units) {
    if (u.level === 'district') continue;
    if (u.level === 'province') {
      const today = provinceFor(code, last, successors, wards);
      if (!today) throw new Error(`the reform's data gives no province for ${u.name}`);
      const merged = [...last.units.values()].filter((p) => p.level === 'province' && provinceFor(p.code, last, successors, wards) === today).length;
      places.get(code)!.next = [{ id: `2025-${today}`, kind: merged > 1 ? 'merged' : 'continued' }];
      continue;
    }
    const list = successors.get(code);
    if (!list) {
      report.reform.unmapped.push(code);
      continue;
    }
    places.get(code)!.next = list.map((c) => ({ id: `2025-${c}`, kind: reformKind(u, wards.get(c)!, list.length, predecessors.get(c)!) }));
  }

  if (legacy) addLegacy(places, snapshots, legacy, report);

  const sources = [...snapshots.map((s) => s.source), reform.source, INFERRED, ...(legacy ? [legacy.source] : [])];
  const sorted = [...places.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { file: { sources, places: sorted }, report };
}

/** The source of successors the builder works out from the snapshots themselves. */
const INFERRED: SourceRecord = {
  id: 'inferred',
  name: 'Suy ra từ hai bản dữ liệu liền nhau',
  version: '',
  date: '',
  licence: '',
  what: 'A commune that went, and a commune of the same name in the same province in the next snapshot (its code kept, its name taken on); a district that went, and the one district all its communes moved to.',
};

type Ward = Reform['wards'][number];

/**
 * The new commune a mapping row names: by its code where the code and name agree, else by its
 * name in its province (the rows added on 2025-07-15 carry codes of other communes, or drop zeros).
 */
function reformTarget(row: ReformRow, wards: Map<string, Ward>, provinceCode: Map<string, string>): Ward | undefined {
  const province = provinceCode.get(nameKey(row.newProvince));
  const byCode = wards.get(row.newCode.padStart(5, '0'));
  if (byCode && byCode.province === province && nameKey(byCode.name) === nameKey(row.newName)) return byCode;
  const named = [...wards.values()].filter((w) => w.province === province && nameKey(w.name) === nameKey(row.newName));
  return named.length === 1 ? named[0] : undefined;
}

function reformKind(old: SnapshotUnit, now: { name: string; type: string }, successors: number, predecessors: number): LinkKind {
  if (successors > 1) return 'split';
  if (predecessors > 1) return 'merged';
  if (toneKey(old.name) !== toneKey(now.name)) return 'renamed';
  return old.type === now.type ? 'continued' : 'reclassified';
}

/** The two-level province an old province's communes went to: all the same, or it is an error. */
function provinceFor(code: string, last: Snapshot, successors: Map<string, string[]>, wards: Map<string, { province: string }>): string | undefined {
  const found = new Set<string>();
  for (const [c, u] of last.units) {
    if (u.level !== 'commune' || last.units.get(u.parent!)?.parent !== code) continue;
    for (const s of successors.get(c) ?? []) found.add(wards.get(s)!.province);
  }
  if (found.size > 1) throw new Error(`the communes of province ${code} went to ${found.size} provinces`);
  return [...found][0];
}

/** A commune that went: the commune of the same name in its province in the next snapshot, if exactly one. */
function communeSuccessor(u: SnapshotUnit, before: Snapshot, after: Snapshot): string | undefined {
  const province = before.units.get(u.parent!)?.parent;
  const key = toneKey(u.name);
  const found = [...after.units.values()].filter(
    (c) =>
      c.level === 'commune' &&
      after.units.get(c.parent!)?.parent === province &&
      // "Văn Miếu - Quốc Tử Giám" is Văn Miếu and Quốc Tử Giám merged under both names.
      (toneKey(c.name) === key || c.name.split(/\s+-\s+/).some((part) => toneKey(part) === key)) &&
      // A namesake that had the name already is another place, not the one that took it on.
      before.units.get(c.code)?.name !== c.name,
  );
  return found.length === 1 ? found[0]!.code : undefined;
}

/** A district that went: the one district every one of its communes that remains moved to. */
function districtSuccessor(code: string, before: Snapshot, after: Snapshot): string | undefined {
  const to = new Set<string>();
  for (const [c, u] of before.units) if (u.parent === code && after.units.has(c)) to.add(after.units.get(c)!.parent!);
  return to.size === 1 ? [...to][0] : undefined;
}

const COMMUNE_TYPES = ['xa', 'phuong', 'thi-tran'];
const DISTRICT_TYPES = ['huyen', 'quan', 'thi-xa', 'thanh-pho'];
// Folded type words, longest first so "thitran" is not read as "thi" + "tran…".
const FOLDED_TYPES = Object.entries(TYPE_LABELS)
  .map(([type, word]) => [type, asciiKey(word)] as const)
  .sort((a, b) => b[1].length - a[1].length);

/**
 * "xahaitrach" → { type: 'xa', name: 'haitrach' }; none when the key has no full type word ("p10",
 * "tttroi").
 */
function splitFolded(key: string, types: readonly string[]): { type: string; name: string } | undefined {
  for (const [type, word] of FOLDED_TYPES) {
    if (types.includes(type) && key.startsWith(word) && key.length > word.length) return { type, name: key.slice(word.length) };
  }
  return undefined;
}

/**
 * The tables list each old name with and without its type word ("huyenquanguyen", "quanguyen"):
 * the bare one is dropped, so that "quanguyen" is not read as a "quận Guyen".
 */
function typedAliases(rows: readonly LegacyRow[]): LegacyRow[] {
  const aliases = new Set(rows.map((r) => r.alias));
  return rows.filter((r) => !FOLDED_TYPES.some(([, word]) => aliases.has(word + r.alias)));
}

/** The first day the legacy tables date a change in: a change without a year lies after it. */
const LEGACY_START = '2017-01-01';

/**
 * Units that went before the oldest snapshot, from the legacy tables: each old name with its type,
 * its place at the time (as far as the table tells: the district its successor was in), the year
 * of the change and where it went. The tables carry no tones: such a unit's name is its folded
 * key (`ascii`), spelled by the editor who names it. Rows without a year belong to the merger
 * wave the snapshots already date; names still listed in the oldest snapshot are not changes.
 */
function addLegacy(places: Map<string, PlaceRecord>, snapshots: readonly Snapshot[], legacy: Legacy, report: BuildReport): void {
  const first = snapshots[0]!;
  const typed = (u: SnapshotUnit) => asciiKey(`${TYPE_LABELS[u.type] ?? ''}${u.name}`);
  const provinces = new Map<string, string>();
  const districts = new Map<string, string>();
  const communes = new Map<string, string[]>();
  const listed = new Set<string>();
  for (const snap of snapshots) {
    for (const [code, u] of snap.units) {
      if (u.level === 'province') provinces.set(typed(u), code);
      else if (u.level === 'district') districts.set(`${u.parent}|${typed(u)}`, code);
      else {
        const key = `${u.parent}|${typed(u)}`;
        if (!communes.get(key)?.includes(code)) communes.set(key, [...(communes.get(key) ?? []), code]);
      }
      if (snap === first && u.level !== 'province') listed.add(`${u.parent}|${asciiKey(u.name)}`);
    }
  }
  const span = (year: string): Bound => {
    // The tables' year is that of the resolution or of its wave; it took effect then or the next year.
    if (!year) return [LEGACY_START, first.source.date];
    const end = `${Number(year) + 1}-12-31`;
    return [`${year}-01-01`, end < first.source.date ? end : first.source.date];
  };
  const src = legacy.source.id;

  // Districts first: their communes are looked up under them.
  const byDistrict = new Map<string, LegacyRow[]>();
  for (const row of legacy.districts) byDistrict.set(`${row.province}|${row.unit}`, [...(byDistrict.get(`${row.province}|${row.unit}`) ?? []), row]);
  for (const row of [...byDistrict.values()].flatMap(typedAliases)) {
    const province = provinces.get(row.province);
    const into = province && districts.get(`${province}|${row.unit}`);
    const old = splitFolded(row.alias, DISTRICT_TYPES);
    if (!into || !old) continue;
    if (listed.has(`${province}|${old.name}`)) continue;
    const id = `legacy-${province}-${old.name}`;
    if (places.has(id)) continue;
    const date = span(row.year);
    places.set(id, { id, level: 'district', v: [{ type: old.type, name: old.name, ascii: true, parent: province, to: date }], next: [{ id: into, kind: 'merged', date, src, ref: row.ref }] });
    report.legacy.districts++;
  }

  const bySuccessor = new Map<string, LegacyRow[]>();
  for (const row of legacy.communes) bySuccessor.set(`${row.province}|${row.district}|${row.unit}`, [...(bySuccessor.get(`${row.province}|${row.district}|${row.unit}`) ?? []), row]);
  const groups = new Map<string, { district: string; type?: string; name: string; rows: LegacyRow[] }>();
  for (const row of [...bySuccessor.values()].flatMap(typedAliases)) {
    if (!row.year) {
      report.legacy.skipped.undated++;
      continue;
    }
    if (`${row.year}-01-01` >= first.source.date) continue;
    const province = provinces.get(row.province);
    const district = province && districts.get(`${province}|${row.district}`);
    if (!district) continue;
    const old = splitFolded(row.alias, COMMUNE_TYPES);
    const name = old?.name ?? row.alias;
    const key = `${district}|${name}`;
    const group = groups.get(key) ?? { district, name, rows: [] };
    if (old) group.type = old.type;
    group.rows.push(row);
    groups.set(key, group);
  }
  for (const { district, type, name, rows } of groups.values()) {
    if (!type) {
      report.legacy.skipped.abbreviated++;
      continue;
    }
    if (listed.has(`${district}|${name}`)) {
      report.legacy.skipped.stillListed++;
      continue;
    }
    const into = [...new Set(rows.flatMap((r) => communes.get(`${district}|${r.unit}`) ?? []))];
    if (!into.length) {
      report.legacy.noSuccessor++;
      continue;
    }
    // Where the table tells: the district its successor was in when the snapshots begin.
    const parent = places.get(into[0]!)!.v[0]!.parent ?? district;
    const year = rows.map((r) => r.year).sort()[0]!;
    const date = span(year);
    const id = `legacy-${district}-${name}`;
    const kind: LinkKind = into.length > 1 ? 'split' : 'merged';
    if (into.length > 1) report.legacy.splits++;
    const ref = rows.find((r) => r.year === year)!.ref;
    places.set(id, { id, level: 'commune', v: [{ type, name, ascii: true, parent, to: date }], next: into.map((c) => ({ id: c, kind, date, src, ref })) });
    report.legacy.communes++;
  }
}
