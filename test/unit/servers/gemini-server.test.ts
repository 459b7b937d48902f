import { ApiError, GoogleGenAI, type Part } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BRIGHTEN, decodeRgba, makePng, makeWhiteMask, pixelAt } from '../../servers';
import { startGeminiServer, type GeminiServer } from '../../servers/gemini-server';

let server: GeminiServer;
let ai: GoogleGenAI;
let srcB64: string;
let maskB64: string;

beforeAll(async () => {
  server = await startGeminiServer();
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.baseUrl, apiVersion: 'v1' } });
  srcB64 = (await makePng(64, 64, [100, 150, 200, 255])).toString('base64');
  // white (edit) = top half
  maskB64 = (await makeWhiteMask(64, 64, { x: 0, y: 0, width: 64, height: 32 })).toString('base64');
});
afterAll(() => server.close());
beforeEach(() => server.clearScript());

const contents = (text = 'make the sky red', images = [srcB64, maskB64]) => [
  { role: 'user', parts: [{ text }, ...images.map((data) => ({ inlineData: { mimeType: 'image/png', data } }))] },
];

function gen(
  imageConfig: Record<string, unknown> = { aspectRatio: '1:1', imageSize: '1K' },
  model = 'gemini-3.1-flash-image',
  text?: string,
  responseModalities = ['IMAGE'],
) {
  return ai.models.generateContent({ model, contents: contents(text), config: { responseModalities, imageConfig } });
}

const imagePart = (parts: Part[] | undefined) => parts?.find((p) => p.inlineData && !p.thought);

async function apiError(p: Promise<unknown>, status: number): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).status).toBe(status);
  return err as ApiError;
}

