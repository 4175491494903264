/**
 * `npm run build` — builds the site and its search index into a fresh folder and swaps it in
 * only when the whole build succeeded: a failed build leaves the previous dist/ as it was and
 * nothing half-written. DIACHI_OUT_DIR chooses the folder (default dist).
 * The search index is built after Astro has exited, so Astro's memory and Pagefind's are never
 * held at the same time (at 10,000 articles: 2.0 + 3.4 GB together, the larger of the two apart).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSearchIndex, indexSummary } from '../src/integrations/pagefind.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.env.DIACHI_OUT_DIR ?? 'dist');
const partial = `${out}.partial`;
const old = `${out}.old`;
rmSync(partial, { recursive: true, force: true });
// A build is production whatever the caller's environment: test runners set NODE_ENV=test and
// export MODE/DEV/PROD/SSR, which Astro would read as import.meta.env.
const inherited = Object.entries(process.env).filter(([k]) => !['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(k) && !k.startsWith('VITEST'));
const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), NODE_ENV: 'production', DIACHI_OUT_DIR: partial, DIACHI_SEARCH_INDEX: 'later' };
const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
if (result.status !== 0) {
  rmSync(partial, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}
if (process.env.DIACHI_SEARCH_INDEX !== '0') {
  try {
    // Shards whose pages did not change are copied from the current dist/.
    console.log(`[search] ${indexSummary(await buildSearchIndex(partial, { previous: out }))}`);
  } catch (error) {
    console.error(`[search] ${(error as Error).message}`);
    rmSync(partial, { recursive: true, force: true });
    process.exit(1);
  }
}
rmSync(old, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, old);
renameSync(partial, out);
rmSync(old, { recursive: true, force: true });
