/**
 * The partial rebuild (scripts/lib/partial-build.ts): an edit that other pages show (a title, a
 * date) is built by rendering only the pages whose cache key changed, and the output must be
 * byte for byte what a full build from a fresh cache makes of the same files — as must the
 * full builds that follow it from the same cache — also when pages come or go (another commune,
 * an added or removed article). A broken article stops the build with the usual message and
 * leaves the output.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileHash } from '../../src/lib/articles/article-path.ts';
import { buildFixture, buildWithAstroAlone } from '../support/build.ts';
import { CONTENT, ROOT, TMP } from '../support/paths.ts';
import { treeDigest } from '../support/tree.ts';

const dir = join(TMP, 'partial');
const content = join(dir, 'content');
const out = join(dir, 'dist');
// Two shards of the five reports (2019–2022, 2023), as in the quick rebuild's test; the sitemap
// split into files of 71 pages (the site has 71: one more starts a file), as a large archive's is into files of 45,000.
const env = { DIACHI_SHARD_SIZE: '3', DIACHI_SITEMAP_LIMIT: '71' };
const TITLED = '2023/bao-thang-xay-dung-to-chuc-dang-vung-manh-tu-goc';
const DATED = '2019/dang-bo-phuong-ha-lam-nang-cao-nang-luc-lanh-dao-suc-chien-dau';
const fileOf = (id: string) => join(content, `${id}.mdx`);
const edit = (id: string, from: string, to: string) => {
  const text = readFileSync(fileOf(id), 'utf8');
  expect(text).toContain(from);
  writeFileSync(fileOf(id), text.replace(from, to));
};

/** Expects the output to be, file for file, what a full build from a fresh cache makes now. */
function expectSameAsFullBuild(): void {
  const other = join(dir, 'dist-full');
  rmSync(`${other}-cache`, { recursive: true, force: true });
  const build = buildFixture(content, other, { ...env, DIACHI_QUICK: '0' });
  expect(build.status, build.output).toBe(0);
  const full = treeDigest(other);
  const ours = treeDigest(out);
  expect(Object.keys(ours)).toEqual(Object.keys(full));
  expect(Object.keys(full).filter((f) => ours[f] !== full[f])).toEqual([]);
}

/** The output's sitemap files (not the index), and all their text. */
const sitemaps = () => readdirSync(out).filter((f) => /^sitemap-\d+\.xml$/.test(f));
const sitemapText = () => sitemaps().map((f) => readFileSync(join(out, f), 'utf8')).join('');

function build(extra: NodeJS.ProcessEnv = {}) {
  const result = buildFixture(content, out, { ...env, ...extra });
  expect(result.status, result.output).toBe(0);
  return result.output;
}

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  cpSync(CONTENT, content, { recursive: true });
  const output = build();
  expect(output).toContain('[build] full build: no record of an earlier build');
  // A full build makes the search copies while Astro renders (src/integrations/search-prep.ts):
  // the index finds every month's copies current and copies nothing itself.
  expect(output).toMatch(/made the search copies of 5 articles \(5 months\) while the pages were rendered/);
  expect(output).toMatch(/indexed 5 articles in \d+ ms \(2 shards, 0 reused; read \d+ ms, copied 0 pages in/);
});

