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
 * answer as it came: the SDK then parses it the usual way. An event stream (a streamed edit: partial
 * images, then the final one) is done event by event as its bytes arrive — each whole event's images
 * replaced before the SDK reads it, so the SDK never splits and parses a 3 MB line after the last byte.
 * Anything else — errors, other answers — passes through untouched.
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
    if (end === start) {
      // An empty value (no image) stays empty: the caller reports the missing image, not an undecodable one.
      at = body.indexOf(KEY, end + 1);
      continue;
    }
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

function isEventStream(res: Response): boolean {
  return /^text\/event-stream\b/i.test(res.headers.get('content-type') ?? '');
}

/** `body` with its images replaced by tokens (kept for `imageBytes`), or as it is. */
function inlined(body: Buffer): Buffer {
  const r = inlineBase64Images(body);
  if (!r) return body;
  for (const [token, bytes] of r.images) {
    waiting.set(token, bytes);
    if (waiting.size > MAX_WAITING) waiting.delete(waiting.keys().next().value!);
  }
  return r.body;
}

/** The ways a server-sent event can end (a blank line after any of the three line endings). */
const EVENT_ENDS = ['\n\n', '\r\r', '\r\n\r\n', '\n\r\n', '\r\n\n'].map((e) => Buffer.from(e, 'latin1'));

/** Where the first event in `b` ends (just after its blank line), or -1. */
function eventEnd(b: Buffer): number {
  let best = -1;
  for (const e of EVENT_ENDS) {
    const i = b.indexOf(e);
    if (i >= 0 && (best < 0 || i + e.length < best)) best = i + e.length;
  }
  return best;
}

/**
 * Splits an event stream's bytes into whole events as they arrive (`null`: the stream ended — the
 * rest, if any). Each chunk is searched once (with the 3 bytes before it, for an end split between
 * chunks), so a 3 MB event costs one pass, not one per chunk. The events joined are the bytes given.
 */
export function eventSplitter(): (chunk: Buffer | null) => Buffer[] {
  let parts: Buffer[] = [];
  let length = 0;
  return (chunk) => {
    if (chunk === null) {
      const rest = length ? Buffer.concat(parts, length) : null;
      parts = [];
      length = 0;
      return rest ? [rest] : [];
    }
    const out: Buffer[] = [];
    // The last 3 bytes so far, from the last parts alone (never a copy of the whole pending event).
    const ends: Buffer[] = [];
    for (let i = parts.length - 1, need = 3; i >= 0 && need > 0; i--) {
      const part = parts[i].subarray(Math.max(0, parts[i].length - need));
      ends.unshift(part);
      need -= part.length;
    }
    const tail = ends.length === 1 ? ends[0] : Buffer.concat(ends);
    let hay = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    let hayAt = length - tail.length; // where `hay` starts in the pending bytes
    parts.push(chunk);
    length += chunk.length;
    for (let end = eventEnd(hay); end >= 0; end = eventEnd(hay)) {
      const all = Buffer.concat(parts, length);
      out.push(all.subarray(0, hayAt + end));
      const rest = all.subarray(hayAt + end);
      parts = rest.length ? [rest] : [];
      length = rest.length;
      hay = rest;
      hayAt = 0;
    }
    return out;
  };
}

/** Wraps a fetch (the guarded one: limits apply while the body is read) for the OpenAI SDK. */
export function inlineImages(base: FetchFn): FetchFn {
  return async (input, init) => {
    const res = await base(input, init);
    if (!res.ok || !res.body) return res;
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    const init2 = { status: res.status, statusText: res.statusText, headers };
    if (isEventStream(res)) {
      const split = eventSplitter();
      const events = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          for (const e of split(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) out.enqueue(view(inlined(e)));
        },
        flush(out) {
          for (const e of split(null)) out.enqueue(view(inlined(e)));
        },
      });
      return new Response(res.body.pipeThrough(events), init2);
    }
    if (!isJson(res)) return res;
    return new Response(view(inlined(Buffer.from(await res.arrayBuffer()))), init2);
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
