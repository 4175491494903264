/**
 * Routes for the files a build writes after Astro (src/integrations/derived-files.ts): in a build
 * they have no pages; `astro dev` serves them from here. One route file per extension
 * (src/pages/trich-dan/[...id].bib.ts…): with `trailingSlash: 'always'`, a route whose pattern has
 * no extension is taken for a page, so `astro dev` looked for `/trich-dan/….bib/` and answered 404.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citable, getArticles, type Article } from './content.ts';
import { citationFile, CITATION_TYPES, type CitationFormat } from './lib/data/citations.ts';
import { articleRecords, FIGURE_FILES, figureFileText, type FigureFile } from './lib/data/figures-data.ts';

/** An article's citation file in one format: /trich-dan/<id>.<ext>. */
export function citationRoute(ext: CitationFormat): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => (import.meta.env.DEV ? (await getArticles()).map((article) => ({ params: { id: article.id }, props: { article } })) : []),
    GET: ({ props, site }) => {
      const { article } = props as { article: Article };
      return new Response(citationFile(citable(article, site!), ext), { headers: { 'Content-Type': `${CITATION_TYPES[ext]}; charset=utf-8` } });
    },
  };
}

/** /du-lieu/figures.csv or figures.json. */
export function figureExportRoute(file: FigureFile): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: () => (import.meta.env.DEV ? [{ params: { name: 'figures' } }] : []),
    GET: async ({ site }) => new Response([...figureFileText(articleRecords(await getArticles(), site!), file)].join(''), { headers: { 'Content-Type': FIGURE_FILES[file] } }),
  };
}
