/** RSS items for the whole archive and for each province. */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Article } from '../../content.ts';
import { localityLabel } from '../places/localities.ts';

/** How many newest articles a feed carries. */
export const FEED_SIZE = 50;

/** Feed items, newest first. */
export function feedItems(articles: readonly Article[]): RSSFeedItem[] {
  return articles.slice(0, FEED_SIZE).map((a) => ({
    title: a.data.title,
    link: a.url,
    pubDate: a.date.instant,
    description: a.summary,
    ...(a.data.author && { author: a.data.author }),
    categories: [localityLabel(a.data.locality), ...(a.data.tags ?? [])],
  }));
}
