// The Gemini provider through the real @google/genai SDK against the local protocol-faithful server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GEMINI_MASK_INSTRUCTION, createGeminiProvider } from '../../../electron/main/providers/gemini-provider';
import type { ProviderConnection, ProviderEditRequest } from '../../../electron/main/providers/provider-types';
import { BRIGHTEN, MODERATE_TRIGGER, decodeRgba, makePng, pixelAt, startGeminiServer, type GeminiServer } from '../../servers';
import { SRC, appErrorOf, callCtx, closedPort, editRequest, timed } from './helpers';

const KEY = 'AIzaSyTest-maskwork-0123456789abcdefXYZ';
let server: GeminiServer;

beforeAll(async () => {
  server = await startGeminiServer({ acceptedKeys: [KEY] });
});
afterAll(() => server.close());
beforeEach(() => server.clearScript());

const provider = (over: Partial<ProviderConnection> = {}, s: GeminiServer = server) =>
  createGeminiProvider({ apiKey: KEY, baseURL: s.baseUrl, maxRetries: 0, ...over }, { retryBaseMs: 10, retryCapMs: 40 });

/** A 16:9 region (top half editable) for gemini-3.1-flash-image at 1K unless overridden. */
const req = (over: Partial<ProviderEditRequest> = {}) =>
  editRequest({
    model: 'gemini-3.1-flash-image',
    size: { width: 688, height: 384 },
    rect: { x: 0, y: 0, width: 688, height: 192 },
    aspectRatio: '16:9',
    imageSize: '1K',
    quality: undefined,
    ...over,
  });

const since = (before: number) => server.requests.slice(before);

