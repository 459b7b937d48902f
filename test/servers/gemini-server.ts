// Protocol-faithful local stand-in for Gemini image generation (providers.md §2, §5).
// Point the real SDK at it:
//   new GoogleGenAI({ apiKey, httpOptions: { baseUrl: server.baseUrl, apiVersion: 'v1' } })
import type http from 'node:http';
import { BodyTooLarge, listen, readBody, redactHeaders, sendJson, startSse, writeFrame } from './http-util';
import { paletteColour, synthesize, type Rgb } from './images';
import { gErr, gErrorBody, modelLookup, validateGenerate, type GeminiErr } from './gemini-rules';
import { blockedResponse, candidateResponse, filteredResponse, scriptedError, usageFor, type Part } from './gemini-responses';
import { MODERATE_TRIGGER, NOT_AN_IMAGE_B64, ScriptQueue, type ScriptStepBase, applyStepBody, applyStepTiming } from './scripting';

export interface GeminiScriptContext {
  path: string;
  model: string;
  apiVersion: string;
  stream: boolean;
  /** Concatenated user text parts (undefined when the body was not parseable). */
  prompt?: string;
  /** 1-based request number on this server. */
  index: number;
}

export interface GeminiScriptStep extends ScriptStepBase<GeminiScriptContext> {
  /** Reply with this error status (429 / 500 / 503 have service-shaped bodies). */
  status?: number;
  /** With status: `retry-after` header (and RetryInfo detail on 429 when numeric seconds). */
  retryAfter?: string;
  /** Custom error body for `status`. */
  body?: unknown;
  /** 200, no candidates, promptFeedback.blockReason (e.g. 'SAFETY', 'PROHIBITED_CONTENT'). */
  blockReason?: string;
  /** 200, one candidate with no content and this finishReason (e.g. 'IMAGE_SAFETY', 'NO_IMAGE'). */
  finishReason?: string;
  /** 200, STOP, but only a text part and no image. */
  noImage?: boolean;
  /** Include a thought text part (and, with opts.thoughtImages, a thought image) before the answer. */
  thought?: boolean;
  /** 200 with a non-JSON body (or a broken SSE frame). */
  malformed?: boolean;
  /** Streaming only: after the first chunk send an in-stream error payload with this code. */
  midStreamError?: number;
  /** Use this `responseId` instead of `mock-resp-N` (e.g. to echo a key). */
  responseId?: string;
}

export interface GeminiRecordedRequest {
  index: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  authorized: boolean;
  model?: string;
  apiVersion?: string;
  stream: boolean;
  /** Parsed JSON body with inline image data replaced by '<N bytes>'. */
  body?: unknown;
  prompt?: string;
  imageSizes: { width: number; height: number; kind: string; bytes: number; mimeType: string }[];
  /** The inline images of a valid request as received, in order (tests decode them to check what was sent). */
  images?: Buffer[];
  generationConfig?: unknown;
  validation: null | { ok: true } | { ok: false; code: number; status: string; message: string };
  scripted?: Omit<GeminiScriptStep, 'match'>;
  status?: number;
  outcome: 'pending' | 'success' | 'error' | 'aborted' | 'hung';
  aborted: boolean;
  aspectRatio?: string;
  imageSize?: string;
  outputSize?: string;
  /** Colour painted into the edited area of this response's image. */
  colour?: Rgb;
}

export interface GeminiServerOptions {
  /** Accepted API keys. Default: any non-empty key except 'bad-key'. */
  acceptedKeys?: string[];
  /** Thought part before the answer: true = always, 'alternate' = every other successful request. */
  thoughts?: boolean | 'alternate';
  /** With thoughts: also include an interim thought *image* (wrong size, must be skipped by clients). */
  thoughtImages?: boolean;
  /** Always add the "Here is the edited image." text part even with responseModalities ['IMAGE']. */
  alwaysText?: boolean;
  maxBodyBytes?: number;
  streamFrameDelayMs?: number;
}

export interface GeminiServer {
  /** e.g. http://127.0.0.1:PORT — the SDK adds /{apiVersion}/models/... */
  baseUrl: string;
  port: number;
  requests: GeminiRecordedRequest[];
  script: (...steps: GeminiScriptStep[]) => void;
  clearScript: () => void;
  close: () => Promise<void>;
}

const ROUTE = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

function redactBody(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactBody);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        k === 'data' && typeof x === 'string' ? `<${Math.floor((x.length * 3) / 4)} bytes>` : redactBody(x),
      ]),
    );
  }
  return v;
}

