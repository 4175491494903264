/**
 * One article file in, everything the site needs out: validated frontmatter, body HTML,
 * plain text and every problem (frontmatter, MDX syntax, figure phrases missing from the body).
 * Used by the content loader and by `npm run check`, so both report the same things.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { createParser, createRenderer } from '../plugins/index.ts';
import type { ArticleData } from '../schemas/article.ts';
import { parseArticleFile } from './article-file.ts';
import type { Problem } from './problems.ts';
import { indexOfPhrase, nfc, tidySpace } from './vi-text.ts';

/** A fully loaded article. */
export interface LoadedArticle {
  data: ArticleData;
  /** The MDX body as written (NFC). */
  body: string;
  /** Rendered body HTML. */
  html: string;
  /** Plain text of the body, paragraphs separated by blank lines. */
  text: string;
  /** Plain text of the first paragraph, for listings when there is no summary. */
  lead: string;
  /** Word count of the body (Vietnamese syllables count as words). */
  words: number;
}

const parser = createParser();

/** Parses, validates and renders one article file; `article` is set only when there are no errors. */
export function loadArticle(file: string, raw: string): { article?: LoadedArticle; problems: Problem[] } {
  const parsed = parseArticleFile(file, raw);
  const problems = [...parsed.problems];
  if (!parsed.article) return { problems };
  const { data, body, bodyLine, locate } = parsed.article;
  const offsetLine = bodyLine - 1;

  const vfile = new VFile({ path: file, value: body });
  let tree: Root;
  try {
    tree = parser.parse(vfile);
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    problems.push({
      file,
      line: (e.line ?? 1) + offsetLine,
      column: e.column ?? 1,
      field: 'body',
      message: `MDX syntax: ${e.reason ?? e.message} — to show '<' or '{' as text write \\< or \\{`,
      severity: 'error',
    });
    return { problems };
  }

  const text = tree.children.map((node) => tidySpace(toString(node))).filter(Boolean).join('\n\n');
  const lead = tidySpace(toString(tree.children.find((n) => n.type === 'paragraph') ?? ''));
  const searchable = tidySpace(text);
  data.figures.forEach((figure, i) => {
    if (indexOfPhrase(searchable, tidySpace(nfc(figure.text))) < 0) {
      const pos = locate(['figures', i, 'text']);
      problems.push({
        file,
        ...pos,
        field: `figures[${i}].text`,
        message: `the phrase '${figure.text}' is not in the article body — copy it exactly from the text`,
        severity: 'error',
      });
    }
  });

  const renderer = createRenderer({ texts: data.figures.map((f) => tidySpace(f.text)) });
  const html = renderer.stringify(renderer.runSync(tree, vfile), vfile);
  for (const m of vfile.messages) {
    problems.push({
      file,
      line: (m.line ?? 1) + offsetLine,
      column: m.column ?? 1,
      field: m.ruleId ?? 'body',
      message: m.reason,
      severity: 'error',
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const words = searchable.split(' ').filter((w) => /\p{L}/u.test(w)).length;
  return { article: { data, body, html: String(html), text, lead, words }, problems };
}
