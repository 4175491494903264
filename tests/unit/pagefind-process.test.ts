/**
 * How the index's Pagefind processes are started: how many at a time, the allocator setting that
 * makes each return freed memory within a second, and the size of its word-index chunks
 * (src/integrations/pagefind.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEX_CHUNK_SIZE, indexShard, PAGEFIND_MALLOC_CONF, pagefindEnv } from '../../src/integrations/pagefind.ts';
import { DEFAULT_INDEX_JOBS, parseIndexJobs } from '../../src/lib/build/options.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-pagefind-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shards indexed at a time', () => {
  it('is two where there are two cores, one on one core, or what DIACHI_INDEX_JOBS says', () => {
    expect(DEFAULT_INDEX_JOBS).toBe(availableParallelism() >= 2 ? 2 : 1);
    expect(parseIndexJobs(undefined)).toBe(DEFAULT_INDEX_JOBS);
    expect(parseIndexJobs(' ')).toBe(DEFAULT_INDEX_JOBS);
    expect(parseIndexJobs('1')).toBe(1);
    for (const bad of ['0', '1.5', 'two']) expect(() => parseIndexJobs(bad)).toThrow(/DIACHI_INDEX_JOBS=".*" .*1 or 2/);
  });
});

describe("Pagefind's environment", () => {
  it('is the environment’s own where it has one', () => {
    expect(pagefindEnv({})).toEqual({ _RJEM_MALLOC_CONF: PAGEFIND_MALLOC_CONF, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) });
    expect(pagefindEnv({ _RJEM_MALLOC_CONF: 'narenas:1', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '20000' })).toEqual({ _RJEM_MALLOC_CONF: 'narenas:1', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '20000' });
  });

  // The variable is Pagefind's, marked unstable: this fails if an upgrade stops reading it.
  it('splits the word index into chunks of INDEX_CHUNK_SIZE positions, not Pagefind’s 20,000', async () => {
    // Two pages of 6,000 words each: 12,000 positions, one chunk at Pagefind's default.
    const words = Array.from({ length: 400 }, (_, i) => `từ${i.toString(36)}`);
    const copies = join(dir, 'chunks', '2020-01');
    for (const i of [1, 2]) {
      mkdirSync(join(copies, 'bai', `bai-${i}`), { recursive: true });
      const text = Array.from({ length: 6000 }, (_, j) => words[(j * 7 + i) % words.length]).join(' ');
      writeFileSync(join(copies, 'bai', `bai-${i}`, 'index.html'), `<html lang="vi"><body><article data-pagefind-body><h1>Bài ${i}</h1><p>${text}</p></article></body></html>`);
    }
    const chunks = async (dest: string) => {
      await indexShard({ dirs: [copies], dest, pages: 2, words: '' });
      return readdirSync(join(dest, 'index')).length;
    };
    const ours = await chunks(join(dir, 'chunks-ours'));
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '20000';
    try {
      expect(await chunks(join(dir, 'chunks-default'))).toBe(1);
    } finally {
      delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    }
    expect(ours).toBeGreaterThanOrEqual(Math.floor(12000 / INDEX_CHUNK_SIZE));
  });

  // Read from /proc while Pagefind runs: Linux only, as is the allocator the setting is for.
  it.skipIf(process.platform !== 'linux')('is in the environment of the Pagefind process that indexes a shard, and this one’s is left as it was', () => {
    const copies = join(dir, 'copies', '2020-01');
    for (const i of [1, 2]) {
      mkdirSync(join(copies, 'bai', '2020', `bai-${i}`), { recursive: true });
      writeFileSync(join(copies, 'bai', '2020', `bai-${i}`, 'index.html'), `<html lang="vi"><body><article data-pagefind-body><h1>Bài ${i}</h1><p>Đảng viên xã Đông Hòa.</p></article></body></html>`);
    }
    const job = { dirs: [copies], dest: join(dir, 'bundle'), pages: 2, words: '' };
    // Once the pages are added (onAdded), the shard's Pagefind process is this one's child.
    const script = `import { readdirSync, readFileSync } from 'node:fs';
      import { indexShard } from ${JSON.stringify(join(import.meta.dirname, '../../src/integrations/pagefind.ts'))};
      const seen = [];
      await indexShard(${JSON.stringify(job)}, () => {
        for (const pid of readdirSync('/proc').filter((p) => /^\\d+$/.test(p))) {
          try {
            const stat = readFileSync('/proc/' + pid + '/stat', 'utf8');
            if (!stat.includes('(pagefind') || Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
            const env = readFileSync('/proc/' + pid + '/environ', 'utf8').split('\\0');
            seen.push(env.find((v) => v.startsWith('_RJEM_MALLOC_CONF=')) ?? 'none', env.find((v) => v.startsWith('PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=')) ?? 'none');
          } catch {}
        }
      });
      console.log(JSON.stringify({ seen, after: process.env._RJEM_MALLOC_CONF ?? null }));`;
    const run = (env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { seen: string[]; after: string | null };
    };
    const { _RJEM_MALLOC_CONF: _, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: __, ...without } = process.env;
    expect(run(without)).toEqual({ seen: [`_RJEM_MALLOC_CONF=${PAGEFIND_MALLOC_CONF}`, `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=${INDEX_CHUNK_SIZE}`], after: null });
    expect(run({ ...without, _RJEM_MALLOC_CONF: 'narenas:1' })).toEqual({ seen: ['_RJEM_MALLOC_CONF=narenas:1', `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=${INDEX_CHUNK_SIZE}`], after: 'narenas:1' });
    expect(readdirSync(join(dir, 'bundle', 'fragment'))).toHaveLength(2);
  });
});
