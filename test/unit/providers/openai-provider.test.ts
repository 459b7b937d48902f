// The OpenAI provider through the real `openai` SDK against the local protocol-faithful server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIProvider } from '../../../electron/main/providers/openai-provider';
import { createProvider } from '../../../electron/main/providers/provider-factory';
import { type WaitNotice, waitWords } from '../../../electron/main/providers/wait-notice';
import { BRIGHTEN, MODERATE_TRIGGER, PALETTE, decodeRgba, makePng, pixelAt, startOpenAIServer, type OpenAIServer } from '../../servers';
import { SRC, appErrorOf, callCtx, closedPort, editRequest, timed } from './helpers';
import { NOT_CHARGED_KINDS } from '../../../electron/main/services/spend-ledger';

const KEY = 'sk-test-maskwork-0123456789abcdef';
let server: OpenAIServer;

beforeAll(async () => {
  server = await startOpenAIServer({ acceptedKeys: [KEY] });
});
afterAll(() => server.close());

/** Resolves once no request is in flight and none arrived during the last 100 ms. */
async function serverQuiet(): Promise<void> {
  for (let seen = -1; seen !== server.requests.length || server.requests.some((r) => r.outcome === 'pending'); ) {
    seen = server.requests.length;
    await new Promise((r) => setTimeout(r, 100));
  }
}
beforeEach(() => server.clearScript());

const provider = (
  over: { maxRetries?: number; timeoutMs?: number; apiKey?: string } = {},
  opts: Parameters<typeof createOpenAIProvider>[1] = {},
) =>
  createOpenAIProvider(
    { apiKey: over.apiKey ?? KEY, baseURL: server.url, maxRetries: over.maxRetries ?? 0, timeoutMs: over.timeoutMs },
    opts,
  );

const since = (before: number) => server.requests.slice(before);

