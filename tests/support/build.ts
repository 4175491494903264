/** Runs real Astro builds for tests: the main site, or a fixture corpus in its own folders. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * Builds the site from `contentDir` into `outDir` with a private cache, using the same
 * Node that runs the tests (Astro needs ≥ 22.12; the project pins it in devDependencies).
 */
export function buildFixture(contentDir: string, outDir: string, env: NodeJS.ProcessEnv = {}, { local = true } = {}): BuildResult {
  // Through the project's build script, as `npm run build` runs: atomic, index included. For
  // this machine (localhost) as `npm start` builds, unless `local` is false (then give SITE_URL).
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), ...(local ? ['--local'] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      DIACHI_CONTENT_DIR: contentDir,
      DIACHI_OUT_DIR: outDir,
      DIACHI_CACHE_DIR: `${outDir}-cache`,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...env,
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * This process's environment without vitest's (NODE_ENV=test, VITEST…, MODE…), which Astro would
 * read as its own: for Astro run as an editor runs it.
 */
export function outsideVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(k)));
}

/**
 * Runs `astro build` alone (not through scripts/build.ts) from `contentDir` into `outDir`, with the
 * cache `${outDir}-cache` and no search index, as Astro runs outside `npm run build`.
 */
export function buildWithAstroAlone(contentDir: string, outDir: string, env: NodeJS.ProcessEnv = {}): BuildResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...outsideVitest(), DIACHI_CONTENT_DIR: contentDir, DIACHI_OUT_DIR: outDir, DIACHI_CACHE_DIR: `${outDir}-cache`, DIACHI_SEARCH_INDEX: '0', NO_COLOR: '1', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Runs `npm run build` as a user would, for this machine (`--local`: no public address needed). */
export function buildSite(): BuildResult {
  const result = spawnSync('npm', ['run', 'build', '--', '--local'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
