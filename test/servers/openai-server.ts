// Protocol-faithful local stand-in for the OpenAI Images API (providers.md §1, §5).
// Point the real SDK at it: new OpenAI({ apiKey, baseURL: server.url, maxRetries: 0 }).
import type http from 'node:http';
import { BodyTooLarge, listen, readBody, redactHeaders, sendJson, startSse, writeFrame } from './http-util';
import { paletteColour, synthesize } from './images';
import { isMultipart, parseMultipart, type ParsedForm } from './multipart';
import { validateEdit, validateGeneration, type EditCheck } from './openai-edits';
import { errorBody, oaErr, resolvedBackground, resolvedQuality, usageFor, type OpenAIErr, type OutputOptions } from './openai-rules';
import { MODERATE_TRIGGER, NOT_AN_IMAGE_B64, ScriptQueue, type ScriptStepBase, applyStepBody, applyStepTiming } from './scripting';

export interface OpenAIScriptContext {
  path: string;
  /** Text fields (multipart) or top-level JSON values stringified (generations). */
  fields: Record<string, string | string[]>;
  prompt?: string;
  model?: string;
  /** 1-based request number on this server. */
  index: number;
}

export interface OpenAIScriptStep extends ScriptStepBase<OpenAIScriptContext> {
  /** Reply with this error status (429 / 500 / 503 have service-shaped bodies; others a generic one). */
  status?: number;
  /** With status: adds `retry-after-ms`. */
  retryAfterMs?: number;
  /** With status: adds `retry-after` (seconds or HTTP date). */
  retryAfter?: string;
  /** Adds `x-should-retry: true|false`, which overrides the SDK's retry table. */
  shouldRetry?: boolean;
  /** Custom error body for `status`. */
  body?: unknown;
  /** Refuse as the safety system would (400 moderation_blocked). */
  moderation?: boolean;
  /** 200 with a body that is not valid JSON (or a broken SSE frame when streaming). */
  malformed?: boolean;
  /** Candidate i shows fillImages[i % length] stretched over the mask's bounding box (instead of a solid colour). */
  fillImages?: Buffer[];
  /** Streaming: end the stream cleanly after the partial images, without the completed event. */
  sseCut?: boolean;
}

export interface RecordedFile {
  field: string;
  filename: string;
  type: string;
  bytes: number;
  width?: number;
  height?: number;
  kind?: string;
  /** The file's bytes as received (tests decode them to check what was sent). */
  data?: Buffer;
}

export interface OpenAIRecordedRequest {
  index: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Request headers; credential values replaced by '[redacted]'. */
  headers: Record<string, string>;
  /** Whether the bearer key was accepted. */
  authorized: boolean;
  fields: Record<string, string | string[]>;
  files: RecordedFile[];
  imageSizes: { width: number; height: number; kind: string; bytes: number }[];
  maskSize?: { width: number; height: number; kind: string; bytes: number; hasAlpha: boolean };
  /** null until validation ran; then ok or the error that was returned. */
  validation: null | { ok: true } | { ok: false; status: number; code: string | null; param: string | null; message: string };
  scripted?: Omit<OpenAIScriptStep, 'match'>;
  status?: number;
  outcome: 'pending' | 'success' | 'error' | 'aborted' | 'hung';
  aborted: boolean;
  /** Output size actually produced, e.g. '1024x1024'. */
  outputSize?: string;
  /** Wall clock (epoch ms, sub-ms) when the request arrived and when the answer's last byte was handed to the socket. */
  receivedAt: number;
  answeredAt?: number;
}

export interface OpenAIServerOptions {
  /** Accepted bearer keys. Default: any non-empty key except 'bad-key'. */
  acceptedKeys?: string[];
  /** Request body limit (413 above). Default 256 MB. */
  maxBodyBytes?: number;
  /** Pause between SSE frames. Default 0. */
  streamFrameDelayMs?: number;
}

export interface OpenAIServer {
  /** Base URL including the /v1 prefix, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  port: number;
  requests: OpenAIRecordedRequest[];
  /** Queue scripted behaviours, consumed in order by matching requests. */
  script: (...steps: OpenAIScriptStep[]) => void;
  clearScript: () => void;
  close: () => Promise<void>;
}

const SERVER_ERROR = 'The server had an error while processing your request. Sorry about that!';

