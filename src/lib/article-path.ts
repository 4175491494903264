/** Article files' paths: drafts by name and entry ids. Kept apart from the loader so the build script can use them without loading it. */
import { sep } from 'node:path';

/** Whether a path inside the articles folder is a draft by name (`_file.mdx` or inside `_folder/`). */
export function isDraftPath(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((part) => part.startsWith('_'));
}

/** Entry id of an article file: its path without extension, with forward slashes ("2022/dam-ha"). */
export function articleId(relPath: string): string {
  return relPath.split(sep).join('/').replace(/\.mdx$/, '');
}
