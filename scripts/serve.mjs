// Serves the demo on 127.0.0.1: www/ at /, the built package at /pkg/, and
// the shared test vectors at /vectors/ (the browser tests read them), plus
// any in-memory pages the benches and tests add (`server.pages`).
//   node scripts/serve.mjs [port]      (default 8080; 0 picks a free port)
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const root = fileURLToPath(new URL('..', import.meta.url));
const options = { dev: true, etag: true };
const mounts = [
  ['/pkg/', sirv(`${root}pkg`, options)],
  ['/vectors/', sirv(`${root}tests/vectors`, options)],
  ['/', sirv(`${root}www`, options)],
];

/**
 * Starts the server; resolves to it once it listens. `server.pages` maps a path
 * (e.g. '/bench-status.html') to an HTML string served as is: benches and tests
 * add pages there rather than with Playwright's page.route(), which disables
 * the browser's HTTP cache (and with it the compiled-wasm cache).
 */
export function serve(port = 8080, host = '127.0.0.1') {
  const pages = new Map();
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(page);
      return;
    }
    const [prefix, handler] = mounts.find(([p]) => req.url.startsWith(p));
    req.url = '/' + req.url.slice(prefix.length);
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  server.pages = pages;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const server = await serve(port);
  console.log(`xinyong demo: http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
