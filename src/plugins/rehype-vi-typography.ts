/**
 * Vietnamese typography on the rendered text (the source stays as written):
 *  - a no-break space between a number and the word after it ("236 đảng viên", "90 %"),
 *  - curly quotes for straight ones ("…" → “…”),
 *  - a no-break space after one- and two-letter words, so "ở", "và", "là" never end a line.
 */
import type { Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

const NBSP = '\u00a0';

/** Applies the rules to one run of text; `open` says whether a straight quote would open. */
export function viTypography(text: string, open: { quote: boolean }): string {
  let out = text
    .replace(/(\d) (?=[\p{L}%])/gu, `$1${NBSP}`)
    .replace(/(^|[\s(])(\p{L}{1,2}) (?=\S)/gu, `$1$2${NBSP}`);
  out = out.replace(/"/g, () => {
    open.quote = !open.quote;
    return open.quote ? '“' : '”';
  });
  return out;
}

/** rehype plugin: see the module comment. Code is left alone. */
export function rehypeViTypography() {
  return (tree: Root) => {
    const open = { quote: false };
    visit(tree, 'text', (node: Text, _i, parent) => {
      if (parent && parent.type === 'element' && ['code', 'pre', 'script', 'style'].includes(parent.tagName)) return;
      node.value = viTypography(node.value, open);
    });
  };
}
