/**
 * Keeps the content data store out of the build's JavaScript bundle. Astro inlines the whole
 * store (`astro:data-layer-content`: every article's data and HTML, 77 MB at 10,000 articles)
 * into the server bundle as one string literal, which Vite then bundles, writes and imports
 * again: seconds of every build and ~0.5 GB of memory at 10,000 articles. The prerender runs in
 * the same process right after, so the module can read the same file at run time instead.
 * The module is loaded before Astro's own loader runs, which would read, parse and quote the
 * whole file only for it to be thrown away (~1.5 s at 10,000 articles).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's resolved id of the data store module. */
const DATA_STORE_ID = '\0astro:data-layer-content';

/**
 * The data store module, reading `file` at run time: what Astro's module for a single-file
 * store exports (`export default JSON.parse(<the file's text>)`), without the text in the code.
 */
export function dataStoreAtRuntime(file: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

/** Astro integration: in `astro build`, the data store module reads the store file at run time. */
export function dataStoreOutOfBundle(): AstroIntegration {
  return {
    name: 'dia-chi-data-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // A chunked store (experimental.collectionStorage) is a module of another shape: left to Astro.
        const storage = (config.experimental as { collectionStorage?: string }).collectionStorage;
        if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'dia-chi-data-store-at-runtime',
                apply: 'build',
                enforce: 'pre',
                // No store file (no collection loaded yet): Astro's loader answers with an empty store.
                // The meta is Astro's own mark for this module, which keeps the store out of the
                // code hashes of its incremental build, as Astro's loader does.
                load: (id: string) =>
                  id === DATA_STORE_ID && existsSync(file) ? { code: dataStoreAtRuntime(file), map: null, meta: { astroIncremental: { kind: 'content-data' } } } : undefined,
              },
            ],
          },
        });
      },
    },
  };
}
