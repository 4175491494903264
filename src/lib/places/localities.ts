/** Display of resolved localities: breadcrumb trails and one-line labels, in the names of the article's date. */
import type { Locality } from '../../schemas/locality.ts';
import { gazetteer, spelled, type Unit, type Version, unitLabel } from './gazetteer.ts';

/** One level of a locality: the unit and the name it had on the article's date. */
export interface TrailStep {
  unit: Unit;
  version: Version;
}

const trails = new WeakMap<Locality, TrailStep[]>();

/**
 * The units of a locality from province down, each under its name as the locality gives it (the
 * resolved locality holds the version's own spelling). Kept per locality: listings show each
 * article's place on many pages.
 */
export function localityTrail(locality: Locality): TrailStep[] {
  const known = trails.get(locality);
  if (known) return known;
  const g = gazetteer();
  const names = [locality.province, locality.district, locality.commune].filter((n): n is string => n !== undefined);
  const trail = locality.ids.map((id, i) => {
    const unit = g.unit(id)!;
    const version = unit.versions.findLast((v) => v.name === names[i]) ?? unit.versions.at(-1)!;
    // A name the data has only in ASCII reads as the article spells it.
    return { unit, version: version.fold !== undefined && names[i] !== undefined ? spelled(version, names[i]) : version };
  });
  trails.set(locality, trail);
  return trail;
}

/** "xã Thượng Sơn, huyện Vị Xuyên, tỉnh Hà Giang" — most specific first, as Vietnamese addresses read. */
export function localityLabel(locality: Locality): string {
  return [...localityTrail(locality)].reverse().map((s) => unitLabel(s.version)).join(', ');
}

/** "Thượng Sơn, Vị Xuyên, Hà Giang" — names only, for compact listings. */
export function localityShort(locality: Locality): string {
  return [...localityTrail(locality)].reverse().map((s) => s.version.name).join(', ');
}

/** "xã Thượng Sơn, tỉnh Tuyên Quang": where the place is today, most specific first. */
export function todayLabel(locality: Locality): string {
  const g = gazetteer();
  const t = locality.today;
  const units = [t.communeCode && g.unit(`2025-${t.communeCode}`), g.unit(`2025-${t.provinceCode}`)].filter((u): u is Unit => Boolean(u));
  return units.map((u) => unitLabel(u.versions.at(-1)!)).join(', ');
}
