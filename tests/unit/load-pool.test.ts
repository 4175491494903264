/** The worker pool must give exactly what loading on the calling thread gives, in order. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { loadArticle } from '../../src/lib/articles/load-article.ts';
import { loadMany } from '../../src/loaders/load-pool.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadMany', () => {
  const files = generateCorpus(12, dir);
  const jobs = files.map((file) => ({ file, raw: readFileSync(file, 'utf8'), options: {} }));
  // One broken file in the middle: its problems must come back in its place.
  jobs.splice(5, 0, { file: 'broken.mdx', raw: '---\ntitle: x\n---\nBody\n', options: {} });

  it('loads on worker threads exactly as on the calling thread, in order', async () => {
    const pooled = await loadMany(jobs, { threads: 2, threshold: 0 });
    const direct = jobs.map((j) => loadArticle(j.file, j.raw, j.options));
    expect(pooled).toHaveLength(jobs.length);
    expect(pooled[5]!.article).toBeUndefined();
    expect(pooled[5]!.problems.length).toBeGreaterThan(0);
    expect(pooled).toEqual(direct);
  });

  it('names the file whose job crashed on a worker', async () => {
    // A body file in a folder that does not exist: the job throws after loading the article.
    const crashing = files.map((file, i) => ({ file, options: {}, ...(i === 3 && { htmlFile: join(dir, 'no-such-folder', 'body.html') }) }));
    await expect(loadMany(crashing, { threads: 2, threshold: 0 })).rejects.toThrow(`loading ${files[3]} failed: Error: ENOENT`);
  });

  it('reads a file on the worker when the job brings no text (as check does)', async () => {
    const byPath = files.map((file) => ({ file, options: {} }));
    const pooled = await loadMany(byPath, { threads: 2, threshold: 0 });
    expect(pooled).toEqual(files.map((file) => loadArticle(file, readFileSync(file, 'utf8'), {})));
  });

  it('writes each body to its job\'s file on the worker, except where the article failed', async () => {
    const withFiles = jobs.map((j, i) => ({ ...j, htmlFile: join(dir, `body-${i}.html`) }));
    const pooled = await loadMany(withFiles, { threads: 2, threshold: 0 });
    const direct = jobs.map((j) => loadArticle(j.file, j.raw, j.options));
    pooled.forEach((r, i) => {
      if (i === 5) {
        expect(r.htmlFile).toBeUndefined();
        expect(existsSync(withFiles[i]!.htmlFile)).toBe(false);
        return;
      }
      expect(r.htmlFile).toBe(withFiles[i]!.htmlFile);
      expect(readFileSync(r.htmlFile!, 'utf8')).toBe(direct[i]!.article!.html);
    });
  });
});
