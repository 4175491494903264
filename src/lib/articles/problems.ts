/**
 * Problems found in content files, in one shape for the build, `npm run check` and
 * the import tool: file, line, column, field, message.
 */

/** One thing wrong (error) or worth a look (warning) in a content file. */
export interface Problem {
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** 1-based line and column in the file. */
  line: number;
  column: number;
  /** Dotted frontmatter path ("locality.district", "figures[2].text"), or "body" / "file". */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** "figures[2].text" from ["figures", 2, "text"]. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || 'frontmatter';
}

/** `content/articles/2022/dam-ha.mdx:7:3  locality.district  unknown district …` */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? '  (cảnh báo)' : '';
  return `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}${tag}`;
}

/** Thrown by the content loader so the build stops with the same lines `check` prints. */
export class ContentError extends Error {
  readonly problems: Problem[];
  /** Shown by Astro under the message. */
  readonly hint = 'Mỗi dòng là tệp:dòng:cột, rồi trường, rồi điều cần sửa. Sửa xong hãy dựng lại.';
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `${errors.length} lỗi trong bài cần sửa:\n` +
        errors.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
    // The message says everything an editor needs; a stack trace would only hide it.
    this.stack = '';
  }
}
