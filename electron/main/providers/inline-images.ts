/**
 * An OpenAI image answer is JSON carrying each image as base64 (`"b64_json": "…"`): for a 3.6 MP
 * outpaint tile, 7 MB of it. Read the usual way that is a UTF-8 decode of the whole body into a 7 MB
 * string, JSON.parse copying the base64 out into another, and a base64 decode of that — 100–200 ms
 * of main's time on these machines, most of an outpaint tile's own time after its answer (issue 16).
 *
 * `inlineImages(fetch)` reads a successful JSON answer's bytes itself, decodes each `b64_json` value
 * straight from them and hands the SDK the same JSON with each value replaced by a short token;
 * `imageBytes(value)` turns a token back into its bytes (or decodes a value that is still base64).
 * A value it cannot take as plain base64 (an escape in it, an unterminated string) leaves the whole
 * answer as it came: the SDK then parses it the usual way. Anything but a successful JSON answer —
 * errors, event streams — passes through untouched.
 */

const TOKEN_PREFIX = 'maskwork-inline:';
/** Decoded images waiting for the SDK's caller to take them (oldest dropped beyond this). */
const MAX_WAITING = 32;
const waiting = new Map<string, Uint8Array>();
let counter = 0;

type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const KEY = Buffer.from('"b64_json"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** The answer with its base64 images replaced by tokens, or null to leave it as it is. */
export function inlineBase64Images(body: Buffer): { body: Buffer; images: Map<string, Uint8Array> } | null {
  const parts: Buffer[] = [];
  const images = new Map<string, Uint8Array>();
  let from = 0;
  let at = body.indexOf(KEY, 0);
  while (at >= 0) {
    let i = at + KEY.length;
    while (i < body.length && isSpace(body[i])) i++;
    if (body[i] !== 0x3a) return null; // ':'
    i++;
    while (i < body.length && isSpace(body[i])) i++;
    if (body[i] !== QUOTE) {
      // Not a string (null): left as it is.
      at = body.indexOf(KEY, i);
      continue;
    }
    const start = i + 1;
    const end = body.indexOf(QUOTE, start);
    if (end < 0) return null;
    if (body.subarray(start, end).includes(BACKSLASH)) return null;
    const token = `${TOKEN_PREFIX}${++counter}`;
    const bytes = Buffer.from(body.toString('latin1', start, end), 'base64');
    images.set(token, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    parts.push(body.subarray(from, start), Buffer.from(token, 'latin1'));
    from = end;
    at = body.indexOf(KEY, end + 1);
  }
  if (!images.size) return null;
  parts.push(body.subarray(from));
  return { body: Buffer.concat(parts), images };
}

const view = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

function isJson(res: Response): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(res.headers.get('content-type') ?? '');
}

/** Wraps a fetch (the guarded one: limits apply while the body is read) for the OpenAI SDK. */
export function inlineImages(base: FetchFn): FetchFn {
  return async (input, init) => {
    const res = await base(input, init);
    if (!res.ok || !res.body || !isJson(res)) return res;
    const body = Buffer.from(await res.arrayBuffer());
    const inlined = inlineBase64Images(body);
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    if (!inlined) return new Response(view(body), { status: res.status, statusText: res.statusText, headers });
    for (const [token, bytes] of inlined.images) {
      waiting.set(token, bytes);
      if (waiting.size > MAX_WAITING) waiting.delete(waiting.keys().next().value!);
    }
    return new Response(view(inlined.body), { status: res.status, statusText: res.statusText, headers });
  };
}

/** The image bytes of a `b64_json` value: a token's (taken once), else the value decoded as base64. */
export function imageBytes(value: string): Uint8Array {
  if (!value.startsWith(TOKEN_PREFIX)) {
    const b = Buffer.from(value, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  const bytes = waiting.get(value);
  if (!bytes) throw new Error('The image of this answer is no longer available.');
  waiting.delete(value);
  return bytes;
}
