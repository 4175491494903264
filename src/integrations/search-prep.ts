/**
 * Search copies made while Astro renders. Astro renders a full build's pages one after another on
 * one thread; the canonical copies Pagefind indexes (src/integrations/search-copies.ts) used to be
 * made only once it had finished, by reading every article page back.
 * Now the middleware (src/middleware.ts) hands each article page, as it is rendered, to a worker
 * thread that writes its copy into the kept copies folder, by month, and at the end a record of
 * each month — exactly what `buildSearchIndex` keeps for the next build.
 *
 * Nothing made here is trusted on its own: `buildSearchIndex` then reads every page Astro wrote
 * and takes a month's copies only where its record names exactly those pages, with those bytes,
 * made by the same code; any other month it copies again itself.
 *
 * Indexing shards with Pagefind here too, while the pages render, was tried and left: Pagefind's
 * memory then sits on top of Astro's, past the 2 GB the build must stay within
 * (bench/results/design.md: search-prep).
 */
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { buildOptions } from '../lib/build/options.ts';
import { PREP_HANDLE, byCodeUnits, type PrepHandle } from '../lib/search/search-shards.ts';
import { clearMonthCopies, pageHash, pageMonth, writeMonthRecord } from './pagefind.ts';
import { copyPage, countsOf, emptyTally, type Tally } from './search-copies.ts';

/** What the prep did, for the build's log. */
export interface PrepStats {
  pages: number;
  months: number;
  /** Why it stopped early, if it did (the build then copies what is missing itself). */
  error?: string;
}

/** One line for the build's log. */
export function prepSummary(s: PrepStats): string {
  const done = `made the search copies of ${s.pages} article${s.pages === 1 ? '' : 's'} (${s.months} month${s.months === 1 ? '' : 's'}) while the pages were rendered`;
  return s.error ? `${done}; stopped: ${s.error}` : done;
}

/** A month being copied: its pages' hashes by path, and its counts. */
interface Month extends Tally {
  hashes: Map<string, string>;
}

/**
 * The prep's state: on the worker thread (or called directly, in tests). `page` takes each
 * article page as it is rendered; `end` writes the months' records.
 */
export class SearchPrep {
  private readonly months = new Map<string, Month>();
  private error?: Error;
  private readonly copies: string;
  private readonly code: string;

  /** `copies`: the kept copies folder; `code`: `indexerHash()`, which the records must name. */
  constructor(copies: string, code: string) {
    this.copies = copies;
    this.code = code;
  }

  page(path: string, bytes: Uint8Array): void {
    if (this.error) return;
    try {
      const page = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const key = pageMonth(page, path);
      let month = this.months.get(key);
      if (!month) {
        clearMonthCopies(this.copies, key);
        this.months.set(key, (month = { hashes: new Map(), ...emptyTally() }));
      }
      // Counted twice, its month's counts would be wrong under a record that looks right.
      if (month.hashes.has(path)) throw new Error(`${path} was handed over twice`);
      copyPage(this.copies, page.toString('utf8'), path, key, month);
      month.hashes.set(path, pageHash(page));
    } catch (error) {
      this.error = error as Error;
    }
  }

  /** Writes each month's record: its pages in the order `planShards` puts them (by path), and its counts. */
  end(): PrepStats {
    if (this.error) return { pages: 0, months: 0, error: this.error.message };
    let pages = 0;
    for (const [key, month] of this.months) {
      const list = [...month.hashes].sort(([a], [b]) => byCodeUnits(a, b));
      writeMonthRecord(this.copies, key, { code: this.code, pages: list, ...countsOf(month) });
      pages += list.length;
    }
    return { pages, months: this.months.size };
  }
}

/**
 * Starts the prep's worker when `scripts/build.ts` asks for it (DIACHI_SEARCH_COPIES: the kept
 * copies folder) and makes it reachable from the middleware; when the build is done, waits for
 * it. Its failure never fails the build: `buildSearchIndex` copies whatever it left undone.
 */
export function searchPrep(): AstroIntegration {
  let worker: Worker | undefined;
  let failed: Error | undefined;
  return {
    name: 'dia-chi-search-prep',
    hooks: {
      'astro:build:start': () => {
        const copies = buildOptions().searchCopies;
        if (!copies) return;
        const w = new Worker(new URL('./search-prep-worker.ts', import.meta.url), { workerData: { copies } });
        worker = w;
        // Kept for the end: the build goes on, and the index copies what the prep did not.
        w.on('error', (error) => (failed = error));
        const handle: PrepHandle = { page: (path, bytes) => w.postMessage({ path, bytes }) };
        (globalThis as Record<symbol, unknown>)[PREP_HANDLE] = handle;
      },
      'astro:build:done': async ({ logger }) => {
        if (!worker) return;
        delete (globalThis as Record<symbol, unknown>)[PREP_HANDLE];
        const w = worker;
        const stats = failed
          ? { pages: 0, months: 0, error: failed.message }
          : await new Promise<PrepStats>((resolve) => {
              w.once('message', resolve);
              w.once('error', (error) => resolve({ pages: 0, months: 0, error: error.message }));
              w.postMessage('end');
            });
        await w.terminate();
        if (stats.error) logger.warn(prepSummary(stats));
        else logger.info(prepSummary(stats));
      },
    },
  };
}
