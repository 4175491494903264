import { citationRoute } from '../../derived-routes';

/** /trich-dan/<id>.ris, served by `astro dev` (a build writes these files: src/integrations/derived-files.ts). */
export const { getStaticPaths, GET } = citationRoute('ris');
