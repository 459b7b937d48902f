// Shared HTTP plumbing for the local provider servers: listening on loopback,
// bounded body reading, JSON/SSE replies, abort-aware waits, and a handler
// wrapper that turns any thrown error into a 500 instead of crashing the
// test process.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

export interface Listening {
  server: http.Server;
  port: number;
  /** Resolves timers still waiting and destroys every open socket. */
  close(): Promise<void>;
  /** Abort-aware sleep: resolves true after `ms`, false if the client went away or the server closed. */
  wait(res: http.ServerResponse, ms: number): Promise<boolean>;
}

/** Thrown by readBody when the request body exceeds the limit. */
export class BodyTooLarge extends Error {}

export async function listen(handler: Handler, onCrash: (res: http.ServerResponse, err: unknown) => void): Promise<Listening> {
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  let closed = false;
  const server = http.createServer((req, res) => {
    handler(req, res).catch((err) => {
      try {
        if (!res.headersSent && !res.destroyed) onCrash(res, err);
        else res.destroy();
      } catch {
        res.destroy();
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // Malformed HTTP (bad request line, header overflow…) must never throw.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const wait = (res: http.ServerResponse, ms: number) =>
    new Promise<boolean>((resolve) => {
      if (closed || clientGone(res)) return resolve(false);
      let done = false;
      const finish = (v: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        res.off('close', onClose);
        waiters.delete(onServerClose);
        resolve(v);
      };
      const onClose = () => finish(false);
      const onServerClose = () => finish(false);
      const timer = setTimeout(() => finish(true), Math.max(0, ms));
      res.on('close', onClose);
      waiters.add(onServerClose);
    });

  const close = async () => {
    if (closed) return;
    closed = true;
    for (const w of [...waiters]) w();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
      for (const s of sockets) s.destroy();
    });
  };
  return { server, port, close, wait };
}

/** True once the client aborted (socket closed before our reply finished). */
export function clientGone(res: http.ServerResponse): boolean {
  return res.destroyed || (res.socket?.destroyed ?? false) || (res.writableEnded === false && res.closed);
}

export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new BodyTooLarge(`request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) {
        failed = true;
        reject(e);
      }
    });
    req.on('aborted', () => {
      if (!failed) {
        failed = true;
        reject(new Error('client aborted'));
      }
    });
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (clientGone(res)) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function startSse(res: http.ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
}

/** Writes one frame; resolves false if the client has gone. Honours back-pressure. */
export function writeFrame(res: http.ServerResponse, frame: string): Promise<boolean> {
  if (clientGone(res)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const ok = res.write(frame);
    if (ok) return resolve(true);
    const onDrain = () => {
      res.off('close', onClose);
      resolve(true);
    };
    const onClose = () => {
      res.off('drain', onDrain);
      resolve(false);
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

/** Headers copied for recording, with credential values replaced. */
export function redactHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    const secret = k === 'authorization' || k === 'x-goog-api-key' || k === 'api-key' || k === 'x-api-key';
    out[k] = secret ? '[redacted]' : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