describe('Gemini local server with the real SDK', () => {
  it('8:1 at 1K gives 2816x352; mask area painted, rest brightened', async () => {
    const r = await gen({ aspectRatio: '8:1', imageSize: '1K' });
    const c = r.candidates![0];
    expect(c.finishReason).toBe('STOP');
    expect(r.usageMetadata?.candidatesTokenCount).toBe(1290);
    expect(r.modelVersion).toBe('gemini-3.1-flash-image');
    const part = imagePart(c.content?.parts);
    expect(part?.inlineData?.mimeType).toBe('image/png');
    const img = await decodeRgba(Buffer.from(part!.inlineData!.data!, 'base64'));
    expect([img.width, img.height]).toEqual([2816, 352]);
    const rec = server.requests.at(-1)!;
    expect(rec.path).toBe('/v1/models/gemini-3.1-flash-image:generateContent');
    expect(rec.headers['x-goog-api-key']).toBe('[redacted]');
    expect(rec.generationConfig).toEqual({ responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '8:1', imageSize: '1K' } });
    // cover-resized: top half of the crop is the edit area (painted), bottom half brightened
    expect(pixelAt(img, 1400, 40)).toEqual([...rec.colour!, 255]);
    expect(pixelAt(img, 1400, 330)).toEqual([100 + BRIGHTEN, 150 + BRIGHTEN, 200 + BRIGHTEN, 255]);
  });

  it('image sizes follow the table for 512, 2K and v1beta paths', async () => {
    const r = await gen({ aspectRatio: '16:9', imageSize: '512' });
    const img = await decodeRgba(Buffer.from(imagePart(r.candidates![0].content?.parts)!.inlineData!.data!, 'base64'));
    expect([img.width, img.height]).toEqual([688, 384]);
    const beta = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.baseUrl, apiVersion: 'v1beta' } });
    const r2 = await beta.models.generateContent({
      model: 'gemini-3-pro-image',
      contents: contents(),
      config: { imageConfig: { aspectRatio: '3:4', imageSize: '2K' } },
    });
    const img2 = await decodeRgba(Buffer.from(imagePart(r2.candidates![0].content?.parts)!.inlineData!.data!, 'base64'));
    expect([img2.width, img2.height]).toEqual([1792, 2400]);
    expect(server.requests.at(-1)!.path).toBe('/v1beta/models/gemini-3-pro-image:generateContent');
    // no responseModalities → a text part accompanies the image
    expect(r2.candidates![0].content!.parts![0].text).toBe('Here is the edited image.');
  });

  it('rejects unsupported aspect ratios and sizes per model', async () => {
    const e = await apiError(gen({ aspectRatio: '8:1', imageSize: '1K' }, 'gemini-3-pro-image'), 400);
    expect(JSON.parse(e.message).error.status).toBe('INVALID_ARGUMENT');
    await apiError(gen({ aspectRatio: '1:1', imageSize: '1k' }), 400);
    await apiError(gen({ aspectRatio: '1:1', imageSize: '512' }, 'gemini-3-pro-image'), 400);
    await apiError(gen({ aspectRatio: '7:3' }), 400);
  });

  it('retired and unknown models are 404 NOT_FOUND', async () => {
    const e = await apiError(gen(undefined, 'gemini-2.5-flash-image'), 404);
    expect(JSON.parse(e.message).error.status).toBe('NOT_FOUND');
  });

  it('rejects undecodable inline images and more than 14 images', async () => {
    await apiError(
      ai.models.generateContent({
        model: 'gemini-3.1-flash-image',
        contents: contents('x', [Buffer.from('not an image').toString('base64')]),
      }),
      400,
    );
    await apiError(ai.models.generateContent({ model: 'gemini-3.1-flash-image', contents: contents('x', Array(15).fill(srcB64)) }), 400);
    expect(server.requests.at(-1)!.imageSizes).toHaveLength(15);
  });

  it('blockReason: 200 with no candidates and promptFeedback', async () => {
    server.script({ blockReason: 'SAFETY' });
    const r = await gen();
    expect(r.candidates).toBeUndefined();
    expect(r.promptFeedback?.blockReason).toBe('SAFETY');
  });

  it('IMAGE_SAFETY finish reason, scripted and by prompt trigger', async () => {
    server.script({ finishReason: 'IMAGE_SAFETY' });
    const r = await gen();
    expect(r.candidates![0].finishReason).toBe('IMAGE_SAFETY');
    expect(imagePart(r.candidates![0].content?.parts)).toBeUndefined();
    const r2 = await gen(undefined, undefined, 'do it [[moderate]]');
    expect(r2.candidates![0].finishReason).toBe('IMAGE_SAFETY');
  });

  it('noImage returns only text', async () => {
    server.script({ noImage: true });
    const r = await gen();
    const parts = r.candidates![0].content!.parts!;
    expect(parts.every((p) => p.inlineData === undefined)).toBe(true);
    expect(parts[0].text).toBeTruthy();
  });

  it('thought parts precede the answer and must be skipped', async () => {
    const s = await startGeminiServer({ thoughts: true, thoughtImages: true });
    try {
      const c = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: s.baseUrl, apiVersion: 'v1' } });
      const r = await c.models.generateContent({
        model: 'gemini-3.1-flash-image',
        contents: contents(),
        config: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '1:1', imageSize: '1K' } },
      });
      const parts = r.candidates![0].content!.parts!;
      expect(parts[0].thought).toBe(true);
      expect(parts[1].thought).toBe(true);
      expect(parts[1].inlineData).toBeDefined();
      const img = await decodeRgba(Buffer.from(imagePart(parts)!.inlineData!.data!, 'base64'));
      expect([img.width, img.height]).toEqual([1024, 1024]);
    } finally {
      await s.close();
    }
  });

  it('429 gives ApiError 429 with RESOURCE_EXHAUSTED; 503 too; bad key is 403', async () => {
    server.script({ status: 429, retryAfter: '7' });
    const e = await apiError(gen(), 429);
    expect(JSON.parse(e.message).error.status).toBe('RESOURCE_EXHAUSTED');
    server.script({ status: 503 });
    await apiError(gen(), 503);
    const bad = new GoogleGenAI({ apiKey: 'bad-key', httpOptions: { baseUrl: server.baseUrl, apiVersion: 'v1' } });
    const e2 = await apiError(bad.models.generateContent({ model: 'gemini-3.1-flash-image', contents: contents() }), 403);
    expect(JSON.parse(e2.message).error.message).toBe('API key not valid. Please pass a valid API key.');
  });

  it('SDK retryOptions retries a scripted 503', async () => {
    const retrying = new GoogleGenAI({
      apiKey: 'test-key',
      httpOptions: {
        baseUrl: server.baseUrl,
        apiVersion: 'v1',
        retryOptions: { attempts: 2, initialDelay: 0.01, maxDelay: 0.02, jitter: 0 },
      },
    });
    server.script({ status: 503 });
    const before = server.requests.length;
    const r = await retrying.models.generateContent({ model: 'gemini-3.1-flash-image', contents: contents() });
    expect(imagePart(r.candidates![0].content?.parts)).toBeDefined();
    expect(server.requests.slice(before).map((q) => q.status)).toEqual([503, 200]);
  });

  it('abort while delayed rejects on the client and the server notes it', async () => {
    server.script({ delayMs: 5000 });
    const ac = new AbortController();
    const p = ai.models.generateContent({ model: 'gemini-3.1-flash-image', contents: contents(), config: { abortSignal: ac.signal } });
    setTimeout(() => ac.abort(), 100);
    await expect(p).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.at(-1)!.aborted).toBe(true);
  });

  it('streams a text chunk then the image chunk over SSE', async () => {
    const stream = await ai.models.generateContentStream({
      model: 'gemini-3.1-flash-image',
      contents: contents(),
      config: { responseModalities: ['TEXT', 'IMAGE'], imageConfig: { aspectRatio: '4:3', imageSize: '1K' } },
    });
    const chunks = [];
    for await (const ch of stream) chunks.push(ch);
    expect(chunks).toHaveLength(2);
    expect(chunks[0].candidates![0].content!.parts![0].text).toBe('Here is the edited image.');
    expect(chunks[1].candidates![0].finishReason).toBe('STOP');
    const img = await decodeRgba(Buffer.from(imagePart(chunks[1].candidates![0].content?.parts)!.inlineData!.data!, 'base64'));
    expect([img.width, img.height]).toEqual([1200, 896]);
    expect(server.requests.at(-1)!.query.alt).toBe('sse');
  });

  it('mid-stream errors and malformed SSE surface as errors', async () => {
    server.script({ midStreamError: 500 });
    const s1 = await ai.models.generateContentStream({
      model: 'gemini-3.1-flash-image',
      contents: contents(),
      config: { responseModalities: ['TEXT', 'IMAGE'] },
    });
    await expect(
      (async () => {
        for await (const _ of s1) void _;
      })(),
    ).rejects.toBeInstanceOf(ApiError);
    server.script({ malformed: true });
    const s2 = await ai.models.generateContentStream({ model: 'gemini-3.1-flash-image', contents: contents() });
    await expect(
      (async () => {
        for await (const _ of s2) void _;
      })(),
    ).rejects.toThrow();
  });

  it('survives garbage requests', async () => {
    const url = `${server.baseUrl}/v1/models/gemini-3.1-flash-image:generateContent`;
    const h = { 'x-goog-api-key': 'k', 'content-type': 'application/json' };
    expect((await fetch(url, { method: 'POST', headers: h, body: '{nope' })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers: h, body: '[]' })).status).toBe(400);
    expect(
      (await fetch(url, { method: 'POST', headers: h, body: JSON.stringify({ contents: [{ role: 'user', parts: [{}] }] }) })).status,
    ).toBe(400);
    expect(
      (
        await fetch(url, {
          method: 'POST',
          headers: h,
          body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }], generationConfig: { imageConfig: { foo: 1 } } }),
        })
      ).status,
    ).toBe(400);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/v1/other`, { method: 'POST', headers: h, body: '{}' })).status).toBe(404);
  });
});
