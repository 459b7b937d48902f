import OpenAI, { APIUserAbortError, AuthenticationError, BadRequestError, NotFoundError, RateLimitError, toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BRIGHTEN, decodeRgba, makeAlphaMask, makePng, paletteColour, pixelAt, sniff } from '../../servers';
import { startOpenAIServer, type OpenAIServer } from '../../servers/openai-server';

let server: OpenAIServer;
let client: OpenAI;
let src: Buffer;
let mask: Buffer;
const png = (buf: Buffer, name = 'image.png') => toFile(buf, name, { type: 'image/png' });

beforeAll(async () => {
  server = await startOpenAIServer();
  client = new OpenAI({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  src = await makePng(64, 64, [100, 150, 200, 255]);
  // editable: left half (x < 32)
  mask = await makeAlphaMask(64, 64, { x: 0, y: 0, width: 32, height: 64 });
});
afterAll(() => server.close());
beforeEach(() => server.clearScript());

async function edit(extra: Partial<OpenAI.Images.ImageEditParamsNonStreaming> = {}, opts?: OpenAI.RequestOptions) {
  return client.images.edit(
    { model: 'gpt-image-2', image: await png(src), mask: await png(mask, 'mask.png'), prompt: 'a red door', size: '1024x1024', ...extra },
    opts,
  );
}

async function expectBad(p: Promise<unknown>, param?: string): Promise<BadRequestError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BadRequestError);
  const e = err as BadRequestError;
  expect(e.status).toBe(400);
  if (param !== undefined) expect(e.param).toBe(param);
  return e;
}

