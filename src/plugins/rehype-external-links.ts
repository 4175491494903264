/**
 * Links in articles: external ones open without handing the archive to the other site
 * (`rel="noopener noreferrer"`); links with a script or data URL lose their href; paths of the
 * site ("/bai/…", and images in public/) get its base path, so a site served from a folder works.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { BASE, href as siteHref } from '../lib/articles/urls.ts';

const UNSAFE = /^\s*(javascript|data|vbscript):/i;

/** rehype plugin: see the module comment. */
export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const src = node.properties.src;
      if (BASE !== '/' && node.tagName === 'img' && typeof src === 'string' && /^\/(?!\/)/.test(src)) node.properties.src = siteHref(src);
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const href = node.properties.href;
      if (UNSAFE.test(href)) {
        delete node.properties.href;
        return;
      }
      if (/^(https?:)?\/\//i.test(href)) node.properties.rel = ['noopener', 'noreferrer'];
      else if (href.startsWith('/')) node.properties.href = siteHref(href);
    });
  };
}
