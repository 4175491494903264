/** Gives every heading an ASCII id from its Vietnamese text ("Kết quả đạt được" → "ket-qua-dat-duoc"), unique per page. */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { slugify } from '../lib/text/vi-text.ts';

/** rehype plugin: ids on h2–h6 that have none; repeats get -2, -3… */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const used = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (!/^h[2-6]$/.test(node.tagName) || node.properties.id) return;
      const base = slugify(toString(node)) || 'muc';
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      node.properties.id = id;
    });
  };
}