describe('the partial rebuild', () => {
  it('renders only the pages that show an edited title, to exactly the output of a full build', () => {
    // A page that does not show the article: the partial build must not write it.
    const other = join(out, 'bai', DATED, 'index.html');
    const before = statSync(other).ino;
    edit(TITLED, 'title: "Đảng bộ huyện Bảo Thắng:', 'title: "Huyện Bảo Thắng:');
    const output = build();
    expect(output).toContain(`[build] partial build: ${relative(ROOT, fileOf(TITLED))} changed more than its body`);
    expect(output).toMatch(/\[build\] partial build in [\d.]+ s: \d+ pages rendered, 3 citation files/);
    // A partial build renders only some pages: the index itself copies the months of the pages that
    // changed — the edited article's and its neighbour's, whose link shows the title (a month each).
    expect(output).toMatch(/indexed 5 articles in \d+ ms \(2 shards, 1 reused; read \d+ ms, copied 2 pages in/);
    expect(output).not.toContain('made the search copies');
    expect(output).not.toContain('site built');
    expect(statSync(other).ino).toBe(before);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Huyện Bảo Thắng: Xây dựng tổ chức đảng vững mạnh từ gốc');
    expect(readFileSync(join(out, 'trich-dan', `${TITLED}.bib`), 'utf8')).toContain('Huyện Bảo Thắng: Xây dựng');
    expectSameAsFullBuild();
  });

  it('leaves the caches true: after the edit is undone, a full build from the same cache matches a fresh one', () => {
    edit(TITLED, 'title: "Huyện Bảo Thắng:', 'title: "Đảng bộ huyện Bảo Thắng:');
    // The loader's entries and the kept search copies outlive the partial build; Astro keeps no
    // copies of pages (astro.config.mjs), so a full build renders every page.
    const output = build({ DIACHI_QUICK: '0' });
    expect(output).toContain('site built');
    expect(output).not.toContain('(restored)');
    expectSameAsFullBuild();
  });

  it('re-orders the listings and neighbours’ links after a date edit', () => {
    // From January to August 2019: now newer than the Thượng Sơn report (July 2019).
    edit(DATED, 'date: 2019-01-10T08:01', 'date: 2019-08-10T08:01');
    expect(build()).toContain('[build] partial build in');
    const page = readFileSync(join(out, 'bai', '2019/thuong-son-nang-cao-chat-luong-sinh-hoat-chi-bo', 'index.html'), 'utf8');
    expect(page).toMatch(/class="newer" href="\/bai\/2019\/dang-bo-phuong-ha-lam/);
    expectSameAsFullBuild();
  });

  it('adds and removes pages, with the sitemap, when the article moves to another commune', () => {
    edit(DATED, 'commune: Hà Lầm', 'commune: Hồng Hải');
    const output = build();
    // The page of Hà Lầm goes, and that of the ward it is part of today; Hồng Hải's come.
    expect(output).toMatch(/\[build\] partial build in [\d.]+ s: \d+ pages rendered, 2 removed/);
    expect(sitemapText()).toContain('/dia-phuong/quang-ninh/ha-long/hong-hai/</loc>');
    expect(sitemapText()).not.toContain('/ha-long/ha-lam/</loc>');
    expectSameAsFullBuild();
  });

  it('builds an added article, and its removal, to exactly the output of full builds', () => {
    expect(sitemaps()).toHaveLength(1);
    const added = '2023/kien-xuong-ban-sao';
    writeFileSync(
      fileOf(added),
      readFileSync(fileOf('2023/kien-xuong-xay-dung-to-chuc-dang-vung-manh-tu-co-so'), 'utf8')
        .replace(/^title: .*$/m, 'title: "Kiến Xương: bản tin thứ hai về tổ chức đảng"')
        .replace(/^date: .*$/m, 'date: 2023-11-20'),
    );
    const output = build();
    expect(output).toContain('[build] partial build: articles were added, removed or renamed');
    expect(output).toMatch(/\[build\] partial build in [\d.]+ s: \d+ pages rendered, 3 citation files/);
    expect(output).toMatch(/indexed 6 articles in/);
    expect(sitemapText()).toContain(`/bai/${added}/</loc>`);
    // 72 pages: a second sitemap file, listed in the index.
    expect(sitemaps()).toHaveLength(2);
    expect(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')).toContain('/sitemap-1.xml</loc>');
    expectSameAsFullBuild();
    rmSync(fileOf(added));
    expect(build()).toMatch(/\[build\] partial build in [\d.]+ s: \d+ pages rendered, 1 removed/);
    expect(sitemaps()).toHaveLength(1);
    expectSameAsFullBuild();
  });

  it('stops with the usual message and leaves the output when the edit breaks the article, then builds the fix', () => {
    const before = treeDigest(out);
    edit(TITLED, 'district: Bảo Thắng', 'district: Bảo Thắnh');
    const failed = buildFixture(content, out, env);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('[build] partial build:');
    expect(failed.output).toMatch(/bao-thang-xay-dung-to-chuc-dang-vung-manh-tu-goc\.mdx:\d+:\d+ {2}locality\.district/);
    expect(treeDigest(out)).toEqual(before);
    edit(TITLED, 'district: Bảo Thắnh', 'district: Bảo Thắng');
    edit(TITLED, 'title: "Đảng bộ huyện Bảo Thắng:', 'title: "Bảo Thắng:');
    expect(build()).toContain('[build] partial build in');
    expectSameAsFullBuild();
    expect(build({ DIACHI_QUICK: '0' })).toContain('site built');
    expectSameAsFullBuild();
  });

  it('keeps article bodies out of Astro’s data store, a file each, and writes lost ones again', () => {
    const bodies = join(`${out}-cache`, 'article-html');
    // A sentence of the Bảo Thắng report's body only (no figure quotes it).
    const sentence = 'thổi luồng gió mới trong sinh hoạt chi bộ';
    expect(readFileSync(join(`${out}-cache`, 'data-store.json'), 'utf8')).not.toContain(sentence);
    // One file per published article: the added and removed one's was deleted with it.
    const files = readdirSync(bodies);
    expect(files).toHaveLength(5);
    expect(files.filter((f) => readFileSync(join(bodies, f), 'utf8').includes(sentence))).toHaveLength(1);
    // Part of the cache lost: the store still lists the bodies, the files are gone.
    rmSync(bodies, { recursive: true });
    edit(TITLED, 'title: "Bảo Thắng:', 'title: "Huyện Bảo Thắng:');
    expect(build()).toContain('[build] partial build in');
    const now = readdirSync(bodies);
    expect(now).toHaveLength(5);
    // The four articles not edited have their bodies back under the same names.
    expect(now.filter((f) => files.includes(f))).toHaveLength(4);
    expect(readFileSync(join(out, 'bai', TITLED, 'index.html'), 'utf8')).toContain(sentence);
    expectSameAsFullBuild();
    expect(build({ DIACHI_QUICK: '0' })).toContain('site built');
    expectSameAsFullBuild();
  });

  it('loads the files by the hashes the build took before Astro, so an edit saved after them is built next time', () => {
    // `npm run build` hashes every article before Astro starts and the loader reads only files
    // whose hash its entries lack (DIACHI_FILE_HASHES). An edit saved in between is played here by
    // running Astro alone, on a copy of the cache, with the hashes from before the edit.
    const file = fileOf(TITLED);
    const before = readFileSync(file);
    const hashes = join(dir, 'hashes.json');
    const alone = join(dir, 'alone');
    const title = () => readFileSync(join(alone, 'bai', TITLED, 'index.html'), 'utf8').match(/<h1[^>]*>([^<]*)</)?.[1];
    const astro = (extra: NodeJS.ProcessEnv) => {
      rmSync(alone, { recursive: true, force: true });
      rmSync(`${alone}-cache`, { recursive: true, force: true });
      cpSync(`${out}-cache`, `${alone}-cache`, { recursive: true });
      const run = buildWithAstroAlone(content, alone, extra);
      expect(run.status, run.output).toBe(0);
    };
    writeFileSync(hashes, JSON.stringify({ [`${TITLED}.mdx`]: fileHash(before) }));
    edit(TITLED, 'title: "Huyện Bảo Thắng:', 'title: "Bảo Thắng mới:');
    astro({ DIACHI_FILE_HASHES: hashes });
    expect(title()).toMatch(/^Huyện Bảo Thắng:/);
    astro({});
    expect(title()).toMatch(/^Bảo Thắng mới:/);
    expect(build()).toContain('[build] partial build in');
    expect(readFileSync(join(out, 'bai', TITLED, 'index.html'), 'utf8')).toContain('Bảo Thắng mới:');
    expectSameAsFullBuild();
  });
});
