// electron/main/providers/inline-images.ts: an OpenAI image answer's base64 read straight from its
// bytes, the SDK handed the same JSON with tokens; anything it cannot take plainly is left as it came.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventSplitter, imageBytes, inlineBase64Images, inlineImages } from '../../../electron/main/providers/inline-images';
import { createOpenAIProvider } from '../../../electron/main/providers/openai-provider';
import { startOpenAIServer, type OpenAIServer } from '../../servers';
import { appErrorOf, callCtx, editRequest } from './helpers';

const bytesA = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7 + 1) % 256));
const bytesB = new Uint8Array(Array.from({ length: 257 }, (_, i) => 255 - i));
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** The JSON Python's json.dumps writes (spaces after ':' and ','), with a null image in the middle. */
const pythonStyle = (a: string, b: string) =>
  `{"created": 1, "data": [{"b64_json": "${a}", "revised_prompt": "x"}, {"b64_json": null}, {"b64_json" :\n "${b}"}], "output_format": "png", "usage": {"total_tokens": 12}}`;

const jsonResponse = (body: string, status = 200, type = 'application/json') =>
  new Response(body, { status, headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) } });

describe('inline images', () => {
  it('replaces each base64 image by a token that gives back its exact bytes, once; the rest of the JSON is unchanged', () => {
    const out = inlineBase64Images(Buffer.from(pythonStyle(b64(bytesA), b64(bytesB))));
    expect(out).not.toBeNull();
    const parsed = JSON.parse(out!.body.toString('utf8'));
    expect(parsed.created).toBe(1);
    expect(parsed.usage).toEqual({ total_tokens: 12 });
    expect(parsed.data[0].revised_prompt).toBe('x');
    expect(parsed.data[1].b64_json).toBeNull();
    const [a, , b] = parsed.data.map((d: { b64_json: string | null }) => d.b64_json);
    expect(a).toMatch(/^maskwork-inline:\d+$/);
    expect(out!.images.get(a)).toEqual(bytesA);
    expect(out!.images.get(b)).toEqual(bytesB);
    expect(out!.body.length).toBeLessThan(200);
  });

  it('leaves an answer with an escaped value, an unterminated string or no image as it came', () => {
    const escaped = b64(bytesA).replace(/\//g, '\\/');
    expect(escaped).toContain('\\/');
    expect(inlineBase64Images(Buffer.from(pythonStyle(escaped, b64(bytesB))))).toBeNull();
    expect(inlineBase64Images(Buffer.from('{"data": [{"b64_json": "QUJD'))).toBeNull();
    expect(inlineBase64Images(Buffer.from('{"data": []}'))).toBeNull();
    // An empty value is no image: left empty (a token for zero bytes would read as an undecodable image).
    expect(inlineBase64Images(Buffer.from('{"type": "image_edit.completed", "b64_json": ""}'))).toBeNull();
  });

  it('the fetch wrapper: tokens for a JSON answer (taken once), the original for one it cannot take, errors and other answers untouched', async () => {
    const inlined = await (await inlineImages(async () => jsonResponse(pythonStyle(b64(bytesA), b64(bytesB))))('http://x')).json();
    expect(imageBytes(inlined.data[0].b64_json)).toEqual(bytesA);
    expect(() => imageBytes(inlined.data[0].b64_json)).toThrow(/no longer available/);
    expect(imageBytes(inlined.data[2].b64_json)).toEqual(bytesB);

    const escaped = pythonStyle(b64(bytesA).replace(/\//g, '\\/'), b64(bytesB));
    const plain = await (await inlineImages(async () => jsonResponse(escaped))('http://x')).json();
    expect(imageBytes(plain.data[0].b64_json)).toEqual(bytesA); // JSON.parse undid the escapes

    const error = jsonResponse('{"error": {"message": "no"}}', 400);
    expect(await inlineImages(async () => error)('http://x')).toBe(error);
    const other = jsonResponse('<html></html>', 200, 'text/html');
    expect(await inlineImages(async () => other)('http://x')).toBe(other);
  });

  it('splits an event stream into whole events however its bytes are chunked (every kind of line ending), the bytes unchanged', () => {
    const text =
      'event: a\ndata: {"x": 1}\n\n' +
      'event: b\r\ndata: {"y": 2}\r\n\r\n' +
      'data: {"z": 3}\r\r' +
      ': comment\ndata: {"w": 4}\n\r\n' +
      'data: {"v": 5}\r\n\n' +
      'data: {"unfinished": 6}';
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5, 7, 64, bytes.length]) {
      const split = eventSplitter();
      const events: string[] = [];
      for (let i = 0; i < bytes.length; i += size) events.push(...split(bytes.subarray(i, i + size)).map((e) => e.toString()));
      events.push(...split(null).map((e) => e.toString()));
      expect(events.join(''), `chunks of ${size}`).toBe(text);
      expect(
        events.map((e) => e.match(/"(\w+)":/)?.[1]),
        `chunks of ${size}`,
      ).toEqual(['x', 'y', 'z', 'w', 'v', 'unfinished']);
    }
  });

  it('copies a long event a bounded number of times however many chunks it comes in (not the pending bytes on every chunk)', () => {
    const event = Buffer.from(`data: {"b64_json": "${'A'.repeat(1_000_000)}"}\n\n`);
    const split = eventSplitter();
    const concat = vi.spyOn(Buffer, 'concat');
    try {
      const events: Buffer[] = [];
      for (let i = 0; i < event.length; i += 1000) events.push(...split(event.subarray(i, i + 1000)));
      expect(events.map((e) => e.length)).toEqual([event.length]);
      const copied = concat.mock.results.reduce((t, r) => t + (r.value as Buffer).length, 0);
      expect(copied).toBeLessThan(3 * event.length);
    } finally {
      concat.mockRestore();
    }
  });

  it('the fetch wrapper on an event stream: each event’s images become tokens as it arrives; one it cannot take passes as it came', async () => {
    const ev = (type: string, b: string) => `event: ${type}\ndata: {"type": "${type}", "b64_json": "${b}", "size": "1024x1024"}\n\n`;
    const escaped = b64(bytesB).replace(/\//g, '\\/');
    const text =
      ev('image_edit.partial_image', b64(bytesB)) + ev('image_edit.partial_image', escaped) + ev('image_edit.completed', b64(bytesA));
    const bytes = Buffer.from(text);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 999) c.enqueue(new Uint8Array(bytes.subarray(i, i + 999)));
        c.close();
      },
    });
    const res = await inlineImages(async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }))('http://x');
    const out = await res.text();
    const data = out
      .split('\n\n')
      .filter(Boolean)
      .map((e) => JSON.parse(e.split('\ndata: ')[1]));
    expect(data.map((d) => d.type)).toEqual(['image_edit.partial_image', 'image_edit.partial_image', 'image_edit.completed']);
    expect(data[0].b64_json).toMatch(/^maskwork-inline:\d+$/);
    expect(imageBytes(data[0].b64_json)).toEqual(bytesB);
    expect(data[1].b64_json).not.toMatch(/^maskwork-inline:/);
    expect(imageBytes(data[1].b64_json)).toEqual(bytesB);
    expect(imageBytes(data[2].b64_json)).toEqual(bytesA);
    expect(out.length).toBeLessThan(text.length / 2);
  });
});

describe('inline images through the real SDK against the local server', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());

  it('an answer over the byte limit is still refused while it is read, nothing kept', async () => {
    const p = createOpenAIProvider({ apiKey: 'sk-test-inline-0001', baseURL: server.url, maxRetries: 0, maxResponseBytes: 64 * 1024 });
    const e = await appErrorOf(p.edit(await editRequest({ n: 1 }), callCtx()));
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/larger than 64 kB for GPT Image 2; it was refused and nothing was kept/);
  });
});
