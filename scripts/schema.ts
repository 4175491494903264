/**
 * `npm run schema` — writes src/schemas/article.schema.json, the JSON Schema of the frontmatter,
 * generated from the Zod schema, for editor autocompletion (see .vscode/settings.json).
 * Adds what JSON Schema can carry and Zod does not: Vietnamese descriptions and the province list.
 * A unit test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { gazetteer } from '../src/lib/places/gazetteer.ts';
import { articleSchema } from '../src/schemas/article.ts';
import { QUALIFIERS } from '../src/schemas/figure.ts';
import { cliArgs } from './lib/cli.ts';

export const SCHEMA_PATH = join(import.meta.dirname, '../src/schemas/article.schema.json');

const DESCRIPTIONS: Record<string, string> = {
  title: 'Tiêu đề bài, đúng như báo đăng.',
  date: 'Ngày đăng, dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam), ví dụ 2022-09-30 hoặc 2019-07-08T16:38.',
  dateApprox: 'true khi bài gốc không ghi ngày và ngày ở trên là ước tính có căn cứ.',
  updated: 'Ngày cập nhật (nếu có), cùng dạng với date.',
  source: 'Báo nguồn: { name, url?, domain? }.',
  author: 'Tác giả theo dòng ký tên; null nếu bài không ghi tác giả.',
  locality: 'Địa phương mà bài viết nói về, tên chính thức vào ngày đăng: { province, district?, commune? } trước 1/7/2025; { province, commune? } từ 1/7/2025.',
  places: 'Các địa phương khác được nhắc đến trong bài.',
  figures: 'Các số liệu bài nêu, mỗi số kèm cụm từ nguyên văn trong bài (text).',
  summary: 'Tóm tắt một hai câu cho danh sách bài; để trống thì dùng đoạn đầu.',
  tags: 'Từ khóa tự do.',
  draft: 'true: bản nháp, không xuất bản (vẫn xem thử được bằng npm run dev).',
  importedFrom: 'Tệp gốc mà bài được nhập từ đó.',
  review: 'Các trường còn cần biên tập viên xác nhận, ví dụ [date, locality.commune]. Bài còn review phải là bản nháp (draft: true).',
  evidence: 'Bằng chứng của từng trường do công cụ nhập ghi: from (lấy từ đâu), confidence (high, medium hoặc low).',
};

/** The JSON Schema, as the file holds it. */
export function articleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(articleSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, Record<string, unknown>>;
    [k: string]: unknown;
  };
  for (const [key, description] of Object.entries(DESCRIPTIONS)) {
    if (schema.properties[key]) schema.properties[key].description = description;
  }
  // The 63 provinces before 1 July 2025 and the 34 from then (some names are in both).
  const g = gazetteer();
  const provinces = [...new Set([...g.provinces, ...g.provinces2025].flatMap((p) => p.versions.map((v) => v.name)))].sort((a, b) => a.localeCompare(b, 'vi'));
  const locality = schema.properties.locality as { properties: Record<string, Record<string, unknown>> };
  locality.properties.province!.examples = provinces;
  const figures = schema.properties.figures as { items: { properties: Record<string, Record<string, unknown>> } };
  figures.items.properties.qualifier!.enum = [...QUALIFIERS];
  return { title: 'Địa chí — frontmatter của một bài', ...schema };
}

if (import.meta.main) {
  cliArgs(
    'schema',
    `
npm run schema

Viết lại src/schemas/article.schema.json — lược đồ JSON của phần đầu bài, sinh từ lược đồ Zod —
để trình soạn thảo (VS Code) gợi ý tên trường, tên tỉnh và báo lỗi khi gõ. Chạy sau khi sửa
src/schemas/; một bài kiểm thử báo khi tệp đã cũ.

  -h, --help  in hướng dẫn này
`,
    {},
  );
  writeFileSync(SCHEMA_PATH, `${JSON.stringify(articleJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${SCHEMA_PATH}`);
}
