/**
 * The host's end of the binary event frames (shared/ipc/event-frames.ts): a page opens one
 * long-lived GET under `/__maskwork/event-stream/<id>` and every event for that page is written to it
 * as a frame, its large byte arrays after the JSON as they are. Used by the e2e harness (one stream
 * per page) and the dev host (every tab's stream gets every event), where it stands in for Electron's
 * IPC pushing events with their bytes; a reload replaces its page's stream. Events sent while no
 * stream is open go the host's fallback way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeWire, type Base64Codec } from '../../shared/ipc/wire-codec';
import { frameHeader } from '../../shared/ipc/event-frames';
import { DROP_MIN_BYTES } from './bytes-drop';

export const EVENT_STREAM_PATH = '/__maskwork/event-stream/';

export class EventStreams {
  private readonly open = new Map<string, ServerResponse>();

  constructor(private readonly b64: Base64Codec) {}

  /** Takes a stream request (GET only); true when the request was for this route. */
  route(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(EVENT_STREAM_PATH)) return false;
    const id = url.pathname.slice(EVENT_STREAM_PATH.length);
    if (req.method !== 'GET' || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      res.writeHead(400, { 'cache-control': 'no-store' }).end();
      return true;
    }
    this.open.get(id)?.end();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    this.open.set(id, res);
    req.on('close', () => {
      if (this.open.get(id) === res) this.open.delete(id);
    });
    return true;
  }

  /** Writes the event to the page's stream; false when that page has none open. */
  send(id: string, name: string, body: unknown): boolean {
    const res = this.open.get(id);
    if (!res || res.writableEnded || res.destroyed) return false;
    write(res, this.frame(name, body));
    return true;
  }

  /** Writes the event to every open stream (the dev host: every tab); false when none is open. */
  broadcast(name: string, body: unknown): boolean {
    const open = [...this.open.values()].filter((r) => !r.writableEnded && !r.destroyed);
    if (!open.length) return false;
    const frame = this.frame(name, body);
    for (const res of open) write(res, frame);
    return true;
  }

  /** The event's frame: header, JSON, then its arrays of DROP_MIN_BYTES and more as they are. */
  private frame(name: string, body: unknown): Uint8Array[] {
    const parts: Uint8Array[] = [];
    const payload = encodeWire(body, this.b64, (bytes) => {
      if (bytes.length < DROP_MIN_BYTES) return null;
      parts.push(bytes);
      return `#${parts.length - 1}`;
    });
    const json = Buffer.from(JSON.stringify({ name, payload }), 'utf8');
    return [frameHeader(json.byteLength, parts), json, ...parts];
  }

  close(): void {
    for (const res of this.open.values()) res.end();
    this.open.clear();
  }
}

function write(res: ServerResponse, frame: Uint8Array[]): void {
  res.cork();
  for (const piece of frame) res.write(piece);
  res.uncork();
}
