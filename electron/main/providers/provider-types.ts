/**
 * What every image provider implements. The edit pipeline has already cut the region, scaled it to
 * a size the model accepts and built the mask; a provider only speaks its wire protocol through its
 * SDK and maps every failure to a typed AppError (auth, moderation, rate-limit, invalid-request,
 * network, timeout, server, cancelled).
 */
import type { WaitNotice } from './wait-notice';

export interface ProviderEditRequest {
  /** Catalog model id sent to the service (e.g. `gpt-image-2`, `gemini-3.1-flash-image`, a gateway's id). */
  model: string;
  prompt: string;
  /** The region image at exactly `size`, encoded PNG (RGB or RGBA). */
  image: Uint8Array;
  /**
   * The edit mask at exactly `size`: 8-bit values, row-major, width·height bytes, 255 = change.
   * Providers convert it to their convention (OpenAI: RGBA PNG with alpha 0 = editable; Gemini: an
   * extra black/white image plus an instruction).
   */
  mask: Uint8Array;
  size: { width: number; height: number };
  /** Gemini only: aspect ratio string and tier from the catalog. */
  aspectRatio?: string;
  imageSize?: '512' | '1K' | '2K' | '4K';
  /** Number of candidates (OpenAI native `n`; Gemini = n parallel requests). */
  n: number;
  quality?: 'low' | 'medium' | 'high' | 'auto';
  /** Local engine only: seed of candidate 0 (candidate i uses seed + i). */
  seed?: number;
  /** Extra reference images, encoded PNG/JPEG/WebP. */
  references: Array<{ bytes: Uint8Array; mime: string; name: string }>;
  /**
   * The answer's format when the service lets the caller choose (OpenAI's `output_format`); default
   * PNG. 'jpeg' (at the service's best, compression 100) is for answers that are scaled before use —
   * outpaint tiles: a quarter of the bytes to download and decode, 47–52 dB from the PNG once scaled.
   * Gateways and Gemini answer in their own format.
   */
  answerFormat?: 'png' | 'jpeg';
}

export interface ProviderImage {
  /** Encoded image bytes as returned (PNG/JPEG/WebP); may not be exactly `size` (Gemini). */
  bytes: Uint8Array;
  mime: string;
  requestId?: string;
  /** Usage as the service reported it, for reconciling cost. */
  usage?: Record<string, unknown>;
}

export interface ProviderCallContext {
  signal: AbortSignal;
  /** Partial previews while streaming (encoded bytes), per candidate index. */
  onPartial?: (candidate: number, bytes: Uint8Array) => void;
  /** Progress within this call, 0..1 (e.g. candidates finished / n). */
  onProgress?: (fraction: number) => void;
  /** The service answered 429 or 5xx and the call may wait and try again (wait-notice.ts). */
  onWait?: (n: WaitNotice) => void;
}

export interface ImageProvider {
  readonly kind: 'openai' | 'gemini' | 'gateway' | 'local';
  edit(req: ProviderEditRequest, ctx: ProviderCallContext): Promise<ProviderImage[]>;
  /**
   * Makes the wire form of a request mask that will be sent later, maybe more than once (an outpaint
   * tile's, prepared before Generate); `mask` must not change afterwards. Absent: nothing to make.
   */
  prepareMask?(mask: Uint8Array, size: { width: number; height: number }): Promise<void>;
}

/** How a provider reaches its service (resolved in main from KeyStore/GatewayStore/env; never sent to the renderer). */
export interface ProviderConnection {
  apiKey: string;
  /** OpenAI: full base URL incl. /v1; Gemini: base URL without version. Undefined = SDK default / env. */
  baseURL?: string;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
  /** Retries on 408/409/429/5xx/network (honouring Retry-After). */
  maxRetries?: number;
  /** Total time for one call, all attempts and waits included (default PROVIDER_DEADLINE_MS). */
  deadlineMs?: number;
  /** Largest response body accepted (default MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
  /**
   * Where the user fixes a rejected key, said in the error: default 'Settings → Keys'; a key that
   * came from the environment (the CLI's, or the app's fallback) names its variable.
   */
  keyHint?: string;
}

/** Default total time for one provider call: a hanging or dripping service fails within this. */
export const PROVIDER_DEADLINE_MS = 240_000;
/** Default largest response body: far above ten full-size PNG answers, far below what exhausts main's heap. */
export const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