describe('OpenAI provider (real SDK, local server)', () => {
  it('n=3 at 1024x1024: alpha mask of the same size, 3 images with the mask area painted', async () => {
    const before = server.requests.length;
    const progress: number[] = [];
    const out = await provider().edit(await editRequest({ n: 3 }), callCtx(undefined, { onProgress: (f) => progress.push(f) }));
    expect(out).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      expect(out[i].mime).toBe('image/png');
      const img = await decodeRgba(Buffer.from(out[i].bytes));
      expect([img.width, img.height]).toEqual([1024, 1024]);
      expect(pixelAt(img, 100, 500)).toEqual([...PALETTE[i], 255]); // editable left half
      expect(pixelAt(img, 900, 500)).toEqual([SRC[0] + BRIGHTEN, SRC[1] + BRIGHTEN, SRC[2] + BRIGHTEN, 255]);
      expect(out[i].requestId).toMatch(/^req_\d+$/);
      expect(out[i].usage?.total_tokens).toBeGreaterThan(0);
    }
    expect(progress.at(-1)).toBe(1);
    const [rec] = since(before);
    expect(rec.validation).toEqual({ ok: true });
    expect(rec.maskSize).toMatchObject({ width: 1024, height: 1024, kind: 'png', hasAlpha: true });
    expect(rec.fields).toMatchObject({ model: 'gpt-image-2', size: '1024x1024', n: '3', quality: 'low', output_format: 'png' });
    expect(rec.fields.input_fidelity).toBeUndefined();
    expect(rec.files.map((f) => f.field).sort()).toEqual(['image', 'mask']);
    expect(out[0].requestId).toBe(`req_${rec.index}`);
  });

  it('sends references as image[] after the source', async () => {
    const before = server.requests.length;
    const ref = new Uint8Array(await makePng(48, 32, [10, 20, 30, 255]));
    const out = await provider().edit(await editRequest({ references: [{ bytes: ref, mime: 'image/png', name: 'ref.png' }] }), callCtx());
    expect(out).toHaveLength(1);
    const [rec] = since(before);
    expect(rec.files.filter((f) => f.field === 'image[]')).toHaveLength(2);
    expect(rec.imageSizes.map((s) => [s.width, s.height])).toEqual([
      [1024, 1024],
      [48, 32],
    ]);
    expect(rec.maskSize).toMatchObject({ width: 1024, height: 1024 });
  });

  it('refuses more than 16 images before sending anything', async () => {
    const before = server.requests.length;
    const ref = { bytes: new Uint8Array(await makePng(16, 16)), mime: 'image/png', name: 'r.png' };
    const e = await appErrorOf(provider().edit(await editRequest({ references: Array(16).fill(ref) }), callCtx()));
    expect(e.kind).toBe('invalid-request');
    expect(e.info.rule).toMatch(/16 images/);
    expect(e.message).toContain('17');
    expect(server.requests.length).toBe(before);
  });

  it('streams partial previews through onPartial, then returns the final image', async () => {
    const before = server.requests.length;
    const partials: Array<[number, number]> = [];
    const out = await provider({}, { stream: true, partialImages: 2 }).edit(
      await editRequest(),
      callCtx(undefined, { onPartial: (c, bytes) => partials.push([c, bytes.length]) }),
    );
    expect(partials).toHaveLength(2);
    expect(partials.every(([c, len]) => c === 0 && len > 0)).toBe(true);
    expect(out).toHaveLength(1);
    const img = await decodeRgba(Buffer.from(out[0].bytes));
    expect(pixelAt(img, 100, 500)).toEqual([...PALETTE[0], 255]);
    expect(out[0].usage?.total_tokens).toBeGreaterThan(0);
    const [rec] = since(before);
    expect(rec.fields).toMatchObject({ stream: 'true', partial_images: '2' });
    expect(out[0].requestId).toBe(`req_${rec.index}`);
  });

  it('does not stream when n > 1 (the service streams one image per request)', async () => {
    const before = server.requests.length;
    const out = await provider({}, { stream: true }).edit(await editRequest({ n: 2 }), callCtx());
    expect(out).toHaveLength(2);
    expect(since(before)[0].fields.stream).toBeUndefined();
    expect(since(before)[0].fields.partial_images).toBeUndefined();
  });

  it('abort while streaming stops at once; a broken stream is a server error', async () => {
    const s = await startOpenAIServer({ acceptedKeys: [KEY], streamFrameDelayMs: 3000 });
    try {
      const ac = new AbortController();
      const partials: number[] = [];
      const p = createOpenAIProvider({ apiKey: KEY, baseURL: s.url, maxRetries: 0 }, { stream: true, partialImages: 3 });
      const onPartial = (c: number) => {
        partials.push(c);
        ac.abort();
      };
      const { value: e, ms } = await timed(async () => appErrorOf(p.edit(await editRequest(), callCtx(ac.signal, { onPartial }))));
      expect(e.kind).toBe('cancelled');
      expect(partials).toEqual([0]);
      expect(ms).toBeLessThan(2500); // the whole stream would take ≥ 9 s
    } finally {
      await s.close();
    }
    server.script({ malformed: true });
    const before = server.requests.length;
    const e = await appErrorOf(
      provider({}, { stream: true, partialImages: 0 }).edit(await editRequest(), callCtx(undefined, { onPartial: () => {} })),
    );
    expect(e.kind).toBe('server');
    expect(since(before)[0].fields.stream).toBe('true');
  });

  it('streams only for a caller that shows the previews (an outpaint tile, which does not, gets the plain answer)', async () => {
    const before = server.requests.length;
    const out = await provider({}, { stream: true, partialImages: 2 }).edit(await editRequest(), callCtx());
    expect(out).toHaveLength(1);
    expect(out[0].mime).toBe('image/png');
    expect(since(before)[0].fields.stream).toBeUndefined();
    expect(since(before)[0].fields.partial_images).toBeUndefined();
  });

  it('an answer asked for as JPEG comes as JPEG at compression 100 (a gateway is asked for PNG)', async () => {
    const before = server.requests.length;
    const [jpeg] = await provider().edit(await editRequest({ answerFormat: 'jpeg' }), callCtx());
    expect(since(before)[0].fields).toMatchObject({ output_format: 'jpeg', output_compression: '100' });
    expect(jpeg.mime).toBe('image/jpeg');
    expect([jpeg.bytes[0], jpeg.bytes[1], jpeg.bytes[2]]).toEqual([0xff, 0xd8, 0xff]);
    const img = await decodeRgba(Buffer.from(jpeg.bytes));
    expect([img.width, img.height]).toEqual([1024, 1024]);
    // The painted area's colour survives the JPEG within a few levels.
    const got = pixelAt(img, 100, 500);
    for (const [i, v] of PALETTE[0].entries()) expect(Math.abs(got[i] - v)).toBeLessThanOrEqual(4);
    const gw = createProvider('gateway', { apiKey: KEY, baseURL: server.url, maxRetries: 0 });
    const [png] = await gw.edit(await editRequest({ answerFormat: 'jpeg' }), callCtx());
    expect(since(before)[1].fields.output_format).toBe('png');
    expect(since(before)[1].fields.output_compression).toBeUndefined();
    expect(png.mime).toBe('image/png');
  });

  it('gpt-image-1.5 gets input_fidelity high (gpt-image-2 never gets it)', async () => {
    const before = server.requests.length;
    await provider().edit(await editRequest({ model: 'gpt-image-1.5' }), callCtx());
    expect(since(before)[0].fields).toMatchObject({ model: 'gpt-image-1.5', input_fidelity: 'high' });
    expect(since(before)[0].validation).toEqual({ ok: true });
  });

  it('moderation: typed error naming the model and category, no key', async () => {
    const e = await appErrorOf(provider().edit(await editRequest({ prompt: `nudge ${MODERATE_TRIGGER}` }), callCtx()));
    expect(e.kind).toBe('moderation');
    expect(e.info.model).toBe('gpt-image-2');
    expect(e.message).toBe('GPT Image 2 refused this request (safety system: sexual). Try rephrasing, or try another model.');
    expect(e.info.requestId).toMatch(/^req_\d+$/);
    expect(e.message).not.toContain(KEY);
  });

  it('429 with retry-after-ms twice, then success: the SDK retries (3 requests), and the call is told why it waits', async () => {
    server.script({ status: 429, retryAfterMs: 20, times: 2 });
    const before = server.requests.length;
    const waits: WaitNotice[] = [];
    const out = await provider({ maxRetries: 2 }).edit(await editRequest(), callCtx(undefined, { onWait: (n) => waits.push(n) }));
    expect(out).toHaveLength(1);
    expect(since(before).map((r) => r.status)).toEqual([429, 429, 200]);
    expect(waits).toEqual([
      { reason: 'rate-limit', afterMs: 20 },
      { reason: 'rate-limit', afterMs: 20 },
    ]);
    expect(waitWords('OpenAI', waits[0])).toBe('OpenAI is limiting requests: trying again in 1 s');
    expect(waitWords('Gemini', { reason: 'server' })).toBe('Gemini had a problem: trying again shortly');
  });

  it('429 forever: rate-limit with retryAfterSeconds after the retries (a wait announced only before a retry)', async () => {
    server.script({ status: 429, retryAfter: '0', times: Infinity });
    const before = server.requests.length;
    const waits: WaitNotice[] = [];
    const e = await appErrorOf(provider({ maxRetries: 1 }).edit(await editRequest(), callCtx(undefined, { onWait: (n) => waits.push(n) })));
    expect(waits).toEqual([{ reason: 'rate-limit', afterMs: 0 }]);
    expect(e.kind).toBe('rate-limit');
    expect(e.info.retryAfterSeconds).toBe(0);
    expect(e.message).toContain('GPT Image 2');
    expect(since(before)).toHaveLength(2);
  });

  it('500: server error after the retries', async () => {
    server.script({ status: 500, retryAfterMs: 5, times: Infinity });
    const before = server.requests.length;
    const e = await appErrorOf(provider({ maxRetries: 2 }).edit(await editRequest(), callCtx()));
    expect(e.kind).toBe('server');
    expect(e.message).toContain('HTTP 500');
    expect(e.info.requestId).toMatch(/^req_\d+$/);
    expect(since(before).map((r) => r.status)).toEqual([500, 500, 500]);
  });

  it('a malformed 200 body is a server error', async () => {
    server.script({ malformed: true });
    const e = await appErrorOf(provider().edit(await editRequest(), callCtx()));
    expect(e.kind).toBe('server');
  });

  it('bad key: auth error that never shows the key', async () => {
    const wrong = 'sk-test-WRONGKEY-9876543210zyxw';
    const e = await appErrorOf(provider({ apiKey: wrong, maxRetries: 2 }).edit(await editRequest(), callCtx()));
    expect(e.kind).toBe('auth');
    expect(e.message).toBe('The OpenAI key was rejected; check it in Settings → Keys.');
    expect(e.message).not.toContain(wrong);
    expect(e.message).not.toContain('zyxw');
  });

  it('abort mid-request: cancelled, quickly', async () => {
    server.script({ delayMs: 10000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { value: e, ms } = await timed(async () => appErrorOf(provider({ maxRetries: 2 }).edit(await editRequest(), callCtx(ac.signal))));
    expect(e.kind).toBe('cancelled');
    expect(ms).toBeLessThan(4000);
  });

  it('an already aborted signal sends nothing', async () => {
    // Requests of earlier tests may still be arriving on a loaded machine: count only after they have settled.
    await serverQuiet();
    const before = server.requests.length;
    const ac = new AbortController();
    ac.abort();
    expect((await appErrorOf(provider().edit(await editRequest(), callCtx(ac.signal)))).kind).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300)); // a request that was sent would have arrived by now
    expect(server.requests.length).toBe(before);
  });

  it('a hung server hits the per-attempt timeout', async () => {
    server.script({ hangMs: 12000 });
    const { value: e, ms } = await timed(async () =>
      appErrorOf(provider({ timeoutMs: 300, maxRetries: 0 }).edit(await editRequest(), callCtx())),
    );
    expect(e.kind).toBe('timeout');
    expect(ms).toBeLessThan(6000);
  });

  it('an illegal size is an invalid-request naming the rule', async () => {
    const e = await appErrorOf(provider().edit(await editRequest({ size: { width: 1000, height: 1000 } }), callCtx()));
    expect(e.kind).toBe('invalid-request');
    expect(e.info.rule).toBe('size');
    expect(e.message).toMatch(/^GPT Image 2 rejected the request — size: .*divisible by 16/);
  });

  it('connection refused is a network error', async () => {
    const port = await closedPort();
    const p = createOpenAIProvider({ apiKey: KEY, baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
    const e = await appErrorOf(p.edit(await editRequest(), callCtx()));
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/Could not reach OpenAI/);
  });
});

