// electron/main/providers/inline-images.ts: an OpenAI image answer's base64 read straight from its
// bytes, the SDK handed the same JSON with tokens; anything it cannot take plainly is left as it came.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageBytes, inlineBase64Images, inlineImages } from '../../../electron/main/providers/inline-images';
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
  });

  it('the fetch wrapper: tokens for a JSON answer (taken once), the original for one it cannot take, errors and streams untouched', async () => {
    const inlined = await (await inlineImages(async () => jsonResponse(pythonStyle(b64(bytesA), b64(bytesB))))('http://x')).json();
    expect(imageBytes(inlined.data[0].b64_json)).toEqual(bytesA);
    expect(() => imageBytes(inlined.data[0].b64_json)).toThrow(/no longer available/);
    expect(imageBytes(inlined.data[2].b64_json)).toEqual(bytesB);

    const escaped = pythonStyle(b64(bytesA).replace(/\//g, '\\/'), b64(bytesB));
    const plain = await (await inlineImages(async () => jsonResponse(escaped))('http://x')).json();
    expect(imageBytes(plain.data[0].b64_json)).toEqual(bytesA); // JSON.parse undid the escapes

    const error = jsonResponse('{"error": {"message": "no"}}', 400);
    expect(await inlineImages(async () => error)('http://x')).toBe(error);
    const stream = jsonResponse('event: x\ndata: {}\n\n', 200, 'text/event-stream');
    expect(await inlineImages(async () => stream)('http://x')).toBe(stream);
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
    expect(e.message).toMatch(/larger than 64 kB for gpt-image-2; it was refused and nothing was kept/);
  });
});
