/**
 * The Gemini Batch API through @google/genai's batch interface (`ai.batches.create/get/cancel`) with
 * inlined requests: one batch job per Maskwork batch, billed at half the standard price and answered
 * within 24 h. Each request carries its item id as `metadata.key`; results come back as
 * `dest.inlinedResponses[]` (a GenerateContentResponse or a per-request error), matched by that key
 * (request order as the fallback, which the API also guarantees).
 */
import { GoogleGenAI, type BatchJob, type InlinedRequest, type Part } from '@google/genai';
import { AppError, type AppErrorInfo } from '../../../shared/errors';
import { BATCH_API_INLINE_LIMIT_BYTES, type RemoteBatchState } from '../../../shared/batch/batch-types';
import { registerSecret } from '../services/redact';
import { mapGeminiError, providerError } from '../providers/error-mapping';
import { pickGeminiImage } from '../providers/gemini-provider';
import { guardedFetch } from '../providers/response-guard';
import { MAX_RESPONSE_BYTES, type ProviderConnection, type ProviderImage } from '../providers/provider-types';

export interface BatchRequestInput {
  /** The item id, sent as `metadata.key`. */
  key: string;
  parts: Part[];
  aspectRatio?: string;
  imageSize?: string;
}

export interface RemoteBatch {
  name: string;
  state: RemoteBatchState;
  /** Present once the job succeeded: one entry per request. */
  results?: Array<{ key: string; image?: ProviderImage; error?: AppErrorInfo }>;
}

export interface GeminiBatchClient {
  submit(model: string, displayName: string, requests: BatchRequestInput[], signal?: AbortSignal): Promise<RemoteBatch>;
  get(name: string): Promise<RemoteBatch>;
  cancel(name: string): Promise<void>;
}

const STATES: Record<string, RemoteBatchState> = {
  JOB_STATE_QUEUED: 'pending',
  JOB_STATE_PENDING: 'pending',
  JOB_STATE_RUNNING: 'running',
  JOB_STATE_UPDATING: 'running',
  JOB_STATE_CANCELLING: 'running',
  JOB_STATE_SUCCEEDED: 'succeeded',
  JOB_STATE_PARTIALLY_SUCCEEDED: 'succeeded',
  JOB_STATE_FAILED: 'failed',
  JOB_STATE_CANCELLED: 'cancelled',
  JOB_STATE_EXPIRED: 'expired',
};

export function remoteState(job: Pick<BatchJob, 'state'>): RemoteBatchState {
  return STATES[String(job.state ?? '')] ?? 'unknown';
}

/** Approximate JSON size of the inlined requests (base64 data dominates). */
export function inlineBytes(requests: BatchRequestInput[]): number {
  let n = 0;
  for (const r of requests) for (const p of r.parts) n += (p.inlineData?.data?.length ?? 0) + (p.text?.length ?? 0) + 64;
  return n;
}

export function createGeminiBatchClient(conn: ProviderConnection): GeminiBatchClient {
  registerSecret(conn.apiKey);
  const ai = new GoogleGenAI({
    apiKey: conn.apiKey,
    httpOptions: {
      ...(conn.baseURL ? { baseUrl: conn.baseURL } : {}),
      apiVersion: 'v1',
      timeout: conn.timeoutMs ?? 180_000,
      fetch: guardedFetch({ maxBytes: conn.maxResponseBytes ?? MAX_RESPONSE_BYTES, flavour: 'gemini' }),
    },
  });

  async function call<T>(model: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw mapGeminiError(e, model, { signal, service: 'the Gemini Batch API', keyHint: conn.keyHint });
    }
  }

  return {
    async submit(model, displayName, requests, signal) {
      if (!requests.length) throw new AppError({ kind: 'invalid-request', message: 'A batch needs at least one image.' });
      const size = inlineBytes(requests);
      if (size > BATCH_API_INLINE_LIMIT_BYTES) {
        throw new AppError({
          kind: 'too-large',
          message: `These ${requests.length} requests are ${Math.ceil(size / 2 ** 20)} MB; the Batch API takes at most 20 MB of inlined requests. Split the batch.`,
          rule: 'batch size',
        });
      }
      const src: InlinedRequest[] = requests.map((r) => ({
        contents: [{ role: 'user', parts: r.parts }],
        metadata: { key: r.key },
        config: {
          responseModalities: ['IMAGE'],
          ...(r.aspectRatio || r.imageSize
            ? {
                imageConfig: {
                  ...(r.aspectRatio ? { aspectRatio: r.aspectRatio } : {}),
                  ...(r.imageSize ? { imageSize: r.imageSize } : {}),
                },
              }
            : {}),
        },
      }));
      const job = await call(
        model,
        () => ai.batches.create({ model, src, config: { displayName, ...(signal ? { abortSignal: signal } : {}) } }),
        signal,
      );
      if (!job.name) throw providerError({ kind: 'server', message: 'The Gemini Batch API answered without a batch name.', model });
      return { name: job.name, state: remoteState(job) };
    },

    async get(name) {
      const job = await call(name, () => ai.batches.get({ name }));
      const state = remoteState(job);
      if (state !== 'succeeded') return { name, state };
      const model = (job.model ?? '').replace(/^models\//, '') || name;
      const responses = job.dest?.inlinedResponses ?? [];
      const results = responses.map((r, i) => {
        const key = r.metadata?.key ?? `item-${i + 1}`;
        if (r.error) {
          return {
            key,
            error: providerError({
              kind: r.error.code === 400 ? 'invalid-request' : 'server',
              message: `${model} could not do this image in the batch: ${r.error.message ?? `error ${r.error.code ?? ''}`}`,
              model,
            }).info,
          };
        }
        if (!r.response) return { key, error: { kind: 'server' as const, message: `${model} returned nothing for this image.`, model } };
        try {
          return { key, image: pickGeminiImage(r.response, model) };
        } catch (e) {
          return { key, error: e instanceof AppError ? e.info : { kind: 'internal' as const, message: String(e) } };
        }
      });
      return { name, state, results };
    },

    async cancel(name) {
      await call(name, () => ai.batches.cancel({ name }));
    },
  };
}
