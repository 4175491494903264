/**
 * A fast path for the Markdown most articles are written in: paragraphs of plain text, ATX
 * headings (`## …`) and component blocks whose tags stand on their own lines
 * (`<Figure>` … `</Figure>`, attributes in double quotes). For such a body it builds the very
 * tree — node for node, positions included — that remark-parse with MDX and GFM builds, much
 * faster (bench/results/design.md: plain-parse). Anything else — any character that could start inline syntax, any other block,
 * odd whitespace — returns null and the caller uses the full parser. Being wrong here would
 * change pages silently, so tests compare both parsers on every article, the seeds and
 * randomised bodies built from every construct this file refuses.
 */
import type { Heading, Paragraph, Root, RootContent, Text } from 'mdast';
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
 * block quotes, list items and thematic breaks, setext underlines, fences, JSX, tables (`:-`
 * alone under a line is a one-column table's delimiter row), ordered lists, MDX import/export.
 */
const BLOCK_START = /^(?:[ #>\-+*=_`~<|:]|\d{1,9}[.)](?: |$)|(?:import|export)\b)/;

/** A line that is plain text throughout (no trailing whitespace, which can make a hard break). */
function isPlainLine(line: string): boolean {
  return line !== '' && !BLOCK_START.test(line) && !/\s$/.test(line) && !INLINE_SYNTAX.test(line);
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
    const position = src.position(i, 0, last, lines[last]!.length);
    const text: Text = { type: 'text', value: lines.slice(i, end).join('\n'), position };
    const paragraph: Paragraph = { type: 'paragraph', children: [text], position: src.position(i, 0, last, lines[last]!.length) };
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
