/**
 * `npm run build` — builds the site and its search index into a fresh folder and swaps it in
 * only when the whole build succeeded: a failed build leaves the previous dist/ as it was and
 * nothing half-written. DIACHI_OUT_DIR chooses the folder (default dist).
 * The search index is built after Astro has exited, so Astro's memory and Pagefind's are never
 * held at the same time (at 10,000 articles: 2.0 + 3.4 GB together, the larger of the two apart).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildSearchIndex, indexSummary, shardSizeFromEnv } from '../src/integrations/pagefind.ts';

const root = resolve(import.meta.dirname, '..');
try {
  // Checked before the site is built, not minutes later when the index is.
  shardSizeFromEnv(process.env.DIACHI_SHARD_SIZE);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const out = resolve(root, process.env.DIACHI_OUT_DIR ?? 'dist');
const partial = `${out}.partial`;
const old = `${out}.old-${process.pid}`;
rmSync(partial, { recursive: true, force: true });
// Old outputs a deletion left behind (the machine stopped before it finished): `<out>.old-<pid>`.
const oldPrefix = `${basename(out)}.old-`;
for (const name of readdirSync(dirname(out))) {
  if (name.startsWith(oldPrefix) && /^\d+$/.test(name.slice(oldPrefix.length))) rmSync(join(dirname(out), name), { recursive: true, force: true });
}
// A build is production whatever the caller's environment: test runners set NODE_ENV=test and
// export MODE/DEV/PROD/SSR, which Astro would read as import.meta.env.
const inherited = Object.entries(process.env).filter(([k]) => !['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(k) && !k.startsWith('VITEST'));
const env: NodeJS.ProcessEnv = {
  // Astro's anonymous usage report is sent as the build exits; an archive's builds need not phone home.
  ASTRO_TELEMETRY_DISABLED: '1',
  ...Object.fromEntries(inherited),
  NODE_ENV: 'production',
  DIACHI_OUT_DIR: partial,
  DIACHI_SEARCH_INDEX: 'later',
};
// V8 lets the heap grow toward its default limit (~4 GB here) before collecting hard, so a
// 10,000-article build sat at 2.6 GB while needing under 0.7 GB. A limit of about twice what
// the build needs keeps it lean (1.7 GB at 10,000) for a few percent more time.
const contentDir = resolve(root, process.env.DIACHI_CONTENT_DIR ?? 'content/articles');
const articles = existsSync(contentDir) ? readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).length : 0;
const heapMb = Number(process.env.DIACHI_BUILD_HEAP_MB) || Math.max(1024, Math.round(512 + 0.07 * articles));
const started = performance.now();
const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
if (result.status !== 0) {
  rmSync(partial, { recursive: true, force: true });
  if (result.signal === 'SIGABRT') console.error(`The build ran out of memory with a ${heapMb} MB heap; set DIACHI_BUILD_HEAP_MB to a larger number of megabytes.`);
  process.exit(result.status ?? 1);
}
console.log(`[build] site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
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
if (existsSync(out)) renameSync(out, old);
renameSync(partial, out);
if (existsSync(old)) {
  // The new site is in place; deleting the old one (tens of thousands of files, seconds at
  // 10,000 articles) need not hold up whoever waits for the build.
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(old)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}
