/**
 * The quick rebuild (scripts/lib/quick-build.ts): an edit to an article's body alone is built
 * without Astro, and the output must be byte for byte what a full build makes of the same files.
 * Any other edit is left to Astro (a partial or a full build), which reports problems as always.
 */
import { appendFileSync, cpSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../support/build.ts';
import { CONTENT, ROOT, TMP } from '../support/paths.ts';
import { treeDigest } from '../support/tree.ts';

const dir = join(TMP, 'quick');
const content = join(dir, 'content');
const out = join(dir, 'dist');
// Two shards of the five reports (2019–2022, 2023): an edit re-indexes the one it is in, with its other page, and reuses the other.
const env = { DIACHI_SHARD_SIZE: '3' };
const ARTICLE = '2023/bao-thang-xay-dung-to-chuc-dang-vung-manh-tu-goc';
const file = join(content, `${ARTICLE}.mdx`);
const pageOf = (root: string) => readFileSync(join(root, 'bai', ARTICLE, 'index.html'), 'utf8');

/** What a full build from a fresh cache makes of the content as it is now. */
function fullBuild(name: string): Record<string, string> {
  const other = join(dir, name);
  rmSync(`${other}-cache`, { recursive: true, force: true });
  const build = buildFixture(content, other, { ...env, DIACHI_QUICK: '0' });
  expect(build.status, build.output).toBe(0);
  return treeDigest(other);
}

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  cpSync(CONTENT, content, { recursive: true });
  writeFileSync(join(content, '2023/_nhap.mdx'), 'Bản nháp chưa viết xong.\n');
  const build = buildFixture(content, out, env);
  expect(build.status, build.output).toBe(0);
  expect(build.output).toContain('[build] full build: no record of an earlier build');
});

describe('the quick rebuild', () => {
  it('says so and touches nothing when nothing changed', () => {
    const before = treeDigest(out);
    const build = buildFixture(content, out, env);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('[build] nothing changed since the last build of dist/');
    expect(build.output).not.toContain('site built');
    expect(treeDigest(out)).toEqual(before);
  });

  it('records an edit to a draft, which no page shows, and changes nothing', () => {
    const before = treeDigest(out);
    appendFileSync(join(content, '2023/_nhap.mdx'), 'Thêm một dòng.\n');
    const build = buildFixture(content, out, env);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/\[build\] quick rebuild in [\d.]+ s: 1 article file changed, 0 pages re-filled/);
    expect(treeDigest(out)).toEqual(before);
    expect(buildFixture(content, out, env).output).toContain('[build] nothing changed since the last build');
  });

  it('builds a body edit without Astro, to exactly the output of a full build', () => {
    const before = pageOf(out);
    // The search index's copies of the edited shard's months (2023-03, and 2023-07 with the edit).
    const made = (month: string) => statSync(join(`${out}-cache`, 'search-copies', `${month}.json`)).mtimeMs;
    const madeBefore = { edited: made('2023-07'), other: made('2023-03') };
    // Long enough to change the reading time shown in the byline, and a word no other article has.
    appendFileSync(file, `\nNgười dân thôn Khe Đền góp công làm đường Lũng Phìn. ${'Mọi việc trong thôn đều được bàn bạc công khai, dân chủ. '.repeat(40)}\n`);
    const build = buildFixture(content, out, env);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/\[build\] quick rebuild in [\d.]+ s: 1 article file changed, 1 page re-filled/);
    expect(build.output).toMatch(/indexed 5 articles in \d+ ms \(2 shards, 1 reused/);
    expect(build.output).not.toContain('site built');
    const after = pageOf(out);
    expect(after).toContain('Lũng Phìn');
    expect(after.match(/(\d+) phút đọc/)![1]).not.toBe(before.match(/(\d+) phút đọc/)![1]);
    // Only the edited month was copied again for the index.
    expect(made('2023-07')).not.toBe(madeBefore.edited);
    expect(made('2023-03')).toBe(madeBefore.other);
    const quick = treeDigest(out);
    const full = fullBuild('dist-full');
    expect(Object.keys(quick)).toEqual(Object.keys(full));
    expect(Object.keys(full).filter((f) => quick[f] !== full[f])).toEqual([]);
  });

  it('takes the full build when the output folder is not the one it wrote', () => {
    renameSync(out, `${out}-moved`);
    cpSync(`${out}-moved`, out, { recursive: true });
    rmSync(`${out}-moved`, { recursive: true });
    const build = buildFixture(content, out, env);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain(`[build] full build: ${relative(ROOT, out)} is not the output of the last build`);
  });

  it('takes the full build when a file next to the articles (an image) changed', () => {
    writeFileSync(join(content, '2023/ghi-chu.txt'), 'Ảnh sẽ bổ sung.\n');
    const build = buildFixture(content, out, env);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('[build] full build: code, configuration, packages or assets changed');
    rmSync(join(content, '2023/ghi-chu.txt'));
    expect(buildFixture(content, out, env).output).toContain('[build] full build: code, configuration, packages or assets changed');
  });

  it('leaves an edit other pages show (the title) to Astro (the partial build: tests/e2e/partial-rebuild.test.ts)', () => {
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: "Đảng bộ huyện Bảo Thắng:', 'title: "Huyện Bảo Thắng:'));
    const build = buildFixture(content, out, env);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain(`[build] partial build: ${relative(ROOT, file)} changed more than its body`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Huyện Bảo Thắng: Xây dựng tổ chức đảng vững mạnh từ gốc');
  });

  it('leaves a body edit that breaks the article to Astro, which stops with the usual message', () => {
    const before = treeDigest(out);
    // A figure's quote must stay in the body.
    writeFileSync(file, readFileSync(file, 'utf8').replace('với tổng số 276 đảng viên.', 'với tổng số đảng viên.'));
    const build = buildFixture(content, out, env);
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('has problems to report');
    expect(build.output).toMatch(/bao-thang-xay-dung-to-chuc-dang-vung-manh-tu-goc\.mdx:\d+:\d+ {2}figures\[\d+\]\.text {2}cụm từ .tổng số 276 đảng viên. không có trong bài/);
    expect(treeDigest(out)).toEqual(before);
  });
});
