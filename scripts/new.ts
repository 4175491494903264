/**
 * `npm run new -- --title "…" --province … [--district …] [--commune …] [--date YYYY-MM-DD]
 *   [--source "Báo …"] [--author …] [--slug …] [--dir DIR]`
 * Creates a valid article skeleton (a draft) in <dir>/<year>/<slug>.mdx and prints its path.
 * The slug is the title in ASCII (đ→d), made unique; an existing file is never overwritten.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { isoAttribute, parseArticleDate } from '../src/lib/text/dates.ts';
import { resolveLocality } from '../src/lib/places/gazetteer.ts';
import { articleDay } from '../src/schemas/article.ts';
import { articleSlug, nfc, slugify } from '../src/lib/text/vi-text.ts';
import { cliArgs } from './lib/cli.ts';
import { articleFiles, DEFAULT_CONTENT } from './lib/content-files.ts';

function fail(message: string): never {
  console.error(`new: ${message}`);
  process.exit(1);
}

/** Today's date in Vietnam, YYYY-MM-DD. */
function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

const { values } = cliArgs(
  'new',
  `
npm run new -- --title "TIÊU ĐỀ" --province "TỈNH" [--district "HUYỆN"] [--commune "XÃ"] [--date YYYY-MM-DD] [--source "BÁO"] [--author "TÁC GIẢ"] [--slug TÊN-TỆP] [--dir THƯ_MỤC]

Tạo một bài mới (bản nháp) trong content/articles/<năm>/, địa phương được kiểm tra theo ngày đăng:
trước 1/7/2025 tỉnh → huyện → xã; từ 1/7/2025 tỉnh → xã, không có huyện. In ra đường dẫn tệp đã tạo.

  --title     tiêu đề bài (bắt buộc)
  --province  tỉnh, thành phố (bắt buộc)
  --district  huyện, quận, thị xã (trước 1/7/2025)
  --commune   xã, phường, thị trấn
  --date      ngày đăng (mặc định hôm nay, giờ Việt Nam)
  --source    tên báo (bỏ trống thì ghi "Báo <tỉnh>" và nhắc kiểm tra)
  --author    tác giả
  --slug      tên tệp (mặc định theo tiêu đề)
  --dir       thư mục bài (mặc định content/articles)
  -h, --help  in hướng dẫn này

Ví dụ: npm run new -- --title "Thượng Sơn sau sắp xếp" --province "Tuyên Quang" --commune "Thượng Sơn" --date 2026-03-02
`,
  {
    title: { type: 'string' },
    province: { type: 'string' },
    district: { type: 'string' },
    commune: { type: 'string' },
    date: { type: 'string' },
    source: { type: 'string' },
    author: { type: 'string' },
    slug: { type: 'string' },
    dir: { type: 'string', default: DEFAULT_CONTENT },
  },
);

const title = nfc(values.title ?? '').trim();
if (!title) fail('hãy cho tiêu đề: npm run new -- --title "Đầm Hà: Vững mạnh từ chi bộ thôn, khu" --province "Quảng Ninh"');
// One line, no control characters: what the schema asks of a title (a line break forges citation records).
if (/[\u0000-\u001F\u007F\u2028\u2029]/.test(title)) fail('--title: viết tiêu đề trên một dòng, không có ký tự điều khiển');
if (!values.province) fail(`hãy cho tỉnh bài viết về, ví dụ --province "Quảng Ninh" (và --district, --commune nếu biết)`);
const locality = { province: nfc(values.province), district: values.district && nfc(values.district), commune: values.commune && nfc(values.commune) };
const date = values.date ?? todayInVietnam();
const parsed = parseArticleDate(date);
if (!parsed) fail(`--date: cần một ngày có thật dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM, ví dụ 2022-09-30 (đã ghi '${date}')`);
// `check` refuses a date to come; so does the command that writes it.
if (parsed.instant.getTime() > Date.now()) fail(`--date: ${date} là ngày chưa tới; hãy cho ngày bài được đăng`);
// The place as it was named on the article's date: from 1 July 2025 a commune needs no district.
const resolved = resolveLocality(locality, articleDay(date) ?? todayInVietnam());
if (!resolved.ok) fail(`--${resolved.error.field}: ${resolved.error.message}`);

const dir = values.dir!;
const taken = new Set(articleFiles(existsSync(dir) ? dir : '.').map((f) => f.split('/').at(-1)!.replace(/\.mdx$/, '').replace(/^_/, '')));
let slug = values.slug ? slugify(values.slug) : articleSlug(title);
if (!slug) fail('tiêu đề không có chữ nào để đặt tên tệp; hãy cho tên bằng --slug');
if (values.slug && taken.has(slug)) fail(`đã có bài tên '${slug}'; hãy chọn --slug khác`);
for (let n = 2; taken.has(slug); n++) slug = `${articleSlug(title)}-${n}`;

const frontmatter = {
  title,
  date: isoAttribute(parsed).replace('+07:00', ''),
  source: { name: values.source ? nfc(values.source) : `Báo ${resolved.value.names.province.name}` },
  author: values.author ? nfc(values.author) : null,
  locality: Object.fromEntries(Object.entries(locality).filter(([, v]) => v)),
  figures: [],
  // A new article stays out of the site until the editor removes this line.
  draft: true,
  ...(values.source ? {} : { review: ['source'] }),
};
const body = 'Viết nội dung bài ở đây, giữ nguyên văn bài gốc. Mỗi đoạn cách nhau một dòng trống.\n';
const folder = join(dir, String(parsed.year));
const path = join(folder, `${slug}.mdx`);
mkdirSync(folder, { recursive: true });
try {
  // 'wx' fails if the file exists, even if it appeared a moment ago: nothing is ever overwritten.
  writeFileSync(path, `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}`, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`${relative(process.cwd(), path)} đã có; tệp không bị thay đổi`);
  throw error;
}
console.log(relative(process.cwd(), path));
