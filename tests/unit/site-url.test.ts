/** The site's address: a build to publish is told it, or refuses in one line; a local build says it uses localhost. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_SITE, siteUrl } from '../../src/lib/build/site-url.ts';
import { ROOT, TMP } from '../support/paths.ts';

describe('siteUrl', () => {
  it('takes a real address, without a trailing path or slash', () => {
    expect(siteUrl('https://example.org/', false)).toEqual({ url: 'https://example.org' });
    expect(siteUrl(' http://archive.example.vn ', false)).toEqual({ url: 'http://archive.example.vn' });
  });

  it('refuses a build to publish with no address, a local one or one that is not a web address', () => {
    for (const value of [undefined, '', 'http://localhost:4321', 'http://127.0.0.1:8080', 'example.org', 'ftp://example.org']) {
      const r = siteUrl(value, false);
      expect('error' in r && r.error, String(value)).toMatch(/SITE_URL/);
    }
  });

  it('uses localhost for a build to look at on this machine', () => {
    expect(siteUrl(undefined, true)).toEqual({ url: LOCAL_SITE });
  });
});

describe('npm run build without an address', () => {
  it('stops before building, with one line saying how to set it, and exit code 1', () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'SITE_URL'));
    const out = join(TMP, 'no-site-url/dist');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, encoding: 'utf8', env: { ...env, DIACHI_OUT_DIR: out, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Chưa có địa chỉ trang web: đặt SITE_URL .* npm start\.$/)]);
  });
});
