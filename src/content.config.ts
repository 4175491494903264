import { defineCollection } from 'astro:content';
import { articlesLoader } from './loaders/articles.ts';
import { articleSchema } from './schemas/article.ts';

export const collections = {
  articles: defineCollection({ loader: articlesLoader(), schema: articleSchema }),
};
