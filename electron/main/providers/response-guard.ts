/**
 * A `fetch` for the provider SDKs (OpenAI `fetch`, @google/genai `httpOptions.fetch`) that bounds
 * what a service can make main hold: a successful body larger than `maxBytes` fails with
 * {@link ResponseTooLarge} as soon as the limit is crossed (the connection is dropped, nothing is
 * decoded); an error body is cut at 64 KB (its status still tells what happened). It also makes a
 * long Retry-After visible to the retry logic: the OpenAI SDK is told not to retry (`x-should-retry:
 * false`) when the server asks for more than `maxServerDelayMs`, and a Gemini error body gets the
 * header's delay as RetryInfo (the SDK's ApiError exposes no headers).
 */
import { retryAfterMsFromHeaders } from './error-mapping';
import { noticeWait } from './wait-notice';

/** A byte limit as people read it: MB from 1 MB up, else kB. */
export function byteSize(bytes: number): string {
  return bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** A response body crossed the byte limit; nothing of it is kept. */
export class ResponseTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`The response is larger than ${byteSize(limitBytes)}.`);
    this.name = 'ResponseTooLarge';
  }
}

/** Longest error body kept (its message is all we use). */
const ERROR_BODY_BYTES = 64 * 1024;

export interface GuardOptions {
  maxBytes: number;
  /** How the retry-after hint is passed on. */
  flavour: 'openai' | 'gemini';
  /** Server delays above this end retrying at once (default 60 s). */
  maxServerDelayMs?: number;
  /** The OpenAI SDK's retries (its `maxRetries`): after the last attempt no wait is announced. */
  maxRetries?: number;
}

type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function guardedFetch(o: GuardOptions, base: FetchFn = globalThis.fetch): FetchFn {
  const maxServer = o.maxServerDelayMs ?? 60_000;
  return async (input, init) => {
    const res = await base(input, init);
    const headers = new Headers(res.headers);
    if (!res.ok) {
      const text = await readCapped(res, ERROR_BODY_BYTES);
      const delay = retryAfterMsFromHeaders(res.headers);
      let body = text;
      const retryable = !(delay !== undefined && delay > maxServer);
      if (!retryable && o.flavour === 'openai') headers.set('x-should-retry', 'false');
      // The OpenAI SDK will wait and try again (its attempt number is in a header): whoever shows the
      // call's progress is told why (wait-notice.ts). Gemini's retries are Maskwork's own (retry.ts).
      const attempt = Number(new Headers(init?.headers).get('x-stainless-retry-count') ?? Number.NaN);
      const willRetry = o.flavour === 'openai' && retryable && Number.isFinite(attempt) && attempt < (o.maxRetries ?? 0);
      if (willRetry && (res.status === 429 || res.status >= 500))
        noticeWait({ reason: res.status === 429 ? 'rate-limit' : 'server', ...(delay !== undefined ? { afterMs: delay } : {}) });
      if (delay !== undefined && o.flavour === 'gemini') body = withRetryInfo(text, delay);
      headers.delete('content-length');
      headers.delete('content-encoding');
      return new Response(body, { status: res.status, statusText: res.statusText, headers });
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      await res.body?.cancel().catch(() => {});
      return new Response(erroring(new ResponseTooLarge(o.maxBytes)), { status: res.status, headers });
    }
    if (!res.body) return res;
    // A pull-through stream (not pipeThrough): cancelling it cancels the socket read at once.
    const reader = res.body.getReader();
    let seen = 0;
    const counted = new ReadableStream<Uint8Array>({
      async pull(ctl) {
        const { done, value } = await reader.read();
        if (done) return ctl.close();
        seen += value.byteLength;
        if (seen > o.maxBytes) {
          ctl.error(new ResponseTooLarge(o.maxBytes));
          reader.cancel().catch(() => {});
          return;
        }
        ctl.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    headers.delete('content-encoding');
    return new Response(counted, { status: res.status, statusText: res.statusText, headers });
  };
}

function erroring(e: Error): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (ctl) => ctl.error(e) });
}

/** The body as text, at most `limit` bytes (the rest is dropped with the connection). */
async function readCapped(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value.subarray(0, limit - total));
      total += Math.min(value.byteLength, limit - total);
    }
  } catch {
    // A body cut mid-way: keep what arrived.
  } finally {
    reader.cancel().catch(() => {});
  }
  return Buffer.concat(parts).toString('utf8');
}

/** A Google error body with a RetryInfo detail carrying `delayMs`, unless it has one already. */
function withRetryInfo(text: string, delayMs: number): string {
  try {
    const parsed = JSON.parse(text) as { error?: { details?: Array<Record<string, unknown>> } };
    if (!parsed?.error || typeof parsed.error !== 'object') return text;
    const details = Array.isArray(parsed.error.details) ? parsed.error.details : [];
    if (details.some((d) => typeof d?.retryDelay === 'string')) return text;
    parsed.error.details = [
      ...details,
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${Math.ceil(delayMs / 1000)}s` },
    ];
    return JSON.stringify(parsed);
  } catch {
    return text;
  }
}
