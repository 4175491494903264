/**
 * `npm run import -- [--out DIR] [--dry-run] [--force] [--json] PATH...`
 * Turns raw scraped reports (.txt, or .html saved from a browser) into MDX articles in
 * <out>/<year>/<slug>.mdx, each field with its evidence; an article with anything unsure is a
 * draft. Never overwrites without --force; writes atomically; one bad file never stops the others;
 * exit code 1 when any file failed. `npm run import -- --review` lists the drafts left to confirm.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { articleFileName, importReport } from '../src/lib/import/import-report.ts';
import { sharedLines } from '../src/lib/import/parse-report.ts';
import { htmlToText } from '../src/lib/import/html-to-text.ts';
import { cliArgs } from './lib/cli.ts';
import { DEFAULT_CONTENT, filesBelow } from './lib/content-files.ts';

const { values, positionals } = cliArgs(
  'import',
  `
npm run import -- [--out THƯ_MỤC] [--dry-run] [--force] [--json] TỆP_HOẶC_THƯ_MỤC...
npm run import -- --review [--out THƯ_MỤC]

Nhập bài quét từ trang báo (.txt, hoặc .html lưu từ trình duyệt) thành bài trong
content/articles/<năm>/. Mỗi trường ghi kèm bằng chứng; trường nào chưa chắc được ghi vào review
và bài là bản nháp (draft: true), chưa xuất bản cho tới khi biên tập viên xác nhận.
Không bao giờ ghi đè tệp đã có (trừ khi --force). Thoát với mã 1 khi có tệp không nhập được.

  --out THƯ_MỤC  nơi ghi bài (mặc định content/articles)
  --dry-run      chỉ thử, không ghi gì
  --force        thay tệp cùng tên đã nhập từ cùng bài gốc
  --json         in kết quả dạng JSON cho máy
  --review       liệt kê các bản nháp còn trường cần xác nhận, kèm bằng chứng
  -h, --help     in hướng dẫn này

Ví dụ: npm run import -- thu-muc-bai-quet/
`,
  {
    out: { type: 'string', default: DEFAULT_CONTENT },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    review: { type: 'boolean', default: false },
  },
  { allowPositionals: true },
);

interface Outcome {
  file: string;
  status: 'imported' | 'skipped' | 'failed';
  target?: string;
  review?: string[];
  message?: string;
}

function inputs(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!existsSync(p)) return [p];
    if (statSync(p).isDirectory()) return filesBelow(p, (name) => /\.(txt|html?)$/i.test(name)).map((f) => join(p, f));
    return [p];
  });
}

/** The file's text, or why it cannot be read as a report. */
function readText(file: string): string {
  if (!existsSync(file)) throw new Error('không có tệp này');
  const bytes = readFileSync(file);
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') throw new Error('tệp rỗng');
  // UTF-16 (what some Windows editors save) says so in its first two bytes.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && bytes.includes(0)) throw new Error('đây là tệp nhị phân, không phải văn bản');
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('tệp không phải văn bản UTF-8; mở bằng trình soạn thảo rồi lưu dạng UTF-8');
  }
  return /\.html?$/i.test(file) ? htmlToText(text) : text;
}

function importOne(file: string): Outcome {
  const shown = relative(process.cwd(), file) || file;
  const text = texts.get(file);
  if (text instanceof Error) return { file: shown, status: 'failed', message: text.message };
  let target = '';
  const outcome = importReport(
    text!,
    basename(file),
    (report) => {
      target = targetFor(join(values.out!, articleFileName(report).replace(/\.mdx$/, '')), basename(file));
      return relative(process.cwd(), target);
    },
    { furniture },
  );
  if (!outcome.ok) return { file: shown, status: 'failed', message: outcome.message };
  const { report, mdx } = outcome;
  const targetShown = relative(process.cwd(), target);
  if (existsSync(target) && !values.force) {
    return { file: shown, status: 'skipped', target: targetShown, message: `${targetShown} đã có; không thay đổi (dùng --force để thay)` };
  }
  if (!values['dry-run']) {
    mkdirSync(dirname(target), { recursive: true });
    // Write beside the target, then rename: an interrupted import never leaves half a file.
    const temp = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, mdx, { flag: 'wx' });
      renameSync(temp, target);
    } finally {
      rmSync(temp, { force: true });
    }
  }
  written.add(target);
  return { file: shown, status: 'imported', target: targetShown, review: report.review };
}

/** Files this run wrote (or would write, on a dry run): never replaced by a later report of the run. */
const written = new Set<string>();

