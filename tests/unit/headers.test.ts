/** The hosts' header files: one source, each file current, each carrying every header. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../src/consts.ts';
import { HEADER_FILES, IMMUTABLE_CACHE, SECURITY_HEADERS } from '../../src/lib/build/headers.ts';
import { ROOT } from '../support/paths.ts';

describe.each(Object.entries(HEADER_FILES))('%s', (path, make) => {
  const text = readFileSync(join(ROOT, path), 'utf8');

  it('is what npm run headers writes (run it after changing src/lib/build/headers.ts)', () => {
    expect(text).toBe(make());
  });

  it('sets every header, the page policy with frame-ancestors, and the cache of hashed assets', () => {
    for (const [name, value] of SECURITY_HEADERS) {
      expect(text).toContain(name);
      expect(text).toContain(value);
    }
    expect(SECURITY_HEADERS[0]![1].startsWith(`${CSP}; `)).toBe(true);
    expect(text).toContain("frame-ancestors 'none'");
    expect(text).toContain(IMMUTABLE_CACHE);
  });
});
