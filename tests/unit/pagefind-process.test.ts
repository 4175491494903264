/**
 * How the index's Pagefind processes are started: how many at a time, and the allocator setting
 * that makes each return freed memory within a second (src/integrations/pagefind.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGEFIND_MALLOC_CONF, pagefindMallocConf } from '../../src/integrations/pagefind.ts';
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

describe("Pagefind's allocator setting", () => {
  it('is the environment’s own when it has one', () => {
    expect(pagefindMallocConf({})).toBe(PAGEFIND_MALLOC_CONF);
    expect(pagefindMallocConf({ _RJEM_MALLOC_CONF: 'narenas:1' })).toBe('narenas:1');
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
            const env = readFileSync('/proc/' + pid + '/environ', 'utf8').split('\\0').find((v) => v.startsWith('_RJEM_MALLOC_CONF='));
            seen.push(env ?? 'none');
          } catch {}
        }
      });
      console.log(JSON.stringify({ seen, after: process.env._RJEM_MALLOC_CONF ?? null }));`;
    const run = (env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { seen: string[]; after: string | null };
    };
    const { _RJEM_MALLOC_CONF: _, ...without } = process.env;
    expect(run(without)).toEqual({ seen: [`_RJEM_MALLOC_CONF=${PAGEFIND_MALLOC_CONF}`], after: null });
    expect(run({ ...without, _RJEM_MALLOC_CONF: 'narenas:1' })).toEqual({ seen: ['_RJEM_MALLOC_CONF=narenas:1'], after: 'narenas:1' });
    expect(readdirSync(join(dir, 'bundle', 'fragment'))).toHaveLength(2);
  });
});
