/**
 * Gemini image models through @google/genai (`models.generateContent`, API version v1).
 *
 * Gemini has no mask parameter, so the mask travels as a second image (white = edit) explained by
 * an instruction; the pipeline composites the result back anyway. `n` candidates are n parallel
 * requests, each retried on its own (the SDK does not retry unless told to; we run our own loop on
 * 408/429/5xx, network errors and per-attempt timeouts, with exponential backoff, honouring the
 * RetryInfo delay Google puts in 429 bodies — ApiError exposes no headers — and stopping at once on
 * abort).
 *
 * Partial failures: a refusal or a broken request (moderation, auth, invalid-request) fails the
 * whole call at once and aborts the sibling requests — the retoucher must see the refusal rather
 * than silently get fewer candidates. A transient failure that survives its retries (rate-limit,
 * server, network, timeout) only drops that candidate: if at least one candidate succeeded the call
 * returns the successes (fewer than `n`), otherwise it throws that failure.
 */
import { noticeWait, withWaitNotices } from './wait-notice';
import { ApiError, GoogleGenAI, type GenerateContentConfig, type GenerateContentResponse, type Part } from '@google/genai';
import { AppError } from '../../../shared/errors';
import { registerSecret } from '../services/redact';
import { deadlineError, mapGeminiError, parseGeminiErrorBody, providerError, retryDelayFromBody, transportKind } from './error-mapping';
import { guardedFetch } from './response-guard';
import { imageMime, makeMaskAhead, toBlackWhiteMaskPng } from './mask-encoding';
import {
  MAX_RESPONSE_BYTES,
  PROVIDER_DEADLINE_MS,
  type ImageProvider,
  type ProviderCallContext,
  type ProviderConnection,
  type ProviderEditRequest,
  type ProviderImage,
} from './provider-types';
import { withRetries, type RetryDecision } from './retry';

/** Tuning knobs; the defaults suit production, tests shorten the backoff. */
export interface GeminiProviderOptions {
  /** Backoff base in ms (default 500). */
  retryBaseMs?: number;
  /** Backoff cap in ms (default 8000). */
  retryCapMs?: number;
}

/** Per-attempt timeout when the connection does not set one (the service itself stops at 10 min). */
export const GEMINI_DEFAULT_TIMEOUT_MS = 600_000;

/** HTTP statuses worth another attempt. */
export const GEMINI_RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Finish reasons (and prompt block reasons) that mean the model refused on safety grounds. */
export const GEMINI_REFUSAL_REASONS: ReadonlySet<string> = new Set([
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_RECITATION',
]);

/** Failures that end the whole multi-candidate call at once. */
const FATAL_KINDS = new Set(['moderation', 'auth', 'invalid-request', 'cancelled', 'internal']);

import { buildGeminiInstruction } from './gemini-instruction';

export { GEMINI_MASK_INSTRUCTION, buildGeminiInstruction } from './gemini-instruction';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Decides whether a failed attempt is retried, and after which server-requested delay. */
export function classifyGeminiFailure(e: unknown): RetryDecision {
  if (e instanceof ApiError) {
    if (!GEMINI_RETRY_STATUSES.has(e.status)) return { retry: false };
    return { retry: true, afterMs: retryDelayFromBody(parseGeminiErrorBody(e)) };
  }
  if (e instanceof AppError) return { retry: false };
  const t = transportKind(e);
  return { retry: t === 'network' || t === 'timeout' };
}

/**
 * Picks the answer image out of a response: skips `thought` parts and takes the last non-thought
 * inline image. Refusals become `moderation`, an empty answer becomes `server`.
 */
export function pickGeminiImage(resp: GenerateContentResponse, model: string): ProviderImage {
  const requestId = resp.responseId;
  const usage = resp.usageMetadata ? ({ ...resp.usageMetadata } as Record<string, unknown>) : undefined;
  const candidate = resp.candidates?.[0];
  if (!candidate) {
    const block = resp.promptFeedback?.blockReason;
    // Blocked before anything was generated: no image is billed (see AppErrorInfo.notCharged).
    if (block) return refuse(model, `prompt blocked: ${block}`, requestId, true);
    throw providerError({
      kind: 'server',
      message: `${model} returned no image (the response had no candidates). Try again in a moment.`,
      model,
      requestId,
    });
  }
  const finish = candidate.finishReason ? String(candidate.finishReason) : undefined;
  if (finish && GEMINI_REFUSAL_REASONS.has(finish)) return refuse(model, `safety filter: ${finish}`, requestId);
  const parts: Part[] = candidate.content?.parts ?? [];
  const image = [...parts].reverse().find((p) => !p.thought && p.inlineData?.data);
  if (!image?.inlineData?.data) {
    const said = parts
      .filter((p) => !p.thought && typeof p.text === 'string' && p.text.trim())
      .map((p) => p.text!.trim())
      .join(' ');
    const quote = said ? ` The model said: "${said.length > 200 ? `${said.slice(0, 200)}…` : said}"` : '';
    throw providerError({
      kind: 'server',
      message: `${model} returned no image (finish reason ${finish ?? 'none'}).${quote} Try again, or rephrase the request.`,
      model,
      requestId,
    });
  }
  const bytes = new Uint8Array(Buffer.from(image.inlineData.data, 'base64'));
  return { bytes, mime: image.inlineData.mimeType ?? 'image/png', requestId, usage };
}

function refuse(model: string, reason: string, requestId?: string, notCharged = false): never {
  throw providerError({
    kind: 'moderation',
    message: `${model} refused this request (${reason}). Try rephrasing, or try another model.`,
    model,
    requestId,
    ...(notCharged ? { notCharged } : {}),
  });
}

