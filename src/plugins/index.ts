/**
 * The article body pipeline, in order: MDX parse (plain bodies: src/plugins/plain-parse.ts) →
 * GFM → article components → images → links → figure marks → reading time → HTML → heading ids →
 * external links → typography.
 * One place so the build, `npm run check` and the tests run the same processor.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { Root } from 'mdast';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { parsePlain } from './plain-parse.ts';
import { rehypeExternalLinks } from './rehype-external-links.ts';
import { rehypeHeadingIds } from './rehype-heading-ids.ts';
import { rehypeViTypography } from './rehype-vi-typography.ts';
import { remarkArticleComponents } from './remark-article-components.ts';
import { remarkCollectLinks } from './remark-collect-links.ts';
import { remarkFigureMarks, type FigureMarksOptions } from './remark-figure-marks.ts';
import { remarkImages, type ImagesOptions } from './remark-images.ts';
import { remarkReadingTime } from './remark-reading-time.ts';

/** Options for one article's render. */
export interface RenderOptions extends FigureMarksOptions, ImagesOptions {}

/** The full parser: MDX syntax (so `\{`, `<`, JSX follow MDX rules) plus GFM tables. */
export function createMarkdownParser() {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
}

/** The parser articles go through: plain bodies take the fast path (same tree), the rest the full parser. */
export function createParser() {
  const markdown = createMarkdownParser();
  return { parse: (file: VFile | string): Root => parsePlain(String(file)) ?? markdown.parse(file) };
}

/** The transform and HTML stages, run on a tree from `createParser`. */
export function createRenderer(options: RenderOptions) {
  return unified()
    .use(remarkArticleComponents)
    .use(remarkImages, { ...(options.articleDir && { articleDir: options.articleDir }), ...(options.publicDir && { publicDir: options.publicDir }) })
    .use(remarkCollectLinks)
    .use(remarkFigureMarks, { texts: options.texts })
    .use(remarkReadingTime)
    .use(remarkRehype)
    .use(rehypeHeadingIds)
    .use(rehypeExternalLinks)
    .use(rehypeViTypography)
    .use(rehypeStringify);
}
