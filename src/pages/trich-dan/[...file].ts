import type { APIRoute, GetStaticPaths } from 'astro';
import { citable, getArticles, type Article } from '../../content';
import { citationFile, CITATION_FORMATS, CITATION_TYPES, type CitationFormat } from '../../lib/citations';

/**
 * Citation files for every article: /trich-dan/<year>/<slug>.bib, .ris, .json (CSL-JSON).
 * Served from here by `astro dev`; a build writes the same files without a route per file
 * (src/integrations/citations.ts), which is 25 s faster at 10,000 articles.
 */
export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? (await getArticles()).flatMap((article) => CITATION_FORMATS.map((ext) => ({ params: { file: `${article.id}.${ext}` }, props: { article, ext } })))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { article, ext } = props as { article: Article; ext: CitationFormat };
  return new Response(citationFile(citable(article, site!), ext), { headers: { 'Content-Type': `${CITATION_TYPES[ext]}; charset=utf-8` } });
};
