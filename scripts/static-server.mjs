// A tiny static file server on 127.0.0.1: `make serve` runs it on dist/www/, and the playground's
// e2e test starts it from code. No directory listings, no paths outside the root, no caching.
//
//   node scripts/static-server.mjs [DIR] [--port N]     (default dist/www, a free port)
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir`; `close()` stops it.
 * @param {string} dir
 * @param {{port?: number, headers?: Record<string, string>}} [options] extra response headers
 */
export async function startStaticServer(dir, { port = 0, headers = {} } = {}) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          ...headers,
        })
        .end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  await new Promise((resolve_, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve_);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (p = '/') => `${origin}${p}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(done);
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let dir = 'dist/www';
  let port = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') port = Number(args[++i]);
    else dir = args[i];
  }
  try {
    if (!(await stat(join(dir, 'index.html'))).isFile()) throw new Error();
  } catch {
    console.error(`static-server: ${join(dir, 'index.html')} is missing (run \`make www\` first)`);
    process.exit(1);
  }
  const server = await startStaticServer(dir, { port });
  console.log(`serving ${resolve(dir)} at ${server.url('/')}  (Ctrl+C stops)`);
}