export async function startGeminiServer(opts: GeminiServerOptions = {}): Promise<GeminiServer> {
  const requests: GeminiRecordedRequest[] = [];
  const queue = new ScriptQueue<GeminiScriptStep, GeminiScriptContext>();
  const keyOk = (k: string) => (opts.acceptedKeys ? opts.acceptedKeys.includes(k) : k.length > 0 && k !== 'bad-key');
  let counter = 0;
  let generated = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const index = ++counter;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = ROUTE.exec(url.pathname);
    const stream = route?.[3] === 'streamGenerateContent';
    const sse = stream && url.searchParams.get('alt') === 'sse';
    const rec: GeminiRecordedRequest = {
      index,
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers),
      authorized: false,
      model: route?.[2],
      apiVersion: route?.[1],
      stream,
      imageSizes: [],
      validation: null,
      outcome: 'pending',
      aborted: false,
    };
    requests.push(rec);
    res.on('close', () => {
      if (!res.writableFinished) {
        rec.aborted = true;
        if (rec.outcome === 'pending') rec.outcome = 'aborted';
      }
    });
    const fail = (e: GeminiErr, headers: Record<string, string> = {}) => {
      rec.status = e.code;
      rec.outcome = 'error';
      sendJson(res, e.code, gErrorBody(e), headers);
    };
    if (req.method !== 'POST' || !route) {
      req.resume();
      return fail(gErr(404, `Method not found: ${req.method} ${url.pathname}`, 'NOT_FOUND'));
    }
    const [, apiVersion, model, method] = route;
    let raw: Buffer;
    try {
      raw = await readBody(req, opts.maxBodyBytes ?? 256 * 1024 * 1024);
    } catch (e) {
      if (e instanceof BodyTooLarge) return fail(gErr(413, 'Request payload size exceeds the limit.', 'INVALID_ARGUMENT'));
      rec.outcome = 'aborted';
      rec.aborted = true;
      return;
    }
    let body: unknown;
    let jsonErr: GeminiErr | undefined;
    try {
      body = JSON.parse(raw.toString('utf8'));
      rec.body = redactBody(body);
      const b = body as Record<string, unknown>;
      rec.generationConfig = b?.generationConfig ?? b?.generation_config;
    } catch (e) {
      jsonErr = gErr(400, `Invalid JSON payload received. ${(e as Error).message}`);
    }

    const key = (req.headers['x-goog-api-key'] as string | undefined) ?? url.searchParams.get('key') ?? '';
    rec.authorized = keyOk(key);
    if (!key) {
      return fail(
        gErr(
          403,
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
          'PERMISSION_DENIED',
        ),
      );
    }
    if (!rec.authorized) return fail(gErr(403, 'API key not valid. Please pass a valid API key.', 'PERMISSION_DENIED'));
    const found = modelLookup(model, apiVersion, method);
    if ('err' in found) return fail(found.err);

    const prompt = userText(body);
    rec.prompt = prompt;
    const step = queue.take({ path: url.pathname, model, apiVersion, stream, prompt, index });
    const extra = step?.headers ?? {};
    if (!(await applyStepTiming(step, rec, res, (r, ms) => listening.wait(r, ms)))) return;
    if (!(await applyStepBody(step, rec, res, (r, ms) => listening.wait(r, ms)))) return;
    if (step?.status !== undefined && step.status >= 400) {
      rec.status = step.status;
      rec.outcome = 'error';
      const h = step.retryAfter !== undefined ? { ...extra, 'retry-after': step.retryAfter } : extra;
      return sendJson(res, step.status, step.body ?? scriptedError(step.status, step.retryAfter), h);
    }
    if (jsonErr) {
      rec.validation = { ok: false, code: jsonErr.code, status: jsonErr.status, message: jsonErr.message };
      return fail(jsonErr, extra);
    }
    const checked = await validateGenerate(model, found.spec, body);
    if ('err' in checked) {
      rec.imageSizes = (checked.images ?? []).map((i) => ({
        width: i.info.width,
        height: i.info.height,
        kind: i.info.kind,
        bytes: i.info.bytes,
        mimeType: i.mimeType,
      }));
      rec.validation = { ok: false, code: checked.err.code, status: checked.err.status, message: checked.err.message };
      return fail(checked.err, extra);
    }
    const plan = checked.plan;
    rec.validation = { ok: true };
    rec.images = plan.images.map((i) => i.data);
    rec.imageSizes = plan.images.map((i) => ({
      width: i.info.width,
      height: i.info.height,
      kind: i.info.kind,
      bytes: i.info.bytes,
      mimeType: i.mimeType,
    }));
    rec.aspectRatio = plan.aspectRatio;
    rec.imageSize = plan.imageSize;
    const responseId = step?.responseId ?? `mock-resp-${index}`;
    const promptTokens = Math.max(1, Math.ceil(plan.prompt.length / 4)) + plan.images.length * 258;

    // Build the list of responses (1 for generateContent; chunks for streaming).
    let chunks: unknown[];
    if (step?.blockReason) {
      chunks = [blockedResponse(model, responseId, step.blockReason, promptTokens)];
    } else if (step?.finishReason || plan.prompt.includes(MODERATE_TRIGGER)) {
      chunks = [filteredResponse(model, responseId, step?.finishReason ?? 'IMAGE_SAFETY', promptTokens)];
    } else {
      const n = generated++;
      const wantThought = step?.thought ?? (opts.thoughts === 'alternate' ? n % 2 === 1 : !!opts.thoughts);
      const textOnly = !!step?.noImage || (plan.modalities.length > 0 && !plan.modalities.includes('IMAGE'));
      const wantText = textOnly || opts.alwaysText || plan.modalities.length === 0 || plan.modalities.includes('TEXT');
      const lead: Part[] = [];
      if (wantThought) {
        lead.push({ text: '**Planning the edit**\n\nI will repaint only the white area of the mask and keep the rest.', thought: true });
        if (opts.thoughtImages) {
          const sketch = await synthesize({ width: 256, height: 256, maskMode: 'white', fit: 'fill', colour: [40, 40, 40] });
          lead.push({ inlineData: { mimeType: 'image/png', data: sketch.toString('base64') }, thought: true });
        }
      }
      if (textOnly) lead.push({ text: 'I can describe the change, but I was not able to produce an edited image for this request.' });
      else if (wantText) lead.push({ text: 'Here is the edited image.' });
      const tail: Part[] = [];
      if (!textOnly) {
        const colour = paletteColour(n);
        rec.colour = colour;
        rec.outputSize = `${plan.width}x${plan.height}`;
        const size = step?.outputSize ?? plan;
        const png = step?.imageBytes
          ? Buffer.from(step.imageBytes)
          : step?.nonImage
            ? Buffer.from(NOT_AN_IMAGE_B64, 'base64')
            : await synthesize({
                width: size.width,
                height: size.height,
                base: plan.images[0]?.data,
                mask: plan.images[1]?.data,
                maskMode: 'white',
                fit: 'cover',
                colour,
              });
        if (!step?.emptyData)
          tail.push({
            inlineData: { mimeType: 'image/png', data: png.toString('base64') },
            thoughtSignature: Buffer.from(`sig-${index}`).toString('base64'),
          });
      }
      const all = [...lead, ...tail];
      const usage = usageFor(plan, all);
      if (!stream) chunks = [candidateResponse(model, responseId, all, 'STOP', usage)];
      else {
        const pieces = [...lead.map((p) => [p]), ...(tail.length ? [tail] : [])];
        chunks = pieces.map((parts, i) => candidateResponse(model, responseId, parts, i === pieces.length - 1 ? 'STOP' : undefined, usage));
      }
    }
    if (res.destroyed) return;
    rec.status = 200;
    rec.outcome = 'success';
    if (!stream) {
      if (step?.malformed) return sendJson(res, 200, '{"candidates": [{"content": {"parts": [', extra);
      return sendJson(res, 200, chunks[0], extra);
    }
    if (!sse) {
      // streamGenerateContent without alt=sse answers one JSON array of responses.
      return sendJson(res, 200, step?.malformed ? '[{"candidates": ' : chunks, extra);
    }
    startSse(res, extra);
    for (let i = 0; i < chunks.length; i++) {
      if (!(await writeFrame(res, `data: ${JSON.stringify(chunks[i])}\r\n\r\n`))) return;
      if (i === 0 && step?.midStreamError) {
        const status = step.midStreamError;
        await writeFrame(res, `data: ${JSON.stringify(scriptedError(status))}\r\n\r\n`);
        rec.status = status;
        rec.outcome = 'error';
        return void res.end();
      }
      if (opts.streamFrameDelayMs && !(await listening.wait(res, opts.streamFrameDelayMs))) return;
    }
    if (step?.malformed) await writeFrame(res, 'data: {"candidates": [\r\n\r\n');
    res.end();
  };

  const listening = await listen(handle, (res, err) =>
    sendJson(
      res,
      500,
      gErrorBody(gErr(500, `An internal error has occurred. (mock server: ${(err as Error)?.message ?? String(err)})`, 'INTERNAL')),
    ),
  );
  return {
    baseUrl: `http://127.0.0.1:${listening.port}`,
    port: listening.port,
    requests,
    script: (...steps) => queue.push(...steps),
    clearScript: () => queue.clear(),
    close: () => listening.close(),
  };
}

/** Concatenated non-thought text of user turns; undefined for unparseable bodies. */
function userText(body: unknown): string | undefined {
  const contents = (body as { contents?: unknown })?.contents;
  if (!Array.isArray(contents)) return undefined;
  const out: string[] = [];
  for (const c of contents) {
    if (!c || typeof c !== 'object' || (c as { role?: string }).role === 'model') continue;
    const parts = (c as { parts?: unknown }).parts;
    if (!Array.isArray(parts)) continue;
    for (const p of parts) if (p && typeof p === 'object' && typeof p.text === 'string' && !p.thought) out.push(p.text);
  }
  return out.join('\n');
}
