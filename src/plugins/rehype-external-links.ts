/**
 * Links in articles: external ones open without handing the archive to the other site
 * (`rel="noopener noreferrer"`); links with a script or data URL lose their href.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const UNSAFE = /^\s*(javascript|data|vbscript):/i;

/** rehype plugin: see the module comment. */
export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const href = node.properties.href;
      if (UNSAFE.test(href)) {
        delete node.properties.href;
        return;
      }
      if (/^(https?:)?\/\//i.test(href)) node.properties.rel = ['noopener', 'noreferrer'];
    });
  };
}