export async function startOpenAIServer(opts: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const requests: OpenAIRecordedRequest[] = [];
  const queue = new ScriptQueue<OpenAIScriptStep, OpenAIScriptContext>();
  const keyOk = (k: string) => (opts.acceptedKeys ? opts.acceptedKeys.includes(k) : k.length > 0 && k !== 'bad-key');
  let counter = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const index = ++counter;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: OpenAIRecordedRequest = {
      index,
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers),
      authorized: false,
      fields: {},
      files: [],
      imageSizes: [],
      validation: null,
      outcome: 'pending',
      aborted: false,
      receivedAt: performance.timeOrigin + performance.now(),
    };
    requests.push(rec);
    res.on('finish', () => {
      rec.answeredAt = performance.timeOrigin + performance.now();
    });
    res.on('close', () => {
      if (!res.writableFinished) {
        rec.aborted = true;
        if (rec.outcome === 'pending') rec.outcome = 'aborted';
      }
    });
    const headers = { 'x-request-id': `req_${index}`, 'openai-version': '2020-10-01' };
    const fail = (e: OpenAIErr, extra: Record<string, string> = {}) => {
      rec.status = e.status;
      rec.outcome = 'error';
      sendJson(res, e.status, errorBody(e), { ...headers, ...extra });
    };

    const isEdit = rec.path === '/v1/images/edits';
    const isGen = rec.path === '/v1/images/generations';
    if (req.method !== 'POST' || (!isEdit && !isGen)) {
      req.resume();
      return fail(oaErr(404, `Invalid URL (${req.method} ${rec.path})`, null, null));
    }
    let body: Buffer;
    try {
      body = await readBody(req, opts.maxBodyBytes ?? 256 * 1024 * 1024);
    } catch (e) {
      if (e instanceof BodyTooLarge) return fail(oaErr(413, 'Request entity too large.', null, null));
      rec.outcome = 'aborted';
      rec.aborted = true;
      return;
    }

    // Parse leniently first so scripts can match on fields; parse errors are reported after scripting.
    let form: ParsedForm | undefined;
    let json: unknown;
    let parseErr: OpenAIErr | undefined;
    const ct = req.headers['content-type'];
    if (isEdit) {
      if (!isMultipart(ct)) {
        parseErr = oaErr(
          400,
          `Invalid Content-Type header (${ct ?? 'none'}), expected multipart/form-data. (HINT: If you're using curl, you can pass -H 'Content-Type: multipart/form-data')`,
          null,
          null,
        );
      } else {
        const parsed = await parseMultipart(body, ct!);
        if (parsed.ok) {
          form = parsed.form;
          for (const [k, v] of form.fields) rec.fields[k] = v.length === 1 ? v[0] : v;
          rec.files = form.files.map((f) => ({ field: f.field, filename: f.filename, type: f.type, bytes: f.data.length, data: f.data }));
        } else parseErr = oaErr(400, parsed.message, null, null);
      }
    } else {
      try {
        json = JSON.parse(body.toString('utf8'));
        if (json && typeof json === 'object' && !Array.isArray(json)) {
          for (const [k, v] of Object.entries(json)) rec.fields[k] = typeof v === 'string' ? v : JSON.stringify(v);
        }
      } catch {
        json = undefined;
      }
    }

    const auth = req.headers.authorization ?? '';
    const key = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? '';
    rec.authorized = keyOk(key);
    if (!rec.authorized) {
      const shown = key ? `: ${key.length > 8 ? `${key.slice(0, 3)}*****${key.slice(-4)}` : key}` : '';
      return fail(
        oaErr(
          401,
          `Incorrect API key provided${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          null,
          'invalid_api_key',
        ),
      );
    }

    const prompt = typeof rec.fields.prompt === 'string' ? rec.fields.prompt : undefined;
    const model = typeof rec.fields.model === 'string' ? rec.fields.model : undefined;
    const step = queue.take({ path: rec.path, fields: rec.fields, prompt, model, index });
    const extra = step?.headers ?? {};
    if (!(await applyStepTiming(step, rec, res, (r, ms) => listening.wait(r, ms)))) return;
    if (!(await applyStepBody(step, rec, res, (r, ms) => listening.wait(r, ms)))) return;
    if (step?.status !== undefined && step.status >= 400) {
      const h: Record<string, string> = { ...extra };
      if (step.retryAfterMs !== undefined) h['retry-after-ms'] = String(step.retryAfterMs);
      if (step.retryAfter !== undefined) h['retry-after'] = step.retryAfter;
      if (step.shouldRetry !== undefined) h['x-should-retry'] = String(step.shouldRetry);
      rec.status = step.status;
      rec.outcome = 'error';
      return sendJson(res, step.status, step.body ?? scriptedErrorBody(step.status, model ?? 'gpt-image-2'), { ...headers, ...h });
    }

    if (parseErr) {
      rec.validation = { ok: false, status: parseErr.status, code: parseErr.code, param: parseErr.param, message: parseErr.message };
      return fail(parseErr, extra);
    }
    let plan: { prompt: string; width: number; height: number; opts: OutputOptions; model: string } & Partial<
      Pick<NonNullable<EditCheck['plan']>, 'images' | 'mask'>
    >;
    if (isEdit) {
      const check = await validateEdit(form!);
      rec.imageSizes = check.imageSizes;
      rec.maskSize = check.maskSize;
      if (check.err || !check.plan) {
        const e = check.err ?? oaErr(500, SERVER_ERROR, null, null, 'server_error');
        rec.validation = { ok: false, status: e.status, code: e.code, param: e.param, message: e.message };
        return fail(e, extra);
      }
      plan = check.plan;
    } else {
      const check = validateGeneration(json);
      if ('err' in check) {
        rec.validation = { ok: false, status: check.err.status, code: check.err.code, param: check.err.param, message: check.err.message };
        return fail(check.err, extra);
      }
      plan = check.plan;
    }
    rec.validation = { ok: true };

    if (step?.moderation || plan.prompt.includes(MODERATE_TRIGGER)) {
      return fail(
        oaErr(
          400,
          'Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID. safety_violations=[sexual].',
          null,
          'moderation_blocked',
          'image_generation_user_error',
        ),
        extra,
      );
    }

    const { opts: o } = plan;
    const { width, height } = step?.outputSize ?? plan;
    const size = `${plan.width}x${plan.height}`;
    rec.outputSize = size;
    const render = async (i: number, blur?: number): Promise<Buffer> => {
      if (step?.imageBytes) return Buffer.from(step.imageBytes);
      if (step?.nonImage) return Buffer.from(NOT_AN_IMAGE_B64, 'base64');
      if (step?.emptyData) return Buffer.alloc(0);
      return synthesize({
        width,
        height,
        base: plan.images?.[0]?.data,
        mask: plan.mask?.data,
        maskMode: 'alpha0',
        fit: 'fill',
        colour: paletteColour(i),
        format: o.format,
        compression: o.compression,
        opaque: o.background === 'opaque' || o.format === 'jpeg',
        blur,
        fillImage: step?.fillImages?.length ? step.fillImages[i % step.fillImages.length] : undefined,
      });
    };
    const usage = usageFor(plan.prompt, plan.images?.map((i) => i.info) ?? [], [width, height], o.n);
    const created = Math.floor(Date.now() / 1000);
    const meta = { background: resolvedBackground(o.background), output_format: o.format, quality: resolvedQuality(o.quality), size };

    if (o.stream) {
      const kind = isEdit ? 'image_edit' : 'image_generation';
      startSse(res, { ...headers, ...extra });
      for (let k = 0; k < o.partialImages; k++) {
        const b64 = (await render(0, 4 * (o.partialImages - k))).toString('base64');
        const ev = { type: `${kind}.partial_image`, b64_json: b64, partial_image_index: k, created_at: created, ...meta };
        if (!(await writeFrame(res, `event: ${ev.type}\ndata: ${JSON.stringify(ev)}\n\n`))) return;
        if (opts.streamFrameDelayMs && !(await listening.wait(res, opts.streamFrameDelayMs))) return;
      }
      if (step?.sseCut) {
        rec.outcome = 'error';
        return void res.end();
      }
      const done = { type: `${kind}.completed`, b64_json: (await render(0)).toString('base64'), created_at: created, ...meta, usage };
      const data = step?.malformed ? `{"type":"${done.type}","b64_json":` : JSON.stringify(done);
      if (!(await writeFrame(res, `event: ${done.type}\ndata: ${data}\n\n`))) return;
      rec.status = 200;
      rec.outcome = 'success';
      res.end();
      return;
    }

    const outputs = await Promise.all(Array.from({ length: o.n }, (_, i) => render(i)));
    if (res.destroyed) return; // client went away while we rendered
    rec.status = 200;
    rec.outcome = 'success';
    if (step?.malformed) return sendJson(res, 200, `{"created": ${created}, "data": [{"b64_json": "`, { ...headers, ...extra });
    sendJson(
      res,
      200,
      { created, data: step?.emptyData ? [] : outputs.map((b) => ({ b64_json: b.toString('base64') })), ...meta, usage },
      { ...headers, 'openai-processing-ms': '1', ...extra },
    );
  };

  const listening = await listen(handle, (res, err) =>
    sendJson(
      res,
      500,
      errorBody(oaErr(500, `${SERVER_ERROR} (mock server: ${(err as Error)?.message ?? String(err)})`, null, null, 'server_error')),
    ),
  );
  return {
    url: `http://127.0.0.1:${listening.port}/v1`,
    port: listening.port,
    requests,
    script: (...steps) => queue.push(...steps),
    clearScript: () => queue.clear(),
    close: () => listening.close(),
  };
}

function scriptedErrorBody(status: number, model: string) {
  if (status === 429) {
    return errorBody(
      oaErr(
        429,
        `Rate limit reached for ${model} in organization org-mock on images per minute (IPM): Limit 5, Used 5, Requested 1. Please try again in 12s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        null,
        'rate_limit_exceeded',
        'requests',
      ),
    );
  }
  if (status === 503)
    return errorBody(oaErr(503, 'The engine is currently overloaded, please try again later.', null, null, 'server_error'));
  if (status >= 500) return errorBody(oaErr(status, SERVER_ERROR, null, null, 'server_error'));
  return errorBody(oaErr(status, `Scripted error ${status}.`, null, null));
}
