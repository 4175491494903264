/**
 * The Hugo site the scale bench compares against must make the pages ours makes, or the ratio
 * would compare different work: its place pages must be ours (same URLs, articles and children).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { hugoSite } from '../../scripts/bench/hugo-site.ts';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { buildPlaces, localityUrls } from '../../src/lib/places/places.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-hugo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const frontmatter = (file: string) => parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
const mdFiles = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join(root, f));

describe('hugoSite', () => {
  const content = join(dir, 'content');
  const files = generateCorpus(80, content);
  const articles = files.map((file) => ({ file, ...loadArticle(file, readFileSync(file, 'utf8')).article! }));
  const ours = new Map([...buildPlaces(articles.map((a, i) => ({ id: String(i), locality: a.data.locality }))).values()].map((n) => [n.url, n]));
  const site = join(dir, 'same');
  hugoSite(content, site, 'same');

  it('writes place pages in YAML without anchors, which Hugo refuses where a unit links back to itself', () => {
    const pages = mdFiles(join(site, 'content/diaphuong'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(readFileSync(page, 'utf8'), page).not.toMatch(/(^|\s)[&*]a\d+\b/m);
  });

  it('makes a page for every place ours does, at the same URL, with the same articles and children', () => {
    const pages = mdFiles(join(site, 'content/diaphuong'))
      .map(frontmatter)
      .filter((p) => p.level !== undefined);
    expect(pages.map((p) => p.url).sort()).toEqual([...ours.keys()].sort());
    for (const page of pages) {
      const node = ours.get(page.url as string)!;
      expect(page.label, String(page.url)).toMatch(new RegExp(`${node.unit.versions.at(-1)!.name}$`));
      const children = page.children as { url: string; count: number }[];
      expect(children.map((c) => c.url).sort(), String(page.url)).toEqual(node.children.map((c) => c.url).sort());
      for (const child of children) expect(child.count).toBe(ours.get(child.url)!.about.length);
    }
  });

  it('puts each article on its places as reported and today, with its breadcrumb', () => {
    const written = new Map(mdFiles(join(site, 'content/bai')).map((f) => [f.slice(join(site, 'content/bai').length), frontmatter(f)]));
    expect(written.size).toBe(articles.length);
    for (const a of articles) {
      const fm = written.get(a.file.slice(content.length).replace(/\.mdx$/, '.md'))!;
      const l = a.data.locality;
      const today = [`2025-${l.today.provinceCode}`, ...(l.today.communeCode ? [`2025-${l.today.communeCode}`] : [])];
      expect(fm.diaphuong, a.file).toEqual([...new Set([...l.ids, ...today])]);
      expect((fm.place as { trail: { url: string }[] }).trail.map((t) => t.url)).toEqual(localityUrls(a.data.locality));
      expect(a.text.startsWith(fm.lead as string), a.file).toBe(true);
    }
    // Each term page names a place an article is on: a page with no article would be a page ours lacks.
    const terms = new Set(mdFiles(join(site, 'content/diaphuong')).map((f) => f.split('/').at(-2)));
    const used = new Set([...written.values()].flatMap((fm) => fm.diaphuong as string[]));
    expect([...used].every((code) => terms.has(code))).toBe(true);
    // Besides: the index page, and the provinces of today no article is about (ours has all 34).
    const empty = [...terms].filter((t) => t !== 'diaphuong' && !used.has(t!));
    expect(empty.every((t) => t!.startsWith('2025-') && t!.length === 7)).toBe(true);
    expect(terms.size - 1 - empty.length).toBe(used.size);
  });

  it('leaves the minimal site as it was: articles only', () => {
    const minimal = join(dir, 'minimal');
    hugoSite(content, minimal, 'minimal');
    expect(existsSync(join(minimal, 'content/diaphuong'))).toBe(false);
    const fm = frontmatter(mdFiles(join(minimal, 'content/bai'))[0]!);
    expect(fm.diaphuong).toBeUndefined();
    expect(String(fm.date)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00$/);
  });
});
