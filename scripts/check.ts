/**
 * `npm run check [-- --json] [--dir DIR]` — validates all content without building the site:
 * schema, gazetteer names, figure phrases, dates, duplicates, links, images, NFC, review lists.
 * One line per problem: file:line:column  field  message. Exit code 1 when there are errors.
 */
import { formatProblem } from '../src/lib/articles/problems.ts';
import { cliArgs } from './lib/cli.ts';
import { checkAll, DEFAULT_CONTENT } from './lib/content-files.ts';

const { values } = cliArgs(
  'check',
  `
npm run check -- [--dir THƯ_MỤC] [--json]

Kiểm tra mọi bài trong thư mục bài (mặc định content/articles): phần đầu bài (tên trường, ngày,
địa phương theo ngày đăng, số liệu), nội dung MDX, liên kết, ảnh, tên tệp trùng. Mỗi lỗi một dòng:
tệp:dòng:cột  trường  thông báo. Thoát với mã 1 khi có lỗi.

  --dir THƯ_MỤC  kiểm tra thư mục khác
  --json         in kết quả dạng JSON cho máy
  -h, --help     in hướng dẫn này

Ví dụ: npm run check -- --dir content/articles/2025
`,
  { json: { type: 'boolean', default: false }, dir: { type: 'string', default: DEFAULT_CONTENT } },
);

const { files, problems } = await checkAll(values.dir!);
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (values.json) {
  process.stdout.write(`${JSON.stringify({ files, errors, warnings, problems }, null, 2)}\n`);
} else {
  for (const p of problems) console.log(formatProblem(p));
  console.log(`${problems.length ? '\n' : ''}đã kiểm tra ${files} tệp: ${errors} lỗi, ${warnings} cảnh báo`);
}
process.exitCode = errors ? 1 : 0;