describe('Gemini provider (real SDK, local server)', () => {
  it('n=2 at 16:9 2K: two parallel requests, images at 2752x1536 with the white mask area painted', async () => {
    const before = server.requests.length;
    const progress: number[] = [];
    const out = await provider().edit(await req({ n: 2, imageSize: '2K' }), callCtx(undefined, { onProgress: (f) => progress.push(f) }));
    expect(out).toHaveLength(2);
    const recs = since(before);
    expect(recs).toHaveLength(2);
    expect(progress).toEqual([0.5, 1]);
    for (const img of out) {
      const rec = recs.find((r) => `mock-resp-${r.index}` === img.requestId)!;
      expect(rec).toBeDefined();
      expect(img.mime).toBe('image/png');
      expect(img.usage?.totalTokenCount).toBeGreaterThan(0);
      const px = await decodeRgba(Buffer.from(img.bytes));
      expect([px.width, px.height]).toEqual([2752, 1536]);
      expect(pixelAt(px, 1376, 100)).toEqual([...rec.colour!, 255]); // top half: edit
      expect(pixelAt(px, 1376, 1400)).toEqual([SRC[0] + BRIGHTEN, SRC[1] + BRIGHTEN, SRC[2] + BRIGHTEN, 255]);
    }
    expect(out[0].requestId).not.toBe(out[1].requestId);
    for (const rec of recs) {
      expect(rec.path).toBe('/v1/models/gemini-3.1-flash-image:generateContent');
      expect(rec.generationConfig).toEqual({ responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '16:9', imageSize: '2K' } });
      expect(rec.imageSizes.map((s) => [s.width, s.height, s.kind])).toEqual([
        [688, 384, 'png'],
        [688, 384, 'png'],
      ]);
      expect(rec.prompt).toContain(GEMINI_MASK_INSTRUCTION);
      expect(rec.prompt).toMatch(/Request: a red door$/);
      expect(rec.headers['x-goog-api-key']).toBe('[redacted]');
    }
  });

  it('references follow the source and the mask, and the instruction names them', async () => {
    const before = server.requests.length;
    const ref = new Uint8Array(await makePng(40, 30, [1, 2, 3, 255]));
    await provider().edit(await req({ references: [{ bytes: ref, mime: 'image/png', name: 'ref.png' }] }), callCtx());
    const [rec] = since(before);
    expect(rec.imageSizes.map((s) => [s.width, s.height])).toEqual([
      [688, 384],
      [688, 384],
      [40, 30],
    ]);
    expect(rec.prompt).toContain('The third image is a reference');
  });

  it('an aspect ratio the model lacks (8:1 on gemini-3-pro-image) is invalid-request naming the rule', async () => {
    const before = server.requests.length;
    const e = await appErrorOf(provider({ maxRetries: 2 }).edit(await req({ model: 'gemini-3-pro-image', aspectRatio: '8:1' }), callCtx()));
    expect(e.kind).toBe('invalid-request');
    expect(e.info.rule).toBe('aspectRatio');
    expect(e.message).toMatch(/^Nano Banana Pro \(Gemini 3 Pro Image\) rejected the request — Unsupported aspect ratio: 8:1/);
    expect(since(before)).toHaveLength(1); // 400 is not retried
  });

  it('a blocked prompt (no candidates, blockReason) is moderation naming the model and the reason', async () => {
    server.script({ blockReason: 'PROHIBITED_CONTENT' });
    const e = await appErrorOf(provider().edit(await req(), callCtx()));
    expect(e.kind).toBe('moderation');
    expect(e.info.model).toBe('gemini-3.1-flash-image');
    expect(e.message).toBe(
      'Nano Banana 2 (Gemini 3.1 Flash Image) refused this request (prompt blocked: PROHIBITED_CONTENT). Try rephrasing, or try another model.',
    );
    // Nothing was generated: the ledger takes the request's estimate back out.
    expect(e.info.notCharged).toBe(true);
  });

  it('an IMAGE_SAFETY finish is moderation naming the model', async () => {
    const e = await appErrorOf(provider().edit(await req({ prompt: `x ${MODERATE_TRIGGER}` }), callCtx()));
    expect(e.kind).toBe('moderation');
    expect(e.message).toContain('Nano Banana 2 (Gemini 3.1 Flash Image) refused this request (safety filter: IMAGE_SAFETY)');
    expect(e.info.requestId).toMatch(/^mock-resp-\d+$/);
  });

  it('one refused candidate of two fails the whole call with moderation', async () => {
    server.script({ finishReason: 'IMAGE_SAFETY' });
    const e = await appErrorOf(provider().edit(await req({ n: 2 }), callCtx()));
    expect(e.kind).toBe('moderation');
  });

  it('a text-only answer is a server error quoting the finish reason', async () => {
    server.script({ noImage: true });
    const e = await appErrorOf(provider().edit(await req(), callCtx()));
    expect(e.kind).toBe('server');
    expect(e.message).toMatch(
      /^Nano Banana 2 \(Gemini 3\.1 Flash Image\) returned no image \(finish reason STOP\)\. The model said: "I can describe/,
    );
    server.script({ finishReason: 'NO_IMAGE' });
    expect((await appErrorOf(provider().edit(await req(), callCtx()))).message).toContain('finish reason NO_IMAGE');
  });

  it('skips thought parts, including interim thought images', async () => {
    const s = await startGeminiServer({ acceptedKeys: [KEY], thoughts: true, thoughtImages: true, alwaysText: true });
    try {
      const [img] = await provider({}, s).edit(await req(), callCtx());
      const px = await decodeRgba(Buffer.from(img.bytes));
      expect([px.width, px.height]).toEqual([1376, 768]); // not the 256x256 thought sketch
      expect(pixelAt(px, 600, 50)).toEqual([...s.requests[0].colour!, 255]);
    } finally {
      await s.close();
    }
  });

  it('429 with RetryInfo, then success: retried after the requested delay', async () => {
    server.script({ status: 429, retryAfter: '0.15' });
    const before = server.requests.length;
    const waits: { reason: string; afterMs?: number }[] = [];
    const { value: out, ms } = await timed(async () =>
      provider({ maxRetries: 2 }).edit(await req(), callCtx(undefined, { onWait: (n) => waits.push(n) })),
    );
    expect(out).toHaveLength(1);
    expect(since(before).map((r) => r.status)).toEqual([429, 200]);
    expect(ms).toBeGreaterThanOrEqual(140);
    // The call is told it waits out a rate limit, and for how long (the progress bar says so).
    expect(waits).toEqual([{ reason: 'rate-limit', afterMs: 150 }]);
  });

  it('429 without retries left: no wait is announced, the rate limit is the error', async () => {
    server.script({ status: 429, retryAfter: '7' });
    const waits: unknown[] = [];
    const e = await appErrorOf(provider().edit(await req(), callCtx(undefined, { onWait: (n) => waits.push(n) })));
    expect(e.kind).toBe('rate-limit');
    expect(waits).toEqual([]);
  });

  it('503 twice, then success with exponential backoff; a third failure would exceed maxRetries', async () => {
    server.script({ status: 503, times: 2 });
    const before = server.requests.length;
    expect(await provider({ maxRetries: 2 }).edit(await req(), callCtx())).toHaveLength(1);
    expect(since(before).map((r) => r.status)).toEqual([503, 503, 200]);
    server.script({ status: 500, times: Infinity });
    const e = await appErrorOf(provider({ maxRetries: 1 }).edit(await req(), callCtx()));
    expect(e.kind).toBe('server');
    expect(e.message).toContain('HTTP 500');
  });

  it('429 without retries left: rate-limit carrying the server delay', async () => {
    server.script({ status: 429, retryAfter: '7' });
    const e = await appErrorOf(provider().edit(await req(), callCtx()));
    expect(e.kind).toBe('rate-limit');
    expect(e.info.retryAfterSeconds).toBe(7);
  });

  it('a transient failure of one candidate of two returns the other one', async () => {
    server.script({ status: 500 });
    const before = server.requests.length;
    const out = await provider().edit(await req({ n: 2 }), callCtx());
    expect(out).toHaveLength(1);
    expect(
      since(before)
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 500]);
  });

  it('abort mid-request, and abort during a backoff wait: cancelled, quickly', async () => {
    server.script({ delayMs: 10000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const a = await timed(async () => appErrorOf(provider({ maxRetries: 2 }).edit(await req({ n: 2 }), callCtx(ac.signal))));
    expect(a.value.kind).toBe('cancelled');
    expect(a.ms).toBeLessThan(4000);
    server.script({ status: 429, retryAfter: '20' });
    const ac2 = new AbortController();
    setTimeout(() => ac2.abort(), 150);
    const b = await timed(async () => appErrorOf(provider({ maxRetries: 2 }).edit(await req(), callCtx(ac2.signal))));
    expect(b.value.kind).toBe('cancelled');
    expect(b.ms).toBeLessThan(4000);
  });

  it('a hung server hits the per-attempt timeout', async () => {
    server.script({ hangMs: 12000 });
    const { value: e, ms } = await timed(async () => appErrorOf(provider({ timeoutMs: 300 }).edit(await req(), callCtx())));
    expect(e.kind).toBe('timeout');
    expect(ms).toBeLessThan(6000);
  });

  it('bad key: auth error without the key', async () => {
    const wrong = 'AIzaSyWRONG-key-abcdefghijklmnop12345';
    const e = await appErrorOf(provider({ apiKey: wrong, maxRetries: 2 }).edit(await req(), callCtx()));
    expect(e.kind).toBe('auth');
    expect(e.message).toBe('The Gemini key was rejected; check it in Settings → Keys.');
    expect(e.message).not.toContain(wrong);
  });

  it('connection refused is a network error; a malformed body is a server error', async () => {
    const port = await closedPort();
    const e = await appErrorOf(
      createGeminiProvider({ apiKey: KEY, baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 }).edit(await req(), callCtx()),
    );
    expect(e.kind).toBe('network');
    expect(e.message).toContain('ECONNREFUSED');
    server.script({ malformed: true });
    expect((await appErrorOf(provider().edit(await req(), callCtx()))).kind).toBe('server');
  });
});
