// The Gemini Batch API client through the real @google/genai batch interface against the local batch server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createGeminiBatchClient, type BatchRequestInput } from '../../../electron/main/batch/gemini-batch-client';
import type { AppError } from '../../../shared/errors';
import { BATCH_ITEM_ERROR_TRIGGER, startGeminiBatchServer, type GeminiBatchServer } from '../../servers/gemini-batch-server';
import { MODERATE_TRIGGER, makePng, makeWhiteMask } from '../../servers';

const KEY = 'AIzaSyBatch-maskwork-0123456789abcdefXYZ';
let server: GeminiBatchServer;

beforeAll(async () => {
  server = await startGeminiBatchServer({ acceptedKeys: [KEY], advanceOnPoll: true });
});
afterAll(() => server.close());

const client = (key = KEY, s = server) => createGeminiBatchClient({ apiKey: key, baseURL: s.baseUrl });

async function request(key: string, prompt = 'a glass vase'): Promise<BatchRequestInput> {
  const img = await makePng(688, 384, [90, 120, 150, 255]);
  const mask = await makeWhiteMask(688, 384, { x: 100, y: 50, width: 200, height: 120 });
  return {
    key,
    parts: [
      { text: prompt },
      { inlineData: { mimeType: 'image/png', data: img.toString('base64') } },
      { inlineData: { mimeType: 'image/png', data: mask.toString('base64') } },
    ],
    aspectRatio: '16:9',
    imageSize: '1K',
  };
}

async function until(name: string, states: string[], ms = 5000) {
  const end = Date.now() + ms;
  const seen: string[] = [];
  for (;;) {
    const r = await client().get(name);
    if (seen.at(-1) !== r.state) seen.push(r.state);
    if (states.includes(r.state)) return { r, seen };
    if (Date.now() > end) throw new Error(`still ${r.state}`);
    await new Promise((res) => setTimeout(res, 15));
  }
}

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('did not fail');
};

describe('Gemini Batch API (real SDK batches interface, local server)', () => {
  it('create → pending → running → succeeded, inline responses matched by metadata key, images at the requested size', async () => {
    const c = client();
    const sub = await c.submit('gemini-3.1-flash-image', 'maskwork test', [await request('item-1'), await request('item-2', 'a red cup')]);
    expect(sub.name).toMatch(/^batches\/mock\d+$/);
    expect(sub.state).toBe('pending');
    const { r, seen } = await until(sub.name, ['succeeded']);
    expect(seen).toEqual(['pending', 'running', 'succeeded']);
    expect(r.results?.map((x) => x.key)).toEqual(['item-1', 'item-2']);
    for (const x of r.results ?? []) {
      expect(x.error).toBeUndefined();
      const meta = await sharp(Buffer.from(x.image!.bytes)).metadata();
      expect([meta.width, meta.height]).toEqual([1376, 768]);
    }
    const create = server.log.find((l) => l.path.endsWith(':batchGenerateContent'));
    expect(create?.path).toBe('/v1/models/gemini-3.1-flash-image:batchGenerateContent');
    expect(create?.headers['x-goog-api-key']).toBeDefined();
    const b = server.batches.get(sub.name.split('/')[1])!;
    expect(b.displayName).toBe('maskwork test');
    expect(b.requests[0].request.generationConfig).toEqual({
      responseModalities: ['IMAGE'],
      imageConfig: { aspectRatio: '16:9', imageSize: '1K' },
    });
  });

  it('per-request errors and refusals fail only their own item', async () => {
    const sub = await client().submit('gemini-3.1-flash-image', 'mixed', [
      await request('a'),
      await request('b', `x ${BATCH_ITEM_ERROR_TRIGGER}`),
      await request('c', `y ${MODERATE_TRIGGER}`),
    ]);
    const { r } = await until(sub.name, ['succeeded']);
    const [a, b, c] = r.results!;
    expect(a.image?.bytes.length).toBeGreaterThan(100);
    expect(b.error?.kind).toBe('server');
    expect(b.error?.message).toMatch(/could not do this image/);
    expect(c.error?.kind).toBe('moderation');
  });

  it('a request the service rejects (bad aspect) fails alone; the batch still succeeds', async () => {
    const bad = { ...(await request('bad')), aspectRatio: '5:1' };
    const sub = await client().submit('gemini-3.1-flash-image', 'one bad', [await request('good'), bad]);
    const { r } = await until(sub.name, ['succeeded']);
    expect(r.results?.[0].image).toBeDefined();
    expect(r.results?.[1].error?.kind).toBe('invalid-request');
    expect(r.results?.[1].error?.message).toMatch(/aspect ratio/i);
  });

  it('cancel while running ends in cancelled; cancelling a finished job is refused', async () => {
    server.hold();
    const sub = await client().submit('gemini-3.1-flash-image', 'to cancel', [await request('k')]);
    await until(sub.name, ['running']);
    await client().cancel(sub.name);
    expect((await client().get(sub.name)).state).toBe('cancelled');
    server.release();
    const e = await errorOf(client().cancel(sub.name));
    expect(e.kind).toBe('invalid-request');
    expect(e.message).toMatch(/cannot be cancelled/);
  });

  it('a job that fails as a whole reports failed, with no results', async () => {
    server.failNext({ code: 13, message: 'internal' });
    const sub = await client().submit('gemini-3.1-flash-image', 'doomed', [await request('k')]);
    const { r } = await until(sub.name, ['failed']);
    expect(r.results).toBeUndefined();
  });

  it('refuses what the service refuses: bad key, a non-image model, more than 20 MB inline (also checked before sending)', async () => {
    expect((await errorOf(client('bad-key').submit('gemini-3.1-flash-image', 'x', [await request('k')]))).kind).toBe('auth');
    const e = await errorOf(client().submit('gpt-image-2', 'x', [await request('k')]));
    expect(e.kind).toBe('invalid-request');
    const before = server.log.length;
    const huge = { key: 'h', parts: [{ inlineData: { mimeType: 'image/png', data: 'A'.repeat(21 * 2 ** 20) } }] };
    const big = await errorOf(client().submit('gemini-3.1-flash-image', 'x', [huge]));
    expect(big.kind).toBe('too-large');
    expect(server.log.length).toBe(before); // nothing was sent
    const small = await startGeminiBatchServer({ acceptedKeys: [KEY], inlineLimitBytes: 2_000 });
    try {
      const e2 = await errorOf(
        client(KEY, small).submit('gemini-3.1-flash-image', 'x', [await request('a'), await request('b'), await request('c')]),
      );
      expect(e2.kind).toBe('invalid-request');
      expect(e2.message).toMatch(/20 MB/);
    } finally {
      await small.close();
    }
  });

  it('an unknown batch is not-found', async () => {
    const e = await errorOf(client().get('batches/nope'));
    expect(e.kind).toBe('invalid-request');
    expect(e.message).toMatch(/not found/);
  });
});
