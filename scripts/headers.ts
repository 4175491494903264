/**
 * `npm run headers` — writes the hosts' header files (public/_headers, public/.htaccess,
 * deploy/nginx-headers.conf, deploy/headers.caddy) from src/lib/build/headers.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HEADER_FILES } from '../src/lib/build/headers.ts';
import { cliArgs } from './lib/cli.ts';

cliArgs(
  'headers',
  `
npm run headers

Viết lại các tệp cấu hình tiêu đề HTTP (chính sách bảo mật nội dung, nosniff, referrer, bộ nhớ đệm)
cho từng loại máy chủ, từ một nguồn src/lib/build/headers.ts: public/_headers (Netlify, Cloudflare
Pages), public/.htaccess (Apache), deploy/nginx-headers.conf (nginx), deploy/headers.caddy (Caddy).

  -h, --help  in hướng dẫn này
`,
  {},
);
const root = join(import.meta.dirname, '..');
for (const [path, make] of Object.entries(HEADER_FILES)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), make());
  console.log(`wrote ${path}`);
}
