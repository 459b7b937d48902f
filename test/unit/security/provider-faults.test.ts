/**
 * The provider-fault matrix: every fault a service or the network can produce × OpenAI, Gemini and
 * an OpenAI-compatible gateway, through the real SDKs, the real handler table and `job:result`.
 * Each case checks the typed error kind (or that a transient fault was retried into a success), that
 * nothing was kept, and that no form of any key appears anywhere in the result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobResult } from '../../../shared/ipc/contract-types';
import type { ErrorKind } from '../../../shared/errors';
import { pngHeaderOnly } from '../../fixtures/bad-images';
import type { GeminiScriptStep, OpenAIScriptStep } from '../../servers';
import { startMainWithServers, type CloudHarness } from '../../support/main-harness';
import { TEST_KEYS, expectNoSecret } from '../../support/secrets';
import { importSmallPhoto, smallEdit, type SmallEdit } from '../../support/small-edit';

/** Per-attempt timeout and total deadline: generous by default (the machine may be loaded), short for the hang cases. */
const ATTEMPT_MS = 10_000;
const DEADLINE_MS = 20_000;
const SHORT = { MASKWORK_TIMEOUT_MS: '600', MASKWORK_DEADLINE_MS: '1500' };

let cloud: CloudHarness;
let photo: SmallEdit;
beforeAll(async () => {
  cloud = await startMainWithServers({
    OPENAI_API_KEY: TEST_KEYS.openai,
    GEMINI_API_KEY: TEST_KEYS.gemini,
    MASKWORK_MAX_RETRIES: '1',
    MASKWORK_TIMEOUT_MS: String(ATTEMPT_MS),
    MASKWORK_DEADLINE_MS: String(DEADLINE_MS),
    MASKWORK_MAX_RESPONSE_MB: '16',
  });
  photo = await importSmallPhoto(cloud.main);
  await cloud.main.call('gateways:set', { id: 'gw', name: 'Local gateway', baseURL: cloud.openai.url, modelIds: ['gpt-image-2'] });
  await cloud.main.call('keys:set', { provider: 'gateway:gw', key: TEST_KEYS.gateway });
});
afterAll(async () => cloud?.close());

type Step = OpenAIScriptStep & GeminiScriptStep;
type Provider = 'openai' | 'gemini' | 'gateway';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const inMinutes = (min: number) => new Date(Date.now() + min * 60_000).toUTCString();

/** The error body and headers a service would send if it echoed the key everywhere. */
function echo(p: Provider): Step {
  const key = TEST_KEYS[p];
  if (p === 'gemini') {
    return {
      status: 400,
      headers: { 'x-request-id': key, 'x-goog-api-key': key },
      body: { error: { code: 400, message: `API key ${key} (${b64(key)}, ${encodeURIComponent(key)}) invalid`, status: key } },
    };
  }
  return {
    status: 400,
    headers: { 'x-request-id': key },
    body: { error: { message: `Bearer ${key} ${b64(key)} ${encodeURIComponent(key)}`, type: key, param: key, code: b64(key) } },
  };
}

interface Case {
  name: string;
  steps: (p: Provider) => Step[];
  /** 'done' = retried into a success. */
  expect: ErrorKind | 'done' | ErrorKind[];
  message?: RegExp;
  /** At most this many requests reached the server. */
  maxRequests?: number;
  /** Must finish within this many ms. */
  withinMs?: number;
  only?: Provider[];
  /** Environment for this case only (e.g. short timeouts). */
  env?: Record<string, string>;
}

