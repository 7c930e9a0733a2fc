// Debian's headless Chromium driven by playwright-core (never a downloaded
// browser), with the demo served on 127.0.0.1: the setup the browser tests share.
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

/**
 * Starts the demo server on a free port and Chromium; `close()` stops both.
 * `addPage(path, html)` serves an extra page (see serve.mjs: not page.route(),
 * which turns the HTTP cache off).
 */
export async function startBrowser() {
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const executablePath = execFileSync('sh', ['-c', 'command -v chromium']).toString().trim();
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const addPage = (path, html) => { server.pages.set(path, html); return `${base}${path}`; };
  return { server, browser, base, addPage, close: async () => { await browser.close(); server.close(); } };
}
