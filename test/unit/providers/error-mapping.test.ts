// Pure tests: SDK error → AppError mapping, the retry loop, and the mask encodings.
import { ApiError } from '@google/genai';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { deadlineError, inWords, mapGeminiError, mapOpenAIError } from '../../../electron/main/providers/error-mapping';
import { classifyGeminiFailure } from '../../../electron/main/providers/gemini-provider';
import { toBlackWhiteMaskPng, toOpenAIMaskPng } from '../../../electron/main/providers/mask-encoding';
import { inputFidelityFor } from '../../../electron/main/providers/openai-provider';
import { backoffMs, withRetries } from '../../../electron/main/providers/retry';
import { registerSecret } from '../../../electron/main/services/redact';
import { decodeRgba, pixelAt } from '../../servers';
import { rectMask } from './helpers';

const oa = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) =>
  APIError.generate(status, { error }, undefined, new Headers({ 'x-request-id': 'req_abc', ...headers }));
const gem = (status: number, error: Record<string, unknown>) => new ApiError({ status, message: JSON.stringify({ error }) });

describe('mapOpenAIError', () => {
  it('maps statuses and SDK classes to kinds', () => {
    expect(
      mapOpenAIError(oa(401, { message: 'Incorrect API key provided: sk-ab*****wxyz', code: 'invalid_api_key' }), 'gpt-image-2').kind,
    ).toBe('auth');
    expect(mapOpenAIError(oa(403, { message: 'Organization must be verified' }), 'gpt-image-2').message).toContain(
      'Organization must be verified',
    );
    expect(mapOpenAIError(oa(404, { message: 'gone', code: 'model_not_found', param: null }), 'gpt-image-1').info.rule).toBe('model');
    expect(mapOpenAIError(oa(422, { message: 'bad', param: 'quality' }), 'm').kind).toBe('invalid-request');
    expect(mapOpenAIError(oa(503, { message: 'overloaded' }), 'm').kind).toBe('server');
    expect(mapOpenAIError(oa(408, { message: 'slow' }), 'm').kind).toBe('timeout');
    expect(mapOpenAIError(new APIUserAbortError(), 'm').kind).toBe('cancelled');
    expect(mapOpenAIError(new APIConnectionTimeoutError(), 'm').kind).toBe('timeout');
    expect(
      mapOpenAIError(new APIConnectionError({ message: 'Connection error.', cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }), 'm')
        .kind,
    ).toBe('network');
    expect(mapOpenAIError(new SyntaxError('Unexpected end of JSON input'), 'm').kind).toBe('server');
    expect(mapOpenAIError(new Error('boom'), 'm').kind).toBe('internal');
  });

  it('an aborted signal wins over whatever was thrown', () => {
    const ac = new AbortController();
    ac.abort();
    expect(mapOpenAIError(oa(500, { message: 'x' }), 'm', { signal: ac.signal }).kind).toBe('cancelled');
  });

  it('moderation names the model and categories; also for in-stream errors without a status', () => {
    const e = mapOpenAIError(
      oa(400, { message: 'rejected', code: 'moderation_blocked', moderation_details: { categories: ['violence', 'gore'] } }),
      'gpt-image-2',
    );
    expect(e.message).toBe('GPT Image 2 refused this request (safety system: violence, gore). Try rephrasing, or try another model.');
    expect(e.info).toMatchObject({ kind: 'moderation', model: 'gpt-image-2', requestId: 'req_abc' });
    const inStream = new APIError(
      undefined,
      { message: 'Your request was rejected by the safety system. safety_violations=[sexual].', code: 'moderation_blocked' },
      undefined,
      undefined,
    );
    expect(mapOpenAIError(inStream, 'gpt-image-2').message).toContain('(safety system: sexual)');
  });

  it('rate limits carry the delay from headers or from the message', () => {
    expect(mapOpenAIError(oa(429, { message: 'slow down' }, { 'retry-after-ms': '2500' }), 'm').info.retryAfterSeconds).toBe(3);
    expect(mapOpenAIError(oa(429, { message: 'slow down' }, { 'retry-after': '20' }), 'm').info.retryAfterSeconds).toBe(20);
    expect(mapOpenAIError(oa(429, { message: 'Please try again in 12s. Visit…' }), 'm').info.retryAfterSeconds).toBe(12);
    const quota = mapOpenAIError(oa(429, { message: 'You exceeded your current quota', code: 'insufficient_quota' }), 'gpt-image-2');
    expect(quota.message).toBe('The OpenAI account has no quota left for gpt-image-2. Add credit or use another key.');
  });

  it('invalid requests quote the service and name the parameter as the rule', () => {
    const e = mapOpenAIError(
      oa(400, {
        message: "Invalid size '1000x1000'. Width and height must both be divisible by 16.",
        param: 'size',
        code: 'invalid_value',
      }),
      'gpt-image-2',
    );
    expect(e.info.rule).toBe('size');
    expect(e.message).toBe(
      "GPT Image 2 rejected the request — size: Invalid size '1000x1000'. Width and height must both be divisible by 16.",
    );
  });

  it('never lets a registered key through', () => {
    const key = 'custom-gateway-secret-42';
    registerSecret(key);
    const e = mapOpenAIError(oa(400, { message: `bad header ${key}`, param: 'prompt' }), 'm');
    expect(e.message).not.toContain(key);
    expect(e.message).toContain('[redacted]');
    const net = mapOpenAIError(new APIConnectionError({ message: 'x', cause: new Error(`getaddrinfo ENOTFOUND ${key}.example`) }), 'm');
    expect(net.message).not.toContain(key);
  });

  it('passes AppErrors through untouched', () => {
    const a = new AppError({ kind: 'bad-image', message: 'x' });
    expect(mapOpenAIError(a, 'm')).toBe(a);
    expect(mapGeminiError(a, 'm')).toBe(a);
  });
});