describe('OpenAI local server with the real SDK', () => {
  it('returns n images at exactly the requested size, masked area painted, rest brightened', async () => {
    const r = await edit({ n: 2 });
    expect(r.data).toHaveLength(2);
    expect(r.size).toBe('1024x1024');
    expect(r.output_format).toBe('png');
    expect(r.usage?.total_tokens).toBeGreaterThan(0);
    expect((r as unknown as { _request_id?: string })._request_id).toMatch(/^req_\d+$/);
    for (let i = 0; i < 2; i++) {
      const img = await decodeRgba(Buffer.from(r.data![i].b64_json!, 'base64'));
      expect([img.width, img.height]).toEqual([1024, 1024]);
      expect(pixelAt(img, 100, 500)).toEqual([...paletteColour(i), 255]);
      expect(pixelAt(img, 900, 500)).toEqual([100 + BRIGHTEN, 150 + BRIGHTEN, 200 + BRIGHTEN, 255]);
    }
    const rec = server.requests.at(-1)!;
    expect(rec.headers.authorization).toBe('[redacted]');
    expect(rec.fields).toMatchObject({ model: 'gpt-image-2', size: '1024x1024', n: '2' });
    expect(rec.imageSizes[0]).toMatchObject({ width: 64, height: 64, kind: 'png' });
    expect(rec.maskSize).toMatchObject({ width: 64, height: 64, hasAlpha: true });
    expect(rec.validation).toEqual({ ok: true });
  });

  it('accepts several images as repeated image[] fields', async () => {
    const second = await makePng(32, 48, [10, 20, 30, 255]);
    const r = await client.images.edit({
      model: 'gpt-image-2',
      image: [await png(src), await png(second, 'ref.png')],
      prompt: 'x',
      size: '1536x1024',
    });
    const img = await decodeRgba(Buffer.from(r.data![0].b64_json!, 'base64'));
    expect([img.width, img.height]).toEqual([1536, 1024]);
    const rec = server.requests.at(-1)!;
    expect(rec.files.filter((f) => f.field === 'image[]')).toHaveLength(2);
    expect(rec.imageSizes.map((s) => [s.width, s.height])).toEqual([
      [64, 64],
      [32, 48],
    ]);
  });

  it('size auto snaps the first image size to a legal gpt-image-2 size; webp output honoured', async () => {
    const r = await edit({ size: 'auto', output_format: 'webp' });
    expect(r.size).toBe('816x816');
    expect(sniff(Buffer.from(r.data![0].b64_json!, 'base64'))).toBe('webp');
  });

  it('rejects a mask whose dimensions differ from the first image', async () => {
    const small = await makeAlphaMask(32, 32, { x: 0, y: 0, width: 8, height: 8 });
    const e = await expectBad(
      client.images.edit({ model: 'gpt-image-2', image: await png(src), mask: await png(small, 'mask.png'), prompt: 'x' }),
      'mask',
    );
    expect(e.message).toMatch(/dimensions/);
    expect(e.message).toContain('32x32');
  });

  it('rejects masks without alpha and non-PNG masks', async () => {
    const rgb = await (await import('sharp'))
      .default({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect((await expectBad(edit({ mask: await png(rgb, 'mask.png') }), 'mask')).code).toBe('invalid_image_file');
    const jpg = await (await import('sharp')).default(src).jpeg().toBuffer();
    expect((await expectBad(edit({ mask: await toFile(jpg, 'mask.jpg', { type: 'image/jpeg' }) }), 'mask')).code).toBe(
      'invalid_image_format',
    );
  });

  it('checks image magic bytes rather than the declared type', async () => {
    const e = await expectBad(edit({ image: await toFile(Buffer.from('GIF89a not really'), 'x.png', { type: 'image/png' }) }), 'image');
    expect(e.code).toBe('invalid_image_file');
  });

  it.each([
    ['1000x1000', /divisible by 16/],
    ['4000x1000', /./],
    ['2048x512', /aspect ratio/],
    ['512x512', /at least 655360/],
    ['3840x3840', /at most 8294400/],
    ['big', /WIDTHxHEIGHT/],
  ])('rejects gpt-image-2 size %s', async (size, re) => {
    const e = await expectBad(edit({ size: size as '1024x1024' }), 'size');
    expect(e.message).toMatch(re);
  });

  it('accepts 3840x2160 and enforces the gpt-image-1.5 size list and input_fidelity rules', async () => {
    const ok = await client.images.edit({
      model: 'gpt-image-2',
      image: await png(src),
      prompt: 'x',
      size: '3840x2160' as '1024x1024',
      quality: 'low',
    });
    expect(ok.size).toBe('3840x2160');
    await expectBad(edit({ model: 'gpt-image-1.5', size: '2048x2048' as '1024x1024' }), 'size');
    await expectBad(edit({ input_fidelity: 'high' }), 'input_fidelity');
    const r = await edit({ model: 'gpt-image-1.5', size: '1024x1536', input_fidelity: 'high' });
    expect(r.size).toBe('1024x1536');
  });

  it('validates n, quality, prompt length and retired models', async () => {
    expect((await expectBad(edit({ n: 11 }), 'n')).code).toBe('integer_above_max_value');
    expect((await expectBad(edit({ n: 0 }), 'n')).code).toBe('integer_below_min_value');
    await expectBad(edit({ quality: 'ultra' as 'low' }), 'quality');
    expect((await expectBad(edit({ prompt: 'x'.repeat(32001) }), 'prompt')).code).toBe('string_above_max_length');
    const err = await edit({ model: 'gpt-image-1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).code).toBe('model_not_found');
  });

  it('rejects more than 16 images', async () => {
    const files = await Promise.all(Array.from({ length: 17 }, () => png(src)));
    expect((await expectBad(client.images.edit({ model: 'gpt-image-2', image: files, prompt: 'x' }), 'image')).code).toBe(
      'array_above_max_length',
    );
  });

  it('moderation: scripted and by prompt trigger', async () => {
    server.script({ moderation: true });
    const e = await expectBad(edit());
    expect(e.code).toBe('moderation_blocked');
    expect(e.type).toBe('image_generation_user_error');
    expect(e.message).toContain('safety_violations=[sexual]');
    expect((await expectBad(edit({ prompt: 'please [[moderate]] this' }))).code).toBe('moderation_blocked');
  });

  it('429 with retry-after-ms is retried by the SDK and then succeeds', async () => {
    const retrying = new OpenAI({ apiKey: 'test-key', baseURL: server.url, maxRetries: 1 });
    server.script({ status: 429, retryAfterMs: 10 });
    const before = server.requests.length;
    const r = await retrying.images.edit({ model: 'gpt-image-2', image: await png(src), prompt: 'x', size: '1024x1024' });
    expect(r.data).toHaveLength(1);
    const recs = server.requests.slice(before);
    expect(recs.map((q) => q.status)).toEqual([429, 200]);
  });

  it('429 without retries surfaces RateLimitError with the service body', async () => {
    server.script({ status: 429, retryAfter: '1' });
    const err = await edit().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).code).toBe('rate_limit_exceeded');
    expect((err as RateLimitError).headers?.get('retry-after')).toBe('1');
  });

  it('abort during a delayed response gives APIUserAbortError and the server records it', async () => {
    server.script({ delayMs: 5000 });
    const ac = new AbortController();
    const p = edit({}, { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    await expect(p).rejects.toBeInstanceOf(APIUserAbortError);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.at(-1)!.aborted).toBe(true);
  });

  it('hangMs lets a client timeout fire', async () => {
    server.script({ hangMs: 5000 });
    await expect(edit({}, { timeout: 200 })).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('streams partial images then the completed image', async () => {
    const stream = await client.images.edit({
      model: 'gpt-image-2',
      image: await png(src),
      mask: await png(mask, 'mask.png'),
      prompt: 'x',
      size: '1024x1024',
      stream: true,
      partial_images: 2,
    });
    const events: OpenAI.Images.ImageEditStreamEvent[] = [];
    for await (const ev of stream) events.push(ev);
    expect(events.map((e) => e.type)).toEqual(['image_edit.partial_image', 'image_edit.partial_image', 'image_edit.completed']);
    const done = events[2] as OpenAI.Images.ImageEditCompletedEvent;
    expect(done.usage.total_tokens).toBeGreaterThan(0);
    const img = await decodeRgba(Buffer.from(done.b64_json, 'base64'));
    expect([img.width, img.height]).toEqual([1024, 1024]);
    await expectBad(client.images.edit({ model: 'gpt-image-2', image: await png(src), prompt: 'x', stream: true, n: 2 }), 'n');
  });

  it('bad key gives AuthenticationError; 500 and malformed responses surface as errors', async () => {
    const bad = new OpenAI({ apiKey: 'bad-key', baseURL: server.url, maxRetries: 0 });
    const err = await bad.images.edit({ model: 'gpt-image-2', image: await png(src), prompt: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).code).toBe('invalid_api_key');
    server.script({ status: 500 });
    await expect(edit()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    server.script({ malformed: true });
    await expect(edit()).rejects.toThrow();
  });

  it('generations endpoint applies the same size rules', async () => {
    const r = await client.images.generate({ model: 'gpt-image-2', prompt: 'a cat', size: '2048x1152' as '1024x1024' });
    const img = await decodeRgba(Buffer.from(r.data![0].b64_json!, 'base64'));
    expect([img.width, img.height]).toEqual([2048, 1152]);
    await expectBad(client.images.generate({ model: 'gpt-image-2', prompt: 'a cat', size: '1000x1000' as '1024x1024' }), 'size');
  });

  it('survives garbage requests', async () => {
    const r1 = await fetch(`${server.url}/images/edits`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'multipart/form-data; boundary=zzz' },
      body: 'garbage',
    });
    expect(r1.status).toBe(400);
    const r2 = await fetch(`${server.url}/images/edits`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r2.status).toBe(400);
    const r3 = await fetch(`${server.url}/images/generations`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: '{nope' });
    expect(r3.status).toBe(400);
    expect((await r3.json()).error.type).toBe('invalid_request_error');
    const r4 = await fetch(`${server.url}/nope`, { method: 'GET' });
    expect(r4.status).toBe(404);
  });
});

describe('a held answer (`until`)', () => {
  it('is sent only once the test releases it; a client that leaves ends the hold', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    server.script({ until: held });
    let answered = false;
    const p = edit().then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    release();
    expect((await p).data).toHaveLength(1);

    server.script({ until: new Promise(() => {}) });
    const ac = new AbortController();
    const gone = edit({}, { signal: ac.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    ac.abort();
    expect(await gone).toBeInstanceOf(APIUserAbortError);
    await expect.poll(() => server.requests.at(-1)?.aborted).toBe(true);
  });
});
