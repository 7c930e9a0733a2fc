// Serves the demo on 127.0.0.1: www/ at /, the built package at /pkg/, and
// the shared test vectors at /vectors/ (the browser tests read them).
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

/** Starts the server; resolves to it once it listens. */
export function serve(port = 8080, host = '127.0.0.1') {
  const server = http.createServer((req, res) => {
    const [prefix, handler] = mounts.find(([p]) => req.url.startsWith(p));
    req.url = '/' + req.url.slice(prefix.length);
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
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
