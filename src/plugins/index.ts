/**
 * The article body pipeline, in order: MDX parse → GFM → article components → images →
 * links → figure marks → reading time → HTML → heading ids → external links → typography.
 * One place so the build, `npm run check` and the tests run the same processor.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
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

/** The parser alone: MDX syntax (so `\{`, `<`, JSX follow MDX rules) plus GFM tables. */
export function createParser() {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
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
