import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreAtRuntime } from '../../src/integrations/data-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dataStoreAtRuntime', () => {
  it('exports what the inlined module exported, read from the file', async () => {
    const store = [['Map', 1, 2], 'articles', { title: 'Đảng viên “gương mẫu”\n' }];
    const file = join(dir, 'data-store.json');
    writeFileSync(file, JSON.stringify(store));
    const inlined = `export default JSON.parse(${JSON.stringify(JSON.stringify(store))})`;
    const code = dataStoreAtRuntime(inlined, file)!;
    expect(code.length).toBeLessThan(200);
    writeFileSync(join(dir, 'inlined.mjs'), inlined);
    writeFileSync(join(dir, 'runtime.mjs'), code);
    const a = (await import(pathToFileURL(join(dir, 'inlined.mjs')).href)).default;
    const b = (await import(pathToFileURL(join(dir, 'runtime.mjs')).href)).default;
    expect(b).toEqual(a);
  });

  it('leaves code of any other shape alone (a chunked or empty store)', () => {
    expect(dataStoreAtRuntime('export default new Map()', '/x/data-store.json')).toBeUndefined();
    expect(dataStoreAtRuntime('export default{"articles":[(await import("x"))]}', '/x/data-store.json')).toBeUndefined();
  });
});
