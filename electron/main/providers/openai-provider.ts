/**
 * OpenAI GPT Image models (and OpenAI-compatible gateways) through the `openai` SDK's
 * `images.edit` (multipart POST /images/edits).
 *
 * The mask becomes an RGBA PNG of exactly the region size (alpha 0 = editable); references are
 * sent after the source as `image[]`. Retries are the SDK's own (408/409/429/5xx/network, honouring
 * `retry-after-ms` / `retry-after`, else exponential backoff), bounded by `conn.maxRetries`.
 */
import { withWaitNotices } from './wait-notice';
import OpenAI, { toFile } from 'openai';
import type { ImageEditParamsNonStreaming, ImageEditStreamEvent, ImagesResponse } from 'openai/resources/images';
import { redactSecrets, registerSecret } from '../services/redact';
import { deadlineError, mapOpenAIError, providerError } from './error-mapping';
import { guardedFetch } from './response-guard';
import { imageBytes, inlineImages } from './inline-images';
import { imageMime, makeMaskAhead, toOpenAIMaskPng } from './mask-encoding';
import {
  MAX_RESPONSE_BYTES,
  PROVIDER_DEADLINE_MS,
  type ImageProvider,
  type ProviderCallContext,
  type ProviderConnection,
  type ProviderEditRequest,
  type ProviderImage,
} from './provider-types';

/** How the OpenAI provider behaves beyond its connection. */
export interface OpenAIProviderOptions {
  /** 'gateway' = an OpenAI-compatible service at `conn.baseURL` (messages name it "the gateway"). */
  kind?: 'openai' | 'gateway';
  /** Stream partial previews when n == 1. */
  stream?: boolean;
  /** Partial images while streaming (default 2). */
  partialImages?: 0 | 1 | 2 | 3;
}

/** Images per edit call the service accepts (source + references). */
export const OPENAI_MAX_INPUT_IMAGES = 16;
/** SDK default per-attempt timeout. */
export const OPENAI_DEFAULT_TIMEOUT_MS = 600_000;

/**
 * `input_fidelity` to send for a model: omitted for gpt-image-2 and newer (always high fidelity)
 * and for gpt-image-1-mini (low only); 'high' where the model offers a choice, because retouching
 * must preserve faces and textures of the source.
 */
export function inputFidelityFor(model: string): 'high' | undefined {
  return /^(gpt-image-1\.5|chatgpt-image-latest)/.test(model) ? 'high' : undefined;
}

const mimeOf = (format: string | undefined) => `image/${format === 'jpeg' || format === 'webp' ? format : 'png'}`;

