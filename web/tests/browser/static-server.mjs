// A tiny static file server for the built playground (dist/): what
// `make serve` runs and what the browser tests load pages from.
// Serves files under ROOT only (no path escapes), with the MIME types that
// module workers and WebAssembly streaming compilation need, cross-origin
// isolated (a finer performance.now() for the bench). Every response
// carries an ETag (the file's size and modification time), and a request
// that already has that version gets 304 Not Modified: a reload
// revalidates instead of downloading again, so Chromium keeps what it
// cached for the response (V8's compiled code of the wasm modules and
// scripts), while a rebuilt file is always fetched.
//
// CLI: node static-server.mjs [ROOT=dist] [PORT=8080]  (prints the URL)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.fs': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** Starts serving `root` on 127.0.0.1:`port` (0: any free port); resolves to {server, url}. */
export function serve(root, port = 0) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw new Error('outside');
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        etag: `"${info.size}-${info.mtimeMs}"`,
        // Cross-origin isolation gives the worker a finer clock for the bench.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      };
      if (req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, Number(port));
  console.log(`The playground is served at ${url}  (Ctrl+C stops)`);
}
