import rss from '@astrojs/rss';
import { href } from '../../../lib/articles/urls';
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_NAME } from '../../../consts';
import { articleKey, getPlaces, keyedPaths, pageCacheKey, type Article } from '../../../content';
import { FEED_SIZE, feedItems } from '../../../lib/data/feeds';
import { unitLabel } from '../../../lib/places/gazetteer';
import { PLACES_URL, type PlaceNode } from '../../../lib/places/places';

/** One feed per province with articles: /dia-phuong/quang-ninh/rss.xml. */
export const getStaticPaths = (async () =>
  keyedPaths(
    'rss',
    [...(await getPlaces()).values()]
      .filter((n) => n.unit.level === 'province' && !n.unit.reform && n.about.length > 0)
      .map((node) => {
        const articles = [...node.about].sort((a, b) => b.time - a.time).slice(0, FEED_SIZE);
        return { params: { province: node.url.slice(PLACES_URL.length, -1) }, props: { node, articles }, cacheKey: pageCacheKey(articles.map(articleKey)) };
      }),
    (p) => `${PLACES_URL}${p.province}/rss.xml`,
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { node, articles } = props as { node: PlaceNode<Article>; articles: Article[] };
  return rss({
    title: `${SITE_NAME} — ${unitLabel(node.unit)}`,
    description: `Bài báo mới về ${unitLabel(node.unit)} trong Địa chí.`,
    site: new URL(href('/'), site).href,
    items: feedItems(articles),
    customData: '<language>vi</language>',
  });
};
