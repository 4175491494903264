/**
 * A fast path for the Markdown most articles are written in: paragraphs of plain text with plain
 * `*emphasis*` and `**strong**` words, quotes of plain lines (`> …`), lists of one-line items
 * (`- …`), ATX headings (`## …`) and
 * component blocks whose tags stand on their own lines
 * (`<Figure>` … `</Figure>`, attributes in double quotes). For such a body it builds the very
 * tree — node for node, positions included — that remark-parse with MDX and GFM builds, much
 * faster (bench/results/design.md: plain-parse). Anything else — any character that could start inline syntax, any other block,
 * odd whitespace — returns null and the caller uses the full parser. Being wrong here would
 * change pages silently, so tests compare both parsers on every article, the seeds and
 * randomised bodies built from every construct this file refuses.
 */
import type { Blockquote, Emphasis, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Point, Position } from 'unist';

/**
 * Characters and words after which a line may hold inline syntax: escapes, code, emphasis,
 * links and images, JSX, expressions, character references, strikethrough, table pipes, GFM
 * autolinks (e-mail, www., http(s)://), and control characters (tabs, CR, NUL change columns
 * or line endings; a byte order mark is dropped at the start).
 */
const INLINE_SYNTAX = /[\\`*_[\]<>{}&~|@\0-\x09\x0b-\x1f\x7f\ufeff]|www\.|https?:\/\//i;

/**
 * Line starts that begin (or interrupt a paragraph with) another block: indentation, headings,
 * block quotes, list items and thematic breaks (a `*` not opening `*word` or `**word`), setext
 * underlines, fences, JSX, tables (`:-` alone under a line is a one-column table's delimiter row),
 * ordered lists, MDX import/export.
 */
const BLOCK_START = /^(?:[ #>\-+=_`~<|:]|\*(?!\*?[\p{L}\p{N}])|\d{1,9}[.)](?: |$)|(?:import|export)\b)/u;

/** A line that is plain text throughout (no trailing whitespace, which can make a hard break), but for `*`. */
function isPlainLine(line: string): boolean {
  return line !== '' && !BLOCK_START.test(line) && !/\s$/.test(line) && !INLINE_SYNTAX.test(line.replaceAll('*', ''));
}

/**
 * `*words*` and `**words**` whose delimiters CommonMark can only read one way: the opening run
 * after the start or a space and before a letter or digit (left-flanking only), the closing run
 * after a letter or digit and before the end, a space or closing punctuation (right-flanking only),
 * on one line, with no `*` inside. Any other `*` sends the body to the full parser.
 */
const EMPHASIS = /(?<=^|[ \n])(\*{1,2})([\p{L}\p{N}](?:[^*\n]*[\p{L}\p{N}])?)\1(?=$|[ \n.,;:!?)”’…])/gu;

/** The phrasing content of a paragraph's text starting at source offset `at`, or null for a `*` outside the subset. */
function phrasing(src: Lines, text: string, at: number): PhrasingContent[] | null {
  if (!text.includes('*')) return [{ type: 'text', value: text, position: src.span(at, at + text.length) }];
  const out: PhrasingContent[] = [];
  let last = 0;
  const plain = (from: number, to: number) => {
    if (to > from) out.push({ type: 'text', value: text.slice(from, to), position: src.span(at + from, at + to) });
  };
  for (const m of text.matchAll(EMPHASIS)) {
    const [whole, marks, inner] = m;
    plain(last, m.index);
    if (text.slice(last, m.index).includes('*')) return null;
    const innerAt = at + m.index + marks!.length;
    const children: Text[] = [{ type: 'text', value: inner!, position: src.span(innerAt, innerAt + inner!.length) }];
    const node: Emphasis | Strong = { type: marks!.length === 2 ? 'strong' : 'emphasis', children, position: src.span(at + m.index, at + m.index + whole.length) };
    out.push(node);
    last = m.index + whole.length;
  }
  if (text.slice(last).includes('*')) return null;
  plain(last, text.length);
  return out;
}

const HEADING = /^(#{1,6}) (\S.*)$/;
const OPEN_TAG = /^<([A-Za-z][A-Za-z0-9]*)((?: [a-z][A-Za-z]*="[^"&<{}\\\n]*")*)>$/;
const ATTRIBUTE = / ([a-z][A-Za-z]*)="([^"]*)"/g;

class Lines {
  readonly lines: string[];
  readonly starts: number[] = [];

  constructor(source: string) {
    this.lines = source.split('\n');
    let offset = 0;
    for (const line of this.lines) {
      this.starts.push(offset);
      offset += line.length + 1;
    }
  }

  /** The point at `column` (0-based) of line `index` (0-based). */
  point(index: number, column: number): Point {
    return { line: index + 1, column: column + 1, offset: this.starts[index]! + column };
  }

