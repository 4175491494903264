/** Article files' paths, entry ids and content hashes. Kept apart from the loader so the build script can use them without loading it. */
import { createHash } from 'node:crypto';
import { sep } from 'node:path';

/** Whether a path inside the articles folder is a draft by name (`_file.mdx` or inside `_folder/`). */
export function isDraftPath(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((part) => part.startsWith('_'));
}

/** Entry id of an article file: its path without extension, with forward slashes ("2022/dam-ha"). */
export function articleId(relPath: string): string {
  return relPath.split(sep).join('/').replace(/\.mdx$/, '');
}

/**
 * Hash of an article file's bytes: what the build records of each file, and what the loader's
 * entry digests are made from — so the loader can take the build script's hashes instead of
 * reading every file again (DIACHI_FILE_HASHES).
 */
export function fileHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url');
}
