/** The benchmark corpus must be valid content, or the benchmarks would measure broken builds. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, places, twoLevel } from '../../scripts/bench/corpus.ts';
import { resolveLocality, unitLabel } from '../../src/lib/places/gazetteer.ts';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { parsePlain } from '../../src/plugins/plain-parse.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generateCorpus', () => {
  const files = generateCorpus(40, join(dir, 'a'));

  it('writes valid articles: schema, gazetteer, figures in the body', () => {
    expect(files).toHaveLength(40);
    for (const file of files) {
      const { article, problems } = loadArticle(file, readFileSync(file, 'utf8'));
      expect(problems, file).toEqual([]);
      expect(article!.data.figures).toHaveLength(5);
      expect(article!.words).toBeGreaterThanOrEqual(400);
      expect(file).toContain(`/${article!.data.date.slice(0, 4)}/`);
    }
  });

  it('is deterministic', () => {
    const again = generateCorpus(40, join(dir, 'b'));
    expect(again.map((f) => readFileSync(f, 'utf8'))).toEqual(files.map((f) => readFileSync(f, 'utf8')));
  });

  it('writes the same articles as ordinary Markdown, on the fast path, rendering what the marks say', async () => {
    const ordinary = generateCorpus(40, join(dir, 'ordinary'), { markdown: 'ordinary' });
    const text = ordinary.map((f) => readFileSync(f, 'utf8'));
    const all = text.join('\n');
    for (const mark of [/^## /m, /^> /m, / \*\p{L}+\* /u, / \*\*\p{L}+\*\* /u]) expect(all).toMatch(mark);
    // Without the marks, the plain corpus word for word.
    const unmarked = (t: string) => t.replace(/^## .*\n\n/gm, '').replace(/^> /gm, '').replaceAll('**', '').replace(/\*(\p{L}+)\*/gu, '$1');
    expect(text.map(unmarked)).toEqual(files.map((f) => readFileSync(f, 'utf8')));
    for (const file of ordinary) {
      const { article, problems } = loadArticle(file, readFileSync(file, 'utf8'));
      expect(problems, file).toEqual([]);
      expect(article!.data.figures).toHaveLength(5);
    }
    // On the fast path (plain-parse.ts, which builds the full parser's tree), with every construct.
    const kinds = new Set<string>();
    for (const t of text) {
      const tree = parsePlain(t.slice(t.indexOf('---', 3) + 3));
      expect(tree, 'fast path').not.toBeNull();
      const walk = (n: { type: string; children?: unknown[] }): void => void (kinds.add(n.type), n.children?.forEach((c) => walk(c as typeof n)));
      walk(tree!);
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['heading', 'blockquote', 'emphasis', 'strong']));
  });

  it('draws only places that are valid on every date it writes', () => {
    const pool = places();
    expect(pool.length).toBeGreaterThan(8_000);
    for (const p of pool) {
      const then = { province: p.province.name, district: unitLabel(p.district), commune: unitLabel(p.commune) };
      for (const date of ['2015-01-01', '2025-06-30']) expect(resolveLocality(then, date).ok, `${JSON.stringify(then)} ${date}`).toBe(true);
      const now = resolveLocality(twoLevel(p.commune), '2025-07-01');
      expect(now.ok && now.warnings, JSON.stringify(twoLevel(p.commune))).toEqual([]);
    }
  });

  it('spreads articles over places and years', () => {
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const provinces = new Set(texts.map((t) => /province: (.+)/.exec(t)![1]));
    const years = new Set(files.map((f) => /\/(\d{4})\//.exec(f)![1]));
    expect(provinces.size).toBeGreaterThan(15);
    expect(years.size).toBeGreaterThan(5);
  });
});
