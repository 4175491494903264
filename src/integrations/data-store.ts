/**
 * Keeps the content data store out of the build's JavaScript bundle. Astro inlines the whole
 * store (`astro:data-layer-content`: every article's data and HTML) into the server bundle as one
 * string literal, which Vite then bundles, writes and imports again (bench/results/design.md:
 * data-store). The prerender runs in
 * the same process right after, so the module can read the same file at run time instead.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's resolved id of the data store module, and how its code starts for a single-file store. */
const DATA_STORE_ID = '\0astro:data-layer-content';
const INLINED = 'export default JSON.parse(';

/** The data store module's code, reading `file` at run time; undefined for code of another shape. */
export function dataStoreAtRuntime(code: string, file: string): string | undefined {
  // A chunked store, an empty one, or a future Astro's shape: left as it is.
  if (!code.startsWith(INLINED)) return undefined;
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

/** Astro integration: in `astro build`, the data store module reads the store file at run time. */
export function dataStoreOutOfBundle(): AstroIntegration {
  return {
    name: 'dia-chi-data-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'dia-chi-data-store-at-runtime',
                apply: 'build',
                // Astro's loader has read the file and inlined it; the bundle gets a reader instead.
                transform(code: string, id: string) {
                  if (id !== DATA_STORE_ID) return undefined;
                  const runtime = dataStoreAtRuntime(code, file);
                  return runtime === undefined ? undefined : { code: runtime, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
