/**
 * Browser-side bridge for the hosts that are not Electron: it installs `window.maskwork` built by the
 * same `buildBridge` as the preload, over either a Playwright binding (e2e harness) or loopback HTTP
 * with a per-run token (dev host). Bundled as an IIFE; runs before the renderer.
 */
import { buildBridge } from '../../shared/ipc/bridge';
import {
  decodeWire as decodeWireSync,
  decodeWireFetching,
  encodeWire as encodePortable,
  portableBase64,
  type Base64Codec,
} from '../../shared/ipc/wire-codec';
import type { EventName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/errors';
import { FrameReader } from '../../shared/ipc/event-frames';

declare const window: Window & {
  maskwork?: unknown;
  /** The e2e harness's id for this page's binary event stream (see electron/dev-host/event-stream.ts). */
  __maskworkEventStream?: string;
  __maskworkInvoke?: (channel: string, payload: string) => Promise<string>;
  __maskworkDeliver?: (name: string, payload: string) => void;
  /** The e2e harness's stand-in for webUtils.getPathForFile: the path of a file its test dropped, or ''. */
  __maskworkPathOf?: (name: string, size: number) => Promise<string>;
};

/** The browser's native base64 (Uint8Array.fromBase64 / toBase64, Chromium 140+) when it has one. */
const native = Uint8Array as unknown as { fromBase64?(s: string): Uint8Array; prototype: { toBase64?(): string } };
const browserBase64: Base64Codec =
  typeof native.fromBase64 === 'function' && typeof native.prototype.toBase64 === 'function'
    ? { decode: (s) => native.fromBase64!(s), encode: (b) => (b as unknown as { toBase64(): string }).toBase64() }
    : portableBase64;
const encodeWire = (v: unknown) => encodePortable(v, browserBase64);
/** Large bytes come as one-time same-origin tickets (see electron/dev-host/bytes-drop.ts): fetched as binary. */
async function fetchBytes(ref: string): Promise<Uint8Array> {
  if (!ref.startsWith('./__maskwork/bytes/')) throw new Error('bad bytes ticket');
  const res = await fetch(ref, { cache: 'no-store' });
  if (!res.ok) throw new Error(`bytes ticket ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
const decodeWire = (v: unknown) => decodeWireFetching(v, browserBase64, fetchBytes);
const decodeWireWithParts = (v: unknown, part: (ref: string) => Uint8Array) => decodeWireSync(v, browserBase64, part);
/** Events are delivered in the order they were sent, even when one waits for its bytes. */
let eventChain: Promise<void> = Promise.resolve();
function deliverInOrder(name: string, payload: unknown): void {
  const decoded = decodeWire(payload);
  eventChain = eventChain.then(async () => deliver(name, await decoded)).catch(() => {});
}

/** Events as binary frames on one long-lived response, each with its bytes as they are. */
async function readEventStream(id: string, token?: string): Promise<void> {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const res = await fetch(`./__maskwork/event-stream/${encodeURIComponent(id)}${query}`, { cache: 'no-store' });
  if (!res.ok || !res.body) return;
  const reader = res.body.getReader();
  const frames = new FrameReader();
  const utf8 = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (const f of frames.push(value)) {
      const { name, payload } = JSON.parse(utf8.decode(f.json)) as { name: string; payload: unknown };
      const part = (ref: string) => {
        const p = /^#(\d+)$/.exec(ref);
        const bytes = p ? f.parts[Number(p[1])] : undefined;
        if (!bytes) throw new Error('bad event part');
        return bytes;
      };
      const decoded = Promise.resolve().then(() => decodeWireWithParts(payload, part));
      eventChain = eventChain.then(async () => deliver(name, await decoded)).catch(() => {});
    }
  }
}

const listeners = new Map<EventName, Set<(p: unknown) => void>>();
function deliver(name: string, payload: unknown): void {
  for (const l of listeners.get(name as EventName) ?? []) l(payload);
}

let invoke: (channel: string, request: unknown) => Promise<Result<unknown>>;
if (typeof window.__maskworkInvoke === 'function') {
  const binding = window.__maskworkInvoke;
  invoke = async (channel, request) =>
    (await decodeWire(JSON.parse(await binding(channel, JSON.stringify(encodeWire(request)))))) as Result<unknown>;
  Object.defineProperty(window, '__maskworkDeliver', {
    value: (name: string, payload: string) => deliverInOrder(name, JSON.parse(payload)),
  });
  if (typeof window.__maskworkEventStream === 'string') void readEventStream(window.__maskworkEventStream);
} else {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  const token = m ? m[1] : (sessionStorage.getItem('maskwork-dev-token') ?? '');
  if (m) {
    sessionStorage.setItem('maskwork-dev-token', token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  invoke = async (channel, request) => {
    const res = await fetch(`./__maskwork/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-maskwork-token': token },
      body: JSON.stringify(encodeWire(request)),
    });
    if (!res.ok) return { ok: false, error: { kind: 'validation', message: `Dev host refused the call (${res.status}).` } };
    return (await decodeWire(await res.json())) as Result<unknown>;
  };
  const tab = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  void readEventStream(tab, token);
}

// A dropped file's path: in the app the preload asks Electron (webUtils); a page cannot. The e2e
// harness stands in for it with the files its test dropped (`__maskworkPathOf`, by name and size);
// the dev host has none, and opens a drop as a copy.
const pathOf =
  typeof window.__maskworkPathOf === 'function'
    ? (file: unknown) => (file instanceof File ? window.__maskworkPathOf!(file.name, file.size) : '')
    : undefined;

const api = buildBridge(
  invoke as never,
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
  pathOf,
);
Object.defineProperty(window, 'maskwork', { value: api, writable: false, configurable: false });
