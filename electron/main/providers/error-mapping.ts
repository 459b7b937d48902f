/**
 * Maps whatever an SDK call threw to a typed AppError with a message written for a retoucher.
 * Messages never contain the API key (they go through redactSecrets, and the service's own 401
 * text, which echoes part of the key, is never copied). SDK errors are not attached as `cause`
 * because they carry raw response text that bypasses redaction.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ApiError as GeminiApiError } from '@google/genai';
import { AppError } from '../../../shared/errors';
import { inWords } from './model-words';
import { byteSize, ResponseTooLarge } from './response-guard';
import { providerError } from './provider-error';
import { badPortError, isBadPort } from './bad-port';

/** Extra facts the caller knows that the error object may not carry. */
export interface ErrorMappingContext {
  /** The caller's signal: once it is aborted every failure is reported as `cancelled`. */
  signal?: AbortSignal;
  /** Service name used in messages: 'OpenAI', 'Gemini' (defaults) or e.g. 'the gateway'. */
  service?: string;
  /** Where the user fixes a rejected key. Default 'Settings → Keys'. */
  keyHint?: string;
  /** A Retry-After delay read from response headers the SDK error does not expose (Gemini). */
  retryAfterMs?: number;
  /** Request id known from elsewhere (response headers). */
  requestId?: string;
  /** A gateway's base URL: a 404 for the path (not for a model) means this URL is wrong, and is said so. */
  baseURL?: string;
  /** The address the SDK was pointed at (a gateway's base URL, OPENAI_BASE_URL), named when it cannot be used at all. */
  serviceURL?: string;
}

export { providerError } from './provider-error';
export { inWords } from './model-words';
export { parseGeminiErrorBody, retryDelayFromBody } from './gemini-error-body';
import { parseGeminiErrorBody, retryDelayFromBody } from './gemini-error-body';

/** "12 s", or "3 min" from a minute on. */
export function waitText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s >= 60 ? `${Math.ceil(s / 60)} min` : `${s} s`;
}

/** The answer crossed the byte limit (response-guard.ts), wherever in the cause chain. */
function tooLargeError(e: unknown, model: string, service: string, requestId?: string): AppError | undefined {
  const hit = chain(e).find((x) => x instanceof ResponseTooLarge) as ResponseTooLarge | undefined;
  if (!hit) return undefined;
  return providerError({
    kind: 'too-large',
    message: `${cap(service)} sent an answer larger than ${byteSize(hit.limitBytes)} for ${model}; it was refused and nothing was kept.`,
    model,
    requestId,
  });
}

