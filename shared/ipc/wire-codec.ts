/**
 * JSON-safe encoding of structured-clone data for the non-Electron transports (dev host over HTTP,
 * e2e harness over a Playwright binding). Electron IPC passes Uint8Array natively and does not use this.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) LOOKUP[B64.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let out = '';
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    }
    if (i < end) {
      const rem = end - i;
      const n = (bytes[i] << 16) | (rem === 2 ? bytes[i + 1] << 8 : 0);
      out += `${B64[n >> 18]}${B64[(n >> 12) & 63]}${rem === 2 ? B64[(n >> 6) & 63] : '='}=`;
    }
    parts.push(out);
  }
  return parts.join('');
}

export function base64ToBytes(b64: string): Uint8Array {
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, '');
  const len = Math.floor((clean.length * 3) / 4);
  const out = new Uint8Array(len);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = LOOKUP[clean.charCodeAt(i)];
    const b = LOOKUP[clean.charCodeAt(i + 1)];
    const c = i + 2 < clean.length ? LOOKUP[clean.charCodeAt(i + 2)] : 0;
    const d = i + 3 < clean.length ? LOOKUP[clean.charCodeAt(i + 3)] : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < len) out[o++] = n >> 16;
    if (o < len) out[o++] = (n >> 8) & 255;
    if (o < len) out[o++] = n & 255;
  }
  return out;
}

const TAG = '__bytes_b64';
const REF = '__bytes_ref';

/**
 * Where large byte arrays can be left for the page to fetch as binary over loopback HTTP instead of
 * riding inside the JSON as base64: returns the same-origin path of a one-time, unguessable ticket,
 * or null to send the bytes inline. Only the host → page direction uses it (results and events).
 */
export type BytesDrop = (bytes: Uint8Array) => string | null;

/**
 * Base64 both ways. The portable one is plain TypeScript; each transport passes its platform's native
 * one (Node's Buffer, the browser's Uint8Array.fromBase64), which is ~100× faster on a 24 MP photo.
 */
export interface Base64Codec {
  encode(bytes: Uint8Array): string;
  decode(b64: string): Uint8Array;
}
export const portableBase64: Base64Codec = { encode: bytesToBase64, decode: base64ToBytes };

/** Replaces every Uint8Array in a value with a tagged base64 string object (or a ticket from `drop`). */
export function encodeWire(value: unknown, b64: Base64Codec = portableBase64, drop?: BytesDrop): unknown {
  if (value instanceof Uint8Array) {
    const ref = drop?.(value);
    return ref ? { [REF]: ref } : { [TAG]: b64.encode(value) };
  }
  if (Array.isArray(value)) return value.map((v) => encodeWire(v, b64, drop));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeWire(v, b64, drop);
    return out;
  }
  return value;
}

/** Inverse of {@link encodeWire} with tickets: fetches every ticket (all at once), then decodes. */
export async function decodeWireFetching(
  value: unknown,
  b64: Base64Codec,
  fetchBytes: (ref: string) => Promise<Uint8Array>,
): Promise<unknown> {
  const refs: string[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      const rec = v as Record<string, unknown>;
      if (isRef(rec)) refs.push(rec[REF] as string);
      else Object.values(rec).forEach(collect);
    }
  };
  collect(value);
  if (!refs.length) return decodeWire(value, b64);
  const fetched = new Map(await Promise.all(refs.map(async (r) => [r, await fetchBytes(r)] as const)));
  return decodeWire(value, b64, (ref) => fetched.get(ref)!);
}

function isRef(rec: Record<string, unknown>): boolean {
  const keys = Object.keys(rec);
  return keys.length === 1 && keys[0] === REF && typeof rec[REF] === 'string';
}

/** Inverse of {@link encodeWire} (tickets resolved by `resolved`, else refused). */
export function decodeWire(value: unknown, b64: Base64Codec = portableBase64, resolved?: (ref: string) => Uint8Array): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeWire(v, b64, resolved));
  if (value && typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    const keys = Object.keys(rec);
    if (keys.length === 1 && keys[0] === TAG && typeof rec[TAG] === 'string') return b64.decode(rec[TAG] as string);
    if (isRef(rec)) {
      if (!resolved) throw new Error('bytes ticket where none is allowed');
      return resolved(rec[REF] as string);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) out[k] = decodeWire(v, b64, resolved);
    return out;
  }
  return value;
}