/** An article file's frontmatter as plain data, or null when it has none that parses (an editor's mistake is check's to report). */
function frontmatter(file: string): Record<string, unknown> | null {
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1];
  try {
    const data: unknown = front === undefined ? null : parse(front);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The report a file was imported from, as its frontmatter says. */
function importedFrom(file: string): string | undefined {
  const from = frontmatter(file)?.importedFrom;
  return typeof from === 'string' ? from : undefined;
}

/**
 * Where a report goes: `<base>.mdx`, or `<base>-2.mdx`, `-3`… when another report (or an editor's
 * article) has that name, as `npm run new` names them. The same report imported again keeps its
 * file (skipped, or replaced with --force); nothing written in this run is taken again.
 */
function targetFor(base: string, source: string): string {
  for (let n = 1; ; n++) {
    const target = n === 1 ? `${base}.mdx` : `${base}-${n}.mdx`;
    if (written.has(target)) continue;
    if (!existsSync(target) || importedFrom(target) === source) return target;
  }
}

/** What each imported draft still needs, with the evidence the importer had, and how to confirm it. */
function listReview(folder: string): void {
  const drafts = filesBelow(folder, (name) => name.endsWith('.mdx')).flatMap((f) => {
    const file = join(folder, f);
    const data = frontmatter(file);
    const review = Array.isArray(data?.review) ? data.review.map(String) : [];
    const evidence = (data?.evidence ?? {}) as Record<string, { from?: string; confidence?: string }>;
    return review.length ? [{ file: relative(process.cwd(), file), review, draft: data?.draft === true, evidence }] : [];
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(drafts, null, 2)}\n`);
    return;
  }
  for (const d of drafts) {
    console.log(`${d.file} — ${d.draft ? 'bản nháp' : 'CHƯA là bản nháp'}, cần xác nhận: ${d.review.join(', ')}`);
    for (const field of d.review) {
      const e = d.evidence[field.split('.')[0]!];
      console.log(`  ${field}: ${e?.from ?? 'không có bằng chứng'}${e?.confidence ? ` (độ tin cậy: ${e.confidence})` : ''}`);
    }
  }
  console.log(
    drafts.length
      ? `\n${drafts.length} bài cần xác nhận. Với mỗi trường: sửa nếu sai, rồi xoá tên trường khỏi "review"; khi "review" trống, xoá cả dòng "draft: true" để đăng. npm run check cho biết còn gì.`
      : 'Không còn bài nhập nào cần xác nhận.',
  );
}

if (values.review) {
  listReview(values.out!);
  process.exit(0);
}
if (existsSync(values.out!) && !statSync(values.out!).isDirectory()) {
  console.error(`import: --out ${values.out} là một tệp; hãy cho thư mục chứa bài, ví dụ --out content/articles`);
  process.exit(2);
}
const files = inputs(positionals);
if (files.length === 0) {
  console.error('import: hãy cho một hay nhiều tệp .txt/.html hoặc thư mục, ví dụ npm run import -- ../shared/seeds');
  process.exit(2);
}
// Read every report first: lines several of them share are their sites' furniture.
const texts = new Map<string, string | Error>(
  files.map((file) => {
    try {
      return [file, readText(file)];
    } catch (error) {
      return [file, error as Error];
    }
  }),
);
const furniture = sharedLines([...texts.values()].filter((t): t is string => typeof t === 'string'));
const outcomes = files.map(importOne);
const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
const needsReview = outcomes.filter((o) => o.review?.length).length;
const summary = { imported: count('imported'), skipped: count('skipped'), failed: count('failed'), needsReview, dryRun: values['dry-run'], files: outcomes };
if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
else {
  for (const o of outcomes) {
    if (o.status === 'imported') console.log(`đã nhập   ${o.file} → ${o.target}${o.review?.length ? `  (bản nháp; cần xác nhận: ${o.review.join(', ')})` : ''}`);
    else if (o.status === 'skipped') console.log(`bỏ qua    ${o.file}: ${o.message}`);
    else console.log(`không nhập ${o.file}: ${o.message}`);
  }
  console.log(`\n${summary.imported} đã nhập, ${summary.skipped} bỏ qua, ${summary.failed} không nhập được, ${needsReview} cần xác nhận${values['dry-run'] ? ' (chạy thử: không ghi gì)' : ''}`);
  if (needsReview && !values['dry-run']) console.log('Bản nháp chưa được đăng cho tới khi xác nhận: npm run import -- --review cho biết mỗi bài cần gì.');
}
process.exitCode = summary.failed ? 1 : 0;
