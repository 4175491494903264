import { z } from 'astro/zod';
import { resolveLocality, todayOf, type ResolvedLocality, type Unit } from '../lib/places/gazetteer.ts';

/**
 * A place as an editor writes it: official names in force on the article's date, without or with
 * the type word ("Đầm Hà" or "huyện Đầm Hà"). Before 1 July 2025: province, district, commune;
 * from then on: province and commune (the district level was abolished).
 */
export const localityInputSchema = z
  .object({
    /** Province or centrally-run city: "Quảng Ninh", "Hà Nội". */
    province: z.string().trim().min(1),
    /** District, town or provincial city inside the province (before 1 July 2025 only): "Đầm Hà". */
    district: z.string().trim().min(1).optional(),
    /** Commune, ward or township: "Quảng Tân", "Hà Lầm"; from 1 July 2025 directly under the province. */
    commune: z.string().trim().min(1).optional(),
  })
  .strict();

export type LocalityInput = z.input<typeof localityInputSchema>;

/** Where a place lies today: the two-level units from 1 July 2025, with their GSO codes. */
export interface TodayPlace {
  province: string;
  provinceCode: string;
  commune?: string;
  communeCode?: string;
}

/**
 * A locality checked against the gazetteer on the article's date and rewritten to the gazetteer's
 * spelling of the time, with the GSO codes of each level (so "Hoà"/"Hòa" never split one place in
 * two), the units' ids, and the place under today's units.
 */
export interface Locality {
  province: string;
  provinceCode: string;
  district?: string;
  districtCode?: string;
  commune?: string;
  communeCode?: string;
  /** Gazetteer ids of the units, province first (src/lib/places/gazetteer.ts). */
  ids: string[];
  today: TodayPlace;
}

const code = (u: Unit) => (u.code ? u.code : undefined);

/**
 * Resolves one written locality on `date` (YYYY-MM-DD; any time when undefined), reporting a failure on `path` in `ctx`.
 * Returns undefined when it failed.
 */
export function resolveLocalityAt(input: LocalityInput, date: string | undefined, ctx: z.RefinementCtx, path: PropertyKey[]): Locality | undefined {
  const result = resolveLocality(input, date);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', path: [...path, result.error.field], message: result.error.message, input });
    return undefined;
  }
  return toLocality(result.value);
}

/** A locality resolved on `date` (YYYY-MM-DD); throws the editor's message when it does not resolve. For tools and tests. */
export function localityOn(input: LocalityInput, date: string): Locality {
  const result = resolveLocality(input, date);
  if (!result.ok) throw new Error(`${result.error.field}: ${result.error.message}`);
  return toLocality(result.value);
}

function toLocality({ province, district, commune, names }: ResolvedLocality): Locality {
  const now = todayOf(commune ?? district ?? province);
  return {
    province: names.province.name,
    provinceCode: province.code,
    ...(district && { district: names.district!.name, ...(code(district) && { districtCode: district.code }) }),
    ...(commune && { commune: names.commune!.name, ...(code(commune) && { communeCode: commune.code }) }),
    ids: [province, district, commune].filter((u): u is Unit => u !== undefined).map((u) => u.id),
    today: {
      province: now.province.name,
      provinceCode: now.province.code,
      ...(now.commune && { commune: now.commune.name, communeCode: now.commune.code }),
    },
  };
}
