/** The bench sets finished folders aside instead of deleting them between timed builds. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Discards, fileCreationMicros } from '../../scripts/bench/lib/discard.ts';

const dir = mkdtempSync(join(tmpdir(), 'diachi-discard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, 'sub'), { recursive: true });
  writeFileSync(join(path, 'sub', 'file.txt'), text);
  return path;
}

describe('Discards', () => {
  it('moves folders aside whole, even two of the same name, and deletes them only when emptied', () => {
    const discards = new Discards(join(dir, 'aside'));
    discards.discard(folder('dist', 'first'));
    discards.discard(folder('dist', 'second'));
    discards.discard(join(dir, 'never-made'));
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    const aside = readdirSync(join(dir, 'aside')).sort();
    expect(aside).toHaveLength(2);
    expect(aside.map((name) => readFileSync(join(dir, 'aside', name, 'sub', 'file.txt'), 'utf8')).sort()).toEqual(['first', 'second']);
    discards.empty();
    expect(existsSync(join(dir, 'aside'))).toBe(false);
  });

  it('does not overwrite what an interrupted run left under the same name', () => {
    folder('aside2/1-dist', 'left over');
    const discards = new Discards(join(dir, 'aside2'));
    discards.discard(folder('dist', 'new'));
    expect(readFileSync(join(dir, 'aside2', '1-dist', 'sub', 'file.txt'), 'utf8')).toBe('left over');
    expect(readdirSync(join(dir, 'aside2'))).toHaveLength(2);
  });
});

describe('fileCreationMicros', () => {
  it('times creating files and leaves its folder with the discards, not beside the build', () => {
    const parent = join(dir, 'probe-parent');
    mkdirSync(parent);
    const discards = new Discards(join(dir, 'aside3'));
    expect(fileCreationMicros(parent, discards, 50)).toBeGreaterThan(0);
    expect(readdirSync(parent)).toEqual([]);
    const [probe] = readdirSync(join(dir, 'aside3'));
    expect(readdirSync(join(dir, 'aside3', probe!))).toHaveLength(50);
  });
});
