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
  `${B}/2018/xa-sau-sap-xep.mdx:9:12  locality.commune  commune 'Việt Trì' was formed on 2025-07-01 from phường Dữu Lâu (thành phố Việt Trì), phường Tân Dân (thành phố Việt Trì), phường Gia Cẩm (thành phố Việt Trì), xã Trưng Vương (thành phố Việt Trì) and phường Minh Nông (thành phố Việt Trì) — for an article of 2018-05-02 write the one it was about`,
  `${B}/2021/trung-ten-tep.mdx:1:1  file  slug 'trung-ten-tep' is also used by ${B}/2022/trung-ten-tep.mdx — give one file another name`,
  `${B}/2022/anh-khong-co.mdx:18:1  body  image './anh-1.jpg' is not next to the article`,
  `${B}/2022/anh-tren-trang-khac.mdx:18:1  body  image 'https://example.com/anh.jpg' is on another site; save it next to the article and write src="./name.jpg"`,
  `${B}/2022/chua-chuan-hoa-nfc.mdx:1:1  file  text is not in Unicode NFC form; it was normalised for the build — save the file as NFC  (warning)`,
  `${B}/2022/con-muc-can-duyet.mdx:7:9  review  still to be reviewed: date, locality.commune — confirm each and delete it from review, or keep the article a draft (draft: true)`,
  `${B}/2022/cu-phap-mdx.mdx:18:25  body  MDX syntax: Unexpected end of file in expression, expected a corresponding closing brace for \`{\` — to show '<' or '{' as text write \\< or \\{`,
  `${B}/2022/go-nham-truong.mdx:7:8  tilte  unknown field 'tilte' — did you mean 'title'?`,
  `${B}/2022/huyen-sai-ten.mdx:9:13  locality.district  unknown district 'Dam Ha' in Quảng Ninh — did you mean 'Đầm Hà'?`,
  `${B}/2022/khong-co-frontmatter.mdx:1:1  frontmatter  missing frontmatter: the file must start with a line '---', the fields, and another '---'`,
  `${B}/2022/lien-ket-hong.mdx:18:10  body  link to '/bai/2022/bai-loi-lien-ket-hon/' leads nowhere: no page has that address`,
  `${B}/2022/ngay-khong-co-that.mdx:3:7  date  expected a real date as YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time), e.g. 2022-09-30 or 2019-07-08T16:38`,
  `${B}/2022/ngay-trong-tuong-lai.mdx:3:7  date  date 2099-01-01 is in the future`,
  `${B}/2022/so-lieu-khong-co-trong-bai.mdx:13:11  figures[0].text  the phrase '80 chi bộ' is not in the article body — copy it exactly from the text`,
  `${B}/2022/so-lieu-sai-gia-tri.mdx:11:12  figures[0].value  value 700 does not match the number in its text '70 chi bộ' (70)`,
  `${B}/2022/thanh-phan-la.mdx:18:1  body  unknown component <Video>; articles may use: <Figure>, <Quote>, <Note>. To show '<' as text write \\<`,
  `${B}/2022/thieu-tac-gia.mdx:2:1  author  required field 'author' is missing — write 'author: null' when the article names no author`,
  `${B}/2022/thieu-tieu-de.mdx:2:1  title  required field 'title' is missing`,
  `${B}/2022/tinh-sai-ten.mdx:8:13  locality.province  unknown province 'Quang Ninh' — did you mean 'Quảng Ninh'?`,
  `${B}/2022/trung-bai-a.mdx:2:8  title  same title and date as ${B}/2022/trung-bai-b.mdx — is it the same article twice?`,
  `${B}/2022/trung-bai-b.mdx:2:8  title  same title and date as ${B}/2022/trung-bai-a.mdx — is it the same article twice?`,
  `${B}/2022/trung-ten-tep.mdx:1:1  file  slug 'trung-ten-tep' is also used by ${B}/2021/trung-ten-tep.mdx — give one file another name`,
  `${B}/2022/tu-chi-muc-khong-co.mdx:13:16  figures[0].qualifier  qualifier 'hơn' does not appear in its text '70 chi bộ'`,
  `${B}/2022/xa-da-sap-nhap.mdx:10:12  locality.commune  commune 'Hải Trạch' was merged into xã Hải Phú on 2020-02-01 — for an article of 2022-09-30 write 'Hải Phú'`,
  `${B}/2022/xa-khong-thuoc-huyen.mdx:10:12  locality.commune  commune 'Thượng Sơn' is not in Đầm Hà (there is one in Vị Xuyên (Hà Giang), Đô Lương (Nghệ An))`,
  `${B}/2022/yaml-sai.mdx:10:1  frontmatter  YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`,
  `${B}/2025/con-ghi-huyen.mdx:9:13  locality.district  there are no districts from 2025-07-01: remove 'district' and give the commune as it is named since then — xã Thượng Sơn is now in xã Thượng Sơn, tỉnh Tuyên Quang`,
  `${B}/2025/tinh-truoc-sap-xep.mdx:8:13  locality.province  province 'Hà Giang' became part of tỉnh Tuyên Quang on 2025-07-01; write 'Tuyên Quang' for an article of 2025-08-12  (warning)`,
];

describe('npm run check', () => {
  it('answers every broken article with its file, line, field and message', () => {
    const r = cli('check.ts', ['--dir', B]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, -2)).toEqual(EXPECTED);
    expect(lines.at(-1)).toBe('checked 28 files: 26 errors, 2 warnings');
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
    expect(r.stdout.trim()).toBe('checked 5 files: 0 errors, 0 warnings');
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
    expect(refused.stderr.trim()).toBe("new: an article named 'dam-ha-vung-manh-tu-chi-bo-thon-khu' already exists; choose another --slug");
    expect(readFileSync(original, 'utf8')).toBe(before);
  });

  it('explains what is missing or wrong', () => {
    expect(cli('new.ts', ['--dir', dir, '--province', 'Quảng Ninh']).stderr).toMatch(/^new: give the headline/);
    expect(cli('new.ts', ['--dir', dir, '--title', 'X']).stderr).toMatch(/^new: give the province/);
    const bad = cli('new.ts', ['--dir', dir, '--title', 'X', '--province', 'Quảng Ninh', '--district', 'Dam Ha', '--date', '2022-09-30']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe("new: --district: unknown district 'Dam Ha' in Quảng Ninh — did you mean 'Đầm Hà'?");
    expect(cli('new.ts', ['--dir', dir, '--title', 'X', '--province', 'Quảng Ninh', '--date', '30/09/2022']).stderr).toMatch(/^new: --date: expected a real date/);
    const twoLines = cli('new.ts', ['--dir', dir, '--title', 'Đầm Hà\nTY  - NEWS', '--province', 'Quảng Ninh', '--date', '2022-09-30']);
    expect([twoLines.status, twoLines.stderr.trim()]).toEqual([1, 'new: --title: give the headline on one line, without control characters']);
    const future = cli('new.ts', ['--dir', dir, '--title', 'X', '--province', 'Quảng Ninh', '--date', '2099-01-01']);
    expect([future.status, future.stderr.trim()]).toEqual([1, 'new: --date: 2099-01-01 is in the future; give the day the article was published']);
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
    expect(old.stderr).toMatch(/^new: --district: there are no districts from 2025-07-01/);
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