  /** The point at a source offset. */
  at(offset: number): Point {
    // The last line starting at or before the offset.
    let [lo, hi] = [0, this.starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.point(lo, offset - this.starts[lo]!);
  }

  /** From one source offset to another (end exclusive). */
  span(from: number, to: number): Position {
    return { start: this.at(from), end: this.at(to) };
  }

  /** From `fromColumn` of line `fromLine` to `toColumn` of line `toLine` (0-based, end exclusive). */
  position(fromLine: number, fromColumn: number, toLine: number, toColumn: number): Position {
    return { start: this.point(fromLine, fromColumn), end: this.point(toLine, toColumn) };
  }
}

/** Parses lines [from, to) as flow content; null if any of it is outside the plain subset. */
function flow(src: Lines, from: number, to: number): RootContent[] | null {
  const out: RootContent[] = [];
  const { lines } = src;
  let i = from;
  while (i < to) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const [, hashes, content] = heading;
      if (content!.endsWith('#') || INLINE_SYNTAX.test(content!) || /\s$/.test(content!)) return null;
      const depth = hashes!.length as Heading['depth'];
      const text: Text = { type: 'text', value: content!, position: src.position(i, depth + 1, i, line.length) };
      out.push({ type: 'heading', depth, children: [text], position: src.position(i, 0, i, line.length) });
      i++;
      continue;
    }
    if (line.startsWith('> ')) {
      // A quote of plain lines, each marked "> ", ending at a blank line: one paragraph inside.
      let end = i;
      while (end < to && lines[end]!.startsWith('> ')) {
        if (!isPlainLine(lines[end]!.slice(2)) || lines[end]!.includes('*')) return null;
        end++;
      }
      if (end < to && lines[end] !== '') return null;
      const last = end - 1;
      const text: Text = { type: 'text', value: lines.slice(i, end).map((l) => l.slice(2)).join('\n'), position: src.position(i, 2, last, lines[last]!.length) };
      const paragraph: Paragraph = { type: 'paragraph', children: [text], position: src.position(i, 2, last, lines[last]!.length) };
      const quote: Blockquote = { type: 'blockquote', children: [paragraph], position: src.position(i, 0, last, lines[last]!.length) };
      out.push(quote);
      i = end;
      continue;
    }
    if (line.startsWith('- ')) {
      // A tight list of one-line items "- …", ending at a blank line that no other item follows
      // (a blank line between items makes one loose list).
      let end = i;
      const items: ListItem[] = [];
      while (end < to && lines[end]!.startsWith('- ')) {
        const content = lines[end]!.slice(2);
        if (!isPlainLine(content)) return null;
        const children = phrasing(src, content, src.starts[end]! + 2);
        if (!children) return null;
        const paragraph: Paragraph = { type: 'paragraph', children, position: src.position(end, 2, end, lines[end]!.length) };
        items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: src.position(end, 0, end, lines[end]!.length) });
        end++;
      }
      let next = end;
      while (next < to && lines[next] === '') next++;
      if ((end < to && lines[end] !== '') || (next < to && lines[next]!.startsWith('-'))) return null;
      const last = end - 1;
      const list: List = { type: 'list', ordered: false, start: null, spread: false, children: items, position: src.position(i, 0, last, lines[last]!.length) };
      out.push(list);
      i = end;
      continue;
    }
    const tag = OPEN_TAG.exec(line);
    if (tag) {
      const close = lines.indexOf(`</${tag[1]}>`, i + 1);
      if (close < 0 || close >= to || (close + 1 < lines.length && lines[close + 1] !== '')) return null;
      const children = flow(src, i + 1, close);
      if (!children) return null;
      const attributes: MdxJsxAttribute[] = [];
      for (const m of tag[2]!.matchAll(ATTRIBUTE)) {
        // m.index is the attribute's leading space, counted from after `<Name`.
        const at = 1 + tag[1]!.length + m.index;
        attributes.push({ type: 'mdxJsxAttribute', name: m[1]!, value: m[2]!, position: src.position(i, at + 1, i, at + m[0].length) });
      }
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: tag[1]!,
        attributes,
        children: children as MdxJsxFlowElement['children'],
        position: src.position(i, 0, close, lines[close]!.length),
      };
      out.push(element);
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < to && lines[end] !== '') {
      if (!isPlainLine(lines[end]!)) return null;
      end++;
    }
    const last = end - 1;
    const children = phrasing(src, lines.slice(i, end).join('\n'), src.starts[i]!);
    if (!children) return null;
    const paragraph: Paragraph = { type: 'paragraph', children, position: src.position(i, 0, last, lines[last]!.length) };
    out.push(paragraph);
    i = end;
  }
  return out;
}

/** The tree remark-parse + remark-mdx + remark-gfm would build for `body`, or null when the body needs the full parser. */
export function parsePlain(body: string): Root | null {
  const src = new Lines(body);
  const children = flow(src, 0, src.lines.length);
  if (!children) return null;
  const last = src.lines.length - 1;
  return { type: 'root', children, position: src.position(0, 0, last, src.lines[last]!.length) };
}
