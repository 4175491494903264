/**
 * One article file in, everything the site needs out: validated frontmatter, body HTML,
 * plain text and every problem (frontmatter, MDX syntax, figure phrases missing from the body).
 * Used by the content loader and by `npm run check`, so both report the same things.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { createParser, createRenderer } from '../../plugins/index.ts';
import type { ArticleData } from '../../schemas/article.ts';
import { parseArticleFile } from './article-file.ts';
import { parseArticleDate } from '../text/dates.ts';
import type { Problem } from './problems.ts';
import { indexOfPhrase, nfc, tidySpace } from '../text/vi-text.ts';

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
  /** Estimated reading time, minutes. */
  readingMinutes: number;
  /** Images stored next to the article, for Astro's image pipeline. */
  imagePaths: string[];
  /** Links in the body with their file positions. */
  links: { url: string; line: number; column: number }[];
  /** Position of the title field. */
  titleAt: { line: number; column: number };
}

/** Where the article's files live (for image checks; omit to skip them) and what "now" is. */
export interface LoadOptions {
  articleDir?: string;
  publicDir?: string;
  /** Dates after this are errors; defaults to the current time. */
  now?: Date;
}

const parser = createParser();

/** Parses, validates and renders one article file; `article` is set only when there are no errors. */
export function loadArticle(file: string, raw: string, options: LoadOptions = {}): { article?: LoadedArticle; problems: Problem[] } {
  const parsed = parseArticleFile(file, raw);
  const problems = [...parsed.problems];
  if (!parsed.article) return { problems };
  const { data, body, bodyLine, locate } = parsed.article;
  const offsetLine = bodyLine - 1;
  const now = options.now ?? new Date();
  for (const field of ['date', 'updated'] as const) {
    const value = data[field];
    const when = value ? parseArticleDate(value) : null;
    if (when && when.instant > now) {
      problems.push({ file, ...locate([field]), field, message: `${field} ${value} là ngày chưa tới`, severity: 'error' });
    }
  }

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
      message: `lỗi cú pháp MDX: ${e.reason ?? e.message} — muốn hiện '<' hoặc '{' như chữ thì viết \\< hoặc \\{`,
      severity: 'error',
    });
    return { problems };
  }

  const blocks = tree.children.map((node) => tidySpace(toString(node)));
  const lead = blocks[tree.children.findIndex((n) => n.type === 'paragraph')] ?? '';
  const filled = blocks.filter(Boolean);
  const text = filled.join('\n\n');
  // The blocks are tidy and not empty: joined by a space they are tidySpace(text), without another pass.
  const searchable = filled.join(' ');
  data.figures.forEach((figure, i) => {
    if (indexOfPhrase(searchable, tidySpace(nfc(figure.text))) < 0) {
      const pos = locate(['figures', i, 'text']);
      problems.push({
        file,
        ...pos,
        field: `figures[${i}].text`,
        message: `cụm từ '${figure.text}' không có trong bài — chép đúng từng chữ trong bài`,
        severity: 'error',
      });
    }
  });

  const renderer = createRenderer({
    ...(options.articleDir && { articleDir: options.articleDir }),
    ...(options.publicDir && { publicDir: options.publicDir }),
    texts: data.figures.map((f) => tidySpace(f.text)),
  });
  const html = renderer.stringify(renderer.runSync(tree, vfile), vfile);
  for (const m of vfile.messages) {
    problems.push({
      file,
      line: (m.line ?? 1) + offsetLine,
      column: m.column ?? 1,
      field: 'body',
      message: m.reason,
      severity: m.ruleId === 'shown-as-text' ? 'warning' : 'error',
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const links = (vfile.data.links ?? []).map((l) => ({ ...l, line: l.line + offsetLine }));
  return {
    article: {
      data,
      body,
      html: String(html),
      text,
      lead,
      words: vfile.data.words ?? 0,
      readingMinutes: vfile.data.readingMinutes ?? 1,
      imagePaths: vfile.data.imagePaths ?? [],
      links,
      titleAt: locate(['title']),
    },
    problems,
  };
}
