import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/** A server on a free port of 127.0.0.1 (its origin is `url`); close() ends it. */
export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<LocalServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The built SPA as a static site: a file of `dir()` when there is one, else index.html (the SPA's own routes, such as
 * /reset-password, are pages of the same bundle). `dir` is read per request: the server's origin must be known
 * before the bundle is built (Gatehouse lists it in CORS_ORIGINS, and the bundle names Gatehouse's URL).
 */
export function serveSpa(dir: () => string): Promise<LocalServer> {
  return serve((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const candidate = join(dir(), path);
    const file = candidate.startsWith(dir()) && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(dir(), 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
}

/** One HTML page, whatever the path: the page of another origin in the cross-origin test. */
export function servePage(html: string): Promise<LocalServer> {
  return serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
}

/** `npm run example:spa:build` into a fresh temporary folder, with the given environment; returns the folder. */
export async function buildSpa(env: Record<string, string>): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'gatehouse-spa-'));
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', 'examples/spa/vite.config.mts', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, ...env, SPA_OUT_DIR: out },
  });
  return out;
}

export function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * No request of the page may leave the machine: any host but the loopback ones is aborted. Google Identity Services
 * is answered by a stand-in (registered after, so it wins) whose button hands over `idToken`, as Google's would.
 */
export async function offlineWithGoogleStandIn(context: BrowserContext, idToken: () => string): Promise<void> {
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => route.abort());
  await context.route('https://accounts.google.com/gsi/client', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: googleStandIn(idToken()) }),
  );
}

/** The part of Google Identity Services the SPA uses: initialize(), and renderButton() with a real button. */
function googleStandIn(idToken: string): string {
  return `window.google = { accounts: { id: {
    initialize(options) { this.callback = options.callback; },
    renderButton(parent) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Sign in with Google';
      button.onclick = () => this.callback({ credential: ${JSON.stringify(idToken)} });
      parent.append(button);
    },
  } } };`;
}

/** Every body the page received from `origin` (what a script of the page could have read). */
export function recordBodies(page: Page, origin: string): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (!response.url().startsWith(origin)) return;
    void response.text().then((text) => bodies.push(text), () => undefined);
  });
  return bodies;
}

/**
 * Runs in the other origin's page: what its scripts can try with the browser's cookie. A refresh or logout as the
 * SPA sends them (JSON, X-Requested-With) needs a CORS preflight, which Gatehouse does not answer for this origin; a
 * "simple" request that needs none can carry neither JSON nor the header, and its answer is opaque.
 */
export async function crossOriginAttempts(gatehouse: string): Promise<Record<string, string>> {
  const send = (path: string, body: object) =>
    fetch(`${gatehouse}${path}`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-requested-with': 'x' }, body: JSON.stringify(body) }).then(
      async (r) => `answered ${r.status}: ${await r.text()}`,
      () => 'blocked',
    );
  const noCors = await fetch(`${gatehouse}/api/auth/login`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ type: 'refresh_token', clientId: 'spa-app' }) }).then(
    (r) => r.type,
    () => 'blocked',
  );
  return { refresh: await send('/api/auth/login', { type: 'refresh_token', clientId: 'spa-app' }), logout: await send('/api/auth/logout', {}), noCors };
}
