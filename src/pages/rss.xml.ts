import rss from '@astrojs/rss';
import { href } from '../lib/articles/urls';
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '../consts';
import { getArticles } from '../content';
import { feedItems } from '../lib/data/feeds';

/** The newest articles of the whole archive. */
export const GET: APIRoute = async ({ site }) =>
  rss({ title: SITE_NAME, description: SITE_DESCRIPTION, site: new URL(href('/'), site).href, items: feedItems(await getArticles()), customData: '<language>vi</language>' });
