/** The build's options: read once from the environment, written back for Astro's process. */
import { describe, expect, it } from 'vitest';
import { buildOptions, optionsEnv } from '../../src/lib/build/options.ts';

describe('build options', () => {
  it('default to the project folders and one build of everything', () => {
    expect(buildOptions({})).toMatchObject({ contentDir: 'content/articles', outDir: 'dist', cacheDir: 'node_modules/.astro', basePath: '/', searchIndex: 'with-astro', derivedLater: false, quick: true });
  });

  it('pass to a child process and read back the same', () => {
    const options = buildOptions({ DIACHI_CONTENT_DIR: 'x/articles', DIACHI_OUT_DIR: 'x/dist', DIACHI_SHARD_SIZE: 'Infinity', DIACHI_SEARCH_INDEX: 'later', DIACHI_DERIVED_FILES: 'later', DIACHI_PARTIAL_KEYS: 'k.json', DIACHI_QUICK: '0', DIACHI_BUILD_HEAP_MB: '900', DIACHI_BASE_PATH: 'dia-chi' });
    expect(buildOptions(optionsEnv(options))).toEqual(options);
    expect(buildOptions(optionsEnv({ searchIndex: 'off' })).searchIndex).toBe('off');
  });

  it('refuse a value that makes no sense, naming the variable', () => {
    expect(() => buildOptions({ DIACHI_INDEX_JOBS: 'two' })).toThrow(/^DIACHI_INDEX_JOBS="two"/);
    expect(() => buildOptions({ DIACHI_BASE_PATH: '/địa chí/' })).toThrow(/^BASE_PATH="\/địa chí\/"/);
  });

  it('take the base path with or without its slashes', () => {
    for (const value of ['/dia-chi/', 'dia-chi', '/dia-chi', 'dia-chi/']) expect(buildOptions({ DIACHI_BASE_PATH: value }).basePath).toBe('/dia-chi/');
    expect(buildOptions({ DIACHI_BASE_PATH: '/' }).basePath).toBe('/');
  });
});
