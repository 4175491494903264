import { z } from 'astro/zod';
import { numbersInPhrase } from '../lib/text/numbers.ts';
import { toneKey } from '../lib/text/vi-text.ts';

/** Words that qualify a reported number; kept so "trên 90%" is not read as exactly 90%. */
export const QUALIFIERS = [
  'trên', 'hơn', 'gần', 'khoảng', 'dưới', 'chưa đến', 'gần như', 'xấp xỉ', 'ít nhất', 'tới', 'đến', 'từ',
] as const;

/** A number the article reports, traceable to the exact phrase it came from. */
export const figureSchema = z
  .object({
    /** The value as a plain number: "5.500" → 5500, "10,4 tỷ đồng" → 10400000000, "trên 90%" → 90. */
    value: z.number().finite(),
    /** What is counted or measured: "đảng viên", "chi bộ", "%", "đồng", "tấn", "ha". */
    unit: z.string().trim().min(1),
    /** What the number is about, when the unit alone does not say: "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ". */
    subject: z.string().trim().min(1).optional(),
    /** Qualifier written before the number: "trên", "hơn", "gần", "khoảng"… */
    qualifier: z.enum(QUALIFIERS).optional(),
    /** The exact phrase in the article body; the build fails if the body does not contain it. */
    text: z.string().trim().min(1),
  })
  .strict()
  .superRefine((fig, ctx) => {
    const stated = numbersInPhrase(fig.text);
    if (stated.length && !stated.includes(fig.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `giá trị ${fig.value} khác con số trong cụm từ '${fig.text}' (${stated.join(', ')})`,
        input: fig.value,
      });
    }
    if (!stated.length) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `cụm từ '${fig.text}' không có con số nào`, input: fig.text });
    }
    if (fig.qualifier && !toneKey(fig.text).includes(toneKey(fig.qualifier))) {
      ctx.addIssue({
        code: 'custom',
        path: ['qualifier'],
        message: `chữ '${fig.qualifier}' không có trong cụm từ '${fig.text}'`,
        input: fig.qualifier,
      });
    }
  });

/** A reported figure. */
export type Figure = z.output<typeof figureSchema>;
