import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_NAME } from '../../../consts';
import { getPlaces, type Article } from '../../../content';
import { feedItems } from '../../../lib/feeds';
import { unitLabel } from '../../../lib/gazetteer';
import { PLACES_URL, type PlaceNode } from '../../../lib/places';

/** One feed per province with articles: /dia-phuong/quang-ninh/rss.xml. */
export const getStaticPaths = (async () =>
  [...(await getPlaces()).values()]
    .filter((n) => n.unit.level === 'province' && n.about.length > 0)
    .map((node) => ({ params: { province: node.url.slice(PLACES_URL.length, -1) }, props: { node } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { node } = props as { node: PlaceNode<Article> };
  const articles = [...node.about].sort((a, b) => b.time - a.time);
  return rss({
    title: `${SITE_NAME} — ${unitLabel(node.unit)}`,
    description: `Bài báo mới về ${unitLabel(node.unit)} trong Địa chí.`,
    site: site!,
    items: feedItems(articles),
    customData: '<language>vi</language>',
  });
};