describe('mapGeminiError', () => {
  it('maps Google error bodies to kinds', () => {
    const badKey = gem(400, {
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      status: 'INVALID_ARGUMENT',
      details: [{ reason: 'API_KEY_INVALID' }],
    });
    expect(mapGeminiError(badKey, 'g').kind).toBe('auth');
    expect(mapGeminiError(gem(404, { message: 'models/x is not found for API version v1', status: 'NOT_FOUND' }), 'x').info.rule).toBe(
      'model',
    );
    expect(mapGeminiError(gem(400, { message: 'Unsupported image size: 512.' }), 'g').info.rule).toBe('imageSize');
    expect(mapGeminiError(gem(503, { message: 'The model is overloaded.' }), 'g').kind).toBe('server');
    const rl = mapGeminiError(
      gem(429, {
        message: 'Resource has been exhausted',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '31s' }],
      }),
      'g',
    );
    expect(rl.info).toMatchObject({ kind: 'rate-limit', retryAfterSeconds: 31 });
    expect(mapGeminiError(new ApiError({ status: 502, message: 'not json' }), 'g').message).toContain('HTTP 502: not json');
  });

  it('suggests what makes the next try quicker for the model at hand (Gemini has no quality setting)', () => {
    expect(deadlineError('gemini-3.1-flash-image', 'Gemini', 90_000).message).toMatch(/Try again, or choose a smaller image size\.$/);
    expect(deadlineError('gpt-image-2', 'OpenAI', 90_000).message).toMatch(/Try again, or use a smaller size or lower quality\.$/);
  });

  it('abort vs timeout vs network for transport errors', () => {
    const abortErr = new DOMException('This operation was aborted', 'AbortError');
    const ac = new AbortController();
    ac.abort();
    expect(mapGeminiError(abortErr, 'g', { signal: ac.signal }).kind).toBe('cancelled');
    expect(mapGeminiError(abortErr, 'g', { signal: new AbortController().signal }).kind).toBe('timeout');
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
    expect(mapGeminiError(refused, 'g').kind).toBe('network');
  });

  it('classifies what is worth retrying', () => {
    expect(classifyGeminiFailure(gem(429, { details: [{ retryDelay: '2s' }] }))).toEqual({ retry: true, afterMs: 2000 });
    expect(classifyGeminiFailure(gem(504, {}))).toEqual({ retry: true, afterMs: undefined });
    expect(classifyGeminiFailure(gem(400, {})).retry).toBe(false);
    expect(classifyGeminiFailure(new TypeError('fetch failed')).retry).toBe(true);
    expect(classifyGeminiFailure(new AppError({ kind: 'moderation', message: 'x' })).retry).toBe(false);
  });
});

