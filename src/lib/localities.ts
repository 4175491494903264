/** Display of resolved localities: breadcrumb trails and one-line labels. */
import type { Locality } from '../schemas/locality.ts';
import { gazetteer, unitLabel, type Unit } from './gazetteer.ts';

/** The units of a locality from province down, as gazetteer units. */
export function localityTrail(locality: Locality): Unit[] {
  const g = gazetteer();
  return [locality.provinceCode, locality.districtCode, locality.communeCode]
    .filter((code): code is string => code !== undefined)
    .map((code) => g.byCode.get(code)!)
    .filter(Boolean);
}

/** "xã Thượng Sơn, huyện Vị Xuyên, tỉnh Hà Giang" — most specific first, as Vietnamese addresses read. */
export function localityLabel(locality: Locality): string {
  return localityTrail(locality).reverse().map(unitLabel).join(', ');
}

/** "Thượng Sơn, Vị Xuyên, Hà Giang" — names only, for compact listings. */
export function localityShort(locality: Locality): string {
  return localityTrail(locality).reverse().map((u) => u.name).join(', ');
}
