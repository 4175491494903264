/**
 * The article body pipeline, in order: MDX parse → GFM → article components →
 * figure marks → HTML. One place so the build and the tests run the same processor.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkArticleComponents } from './remark-article-components.ts';
import { remarkFigureMarks, type FigureMarksOptions } from './remark-figure-marks.ts';

/** The parser alone: MDX syntax (so `\{`, `<`, JSX follow MDX rules) plus GFM tables. */
export function createParser() {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
}

/** The transform and HTML stages, run on a tree from `createParser`. */
export function createRenderer(options: FigureMarksOptions) {
  return unified()
    .use(remarkArticleComponents)
    .use(remarkFigureMarks, options)
    .use(remarkRehype)
    .use(rehypeStringify);
}
