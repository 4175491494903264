import { figureExportRoute } from '../../derived-routes';

/** /du-lieu/figures.csv, served by `astro dev` (a build writes it from articles.json: src/integrations/derived-files.ts). */
export const { getStaticPaths, GET } = figureExportRoute('figures.csv');
