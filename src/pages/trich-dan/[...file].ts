import type { APIRoute, GetStaticPaths } from 'astro';
import { citable, getArticles, type Article } from '../../content';
import { toBibtex, toCslJson, toRis } from '../../lib/citations';

/** Citation files for every article: /trich-dan/<year>/<slug>.bib, .ris, .json (CSL-JSON). */
export const getStaticPaths = (async () =>
  (await getArticles()).flatMap((article) =>
    (['bib', 'ris', 'json'] as const).map((ext) => ({ params: { file: `${article.id}.${ext}` }, props: { article, ext } })),
  )) satisfies GetStaticPaths;

const TYPES = { bib: 'application/x-bibtex', ris: 'application/x-research-info-systems', json: 'application/vnd.citationstyles.csl+json' };

export const GET: APIRoute = ({ props, site }) => {
  const { article, ext } = props as { article: Article; ext: keyof typeof TYPES };
  const c = citable(article, site!);
  const body = ext === 'bib' ? toBibtex(c) : ext === 'ris' ? toRis(c) : toCslJson(c);
  return new Response(body, { headers: { 'Content-Type': `${TYPES[ext]}; charset=utf-8` } });
};
