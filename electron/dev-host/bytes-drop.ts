/**
 * Large byte arrays (a candidate's patch, an opened photo's display bytes) left for the page to fetch
 * as binary over loopback HTTP, instead of riding as base64 inside JSON (a third larger, and encoded,
 * escaped and parsed on both sides). Used by the dev host and the e2e harness; Electron's IPC passes
 * bytes as they are and needs none of this. A ticket is an unguessable one-time path under
 * `/__maskwork/bytes/`, served once and forgotten, or forgotten after a minute if never fetched.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const BYTES_PATH = '/__maskwork/bytes/';
/** Smaller arrays go inline: a fetch costs more than their base64. */
export const DROP_MIN_BYTES = 32 * 1024;
const TTL_MS = 60_000;

export class BytesDrop {
  private readonly held = new Map<string, { bytes: Uint8Array; timer: ReturnType<typeof setTimeout> }>();

  /** A ticket path for `bytes` (null when they are small enough to send inline). */
  readonly drop = (bytes: Uint8Array): string | null => {
    if (bytes.length < DROP_MIN_BYTES) return null;
    const id = randomBytes(18).toString('base64url');
    const timer = setTimeout(() => this.held.delete(id), TTL_MS);
    timer.unref?.();
    this.held.set(id, { bytes, timer });
    return `.${BYTES_PATH}${id}`;
  };

  /** Serves a ticket once (GET only); true when the request was for this route. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(BYTES_PATH)) return false;
    const id = url.pathname.slice(BYTES_PATH.length);
    const entry = req.method === 'GET' ? this.held.get(id) : undefined;
    if (!entry) {
      res.writeHead(404, { 'cache-control': 'no-store' }).end();
      return true;
    }
    this.held.delete(id);
    clearTimeout(entry.timer);
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(entry.bytes.length),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(entry.bytes);
    return true;
  }

  /** Tickets not fetched yet (tests). */
  get size(): number {
    return this.held.size;
  }

  clear(): void {
    for (const e of this.held.values()) clearTimeout(e.timer);
    this.held.clear();
  }
}
