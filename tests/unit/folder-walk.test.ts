/** Folders as editors' disks have them: symbolic links back up the tree, folders named like files. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesBelow } from '../../scripts/lib/content-files.ts';
import { CONTENT, ROOT, SEEDS } from '../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-walk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const node = (script: string, args: string[]) => spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('walking folders', () => {
  // inbox/a.txt, inbox/sub/up -> .. (a loop), inbox/sub/link.txt -> ../a.txt (a link to a file).
  const inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'sub'), { recursive: true });
  copyFileSync(join(SEEDS, '001_d244c8a9698ac1ce.txt'), join(inbox, 'a.txt'));
  symlinkSync('..', join(inbox, 'sub', 'up'));
  symlinkSync('../a.txt', join(inbox, 'sub', 'link.txt'));

  it('does not follow a link to a folder, and takes a link to a file', () => {
    expect(filesBelow(inbox, (n) => n.endsWith('.txt'))).toEqual(['a.txt', 'sub/link.txt']);
  });

  it('imports each report of a folder with a loop, and ends', () => {
    const out = join(dir, 'out');
    const r = node('scripts/import.ts', ['--out', out, '--json', inbox]);
    expect(r.error).toBeUndefined();
    const summary = JSON.parse(r.stdout) as { files: { file: string; status: string }[] };
    expect(summary.files.map((f) => f.file.split('inbox/')[1]).sort()).toEqual(['a.txt', 'sub/link.txt']);
  });

  it('checks a content folder with a loop and a folder named like an article, in one line each', () => {
    const content = join(dir, 'content');
    mkdirSync(join(content, '2019', 'thu-muc.mdx'), { recursive: true });
    copyFileSync(join(CONTENT, '2019/thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo.mdx'), join(content, '2019', 'thuong-son.mdx'));
    symlinkSync('..', join(content, '2019', 'len'));
    const r = node('scripts/check.ts', ['--dir', content]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo');
    expect(readFileSync(join(content, '2019', 'thuong-son.mdx'), 'utf8')).toContain('Thượng Sơn');
  });
});

describe('editors’ files', () => {
  it('a file name that is not an ASCII address is one line saying how to rename it', () => {
    const content = join(dir, 'names');
    mkdirSync(join(content, '2019'), { recursive: true });
    copyFileSync(join(CONTENT, '2019/thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo.mdx'), join(content, '2019', 'Thượng Sơn 1.mdx'));
    const r = node('scripts/check.ts', ['--dir', content]);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')[0]).toBe(`${join(content, '2019', 'Thượng Sơn 1.mdx').replace(`${ROOT}/`, '')}:1:1  file  tên tệp 'Thượng Sơn 1.mdx' không dùng làm địa chỉ web được: đổi tên thành 'thuong-son-1.mdx' (chữ thường không dấu, số và gạch nối)`);
  });

  it('import reads UTF-16 text, and says in one line that --out must be a folder', () => {
    const inbox = join(dir, 'utf16');
    mkdirSync(inbox);
    const seed = readFileSync(join(SEEDS, '001_d244c8a9698ac1ce.txt'), 'utf8');
    writeFileSync(join(inbox, 'a.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]));
    const r = node('scripts/import.ts', ['--out', join(dir, 'out16'), '--json', inbox]);
    const summary = JSON.parse(r.stdout) as { imported: number };
    expect(summary.imported, r.stdout).toBe(1);
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const bad = node('scripts/import.ts', ['--out', file, inbox]);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, `import: --out ${file} là một tệp; hãy cho thư mục chứa bài, ví dụ --out content/articles`]);
  });
});
