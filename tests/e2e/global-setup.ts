/** Builds the real site once with `npm run build` and serves dist/ for the browser tests. */
import type { TestProject } from 'vitest/node';
import { buildSite } from '../support/build.ts';
import { DIST } from '../support/paths.ts';
import { serveStatic } from '../support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const build = buildSite();
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.output}`);
  const server = await serveStatic(DIST);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
