/**
 * A static file server for built sites, as a static host serves them: `serve-static` for the
 * files (types, index.html, redirects, traversal), `compression` for gzip on the fly.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import compression from 'compression';
import serveStatic_ from 'serve-static';

/** A running server: its base URL and a way to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

type Next = (err?: unknown) => void;

/**
 * Serves `root` on a free loopback port: directories via index.html, unknown paths via 404.html.
 * With `base` ("/dia-chi/"), the site is served from that folder of the host, as GitHub Pages
 * serves a project: nothing outside it exists.
 */
export async function serveStatic(root: string, { base = '/' }: { base?: string } = {}): Promise<StaticServer> {
  // Text compressed whatever its size (the bench counts the bytes a host would send). A
  // Connect-style middleware, typed for Express: plain Node requests are what it reads.
  const gzip = compression({ threshold: 0 }) as unknown as (req: IncomingMessage, res: ServerResponse, next: Next) => void;
  const files = serveStatic_(root, {
    cacheControl: false,
    // Content-hashed assets are cached for good; everything else is checked each time.
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const notFound = (res: ServerResponse) => {
    const page = join(root, '404.html');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(existsSync(page) ? readFileSync(page) : 'Not found');
  };
  const server = createServer((req: IncomingMessage & { originalUrl?: string }, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!`${decodeURIComponent(url.pathname)}/`.startsWith(base)) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    if (`${url.pathname}/` === base) return void res.writeHead(301, { Location: base }).end();
    // serve-static redirects "/dir" to "/dir/" from the original URL, base and all.
    req.originalUrl = req.url;
    req.url = `/${url.pathname.slice(base.length)}${url.search}`;
    const next: Next = (err) => (err ? res.writeHead((err as { status?: number }).status ?? 500).end() : notFound(res));
    gzip(req, res, () => files(req, res, next));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
