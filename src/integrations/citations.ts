/**
 * Writes each article's citation files (/trich-dan/<year>/<slug>.bib, .ris, .json) once the
 * static build is done (src/integrations/derived-files.ts), from /trich-dan/index.json. `astro dev`
 * serves the same files from routes (src/derived-routes.ts), which a build leaves empty.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { citationFile, CITATION_FORMATS, type Citable } from '../lib/data/citations.ts';

type Stored = Omit<Citable, 'date'> & { date: Omit<Citable['date'], 'instant'> & { instant: string } };

async function readRecords(outDir: string): Promise<Stored[]> {
  return JSON.parse(await readFile(join(outDir, 'trich-dan', 'index.json'), 'utf8')) as Stored[];
}

/**
 * Writes the citation files for the records of `<outDir>/trich-dan/index.json` — with `previous`
 * (an output whose files are in place), only for records that are not the same there: a partial
 * build's. Returns how many files, and the ids `previous` has records for and `outDir` has not.
 */
export async function writeCitationFiles(outDir: string, previous?: string): Promise<{ files: number; removed: string[] }> {
  const folder = join(outDir, 'trich-dan');
  let records = await readRecords(outDir);
  let removed: string[] = [];
  if (previous) {
    const old = await readRecords(previous);
    const ids = new Set(records.map((r) => r.id));
    removed = old.filter((r) => !ids.has(r.id)).map((r) => r.id);
    const before = new Set(old.map((r) => JSON.stringify(r)));
    records = records.filter((r) => !before.has(JSON.stringify(r)));
  }
  const made = new Map<string, Promise<unknown>>();
  let files = 0;
  let next = 0;
  // Many small files: several records in flight keep the file system busy (bench/results/design.md: derived-files).
  const worker = async () => {
    while (next < records.length) {
      const stored = records[next++]!;
      const c: Citable = { ...stored, date: { ...stored.date, instant: new Date(stored.date.instant) } };
      const dir = dirname(join(folder, c.id));
      if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
      await made.get(dir);
      await Promise.all(CITATION_FORMATS.map((ext) => writeFile(join(folder, `${c.id}.${ext}`), citationFile(c, ext))));
      files += CITATION_FORMATS.length;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { files, removed };
}
