/**
 * Files the build derives from the output's own records once Astro has rendered it: each
 * article's citation files (from /trich-dan/index.json, src/integrations/citations.ts) and the
 * figure exports /du-lieu/figures.csv and figures.json (from /du-lieu/articles.json). Written
 * outside Astro's render so that `npm run build` can write them while Pagefind indexes
 * (scripts/build.ts; bench/results/design.md: derived-files).
 */
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildOptions } from '../lib/build/options.ts';
import { FIGURE_FILES, figureFileText, type ArticleExport, type FigureFile } from '../lib/data/figures-data.ts';
import { writeCitationFiles } from './citations.ts';

const FIGURE_NAMES = Object.keys(FIGURE_FILES) as FigureFile[];

/** The figure exports' paths in the output. */
export const FIGURE_EXPORTS = FIGURE_NAMES.map((name) => `du-lieu/${name}`);

/** Pieces of text joined into pieces of at least 64 KB, so the file is written in few calls. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length < 65536) continue;
    yield buffer;
    buffer = '';
  }
  if (buffer) yield buffer;
}

/** Writes text given in pieces; `pipeline` waits for the disk and rejects on a write error. */
function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  return pipeline(Readable.from(batched(pieces)), createWriteStream(file));
}

/**
 * Writes figures.csv and figures.json from `<outDir>/du-lieu/articles.json`; false when the
 * output has no articles.json (a partial build that did not re-render it: nothing changed).
 */
export async function writeFigureExports(outDir: string): Promise<boolean> {
  const source = join(outDir, 'du-lieu', 'articles.json');
  if (!existsSync(source)) return false;
  const records = JSON.parse(await readFile(source, 'utf8')) as ArticleExport[];
  await Promise.all(FIGURE_NAMES.map((name) => writePieces(join(outDir, 'du-lieu', name), figureFileText(records, name))));
  return true;
}

/** What `writeDerivedFiles` wrote, and the ids of citations `previous` had and `outDir` has not. */
export interface Derived {
  citations: number;
  removed: string[];
  figures: boolean;
}

/** Writes both; with `previous` (a partial build's), only the citation files that changed. */
export async function writeDerivedFiles(outDir: string, previous?: string): Promise<Derived> {
  const [{ files, removed }, figures] = await Promise.all([writeCitationFiles(outDir, previous), writeFigureExports(outDir)]);
  return { citations: files, removed, figures };
}

/** "wrote 30000 citation files and the figure exports in 4210 ms". */
export function derivedSummary(d: Derived, ms: number): string {
  return `wrote ${d.citations} citation file${d.citations === 1 ? '' : 's'}${d.figures ? ' and the figure exports' : ''} in ${Math.round(ms)} ms`;
}

/** Astro integration: `astro build` alone writes them when the static build is done. */
export function derivedFiles(): AstroIntegration {
  return {
    name: 'dia-chi-derived-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // `npm run build` writes them itself, while the search index is built (DIACHI_DERIVED_FILES).
        if (buildOptions().derivedLater) return;
        const started = performance.now();
        logger.info(derivedSummary(await writeDerivedFiles(fileURLToPath(dir)), performance.now() - started));
      },
    },
  };
}
