/** `npm run import` as an editor runs it: good files, bad files, existing targets, flags. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { ROOT, SEEDS } from '../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inbox = join(dir, 'inbox');
const out = join(dir, 'out');
mkdirSync(inbox);
copyFileSync(join(SEEDS, '001_d244c8a9698ac1ce.txt'), join(inbox, 'a-thuong-son.txt'));
writeFileSync(join(inbox, 'b-empty.txt'), '  \n');
writeFileSync(join(inbox, 'c-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
writeFileSync(join(inbox, 'd-latin1.txt'), Buffer.from('Th\xf4n b\xe3n \xe9t\xe9 caf\xe9 '.repeat(20), 'latin1'));
writeFileSync(join(inbox, 'e-menu.txt'), 'Trang chủ\nĐăng nhập\n.\n1.jpg\n');
writeFileSync(
  join(inbox, 'f-hostile.txt'),
  [
    'Kiến Xương: Bài có <script>alert(1)</script> trong tiêu đề',
    '05/03/2023',
    `BTB - Đảng bộ xã Vũ Lễ có 13 chi bộ {1+1} và <img src=x onerror=alert(1)> cùng [liên kết](javascript:alert(1)). ${'Cán bộ, đảng viên nêu gương trong mọi việc. '.repeat(6)}`,
    'Thu Thủy',
  ].join('\n'),
);

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), '--out', out, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run import', () => {
  it('imports what it can, says why the rest failed, and exits 1', () => {
    const r = run('--json', inbox);
    expect(r.status).toBe(1);
    const summary = JSON.parse(r.stdout) as { imported: number; skipped: number; failed: number; needsReview: number; files: { file: string; status: string; message?: string; target?: string }[] };
    expect([summary.imported, summary.skipped, summary.failed]).toEqual([2, 0, 4]);
    const message = (name: string) => summary.files.find((f) => f.file.endsWith(name))!.message;
    expect(message('b-empty.txt')).toBe('tệp rỗng');
    expect(message('c-binary.txt')).toBe('đây là tệp nhị phân, không phải văn bản');
    expect(message('d-latin1.txt')).toBe('tệp không phải văn bản UTF-8; mở bằng trình soạn thảo rồi lưu dạng UTF-8');
    expect(message('e-menu.txt')).toBe('không thấy nội dung bài (dưới 40 chữ sau khi bỏ phần khung của trang)');
  });

  it('writes valid articles with importedFrom, and hostile text stays text', () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort();
    expect(files).toEqual(['2019/thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo.mdx', '2023/kien-xuong-bai-co-script-alert-1-script-trong-tieu-de.mdx']);
    for (const f of files) {
      const { article, problems } = loadArticle(f, readFileSync(join(out, f), 'utf8'));
      expect(problems.filter((p) => p.severity === 'error'), f).toEqual([]);
      expect(article!.data.importedFrom).toMatch(/\.txt$/);
    }
    const hostile = loadArticle('x.mdx', readFileSync(join(out, files[1]!), 'utf8')).article!;
    expect(hostile.data.title).toBe('Kiến Xương: Bài có <script>alert(1)</script> trong tiêu đề');
    expect(hostile.text).toContain('13 chi bộ {1+1} và <img src=x onerror=alert(1)> cùng [liên kết](javascript:alert(1))');
    expect(hostile.html).not.toMatch(/<(script|img|a)[\s>]/);
    expect(hostile.data.source.name).toBe('Báo Thái Bình');
  });

  it('never overwrites without --force, and --force replaces atomically', () => {
    const target = join(out, '2019/thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo.mdx');
    writeFileSync(target, `${readFileSync(target, 'utf8')}\nĐoạn biên tập viên đã thêm.\n`);
    const edited = readFileSync(target, 'utf8');
    const again = run(join(inbox, 'a-thuong-son.txt'));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('đã có; không thay đổi (dùng --force để thay)');
    expect(again.stdout).toContain('0 đã nhập, 1 bỏ qua, 0 không nhập được, 0 cần xác nhận');
    expect(readFileSync(target, 'utf8')).toBe(edited);
    const forced = run('--force', join(inbox, 'a-thuong-son.txt'));
    expect(forced.stdout).toContain('1 đã nhập, 0 bỏ qua, 0 không nhập được');
    expect(readFileSync(target, 'utf8')).not.toContain('Đoạn biên tập viên đã thêm.');
    expect(readdirSync(join(out, '2019')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives a report with another’s headline a name of its own, and never overwrites a file of the same run', () => {
    const twins = join(dir, 'twins');
    mkdirSync(twins);
    const seed = readFileSync(join(SEEDS, '001_d244c8a9698ac1ce.txt'), 'utf8');
    writeFileSync(join(twins, 'a.txt'), seed);
    // The same headline and date over another report's text.
    writeFileSync(join(twins, 'b.txt'), seed.replace(/Đảng bộ xã Thượng Sơn/g, 'Đảng bộ xã Thượng Sơn (bản thứ hai)'));
    const folder = join(out, '2019');
    const before = new Set(readdirSync(folder));
    for (const flags of [[], ['--force']]) {
      const r = run(...flags, '--json', twins);
      const summary = JSON.parse(r.stdout) as { files: { file: string; status: string; target?: string }[] };
      const targets = summary.files.map((f) => f.target);
      expect(new Set(targets).size, JSON.stringify(summary)).toBe(2);
    }
    const made = readdirSync(folder).filter((f) => !before.has(f));
    // The seed's own name is taken by the test above (another import of it): both twins get numbers.
    expect(made.sort()).toEqual(['thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo-2.mdx', 'thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo-3.mdx']);
    const texts = made.map((f) => readFileSync(join(folder, f), 'utf8'));
    expect(texts.filter((t) => t.includes('bản thứ hai'))).toHaveLength(1);
  });

  it('writes an unsure report as a draft, lists what it needs with --review, and check refuses to publish it', () => {
    const unsure = join(dir, 'unsure');
    mkdirSync(unsure);
    // "BHG" is both Báo Hà Giang and Báo Hậu Giang, and the text names no place that tells them apart.
    writeFileSync(join(unsure, 'bhg.txt'), ['Chi bộ làm tốt vai trò hạt nhân', '10/09/2024', `BHG - ${'Chi bộ có 19 đảng viên, sinh hoạt đều đặn, lãnh đạo Nhân dân làm kinh tế giỏi. '.repeat(5)}`].join('\n'));
    const reviewOut = join(dir, 'review-out');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), '--out', reviewOut, unsure], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(bản nháp; cần xác nhận: source, locality)');
    const file = join(reviewOut, '2024/chi-bo-lam-tot-vai-tro-hat-nhan.mdx');
    const { article } = loadArticle(file, readFileSync(file, 'utf8'));
    expect(article?.data.draft).toBe(true);
    const listed = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), '--out', reviewOut, '--review'], { cwd: ROOT, encoding: 'utf8' });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('2024/chi-bo-lam-tot-vai-tro-hat-nhan.mdx — bản nháp, cần xác nhận: source, locality');
    expect(listed.stdout).toContain('locality: tỉnh của Báo Hà Giang hay Báo Hậu Giang: chưa phân định được (độ tin cậy: low)');
    // Published without confirming: one error line from check.
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: true\n', ''));
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--dir', reviewOut], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('review  còn chờ xác nhận: source, locality — xác nhận từng trường rồi xóa khỏi review, hoặc giữ bài là bản nháp (draft: true)');
  });

  it('writes nothing on a dry run', () => {
    const r = run('--dry-run', join(SEEDS, '000_e767858c9f6cb8f2.txt'));
    expect(r.stdout).toContain('(chạy thử: không ghi gì)');
    expect(existsSync(join(out, '2022'))).toBe(false);
  });
});