describe('gateway through the provider factory', () => {
  it('an OpenAI-compatible gateway at a custom base URL', async () => {
    const before = server.requests.length;
    const p = createProvider('gateway', { apiKey: KEY, baseURL: server.url, maxRetries: 0 });
    expect(p.kind).toBe('gateway');
    const out = await p.edit(await editRequest({ model: 'gpt-image-2' }), callCtx());
    expect(out).toHaveLength(1);
    expect(since(before)[0].path).toBe('/v1/images/edits');
  });

  it('gateway errors name the gateway and its settings', async () => {
    const p = createProvider('gateway', { apiKey: 'sk-gateway-nope-00000000', baseURL: server.url, maxRetries: 0 });
    const e = await appErrorOf(p.edit(await editRequest(), callCtx()));
    expect(e.kind).toBe('auth');
    expect(e.message).toBe('The gateway key was rejected; check it in Settings → Gateways.');
  });

  it('a gateway base URL without its /v1 is named as the thing to fix (not charged)', async () => {
    const root = server.url.replace(/\/v1$/, '');
    const p = createProvider('gateway', { apiKey: KEY, baseURL: root, maxRetries: 0 });
    const e = await appErrorOf(p.edit(await editRequest({ model: 'gpt-image-2' }), callCtx()));
    expect(NOT_CHARGED_KINDS.has(e.kind)).toBe(true);
    expect(e.message).toBe(
      `The gateway at ${root} has no image-edit endpoint (HTTP 404: Invalid URL (POST /images/edits)). Check its base URL in Settings → Gateways: it usually ends in the API version, such as /v1.`,
    );
    // OpenAI itself (no gateway base URL in the message context) keeps the request's wording.
    const direct = createOpenAIProvider({ apiKey: KEY, baseURL: root, maxRetries: 0 });
    expect((await appErrorOf(direct.edit(await editRequest({ model: 'gpt-image-2' }), callCtx()))).message).toMatch(
      /^GPT Image 2 rejected the request — Invalid URL/,
    );
  });

  it('a gateway without a base URL is refused', () => {
    expect(() => createProvider('gateway', { apiKey: KEY })).toThrow(/base URL/);
  });

  it('openai and gemini kinds', () => {
    expect(createProvider('openai', { apiKey: KEY, baseURL: server.url }).kind).toBe('openai');
    expect(createProvider('gemini', { apiKey: 'g-key-123456' }).kind).toBe('gemini');
  });
});