/** The whole call ran past its deadline (all attempts and waits included). */
export function deadlineError(model: string, service: string, deadlineMs: number): AppError {
  return providerError({
    kind: 'timeout',
    message: `${cap(service)} did not finish ${model} within ${waitText(deadlineMs)}. ${fasterHint(service)}`,
    model,
  });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The error and its `cause` chain (bounded). */
function chain(e: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    out.push(cur);
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

const codeOf = (x: unknown): string | undefined => {
  const c = (x as { code?: unknown })?.code;
  return typeof c === 'string' ? c : undefined;
};
const nameOf = (x: unknown): string | undefined => (x as { name?: unknown })?.name as string | undefined;
/** What makes the next try quicker: the Gemini models have sizes (1K, 2K, 4K) but no quality setting. */
const fasterHint = (service: string) =>
  service === 'Gemini' ? 'Try again, or choose a smaller image size.' : 'Try again, or use a smaller size or lower quality.';

/** "OpenAI" → "OpenAI"; "the gateway" → "The gateway" (sentence start). */
const cap = (service: string) => service.charAt(0).toUpperCase() + service.slice(1);
/**
 * Codes of a connection that never reached the service (no address, refused, unreachable, a TLS
 * certificate refused before the request was written): nothing was sent, so nothing is charged.
 * A reset or a closed socket may come after the request was received, and stays charged.
 */
const NEVER_REACHED_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** "OpenAI" → "The OpenAI key"; "the gateway" → "The gateway key". */
const theKey = (service: string, noun = 'key') => `The ${service.replace(/^the\s+/i, '')} ${noun}`;
const messageOf = (x: unknown): string => (x instanceof Error ? x.message : typeof x === 'string' ? x : String(x));

/** Classifies transport-level failures (no HTTP status): abort, timeout, network, or undefined. */
export function transportKind(e: unknown, signal?: AbortSignal): 'cancelled' | 'timeout' | 'network' | undefined {
  if (signal?.aborted) return 'cancelled';
  const links = chain(e);
  if (links.some((x) => x instanceof APIUserAbortError)) return 'cancelled';
  if (links.some((x) => x instanceof APIConnectionTimeoutError || nameOf(x) === 'TimeoutError' || TIMEOUT_CODES.has(codeOf(x) ?? '')))
    return 'timeout';
  // An AbortError without the caller's signal aborted comes from the SDK's own per-attempt timer.
  if (links.some((x) => nameOf(x) === 'AbortError')) return 'timeout';
  if (links.some((x) => x instanceof APIConnectionError || NETWORK_CODES.has(codeOf(x) ?? ''))) return 'network';
  if (links.some((x) => nameOf(x) === 'TypeError' && /fetch failed|network|socket/i.test(messageOf(x)))) return 'network';
  return undefined;
}

/** The most specific transport detail, e.g. "connect ECONNREFUSED 127.0.0.1:4000". */
function transportDetail(e: unknown): string {
  const links = chain(e);
  const last = links[links.length - 1];
  const text = messageOf(last);
  return text && text !== 'fetch failed' ? ` (${text})` : '';
}

function transportError(
  kind: 'cancelled' | 'timeout' | 'network',
  e: unknown,
  model: string,
  service: string,
  requestId?: string,
): AppError {
  if (kind === 'cancelled') return providerError({ kind, message: `The request to ${model} was cancelled.`, model, requestId });
  if (kind === 'timeout') {
    return providerError({
      kind,
      message: `${cap(service)} did not answer in time while running ${model}. ${fasterHint(service)}`,
      model,
      requestId,
    });
  }
  const neverReached = chain(e).some((x) => NEVER_REACHED_CODES.has(codeOf(x) ?? ''));
  return providerError({
    kind,
    // Whether it is charged comes last, as the renderer says it of every failure (renderer/model/charge-words.ts).
    message: `Could not reach ${service}${transportDetail(e)}. Check the network connection and the service address.${neverReached ? ' Nothing was sent, so nothing is charged.' : ''}`,
    model,
    requestId,
    // The spend ledger takes the request's estimate back out (send-counted.ts).
    ...(neverReached ? { notCharged: true } : {}),
  });
}

/** Seconds from Retry-After style values: "12", "1.5", an HTTP date; ms from retry-after-ms. */
export function retryAfterMsFromHeaders(h: Headers | undefined | null): number | undefined {
  if (!h) return undefined;
  const ms = Number.parseFloat(h.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = h.get('retry-after');
  if (!raw) return undefined;
  const secs = Number.parseFloat(raw);
  if (/^\s*\d+(\.\d+)?\s*$/.test(raw) && Number.isFinite(secs)) return secs * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

const toSeconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.max(0, Math.ceil(ms / 1000)));

function rateLimitError(service: string, model: string, retryAfterMs: number | undefined, detail: string, requestId?: string): AppError {
  const retryAfterSeconds = toSeconds(retryAfterMs);
  const when = retryAfterMs !== undefined ? `try again in ${waitText(retryAfterMs)}` : 'wait a moment and try again';
  return providerError({
    kind: 'rate-limit',
    message: `${cap(service)} is limiting requests to ${model}; ${when}.${detail}`,
    model,
    requestId,
    retryAfterSeconds,
  });
}

function moderationError(model: string, reason: string, requestId?: string): AppError {
  return providerError({
    kind: 'moderation',
    message: `${model} refused this request (${reason}). Try rephrasing, or try another model.`,
    model,
    requestId,
  });
}

function serverError(service: string, model: string, detail: string, requestId?: string, retryAfterMs?: number): AppError {
  const when = retryAfterMs !== undefined && retryAfterMs >= 60_000 ? `try again in ${waitText(retryAfterMs)}` : 'Try again in a moment';
  return providerError({
    kind: 'server',
    message: `${cap(service)} had a problem running ${model}${detail}. ${when}.`,
    model,
    requestId,
    retryAfterSeconds: retryAfterMs !== undefined ? toSeconds(retryAfterMs) : undefined,
  });
}

// ---------------------------------------------------------------------------------------------
// OpenAI (also OpenAI-compatible gateways)

/** Maps an error thrown by the `openai` SDK (or while reading its response) to an AppError. */
export function mapOpenAIError(e: unknown, model: string, ctx: ErrorMappingContext = {}): AppError {
  return inWords(mapOpenAIErrorAsSent(e, model, ctx), model);
}

function mapOpenAIErrorAsSent(e: unknown, model: string, ctx: ErrorMappingContext): AppError {
  if (e instanceof AppError) return e;
  const service = ctx.service ?? 'OpenAI';
  const api = e instanceof APIError ? e : undefined;
  const requestId = api?.requestID ?? api?.headers?.get('x-request-id') ?? ctx.requestId ?? undefined;
  const tooLarge = tooLargeError(e, model, service, requestId);
  if (tooLarge && !ctx.signal?.aborted) return tooLarge;
  const transport = transportKind(e, ctx.signal);
  if (transport === 'network' && isBadPort(e))
    return badPortError({ model, service, serviceURL: ctx.serviceURL, keyHint: ctx.keyHint, requestId });
  if (transport) return transportError(transport, e, model, service, requestId);
  if (!api) {
    if (e instanceof SyntaxError) return serverError(service, model, ' (the response could not be read)', requestId);
    return providerError({ kind: 'internal', message: `Unexpected failure while calling ${model}: ${messageOf(e)}`, model, requestId });
  }
  const body = (api.error ?? {}) as { message?: string; code?: string; param?: string; moderation_details?: { categories?: string[] } };
  const code = api.code ?? body.code ?? undefined;
  const param = api.param ?? body.param ?? undefined;
  const serviceMsg = typeof body.message === 'string' ? body.message : api.message;
  const status = api.status;

  if (code === 'moderation_blocked' || /safety system/i.test(serviceMsg)) {
    const cats =
      body.moderation_details?.categories ??
      /safety_violations=\[([^\]]*)\]/
        .exec(serviceMsg)?.[1]
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) ??
      [];
    return moderationError(model, cats.length ? `safety system: ${cats.join(', ')}` : 'safety system', requestId);
  }
  if (status === 401) {
    return providerError({
      kind: 'auth',
      message: `${theKey(service)} was rejected; check it in ${ctx.keyHint ?? 'Settings → Keys'}.`,
      model,
      requestId,
    });
  }
  if (status === 403) {
    return providerError({
      kind: 'auth',
      message: `${theKey(service)} is not allowed to use ${model} (${serviceMsg}). Check the key and the account's access in ${ctx.keyHint ?? 'Settings → Keys'}.`,
      model,
      requestId,
    });
  }
  if (status === 429) {
    if (code === 'insufficient_quota') {
      return providerError({
        kind: 'rate-limit',
        message: `${theKey(service, 'account')} has no quota left for ${model}. Add credit or use another key.`,
        model,
        requestId,
      });
    }
    let ms = retryAfterMsFromHeaders(api.headers);
    const hint = /try again in (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(serviceMsg);
    if (ms === undefined && hint) ms = Number(hint[1]) * (hint[2].toLowerCase() === 'ms' ? 1 : 1000);
    return rateLimitError(service, model, ms, '', requestId);
  }
  if (status === 404 && ctx.baseURL && code !== 'model_not_found' && !/\bmodel\b/i.test(serviceMsg)) {
    // The gateway has no image-edit endpoint under that URL (most often its /v1 left out): the fix is the
    // URL in Settings, not the request ("GPT Image 2 rejected the request — Invalid URL …" said nothing of it).
    return providerError({
      kind: 'invalid-request',
      message: `${cap(service)} at ${ctx.baseURL} has no image-edit endpoint (HTTP 404: ${serviceMsg}). Check its base URL in ${ctx.keyHint ?? 'Settings → Gateways'}: it usually ends in the API version, such as /v1.`,
      model,
      requestId,
      rule: 'gateway base URL',
    });
  }
  if (status === 400 || status === 404 || status === 413 || status === 415 || status === 422) {
    const rule = param ?? (status === 404 && code === 'model_not_found' ? 'model' : undefined);
    const what = rule ? `${rule}: ${serviceMsg}` : serviceMsg;
    return providerError({
      kind: 'invalid-request',
      message: `${model} rejected the request — ${what}`,
      model,
      requestId,
      rule: rule ?? undefined,
    });
  }
  if (status === 408) return transportError('timeout', e, model, service, requestId);
  if (status !== undefined && status >= 500)
    return serverError(service, model, ` (HTTP ${status}: ${serviceMsg})`, requestId, retryAfterMsFromHeaders(api.headers));
  if (status === undefined) return serverError(service, model, ` (${serviceMsg})`, requestId); // in-stream `error` event
  return serverError(service, model, ` (HTTP ${status}: ${serviceMsg})`, requestId);
}

// ---------------------------------------------------------------------------------------------
// Gemini

function geminiRule(message: string, status: number): string | undefined {
  if (/aspect ratio/i.test(message)) return 'aspectRatio';
  if (/image size/i.test(message)) return 'imageSize';
  if (/too many (input )?images/i.test(message)) return 'images';
  if (/mime type/i.test(message)) return 'mimeType';
  if (/payload size|too large/i.test(message)) return 'request size';
  if (status === 404 && /models\//.test(message)) return 'model';
  return undefined;
}

/** Maps an error thrown by `@google/genai` (or our own response checks) to an AppError. */
export function mapGeminiError(e: unknown, model: string, ctx: ErrorMappingContext = {}): AppError {
  return inWords(mapGeminiErrorAsSent(e, model, ctx), model);
}

function mapGeminiErrorAsSent(e: unknown, model: string, ctx: ErrorMappingContext): AppError {
  if (e instanceof AppError) return e;
  const service = ctx.service ?? 'Gemini';
  const requestId = ctx.requestId;
  if (ctx.signal?.aborted) return transportError('cancelled', e, model, service, requestId);
  const tooLarge = tooLargeError(e, model, service, requestId);
  if (tooLarge) return tooLarge;
  if (!(e instanceof GeminiApiError)) {
    const transport = transportKind(e, ctx.signal);
    if (transport === 'network' && isBadPort(e)) return badPortError({ model, service, serviceURL: ctx.serviceURL, requestId });
    if (transport) return transportError(transport, e, model, service, requestId);
    if (e instanceof SyntaxError) return serverError(service, model, ' (the response could not be read)', requestId);
    return providerError({ kind: 'internal', message: `Unexpected failure while calling ${model}: ${messageOf(e)}`, model, requestId });
  }
  const body = parseGeminiErrorBody(e);
  const status = e.status;
  const msg = body.message ?? '';
  const keyInvalid =
    /API key not valid|API_KEY_INVALID|API key expired/i.test(msg) || (body.details ?? []).some((d) => /API_KEY/.test(d.reason ?? ''));
  if (status === 401 || status === 403 || keyInvalid) {
    const why = keyInvalid || status === 401 ? '' : ` (${msg})`;
    return providerError({
      kind: 'auth',
      message: `${theKey(service)} was rejected${why}; check it in ${ctx.keyHint ?? 'Settings → Keys'}.`,
      model,
      requestId,
    });
  }
  if (status === 429) {
    const ms = ctx.retryAfterMs ?? retryDelayFromBody(body);
    return rateLimitError(service, model, ms, msg ? ` (${msg})` : '', requestId);
  }
  if (status === 400 || status === 404 || status === 413 || status === 422) {
    const rule = geminiRule(msg, status);
    return providerError({
      kind: 'invalid-request',
      message: `${model} rejected the request — ${msg || `HTTP ${status}`}`,
      model,
      requestId,
      rule,
    });
  }
  if (status === 408) return transportError('timeout', e, model, service, requestId);
  return serverError(service, model, ` (HTTP ${status}${msg ? `: ${msg}` : ''})`, requestId, retryDelayFromBody(body));
}
