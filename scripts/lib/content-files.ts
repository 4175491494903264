/** Finding and loading every article file, for the CLIs (the build uses the loader). */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PAGE_SIZE } from '../../src/consts.ts';
import { corpusProblems, type CorpusEntry } from '../../src/lib/articles/corpus-checks.ts';
import { overlayProblems } from '../../src/lib/places/gazetteer.ts';
import { loadMany } from '../../src/loaders/load-pool.ts';
import type { Problem } from '../../src/lib/articles/problems.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_CONTENT = join(ROOT, 'content/articles');

/**
 * Files below `dir` whose names pass `wanted`, sorted, as paths relative to `dir` with '/'.
 * Symbolic links to folders are not followed (a link to a parent would loop for ever); links to
 * files are taken. Folders named like files ("x.mdx/") are folders.
 */
export function filesBelow(dir: string, wanted: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (wanted(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(join(dir, path))))) out.push(path);
    }
  };
  walk('');
  return out.sort();
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** All .mdx files below `dir`, sorted, as paths relative to `dir`. */
export function articleFiles(dir: string): string[] {
  return filesBelow(dir, (name) => name.endsWith('.mdx'));
}

/**
 * Checks every article in `dir` (drafts too: editors want errors before publishing), on the
 * loader's worker pool as the build loads them (bench/results/design.md: check-workers).
 */
export async function checkAll(dir: string, now = new Date()): Promise<{ files: number; problems: Problem[] }> {
  // Every place is checked against the gazetteer and its overlay: an overlay that does not hold stops here.
  const overlay = overlayProblems();
  if (overlay.length) return { files: 0, problems: overlay };
  const files = articleFiles(dir);
  const shown = files.map((rel) => {
    const absolute = join(dir, rel);
    return (relative(process.cwd(), absolute).startsWith('..') ? absolute : relative(process.cwd(), absolute)).split(sep).join('/');
  });
  // Each file is read where it is checked, so the threads start at once and no text is copied to them.
  const loaded = await loadMany(files.map((rel, i) => ({ file: shown[i]!, options: { articleDir: dirname(join(dir, rel)), publicDir: join(ROOT, 'public'), now }, brief: true })));
  const problems: Problem[] = [];
  const entries: CorpusEntry[] = [];
  loaded.forEach(({ article, problems: found }, i) => {
    problems.push(...found);
    if (article) {
      entries.push({ file: shown[i]!, id: files[i]!.replace(/\.mdx$/, ''), title: article.data.title, date: article.data.date, titleAt: article.titleAt, links: article.links });
    }
  });
  problems.push(...corpusProblems(entries, PAGE_SIZE));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { files: files.length, problems };
}
