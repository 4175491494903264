/**
 * Search filter values of an article's place, as reported and as today. A value must name one unit:
 * a name that several units share carries its parents ("Châu Thành (Tiền Giang)"), and a unit of
 * the two-level system is marked as such where an old unit had its name.
 */
import type { Locality } from '../../schemas/locality.ts';
import { currentLabel, gazetteer, versionKey, type Unit, type Version } from './gazetteer.ts';
import { localityTrail } from './localities.ts';

/** Filter values for one place; a level the place lacks has no value (never a blank one). */
export interface PlaceFacets {
  province: string;
  district?: string;
  commune?: string;
  province2025: string;
  commune2025?: string;
}

let repeated: Set<string> | undefined;

/** Names (by level and system) that more than one unit has had. */
function repeatedNames(): Set<string> {
  if (repeated) return repeated;
  const seen = new Map<string, Unit>();
  repeated = new Set();
  for (const unit of gazetteer().units.values()) {
    for (const name of new Set(unit.versions.map(versionKey))) {
      const key = `${unit.reform}|${unit.level}|${name}`;
      const other = seen.get(key);
      if (other && other !== unit) repeated.add(key);
      seen.set(key, unit);
    }
  }
  return repeated;
}

const isRepeated = (unit: Unit, version: Version) => repeatedNames().has(`${unit.reform}|${unit.level}|${versionKey(version)}`);

/** The facet values of a locality. */
export function placeFacets(l: Locality): PlaceFacets {
  const g = gazetteer();
  const steps = localityTrail(l);
  const names = steps.map((s) => s.version.name);
  const province = steps[0]!;
  const district = steps.find((s) => s.unit.level === 'district');
  const commune = steps.find((s) => s.unit.level === 'commune');
  const reform = province.unit.reform;
  const facets: PlaceFacets = {
    province: reform ? `${names[0]} (từ 7/2025)` : names[0]!,
    province2025: currentLabel(g.unit(`2025-${l.today.provinceCode}`)!),
  };
  if (district) facets.district = isRepeated(district.unit, district.version) ? `${district.version.name} (${names[0]})` : district.version.name;
  if (commune) {
    const name = commune.version.name;
    facets.commune = isRepeated(commune.unit, commune.version) ? `${name} (${names.slice(0, -1).reverse().join(', ')})` : name;
  }
  if (l.today.communeCode) {
    const unit = g.unit(`2025-${l.today.communeCode}`)!;
    const version = unit.versions.at(-1)!;
    facets.commune2025 = isRepeated(unit, version) ? `${version.name} (${l.today.province})` : version.name;
  }
  return facets;
}
