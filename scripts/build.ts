/**
 * `npm run build` — builds the site and its search index into a fresh folder and swaps it in
 * only when the whole build succeeded: a failed build leaves the previous dist/ as it was and
 * nothing half-written. DIACHI_OUT_DIR chooses the folder (default dist).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.env.DIACHI_OUT_DIR ?? 'dist');
const partial = `${out}.partial`;
const old = `${out}.old`;
rmSync(partial, { recursive: true, force: true });
// A build is production whatever the caller's environment: test runners set NODE_ENV=test and
// export MODE/DEV/PROD/SSR, which Astro would read as import.meta.env.
const inherited = Object.entries(process.env).filter(([k]) => !['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(k) && !k.startsWith('VITEST'));
const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), NODE_ENV: 'production', DIACHI_OUT_DIR: partial };
const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
if (result.status !== 0) {
  rmSync(partial, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}
rmSync(old, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, old);
renameSync(partial, out);
rmSync(old, { recursive: true, force: true });
