import { z } from 'astro/zod';
import { resolveLocality } from '../lib/gazetteer.ts';

/**
 * A place as an editor writes it: official names as they were at the article's date
 * (pre-July-2025 units), without or with the type word ("Đầm Hà" or "huyện Đầm Hà").
 */
export const localityInputSchema = z
  .object({
    /** Province or centrally-run city: "Quảng Ninh", "Hà Nội". */
    province: z.string().trim().min(1),
    /** District, town or provincial city inside the province: "Đầm Hà", "Hạ Long". */
    district: z.string().trim().min(1).optional(),
    /** Commune, ward or township inside the district: "Quảng Tân", "Hà Lầm". */
    commune: z.string().trim().min(1).optional(),
  })
  .strict();

/**
 * A locality checked against the gazetteer and rewritten to the gazetteer's spelling,
 * with the GSO codes of each level (so "Hoà"/"Hòa" never split one place in two).
 */
export const localitySchema = localityInputSchema.transform((input, ctx) => {
  const result = resolveLocality(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', path: [result.error.field], message: result.error.message, input });
    return z.NEVER;
  }
  const { province, district, commune } = result.value;
  return {
    province: province.name,
    provinceCode: province.code,
    ...(district && { district: district.name, districtCode: district.code }),
    ...(commune && { commune: commune.name, communeCode: commune.code }),
  };
});

/** A resolved locality: canonical names plus GSO codes. */
export type Locality = z.output<typeof localitySchema>;