/** Creates the provider for one OpenAI (or gateway) connection. */
export function createOpenAIProvider(conn: ProviderConnection, opts: OpenAIProviderOptions = {}): ImageProvider {
  registerSecret(conn.apiKey);
  const kind = opts.kind ?? 'openai';
  const service = kind === 'gateway' ? 'The gateway' : 'OpenAI';
  const mapCtx =
    kind === 'gateway'
      ? {
          service: 'the gateway',
          keyHint: 'Settings → Gateways',
          ...(conn.baseURL ? { baseURL: conn.baseURL, serviceURL: conn.baseURL } : {}),
        }
      : { service: 'OpenAI', keyHint: conn.keyHint ?? 'Settings → Keys', ...(conn.baseURL ? { serviceURL: conn.baseURL } : {}) };
  const timeout = conn.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({
    apiKey: conn.apiKey,
    ...(conn.baseURL ? { baseURL: conn.baseURL } : {}),
    timeout,
    maxRetries: conn.maxRetries ?? 2,
    // Image answers are read straight from their bytes (inline-images.ts), within the guard's limits.
    fetch: inlineImages(
      guardedFetch({ maxBytes: conn.maxResponseBytes ?? MAX_RESPONSE_BYTES, flavour: 'openai', maxRetries: conn.maxRetries ?? 2 }),
    ),
    // The SDK's own log lines can quote service text: they go out redacted, warnings and errors only.
    logLevel: 'warn',
    logger: redactingLogger,
  });
  const deadlineMs = conn.deadlineMs ?? PROVIDER_DEADLINE_MS;

  async function buildParams(req: ProviderEditRequest): Promise<ImageEditParamsNonStreaming> {
    const total = 1 + req.references.length;
    if (total > OPENAI_MAX_INPUT_IMAGES) {
      throw providerError({
        kind: 'invalid-request',
        message: `${req.model} accepts at most ${OPENAI_MAX_INPUT_IMAGES} images per edit (the source plus ${OPENAI_MAX_INPUT_IMAGES - 1} references); this edit has ${total}. Remove some references.`,
        model: req.model,
        rule: `at most ${OPENAI_MAX_INPUT_IMAGES} images (source + references)`,
      });
    }
    const { width, height } = req.size;
    const mask = await toOpenAIMaskPng(req.mask, req.size);
    const mime = imageMime(req.image);
    const source = await toFile(req.image, mime === 'image/jpeg' ? 'image.jpg' : mime === 'image/webp' ? 'image.webp' : 'image.png', {
      type: mime,
    });
    const refs = await Promise.all(req.references.map((r, i) => toFile(r.bytes, r.name || `reference-${i + 1}`, { type: r.mime })));
    const fidelity = inputFidelityFor(req.model);
    return {
      model: req.model,
      prompt: req.prompt,
      image: refs.length ? [source, ...refs] : source,
      mask: await toFile(mask, 'mask.png', { type: 'image/png' }),
      size: `${width}x${height}`,
      n: req.n,
      // A gateway may not know the JPEG answer: it gets the PNG every OpenAI-compatible service serves.
      ...(kind === 'openai' && req.answerFormat === 'jpeg'
        ? { output_format: 'jpeg' as const, output_compression: 100 }
        : { output_format: 'png' as const }),
      ...(req.quality ? { quality: req.quality } : {}),
      ...(fidelity ? { input_fidelity: fidelity } : {}),
    };
  }

  async function editOnce(
    req: ProviderEditRequest,
    params: ImageEditParamsNonStreaming,
    ctx: ProviderCallContext,
  ): Promise<ProviderImage[]> {
    const { data, request_id } = await client.images.edit(params, { signal: ctx.signal, timeout }).withResponse();
    const requestId = request_id ?? (data as ImagesResponse & { _request_id?: string })._request_id ?? undefined;
    const usage = data.usage ? ({ ...data.usage } as Record<string, unknown>) : undefined;
    const images = (data.data ?? []).filter((d) => typeof d.b64_json === 'string' && d.b64_json.length > 0);
    if (images.length === 0) {
      throw providerError({
        kind: 'server',
        message: `${service} returned no image for ${req.model}. Try again in a moment.`,
        model: req.model,
        requestId,
      });
    }
    ctx.onProgress?.(1);
    return images.map((d) => ({ bytes: imageBytes(d.b64_json!), mime: mimeOf(data.output_format), requestId, usage }));
  }

  async function editStreaming(
    req: ProviderEditRequest,
    params: ImageEditParamsNonStreaming,
    ctx: ProviderCallContext,
  ): Promise<ProviderImage[]> {
    const partials = opts.partialImages ?? 2;
    const { data: stream, request_id } = await client.images
      .edit({ ...params, stream: true, partial_images: partials }, { signal: ctx.signal, timeout })
      .withResponse();
    const requestId = request_id ?? undefined;
    let final: Extract<ImageEditStreamEvent, { type: 'image_edit.completed' }> | undefined;
    for await (const ev of stream) {
      if (ev.type === 'image_edit.partial_image') {
        // A preview goes to the renderer only if its header says it is the requested size.
        if (ev.b64_json) {
          const bytes = imageBytes(ev.b64_json);
          if (pngSizeIs(bytes, req.size)) ctx.onPartial?.(0, bytes);
        }
        ctx.onProgress?.(Math.min(0.95, (ev.partial_image_index + 1) / (partials + 1)));
      } else if (ev.type === 'image_edit.completed') {
        final = ev;
      }
    }
    if (!final?.b64_json) {
      throw providerError({
        kind: 'server',
        message: `${service} ended the stream without a final image for ${req.model}. Try again in a moment.`,
        model: req.model,
        requestId,
      });
    }
    ctx.onProgress?.(1);
    const usage = final.usage ? ({ ...final.usage } as Record<string, unknown>) : undefined;
    return [{ bytes: imageBytes(final.b64_json), mime: mimeOf(final.output_format), requestId, usage }];
  }

  return {
    kind,
    async prepareMask(mask, size) {
      await makeMaskAhead('alpha', mask, size);
    },
    async edit(req: ProviderEditRequest, outer: ProviderCallContext): Promise<ProviderImage[]> {
      const cancelled = () => providerError({ kind: 'cancelled', message: `The request to ${req.model} was cancelled.`, model: req.model });
      // One deadline for the whole call (attempts, retries, waits and body included).
      const deadline = AbortSignal.timeout(deadlineMs);
      const ctx = { ...outer, signal: AbortSignal.any([outer.signal, deadline]) };
      try {
        if (outer.signal.aborted) throw cancelled();
        const params = await buildParams(req);
        // Streamed only for someone who shows the previews (an outpaint tile's would be read and dropped).
        // A 429 or 5xx the SDK waits out before trying again is told to whoever shows the progress.
        return await withWaitNotices(outer.onWait, () =>
          opts.stream && req.n === 1 && outer.onPartial ? editStreaming(req, params, ctx) : editOnce(req, params, ctx),
        );
      } catch (e) {
        // An aborted stream may simply end early; whatever we saw after the abort, report the abort.
        if (outer.signal.aborted) throw cancelled();
        if (deadline.aborted) throw deadlineError(req.model, mapCtx.service, deadlineMs);
        throw mapOpenAIError(e, req.model, { ...mapCtx, signal: outer.signal });
      }
    },
  };
}

/** The SDK's logger: every line passes the redactor. */
const redactingLogger = {
  error: (...args: unknown[]) => console.error(redactSecrets(args.map(String).join(' '))),
  warn: (...args: unknown[]) => console.warn(redactSecrets(args.map(String).join(' '))),
  info: () => {},
  debug: () => {},
};

/** True when `bytes` is a PNG whose header says `size` (partial previews are PNG). */
function pngSizeIs(bytes: Uint8Array, size: { width: number; height: number }): boolean {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return v.getUint32(16) === size.width && v.getUint32(20) === size.height;
}
