// A tiny HTTP server for the e2e tests, on 127.0.0.1 and a free port.
//
//   /plain/NAME   tests/e2e/pages/NAME, no CSP
//   /strict/NAME  the same file, with a strict CSP (the one that keeps wasm out of Chromium's
//                 content scripts)
//   /NAME         tests/e2e/pages/NAME (the pages' own scripts, e.g. /capture.js)
//   /fixtures/SLUG/NAME  tests/fixtures/SLUG/NAME (e.g. the seed page; SLUG may be one folder deeper,
//                 clutter/ad-label-copy-en); /strict/fixtures/...
//                 sends the strict CSP; /slow/fixtures/... sends all but `</body>` and the rest
//                 SLOW_PAUSE_MS later, so a test can look at the page while it is being parsed
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), 'pages');
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const STRICT_CSP = "default-src 'self'; script-src 'self'";
export const SLOW_PAUSE_MS = 2000;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Starts the server; `close()` stops it. */
export async function startServer() {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const fixture = /^\/(?:(plain|strict|slow)\/)?fixtures\/((?:[\w-]+\/)?[\w-]+)\/([\w.-]+\.html)$/.exec(path);
    if (fixture !== null) {
      let body;
      try {
        body = await readFile(
          join(FIXTURES, ...fixture[2].split('/').map((p) => basename(p)), basename(fixture[3])),
          'utf8',
        );
      } catch {
        response.writeHead(404).end();
        return;
      }
      const headers = { 'content-type': TYPES['.html'], 'cache-control': 'no-store' };
      if (fixture[1] === 'strict') headers['content-security-policy'] = STRICT_CSP;
      response.writeHead(200, headers);
      if (fixture[1] === 'slow') {
        const end = body.lastIndexOf('</body>');
        response.write(body.slice(0, end));
        await new Promise((resolve) => setTimeout(resolve, SLOW_PAUSE_MS));
        if (!response.destroyed) response.end(body.slice(end));
      } else {
        response.end(body);
      }
      return;
    }
    const m = /^\/(?:(plain|strict)\/)?([\w.-]+)$/.exec(path);
    if (m === null) {
      response.writeHead(404).end();
      return;
    }
    const [, mode, name] = m;
    let body;
    try {
      body = await readFile(join(PAGES, basename(name)));
    } catch {
      response.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (mode === 'strict') headers['content-security-policy'] = STRICT_CSP;
    response.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
