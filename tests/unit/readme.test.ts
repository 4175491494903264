/** The README as a newcomer meets it: a short product page whose links all lead somewhere in the repository. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

/** Relative link and image targets of a Markdown file, code spans and blocks left out. */
function localLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|mailto:|#)/.test(t));
}

describe('README.md', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('is a product page of at most 12 KB that starts with the two Quick-start commands', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12 * 1024);
    const quick = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(quick).toBe('npm install && npm start\nnpm test\n');
  });

  const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'bench/README.md', 'src/lib/README.md', 'tests/fixtures/import-eval/README.md'].filter((f) => existsSync(join(ROOT, f)));

  it.each(docs)('%s links only to files that exist in the repository', (doc) => {
    for (const target of localLinks(join(ROOT, doc))) {
      const path = resolve(dirname(join(ROOT, doc)), decodeURI(target.split('#')[0]!));
      expect(relative(ROOT, path).startsWith('..'), `${doc}: ${target} leaves the repository`).toBe(false);
      expect(existsSync(path), `${doc}: ${target} does not exist`).toBe(true);
    }
  });
});
