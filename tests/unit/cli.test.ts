/**
 * The editor commands, run as editors run them: `npm run check` on a folder of broken
 * articles (one mistake per file, asserted message by message), `npm run new`, and the
 * generated JSON Schema.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleJsonSchema, SCHEMA_PATH } from '../../scripts/schema.ts';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { ROOT } from '../support/paths.ts';

function cli(script: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const B = 'tests/fixtures/broken';

/** Every mistake an editor can make, and the one line `check` answers it with. */
const EXPECTED = [
  `${B}/2018/xa-sau-sap-xep.mdx:9:12  locality.commune  xã 'Việt Trì' được lập ngày 2025-07-01 từ phường Dữu Lâu (thành phố Việt Trì), phường Tân Dân (thành phố Việt Trì), phường Gia Cẩm (thành phố Việt Trì), xã Trưng Vương (thành phố Việt Trì) và phường Minh Nông (thành phố Việt Trì) — bài đăng ngày 2018-05-02 hãy ghi tên đơn vị bài báo viết về`,
  `${B}/2021/trung-ten-tep.mdx:1:1  file  tên 'trung-ten-tep' trùng với ${B}/2022/trung-ten-tep.mdx — đặt tên khác cho một tệp`,
  `${B}/2022/anh-khong-co.mdx:18:1  body  ảnh './anh-1.jpg' không có cạnh bài`,
  `${B}/2022/anh-tren-trang-khac.mdx:18:1  body  ảnh 'https://example.com/anh.jpg' nằm ở trang khác; tải về, đặt cạnh bài và viết src="./ten-anh.jpg"`,
  `${B}/2022/chua-chuan-hoa-nfc.mdx:1:1  file  chữ trong tệp không ở dạng Unicode NFC; bản dựng đã chuẩn hóa — hãy lưu tệp ở dạng NFC  (cảnh báo)`,
  `${B}/2022/con-muc-can-duyet.mdx:7:9  review  còn chờ xác nhận: date, locality.commune — xác nhận từng trường rồi xóa khỏi review, hoặc giữ bài là bản nháp (draft: true)`,
  `${B}/2022/cu-phap-mdx.mdx:18:25  body  lỗi cú pháp MDX: Unexpected end of file in expression, expected a corresponding closing brace for \`{\` — muốn hiện '<' hoặc '{' như chữ thì viết \\< hoặc \\{`,
  `${B}/2022/go-nham-truong.mdx:7:8  tilte  không có trường 'tilte' — có phải 'title'?`,
  `${B}/2022/huyen-sai-ten.mdx:9:13  locality.district  không có huyện 'Dam Ha' ở Quảng Ninh — có phải 'Đầm Hà'?`,
  `${B}/2022/khong-co-frontmatter.mdx:1:1  frontmatter  thiếu phần đầu bài: tệp phải bắt đầu bằng một dòng '---', rồi các trường, rồi một dòng '---' nữa`,
  `${B}/2022/lien-ket-hong.mdx:18:10  body  liên kết '/bai/2022/bai-loi-lien-ket-hon/' không dẫn tới đâu: không trang nào có địa chỉ này`,
  `${B}/2022/ngay-khong-co-that.mdx:3:7  date  cần một ngày có thật dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam), ví dụ 2022-09-30 hoặc 2019-07-08T16:38`,
  `${B}/2022/ngay-trong-tuong-lai.mdx:3:7  date  date 2099-01-01 là ngày chưa tới`,
  `${B}/2022/so-lieu-khong-co-trong-bai.mdx:13:11  figures[0].text  cụm từ '80 chi bộ' không có trong bài — chép đúng từng chữ trong bài`,
  `${B}/2022/so-lieu-sai-gia-tri.mdx:11:12  figures[0].value  giá trị 700 khác con số trong cụm từ '70 chi bộ' (70)`,
  `${B}/2022/thanh-phan-la.mdx:18:1  body  không có thành phần <Video>; bài dùng được: <Figure>, <Quote>, <Note>. Muốn hiện '<' như chữ thì viết \\<`,
  `${B}/2022/thieu-tac-gia.mdx:2:1  author  thiếu trường bắt buộc 'author' — bài không ghi tác giả thì viết 'author: null'`,
  `${B}/2022/thieu-tieu-de.mdx:2:1  title  thiếu trường bắt buộc 'title'`,
  `${B}/2022/tinh-sai-ten.mdx:8:13  locality.province  không có tỉnh 'Quang Ninh' — có phải 'Quảng Ninh'?`,
  `${B}/2022/trung-bai-a.mdx:2:8  title  cùng tiêu đề và ngày với ${B}/2022/trung-bai-b.mdx — có phải một bài được thêm hai lần?`,
  `${B}/2022/trung-bai-b.mdx:2:8  title  cùng tiêu đề và ngày với ${B}/2022/trung-bai-a.mdx — có phải một bài được thêm hai lần?`,
  `${B}/2022/trung-ten-tep.mdx:1:1  file  tên 'trung-ten-tep' trùng với ${B}/2021/trung-ten-tep.mdx — đặt tên khác cho một tệp`,
  `${B}/2022/tu-chi-muc-khong-co.mdx:13:16  figures[0].qualifier  chữ 'hơn' không có trong cụm từ '70 chi bộ'`,
  `${B}/2022/xa-da-sap-nhap.mdx:10:12  locality.commune  xã 'Hải Trạch' được nhập vào xã Hải Phú ngày 2020-02-01 — bài đăng ngày 2022-09-30 hãy ghi 'Hải Phú'`,
  `${B}/2022/xa-khong-thuoc-huyen.mdx:10:12  locality.commune  xã 'Thượng Sơn' không thuộc Đầm Hà (có xã tên này ở Vị Xuyên (Hà Giang), Đô Lương (Nghệ An))`,
  `${B}/2022/yaml-sai.mdx:10:1  frontmatter  lỗi cú pháp YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
  `${B}/2025/con-ghi-huyen.mdx:9:13  locality.district  từ 2025-07-01 không còn cấp huyện: bỏ dòng 'district' và ghi xã theo tên từ ngày đó — xã Thượng Sơn nay thuộc xã Thượng Sơn, tỉnh Tuyên Quang`,
  `${B}/2025/tinh-truoc-sap-xep.mdx:8:13  locality.province  tỉnh 'Hà Giang' đã nhập vào tỉnh Tuyên Quang từ 2025-07-01; bài đăng ngày 2025-08-12 hãy ghi 'Tuyên Quang'  (cảnh báo)`,
];

describe('npm run check', () => {
  it('answers every broken article with its file, line, field and message', () => {
    const r = cli('check.ts', ['--dir', B]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, -2)).toEqual(EXPECTED);
    expect(lines.at(-1)).toBe('đã kiểm tra 28 tệp: 26 lỗi, 2 cảnh báo');
    expect(r.stderr).toBe('');
  });

  it('speaks JSON for machines', () => {
    const r = cli('check.ts', ['--dir', B, '--json']);
    const out = JSON.parse(r.stdout) as { files: number; errors: number; warnings: number; problems: { file: string; line: number; field: string }[] };
    expect([out.files, out.errors, out.warnings]).toEqual([28, 26, 2]);
    expect(out.problems[8]).toMatchObject({ file: `${B}/2022/huyen-sai-ten.mdx`, line: 9, column: 13, field: 'locality.district', severity: 'error' });
  });

  it('passes the archive’s own articles', () => {
    const r = cli('check.ts', []);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('đã kiểm tra 5 tệp: 0 lỗi, 0 cảnh báo');
  });
});

describe('the editor’s guide', () => {
  it('explains every message check gives, word for word', () => {
    // A message naming another file (duplicates) is shown once, whichever file it names.
    const anyFile = (text: string) => text.replace(/content\/articles\/\d{4}\/[\w-]+\.mdx/g, 'FILE');
    const guide = anyFile(readFileSync(join(ROOT, 'docs/huong-dan-bien-tap.md'), 'utf8'));
    for (const line of EXPECTED) {
      const message = anyFile(line.replace(/^\S+:\d+:\d+ {2}/, '').replaceAll(`${B}/`, 'content/articles/'));
      expect(guide, message).toContain(message);
    }
  });
});

describe('npm run new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diachi-new-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a valid draft skeleton with an ASCII slug and prints its path', () => {
    const r = cli('new.ts', ['--dir', dir, '--title', 'Đầm Hà: Vững mạnh từ chi bộ thôn, khu', '--province', 'Quảng Ninh', '--district', 'Đầm Hà', '--date', '2022-09-30']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const path = r.stdout.trim();
    expect(path.endsWith('/2022/dam-ha-vung-manh-tu-chi-bo-thon-khu.mdx')).toBe(true);
    const { article, problems } = loadArticle(path, readFileSync(path, 'utf8'));
    expect(problems.map((p) => [p.severity, p.field])).toEqual([['warning', 'review']]);
    expect(article?.data).toMatchObject({ title: 'Đầm Hà: Vững mạnh từ chi bộ thôn, khu', date: '2022-09-30', draft: true, author: null });
    expect(article?.data.locality.districtCode).toBe('200');
  });

  it('never overwrites: the same title gets a new name, an explicit taken slug is refused', () => {
    const again = cli('new.ts', ['--dir', dir, '--title', 'Đầm Hà: Vững mạnh từ chi bộ thôn, khu', '--province', 'Quảng Ninh', '--date', '2022-10-01']);
    expect(again.stdout.trim().endsWith('/2022/dam-ha-vung-manh-tu-chi-bo-thon-khu-2.mdx')).toBe(true);
    const original = join(dir, '2022/dam-ha-vung-manh-tu-chi-bo-thon-khu.mdx');
    writeFileSync(original, `${readFileSync(original, 'utf8')}\nBiên tập viên đã viết đoạn này.\n`);
    const before = readFileSync(original, 'utf8');
    const refused = cli('new.ts', ['--dir', dir, '--title', 'Khác', '--province', 'Quảng Ninh', '--slug', 'dam-ha-vung-manh-tu-chi-bo-thon-khu']);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe("new: đã có bài tên 'dam-ha-vung-manh-tu-chi-bo-thon-khu'; hãy chọn --slug khác");
    expect(readFileSync(original, 'utf8')).toBe(before);
  });

  it('explains what is missing or wrong', () => {
    expect(cli('new.ts', ['--dir', dir, '--province', 'Quảng Ninh']).stderr).toMatch(/^new: hãy cho tiêu đề/);
    expect(cli('new.ts', ['--dir', dir, '--title', 'X']).stderr).toMatch(/^new: hãy cho tỉnh/);
    const bad = cli('new.ts', ['--dir', dir, '--title', 'X', '--province', 'Quảng Ninh', '--district', 'Dam Ha', '--date', '2022-09-30']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe("new: --district: không có huyện 'Dam Ha' ở Quảng Ninh — có phải 'Đầm Hà'?");
    expect(cli('new.ts', ['--dir', dir, '--title', 'X', '--province', 'Quảng Ninh', '--date', '30/09/2022']).stderr).toMatch(/^new: --date: cần một ngày có thật/);
    const twoLines = cli('new.ts', ['--dir', dir, '--title', 'Đầm Hà\nTY  - NEWS', '--province', 'Quảng Ninh', '--date', '2022-09-30']);
    expect([twoLines.status, twoLines.stderr.trim()]).toEqual([1, 'new: --title: viết tiêu đề trên một dòng, không có ký tự điều khiển']);
    const future = cli('new.ts', ['--dir', dir, '--title', 'X', '--province', 'Quảng Ninh', '--date', '2099-01-01']);
    expect([future.status, future.stderr.trim()]).toEqual([1, 'new: --date: 2099-01-01 là ngày chưa tới; hãy cho ngày bài được đăng']);
    expect(existsSync(join(dir, '2099'))).toBe(false);
    expect(existsSync(join(dir, '2022/x.mdx'))).toBe(false);
  });

  it('takes a commune without a district from 1 July 2025, and refuses a district then', () => {
    const r = cli('new.ts', ['--dir', dir, '--title', 'Thượng Sơn: chi bộ vùng cao', '--province', 'Tuyên Quang', '--commune', 'Thượng Sơn', '--date', '2026-03-02']);
    expect(r.stderr).toBe('');
    const { article, problems } = loadArticle(r.stdout.trim(), readFileSync(r.stdout.trim(), 'utf8'));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(article?.data.locality).toMatchObject({ province: 'Tuyên Quang', commune: 'Thượng Sơn', communeCode: '00958' });
    expect(article?.data.locality.district).toBeUndefined();
    const old = cli('new.ts', ['--dir', dir, '--title', 'Y', '--province', 'Quảng Ninh', '--district', 'Đầm Hà', '--date', '2026-03-02']);
    expect(old.status).toBe(1);
    expect(old.stderr).toMatch(/^new: --district: từ 2025-07-01 không còn cấp huyện/);
  });
});

describe('JSON Schema for editors', () => {
  it('is up to date with the Zod schema (run npm run schema after changing it)', () => {
    expect(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))).toEqual(articleJsonSchema());
  });

  it('describes the fields in Vietnamese and offers the provinces', () => {
    const schema = articleJsonSchema() as { properties: Record<string, { description?: string; properties?: Record<string, { examples?: string[] }> }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'date', 'source', 'author', 'locality', 'figures']));
    expect(schema.properties.title!.description).toBe('Tiêu đề bài, đúng như báo đăng.');
    const provinces = schema.properties.locality!.properties!.province!.examples!;
    expect(provinces).toContain('Hà Giang');
    expect(provinces).toContain('Huế');
  });
});

describe('every command line', () => {
  const commands: [string, string][] = [['check', 'check.ts'], ['new', 'new.ts'], ['import', 'import.ts'], ['schema', 'schema.ts'], ['headers', 'headers.ts'], ['bench', 'bench/scale.ts']];

  it.each(commands)('npm run %s answers --help and -h with its usage, options and an example', (name, script) => {
    for (const flag of ['--help', '-h']) {
      const r = cli(script, [flag]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.startsWith(`npm run ${name}`)).toBe(true);
      expect(r.stdout).toMatch(/-h, --help/);
      if (!['schema', 'headers'].includes(name)) expect(r.stdout).toMatch(/\nVí dụ: npm run /);
    }
  });

  it.each(commands)('npm run %s answers an unknown option or a missing value in one line, with exit code 2', (name, script) => {
    const unknown = cli(script, ['--khong-co']);
    expect([unknown.status, unknown.stdout, unknown.stderr]).toEqual([2, '', `${name}: không có tùy chọn --khong-co — xem npm run ${name} -- --help\n`]);
  });

  it('names an option given without its value', () => {
    const r = cli('check.ts', ['--dir']);
    expect([r.status, r.stderr]).toEqual([2, 'check: tùy chọn --dir cần một giá trị — xem npm run check -- --help\n']);
  });
});