const always = (s: Step): Step => ({ ...s, times: Number.POSITIVE_INFINITY });
const CASES: Case[] = [
  { name: '500 once', steps: () => [{ status: 500 }], expect: 'done' },
  { name: '500 always', steps: () => [always({ status: 500 })], expect: 'server' },
  { name: '503 once', steps: () => [{ status: 503 }], expect: 'done' },
  { name: '503 always', steps: () => [always({ status: 503 })], expect: 'server' },
  { name: '429 once (Retry-After 0 s)', steps: () => [{ status: 429, retryAfter: '0' }], expect: 'done' },
  { name: '429 always', steps: () => [always({ status: 429, retryAfter: '0' })], expect: 'rate-limit' },
  {
    name: 'Retry-After 120 s fails fast',
    steps: () => [always({ status: 429, retryAfter: '120' })],
    expect: 'rate-limit',
    message: /try again in 2 min/,
    maxRequests: 1,
    withinMs: 3000,
  },
  {
    name: 'Retry-After as a date 5 min ahead fails fast',
    steps: () => [always({ status: 429, retryAfter: inMinutes(5) })],
    expect: 'rate-limit',
    message: /try again in (4|5) min/,
    maxRequests: 1,
    withinMs: 3000,
  },
  {
    name: '503 with Retry-After 10 min fails fast',
    steps: () => [always({ status: 503, retryAfter: '600' })],
    expect: 'server',
    message: /try again in 10 min/,
    maxRequests: 1,
    withinMs: 3000,
  },
  { name: 'hang', steps: () => [always({ hangMs: 30_000 })], expect: 'timeout', withinMs: 4000, env: SHORT },
  { name: 'drip (one byte every 50 ms)', steps: () => [always({ dripMs: 50 })], expect: 'timeout', withinMs: 4000, env: SHORT },
  { name: 'reset mid-body', steps: () => [always({ resetAfterBytes: 40 })], expect: ['network', 'server'] },
  { name: 'SSE cut before the final image', steps: () => [always({ sseCut: true })], expect: 'server', only: ['openai'] },
  { name: 'malformed JSON', steps: () => [always({ malformed: true })], expect: 'server' },
  { name: 'non-image payload', steps: () => [always({ nonImage: true })], expect: 'server', message: /not an image|could not decode/i },
  { name: 'wrong size (16×16)', steps: () => [always({ outputSize: { width: 16, height: 16 } })], expect: 'server', message: /16×16/ },
  { name: 'empty data', steps: () => [always({ emptyData: true })], expect: 'server', message: /no image|without a final image/i },
  { name: 'huge body', steps: () => [always({ hugeBody: Number.POSITIVE_INFINITY })], expect: 'too-large', withinMs: 20_000 },
  {
    name: 'image header claiming 16000×16000',
    steps: () => [always({ imageBytes: pngHeaderOnly(16000, 16000) })],
    expect: 'too-large',
    message: /16000×16000/,
  },
  { name: 'key echoed in every field', steps: (p) => [always(echo(p))], expect: ['invalid-request', 'auth'] },
];

const MODELS: Record<Provider, string> = {
  openai: 'gpt-image-2',
  gemini: 'gemini-3.1-flash-image',
  gateway: 'gateway:gw/gpt-image-2',
};

function serverOf(p: Provider) {
  return p === 'gemini' ? cloud.gemini : cloud.openai;
}

describe.each(['openai', 'gemini', 'gateway'] as const)('%s', (provider) => {
  it.each(CASES.filter((c) => !c.only || c.only.includes(provider)).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const server = serverOf(provider);
    server.clearScript();
    server.script(...(c.steps(provider) as never[]));
    const before = server.requests.length;
    const env = cloud.main.svc.env;
    const saved = { ...env };
    Object.assign(env, c.env ?? {});
    const t0 = Date.now();
    let result: JobResult;
    try {
      result = (await smallEdit(cloud.main, photo, MODELS[provider])).result;
    } finally {
      server.clearScript();
      for (const k of Object.keys(c.env ?? {})) env[k] = saved[k];
    }
    const ms = Date.now() - t0;
    expectNoSecret(result);
    if (c.expect === 'done') {
      expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    } else {
      expect(result.state).toBe('failed');
      if (result.state !== 'failed') return;
      const kinds = Array.isArray(c.expect) ? c.expect : [c.expect];
      expect(kinds, result.error.message).toContain(result.error.kind);
      if (c.message) expect(result.error.message).toMatch(c.message);
    }
    if (c.maxRequests !== undefined) expect(server.requests.length - before).toBeLessThanOrEqual(c.maxRequests);
    if (c.withinMs !== undefined) expect(ms).toBeLessThan(c.withinMs);
  });
});
