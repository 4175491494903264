import { z } from 'astro/zod';
import { parseArticleDate } from '../lib/text/dates.ts';
import { figureSchema } from './figure.ts';
import { localityInputSchema, resolveLocalityAt, type Locality, type LocalityInput } from './locality.ts';

/** ISO 8601 date or date-time; a time without an offset is Vietnam time (+07:00). */
export const isoDateSchema = z
  .string()
  .trim()
  .refine((s) => parseArticleDate(s) !== null, {
    message: 'cần một ngày có thật dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam), ví dụ 2022-09-30 hoặc 2019-07-08T16:38',
  });

// Control characters (NUL and the like) pass unseen in an editor and break the feed's XML.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A text field: trimmed, not empty, no control characters. */
const text = () =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => !CONTROL.test(v), { message: 'có ký tự điều khiển (như U+0000): hãy xóa nó' });

/** A text field of one line (a title: a line break would forge a record in citation files). */
const line = () => text().refine((v) => !/[\r\n\u2028\u2029]/.test(v), { message: 'phải viết trên một dòng: nối các dòng lại' });

/** The newspaper an article comes from. */
export const sourceSchema = z
  .object({
    /** Name of the newspaper: "Báo Quảng Ninh". */
    name: line(),
    /** Address of the original article, when known. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** The newspaper's web domain, when only that is known: "baoquangninh.vn". */
    domain: z.string().trim().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a domain like baoquangninh.vn').optional(),
  })
  .strict();

/** The fields of the frontmatter, as written (localities not yet checked against the date). */
export const articleFields = z
  .object({
    /** Headline as published. */
    title: line(),
    /** Publication date, ISO 8601 ("2022-09-30" or "2019-07-08T16:38"). */
    date: isoDateSchema,
    /** True when the source gave no date and `date` is an evidence-based estimate. Default false. */
    dateApprox: z.boolean().optional(),
    /** Date of the last substantive update, same format as `date`. */
    updated: isoDateSchema.optional(),
    /** The newspaper: `{ name, url?, domain? }`. */
    source: sourceSchema,
    /** Author as credited in the byline, or null when the article names none. */
    author: line().nullable(),
    /** The place the article is about, down to the most specific unit, as named on `date`. */
    locality: localityInputSchema,
    /** Other places the article mentions, as named on `date`. Default none. */
    places: z.array(localityInputSchema).optional(),
    /** Numbers the article reports, each with the exact phrase it comes from. */
    figures: z.array(figureSchema),
    /** One or two sentences for listings; the lead paragraph is used when absent. */
    summary: text().optional(),
    /** Free keywords. Default none. */
    tags: z.array(line()).optional(),
    /** True keeps the article out of the built site and search. Default false. */
    draft: z.boolean().optional(),
    /** File the import tool made this article from. */
    importedFrom: z.string().optional(),
    /** Fields the import tool could not determine with confidence and an editor must confirm. */
    review: z.array(z.string()).optional(),
    /** Where the import tool found each field, and how sure it was (`high`, `medium`, `low`). */
    evidence: z.record(z.string(), z.object({ from: line(), confidence: z.enum(['high', 'medium', 'low']) }).strict()).optional(),
  })
  .strict();

/**
 * Frontmatter of one article (`content/articles/YYYY/<slug>.mdx`). The build, `npm run check`
 * and the import tool all validate with this one schema; places are checked on the article's date.
 */
export const articleSchema = articleFields
  // Runs whenever the places parsed, so their mistakes are reported with the others' (with a date
  // that did not parse, against the units of any time).
  .superRefine(
    (data, ctx) => {
      const day = articleDay(data.date);
      const written: [PropertyKey[], LocalityInput][] = [[['locality'], data.locality], ...(data.places ?? []).map((p, i): [PropertyKey[], LocalityInput] => [['places', i], p])];
      for (const [path, input] of written) {
        const locality = resolveLocalityAt(input, day, ctx, path);
        if (locality) resolved.set(input, locality);
      }
    },
    { when: (payload) => !payload.issues.some((issue) => ['locality', 'places'].includes(String(issue.path?.[0]))) },
  )
  .transform(({ locality, places, ...rest }) => ({
    ...rest,
    locality: resolved.get(locality)!,
    ...(places && { places: places.map((p) => resolved.get(p)!) }),
  }));

// Each written locality's resolution, by the object the frontmatter parsed it into: resolved once.
const resolved = new WeakMap<LocalityInput, Locality>();

/**
 * The day (YYYY-MM-DD, Vietnam time) whose units an article's places are checked against; none
 * for a date that is not one or is in the future, which are reported instead.
 */
export function articleDay(date: string): string | undefined {
  const when = typeof date === 'string' ? parseArticleDate(date) : null;
  if (!when || when.instant.getTime() > Date.now()) return undefined;
  return `${when.year}-${String(when.month).padStart(2, '0')}-${String(when.day).padStart(2, '0')}`;
}

/** Frontmatter as written in a file. */
export type ArticleInput = z.input<typeof articleSchema>;
/** Frontmatter after validation (localities resolved to gazetteer names and codes). */
export type ArticleData = z.output<typeof articleSchema>;
/** Names of all frontmatter fields, for "did you mean" suggestions on typos. */
export const ARTICLE_FIELDS = Object.keys(articleFields.shape);
