/** Whole output folders, compared file by file. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** SHA-256 of every file below `root`, by relative path, sorted. */
export function treeDigest(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(root, f)).isFile())
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(join(root, f))).digest('hex')]),
  );
}
