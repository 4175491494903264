/**
 * A web page saved from a browser, reduced to its text, one block per line, for the importer:
 * parsed as browsers parse HTML (hast-util-from-html) and read as `innerText` reads it
 * (hast-util-to-text), inside the page's <article> or <main> when it has one.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';

/** Page furniture, never the report's text. */
const FURNITURE = new Set(['script', 'style', 'noscript', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'iframe']);
/** Controls other than tab and line breaks (a NUL would reach the title and break the feed's XML). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function first(tree: Root, tagName: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== tagName) return undefined;
    found = node;
    return false;
  });
  return found;
}

/** Drops scripts, styles and page chrome; block elements become line breaks; controls become U+FFFD, no-break spaces spaces. */
export function htmlToText(html: string): string {
  const tree = fromHtml(html);
  const main: Root | Element = first(tree, 'article') ?? first(tree, 'main') ?? tree;
  visit(main, 'element', (node: Element, index, parent) => {
    if (!FURNITURE.has(node.tagName) || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return toText(main)
    .replace(CONTROL, '\uFFFD')
    // Non-breaking spaces are spaces in an article's text.
    .replace(/\u00A0/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}
