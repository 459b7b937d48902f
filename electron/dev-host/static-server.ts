/**
 * A loopback-only HTTP server for the built renderer (used by `npm run dev` and the e2e harness).
 * Serves `out/renderer` with the same CSP as the app, optionally injects the browser bridge script,
 * and optionally mounts the RPC endpoints of the dev host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../main/window-csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticServerOptions {
  root: string;
  /** JavaScript injected as the first script of index.html (the dev bridge), or none. */
  bridgeScript?: string;
  /** Extra routes (RPC); return true when handled. */
  route?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  port?: number;
  /** When `port` is taken, listen on any free one instead of failing. */
  anyPortIfTaken?: boolean;
}

export async function startStaticServer(o: StaticServerOptions): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (o.route && (await o.route(req, res))) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__maskwork/bridge.js' && o.bridgeScript) {
      res.writeHead(200, { 'content-type': MIME['.js'], 'cache-control': 'no-store' });
      res.end(o.bridgeScript);
      return;
    }
    let rel: string;
    try {
      rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    } catch {
      res.writeHead(400).end('malformed path'); // a % escape that is not valid UTF-8
      return;
    }
    const file = normalize(join(o.root, rel));
    if (!file.startsWith(normalize(o.root) + sep) && file !== normalize(o.root)) {
      res.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    if (rel === 'index.html' && o.bridgeScript) {
      body = Buffer.from(body.toString('utf8').replace('<head>', '<head><script src="./__maskwork/bridge.js"></script>'));
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  }
  await listen(server, o.port ?? 0).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EADDRINUSE' || !o.anyPortIfTaken) throw e;
    return listen(server, 0);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server, close: () => new Promise((r) => server.close(() => r())) };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (e: Error) => reject(e);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
}
