/**
 * The reviewed articles in content/: each validates with no problems, keeps every paragraph
 * of its source report verbatim, and carries none of the scraped site furniture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { tidySpace } from '../../src/lib/text/vi-text.ts';
import { CONTENT, SEEDS } from '../support/paths.ts';

const files = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .sort();

/** Lines of a seed that are article text: long lines before the related-articles block. */
function seedParagraphs(seed: string): string[] {
  const body = seed.split(/^Có thể bạn quan tâm$|^Tin cùng chuyên mục$/m)[0]!;
  return body
    .split('\n')
    // Verbatim means the same words: NFC with white space tidied (the seeds hold stray no-break spaces).
    .map((l) => tidySpace(l.normalize('NFC')))
    .filter((l) => l.length >= 60)
    // The dateline tag ("BHG - ") names the newspaper; it is not article text.
    .map((l) => l.replace(/^[A-Z]{2,5} - /, ''));
}

describe.each(files)('%s', (file) => {
  const raw = readFileSync(join(CONTENT, file), 'utf8');
  const { article, problems } = loadArticle(file, raw);

  it('validates with no problems and is NFC', () => {
    expect(problems).toEqual([]);
    expect(raw).toBe(raw.normalize('NFC'));
    expect(file.split('/')[0]).toBe(article!.data.date.slice(0, 4));
  });

  it('reports at least five figures, each traceable to the body', () => {
    expect(article!.data.figures.length).toBeGreaterThanOrEqual(5);
    for (const f of article!.data.figures) expect(article!.text).toContain(f.text);
  });

  it('keeps every paragraph of its source verbatim and drops the furniture', () => {
    const seed = readFileSync(join(SEEDS, article!.data.importedFrom!), 'utf8');
    // The headline is in the frontmatter, not the body.
    const paragraphs = seedParagraphs(seed).filter((p) => p !== article!.data.title);
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    for (const p of paragraphs) expect(article!.text).toContain(p);
    for (const junk of ['Tin cùng chuyên mục', 'Có thể bạn quan tâm', 'lượt xem', '.jpg', 'GMT+7', 'Baoquangninh.com.vn', 'fbytzltw', 'Tin tức đầu tư', 'Bài, ảnh:']) {
      expect(article!.text).not.toContain(junk);
    }
    expect(article!.text.split('\n\n').filter((p) => /^[.\s]*$/.test(p))).toEqual([]);
  });

  it('keeps each image caption once', () => {
    const captions = [...article!.html.matchAll(/<figure class="figure"><figcaption>([^<]+)<\/figcaption>/g)].map((m) => m[1]!.replace(/\u00a0/g, ' '));
    for (const c of captions) {
      expect(article!.text.split(c.replace(/\.$/, '')).length - 1, c).toBe(1);
    }
  });
});
