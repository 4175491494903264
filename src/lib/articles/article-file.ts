/**
 * Reads one article file: splits YAML frontmatter from the MDX body, validates the
 * frontmatter with the shared schema and reports every problem with its line and field.
 */
import { isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import type { core } from 'astro/zod';
import { articleDay, articleSchema, type ArticleData, ARTICLE_FIELDS } from '../../schemas/article.ts';
import type { LocalityInput } from '../../schemas/locality.ts';
import { resolveLocality } from '../places/gazetteer.ts';
import { fieldPath, type Problem } from './problems.ts';
import { editDistance, nfc } from '../text/vi-text.ts';

/** An article file after its frontmatter passed validation. */
export interface ParsedArticle {
  data: ArticleData;
  /** The MDX body, NFC. */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** File position of a frontmatter field, for problems found after validation. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

/** Known fields of nested objects, for "did you mean" on typos. */
const NESTED_FIELDS: Record<string, string[]> = {
  source: ['name', 'url', 'domain'],
  locality: ['province', 'district', 'commune'],
  places: ['province', 'district', 'commune'],
  figures: ['value', 'unit', 'subject', 'qualifier', 'text'],
};

const TYPE_NAMES: Record<string, string> = {
  string: 'chữ',
  number: 'một số',
  boolean: 'true hoặc false',
  array: 'một danh sách',
  object: 'một nhóm trường',
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'một danh sách';
  if (typeof value === 'string') return `chữ '${value}'`;
  if (typeof value === 'object') return 'một nhóm trường';
  return `${typeof value === 'number' ? 'số' : typeof value} ${String(value)}`;
}

function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) [best, bestD] = [o, d];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

interface Explained {
  path: PropertyKey[];
  message: string;
  /** For an unknown field: the known field it probably means. */
  meant?: string;
  /** For a missing required field. */
  missing?: true;
}

/** Turns one Zod issue into the plain words an editor needs. */
function explain(issue: core.$ZodIssue): Explained[] {
  const path = [...issue.path];
  const last = String(path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        const hint = last === 'author' ? " — bài không ghi tác giả thì viết 'author: null'" : '';
        return [{ path, message: `thiếu trường bắt buộc '${last}'${hint}`, missing: true }];
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return [{ path, message: `cần ${expected}, nhưng đây là ${describe(issue.input)}` }];
    }
    case 'unrecognized_keys': {
      const parent = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
      const known = parent ? NESTED_FIELDS[parent] ?? [] : ARTICLE_FIELDS;
      return issue.keys.map((key) => {
        const guess = closest(key, known);
        return {
          path: [...path, key],
          message: `không có trường '${key}'${guess ? ` — có phải '${guess}'?` : ` — các trường có: ${known.join(', ')}`}`,
          ...(guess && { meant: guess }),
        };
      });
    }
    case 'invalid_value':
      return [{ path, message: `không dùng được ${describe(issue.input)}; hãy dùng một trong: ${issue.values.join(', ')}` }];
    case 'too_small':
      return [{ path, message: issue.origin === 'string' ? 'không được để trống' : issue.message }];
    case 'invalid_format':
      return [{ path, message: issue.format === 'url' ? 'cần một địa chỉ web bắt đầu bằng https://' : issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Offset in the YAML text of the node at `path`, or of its nearest existing ancestor. */
function yamlOffset(doc: Document, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const parentPath = path.slice(0, depth - 1) as (string | number)[];
    const key = path[depth - 1];
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === key);
      if (pair) {
        // Point at the value when there is one ("district: Dam Ha" → "Dam Ha"), else at the key.
        const target = isNode(pair.value) && pair.value.range ? pair.value : pair.key;
        if (isNode(target) && target.range) return target.range[0];
      }
    } else {
      const node = doc.getIn([...parentPath, key as string | number], true);
      if (isNode(node) && node.range) return node.range[0];
    }
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0;
}

/** The first line whose value opens a quote it does not close: its key, the quote and where it opens. */
function unclosedQuote(yaml: string): { key: string; quote: string; offset: number } | undefined {
  let start = 0;
  for (const line of yaml.split('\n')) {
    const m = /^(\s*(?:-\s+)?([^:#\s]+):\s+)(["'])/.exec(line);
    if (m) {
      const quote = m[3]!;
      const rest = line.slice(m[1]!.length + 1);
      // A double quote is escaped with a backslash; a single quote by doubling it.
      const closed = quote === '"' ? /(?<!\\)"/.test(rest) : rest.replace(/''/g, '').includes("'");
      if (!closed) return { key: m[2]!, quote, offset: start + m[1]!.length };
    }
    start += line.length + 1;
  }
  return undefined;
}

/**
 * Parses and validates an article file. `file` is only used in messages.
 * Returns the parsed article when there are no errors, and all problems found.
 */
export function parseArticleFile(file: string, raw: string): { article?: ParsedArticle; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (line: number, column: number, field: string, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file, line, column, field, message, severity });

  let source = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source !== source.normalize('NFC')) {
    at(1, 1, 'file', 'chữ trong tệp không ở dạng Unicode NFC; bản dựng đã chuẩn hóa — hãy lưu tệp ở dạng NFC', 'warning');
    source = nfc(source);
  }
  const open = /^---[ \t]*\n/.exec(source);
  if (!open) {
    at(1, 1, 'frontmatter', "thiếu phần đầu bài: tệp phải bắt đầu bằng một dòng '---', rồi các trường, rồi một dòng '---' nữa");
    return { problems };
  }
  const close = /^---[ \t]*$/m.exec(source.slice(open[0].length));
  if (!close) {
    at(1, 1, 'frontmatter', "phần đầu bài chưa đóng: thêm một dòng '---' sau trường cuối");
    return { problems };
  }
  const yamlStart = open[0].length;
  const yamlText = source.slice(yamlStart, yamlStart + close.index);
  const bodyOffset = yamlStart + close.index + close[0].length + 1;
  const starts = lineStarts(source);
  const locateOffset = (yamlOffsetValue: number) => position(starts, yamlStart + yamlOffsetValue);

  const doc = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false });
  for (const err of doc.errors) {
    const pos = locateOffset(err.pos[0]);
    // The parser names no key: read it where the second one starts.
    const key = err.code === 'DUPLICATE_KEY' ? /^[^:\s]+/.exec(yamlText.slice(err.pos[0]))?.[0] : undefined;
    const opened = err.code === 'MISSING_CHAR' && /quote/.test(err.message) ? unclosedQuote(yamlText) : undefined;
    if (key) at(pos.line, pos.column, key, `trường '${key}' được viết hai lần: giữ một`);
    else if (opened) {
      // The parser reports the end of the block; the mistake is where the quote opened.
      const where = locateOffset(opened.offset);
      at(where.line, where.column, opened.key, `dấu nháy mở ở đây chưa đóng: kết thúc giá trị bằng ${opened.quote}`);
    } else at(pos.line, pos.column, 'frontmatter', `lỗi cú pháp YAML: ${err.message.split('\n')[0]}`);
  }
  if (doc.errors.length) return { problems };

  const result = articleSchema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (!result.success) {
    const explained = result.error.issues.flatMap(explain);
    // A misspelt required field is one mistake: keep "unknown field 'tilte' — did you mean 'title'?"
    // and drop the "required field 'title' is missing" it causes.
    const meant = new Set(explained.filter((e) => e.meant).map((e) => fieldPath([...e.path.slice(0, -1), e.meant!])));
    for (const { path, message } of explained.filter((e) => !(e.missing && meant.has(fieldPath(e.path))))) {
      const pos = locateOffset(yamlOffset(doc, path));
      at(pos.line, pos.column, fieldPath(path), message);
    }
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    return { problems };
  }
  // What the schema accepts but an editor should still see: a province renamed by the reform.
  const day = articleDay(result.data.date);
  const written = doc.toJS() as { locality: LocalityInput; places?: LocalityInput[] };
  for (const [path, input] of [[['locality'], written.locality], ...(written.places ?? []).map((p, i) => [['places', i], p] as const)] as const) {
    const resolved = day === undefined ? undefined : resolveLocality(input, day);
    for (const warning of resolved?.ok ? resolved.warnings : []) {
      const pos = locateOffset(yamlOffset(doc, [...path, 'province']));
      at(pos.line, pos.column, fieldPath([...path, 'province']), warning, 'warning');
    }
  }
  if (result.data.review?.length) {
    const pos = locateOffset(yamlOffset(doc, ['review']));
    // Nothing unconfirmed is published: a review list on an article that is not a draft is an error.
    if (result.data.draft) at(pos.line, pos.column, 'review', `còn chờ xác nhận: ${result.data.review.join(', ')}`, 'warning');
    else at(pos.line, pos.column, 'review', `còn chờ xác nhận: ${result.data.review.join(', ')} — xác nhận từng trường rồi xóa khỏi review, hoặc giữ bài là bản nháp (draft: true)`, 'error');
  }
  const bodyLine = bodyOffset >= source.length ? starts.length : position(starts, bodyOffset).line;
  return {
    article: {
      data: result.data,
      body: source.slice(bodyOffset),
      bodyLine,
      locate: (path) => locateOffset(yamlOffset(doc, path)),
    },
    problems,
  };
}
