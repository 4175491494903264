/**
 * The one way the build fingerprints code and files: what a cached result was made from, so a
 * change to any of them makes it again (the loader's entries, the search index's shards, the
 * quick rebuild's record).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir` (absent: none), by absolute path, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What a fingerprint covers. Paths are named relative to `root`, so a moved checkout keeps its caches. */
export interface CodeParts {
  root: string;
  /** Files whose content counts. */
  files?: readonly string[];
  /** Files whose size and time stand for their content (large assets: scans, images). */
  stats?: readonly string[];
  /** Settings that change the output (options, versions). */
  values?: readonly string[];
}

/** A hex SHA-256 of `parts`, in the order given. */
export function codeHash({ root, files = [], stats = [], values = [] }: CodeParts): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  for (const file of stats) {
    const s = statSync(file);
    hash.update(`${relative(root, file)}\0${s.size}\0${s.mtimeMs}\0`);
  }
  for (const value of values) hash.update(`${value}\0`);
  return hash.digest('hex');
}