/** The address an error names (a bad port's message says which), when the connection has its own. */
function serviceAt(conn: ProviderConnection): { serviceURL?: string } {
  return conn.baseURL ? { serviceURL: conn.baseURL } : {};
}

/** Creates the Gemini provider for one connection (key, optional base URL without version). */
export function createGeminiProvider(conn: ProviderConnection, opts: GeminiProviderOptions = {}): ImageProvider {
  registerSecret(conn.apiKey);
  const ai = new GoogleGenAI({
    apiKey: conn.apiKey,
    httpOptions: {
      ...(conn.baseURL ? { baseUrl: conn.baseURL } : {}),
      apiVersion: 'v1',
      timeout: conn.timeoutMs ?? GEMINI_DEFAULT_TIMEOUT_MS,
      fetch: guardedFetch({ maxBytes: conn.maxResponseBytes ?? MAX_RESPONSE_BYTES, flavour: 'gemini' }),
    },
  });
  const maxRetries = conn.maxRetries ?? 2;
  const deadlineMs = conn.deadlineMs ?? PROVIDER_DEADLINE_MS;

  async function candidate(req: ProviderEditRequest, parts: Part[], signal: AbortSignal): Promise<ProviderImage> {
    const config: GenerateContentConfig = { responseModalities: ['IMAGE'], abortSignal: signal };
    if (req.aspectRatio || req.imageSize) {
      config.imageConfig = {
        ...(req.aspectRatio ? { aspectRatio: req.aspectRatio } : {}),
        ...(req.imageSize ? { imageSize: req.imageSize } : {}),
      };
    }
    try {
      const resp = await withRetries(() => ai.models.generateContent({ model: req.model, contents: [{ role: 'user', parts }], config }), {
        maxRetries,
        signal,
        baseMs: opts.retryBaseMs,
        capMs: opts.retryCapMs,
        classify: classifyGeminiFailure,
        // Said to whoever shows the call's progress (wait-notice.ts): the bar named no rate limit.
        onRetry: (_attempt, delayMs, error) =>
          noticeWait({ reason: geminiStatus(error) === 429 ? 'rate-limit' : 'server', afterMs: delayMs }),
      });
      return pickGeminiImage(resp, req.model);
    } catch (e) {
      // The rate-limit delay comes from the error body's RetryInfo (ApiError exposes no headers).
      throw mapGeminiError(e, req.model, { signal, keyHint: conn.keyHint, ...serviceAt(conn) });
    }
  }

  return {
    kind: 'gemini',
    async prepareMask(mask, size) {
      await makeMaskAhead('black-white', mask, size);
    },
    async edit(req: ProviderEditRequest, ctx: ProviderCallContext): Promise<ProviderImage[]> {
      if (ctx.signal.aborted)
        throw providerError({ kind: 'cancelled', message: `The request to ${req.model} was cancelled.`, model: req.model });
      const n = Math.max(1, Math.floor(req.n));
      const mask = await toBlackWhiteMaskPng(req.mask, req.size);
      const parts: Part[] = [
        { text: buildGeminiInstruction(req.prompt, req.references.length) },
        { inlineData: { mimeType: imageMime(req.image), data: b64(req.image) } },
        { inlineData: { mimeType: 'image/png', data: b64(mask) } },
        ...req.references.map((r) => ({ inlineData: { mimeType: r.mime, data: b64(r.bytes) } })),
      ];
      // One inner controller so a fatal failure can stop the siblings; the caller's abort and the
      // call's deadline (all attempts and waits included) flow in.
      const inner = new AbortController();
      const forward = () => inner.abort(ctx.signal.reason);
      ctx.signal.addEventListener('abort', forward, { once: true });
      if (ctx.signal.aborted) forward(); // aborted while the mask was being encoded
      const deadline = AbortSignal.timeout(deadlineMs);
      const expire = () => inner.abort(deadline.reason);
      deadline.addEventListener('abort', expire, { once: true });
      const late = () => deadline.aborted && !ctx.signal.aborted;
      let fatal: AppError | undefined;
      let done = 0;
      try {
        const settled = await Promise.all(
          Array.from({ length: n }, async (): Promise<ProviderImage | AppError> => {
            try {
              const img = await withWaitNotices(ctx.onWait, () => candidate(req, parts, inner.signal));
              ctx.onProgress?.(++done / n);
              return img;
            } catch (e) {
              const err = late()
                ? deadlineError(req.model, 'Gemini', deadlineMs)
                : mapGeminiError(e, req.model, { signal: inner.signal, keyHint: conn.keyHint, ...serviceAt(conn) });
              // Siblings stopped by inner.abort() report 'cancelled' only after `fatal` is set.
              if (!fatal && FATAL_KINDS.has(err.kind)) {
                fatal = err;
                inner.abort();
              }
              return err;
            }
          }),
        );
        if (ctx.signal.aborted)
          throw providerError({ kind: 'cancelled', message: `The request to ${req.model} was cancelled.`, model: req.model });
        if (fatal) throw fatal;
        const images = settled.filter((r): r is ProviderImage => !(r instanceof AppError));
        if (images.length > 0) return images;
        throw settled[0] as AppError;
      } finally {
        ctx.signal.removeEventListener('abort', forward);
        deadline.removeEventListener('abort', expire);
      }
    },
  };
}

/** The HTTP status of a failed Gemini call, when the SDK's error carries one. */
function geminiStatus(e: unknown): number | undefined {
  const status = (e as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}