describe('retry loop', () => {
  it('backs off exponentially up to the cap with at most 25 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => backoffMs(i, 500, 8000, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(0, 500, 8000, () => 1)).toBe(375);
  });

  it('retries up to maxRetries, honouring server delays, then rethrows', async () => {
    let calls = 0;
    const waits: number[] = [];
    const err = await withRetries(
      async () => {
        calls++;
        throw new Error('503');
      },
      {
        maxRetries: 2,
        signal: new AbortController().signal,
        baseMs: 1,
        classify: () => ({ retry: true, afterMs: 5 }),
        onRetry: (_a, ms) => waits.push(ms),
      },
    ).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(calls).toBe(3);
    expect(waits).toEqual([5, 5]);
  });

  it('gives up at once on a server delay above the limit, or on a non-retryable error', async () => {
    let calls = 0;
    const run = (afterMs?: number, retry = true) =>
      withRetries(
        async () => {
          calls++;
          throw new Error('x');
        },
        { maxRetries: 3, signal: new AbortController().signal, classify: () => ({ retry, afterMs }) },
      ).catch(() => undefined);
    await run(120_000);
    await run(undefined, false);
    expect(calls).toBe(2);
  });
});

describe('mask encodings', () => {
  const size = { width: 8, height: 4 };
  const mask = rectMask(8, 4, { x: 0, y: 0, width: 4, height: 4 });
  mask[5] = 40; // a feathered value inside the edit counts as editable

  it('OpenAI: RGBA PNG of the exact size, alpha 0 where editable', async () => {
    const img = await decodeRgba(await toOpenAIMaskPng(mask, size));
    expect([img.width, img.height]).toEqual([8, 4]);
    expect(pixelAt(img, 1, 1)[3]).toBe(0);
    expect(pixelAt(img, 6, 2)[3]).toBe(255);
  });

  it('Gemini: opaque black/white PNG, white where editable', async () => {
    const img = await decodeRgba(await toBlackWhiteMaskPng(mask, size));
    expect(pixelAt(img, 2, 3)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(img, 7, 0)).toEqual([0, 0, 0, 255]);
  });

  it('a mask of the wrong length is an invalid-request', async () => {
    await expect(toOpenAIMaskPng(new Uint8Array(5), size)).rejects.toMatchObject({ kind: 'invalid-request' });
  });

  it('input_fidelity only where the model offers a choice', () => {
    expect(inputFidelityFor('gpt-image-2')).toBeUndefined();
    expect(inputFidelityFor('gpt-image-1-mini')).toBeUndefined();
    expect(inputFidelityFor('gpt-image-1.5')).toBe('high');
  });
});

describe('messages name the model as the app does', () => {
  it('the catalog name, not the wire id, in the words; the id kept in info.model and inside a path the service quoted', () => {
    const named = inWords(
      new AppError({
        kind: 'invalid-request',
        message:
          'gemini-3.1-flash-image rejected the request — Method not found: POST /v1/models/gemini-3.1-flash-image:batchGenerateContent',
        model: 'gemini-3.1-flash-image',
      }),
      'gemini-3.1-flash-image',
    );
    expect(named.message).toBe(
      'Nano Banana 2 (Gemini 3.1 Flash Image) rejected the request — Method not found: POST /v1/models/gemini-3.1-flash-image:batchGenerateContent',
    );
    expect(named.info.model).toBe('gemini-3.1-flash-image');
    // A gateway's own model, not in the catalog, keeps its name.
    const own = new AppError({ kind: 'server', message: 'acme-img-3 failed', model: 'acme-img-3' });
    expect(inWords(own, 'acme-img-3')).toBe(own);
  });
});
