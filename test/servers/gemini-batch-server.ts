// Protocol-faithful local stand-in for the Gemini Batch API with inlined requests (providers.md §5;
// ai.google.dev/gemini-api/docs/batch-api, ai.google.dev/api/batch-api). Point the real SDK at it:
//   new GoogleGenAI({ apiKey, httpOptions: { baseUrl: server.baseUrl, apiVersion: 'v1' } })
// Routes (what @google/genai 3.3.0 sends in Gemini API mode):
//   POST /{v}/models/{m}:batchGenerateContent  {batch:{displayName, inputConfig:{requests:{requests:[{request, metadata}]}}}}
//   GET  /{v}/batches/{id} · POST /{v}/batches/{id}:cancel · GET /{v}/batches · DELETE /{v}/batches/{id}
// Replies are long-running Operations whose `metadata` is the GenerateContentBatch
// (state BATCH_STATE_PENDING → RUNNING → SUCCEEDED / FAILED / CANCELLED / EXPIRED) and, when done,
// `metadata.output.inlinedResponses.inlinedResponses[]` in request order, each a GenerateContentResponse
// or a per-request `error`. Rules enforced: API key, image model, a display name, at least one request,
// the 20 MB inline limit, each request's model (if given) equal to the batch's, and every request
// validated like :generateContent (a broken one fails alone, as a per-request error).
// Anything else is forwarded to `fallback` (e.g. a startGeminiServer), so one base URL serves both.
import type http from 'node:http';
import { BodyTooLarge, listen, readBody, redactHeaders, sendJson } from './http-util';
import { paletteColour, synthesize, type Rgb } from './images';
import { gErr, gErrorBody, modelLookup, validateGenerate, type GeminiErr } from './gemini-rules';
import { candidateResponse, filteredResponse, usageFor } from './gemini-responses';
import { MODERATE_TRIGGER } from './scripting';

/** Documented limit for inlined requests ("total request size under 20MB"). */
export const INLINE_BATCH_LIMIT_BYTES = 20 * 1024 * 1024;
/** A prompt containing this fails that one request (per-request error, the rest succeed). */
export const BATCH_ITEM_ERROR_TRIGGER = '[[batch-item-error]]';

export type BatchState =
  | 'BATCH_STATE_PENDING'
  | 'BATCH_STATE_RUNNING'
  | 'BATCH_STATE_SUCCEEDED'
  | 'BATCH_STATE_FAILED'
  | 'BATCH_STATE_CANCELLED'
  | 'BATCH_STATE_EXPIRED';

export interface MockBatch {
  id: string;
  model: string;
  displayName: string;
  createdAt: number;
  state: BatchState;
  requests: { request: Record<string, unknown>; metadata?: Record<string, string> }[];
  /** Built when the batch succeeds. */
  responses?: unknown[];
  /** Colours painted per request (index-aligned), for assertions. */
  colours: (Rgb | null)[];
  /** How many GETs saw it. */
  polls: number;
  /** The whole job fails when it would succeed (error on the operation). */
  failWith?: { code: number; message: string };
}

export interface GeminiBatchServerOptions {
  /** Time a new batch stays PENDING, then RUNNING, before it ends (ms; default 150 each). */
  pendingMs?: number;
  runningMs?: number;
  /** Accepted keys; default any non-empty key except 'bad-key'. */
  acceptedKeys?: string[];
  /** Base URL of a server for every other route (generateContent). */
  fallback?: string;
  /** Move one state per GET of the batch (pending, running, then done) instead of by the clock. */
  advanceOnPoll?: boolean;
  /** Inline size limit (default 20 MB). */
  inlineLimitBytes?: number;
}

export interface GeminiBatchServer {
  baseUrl: string;
  batches: Map<string, MockBatch>;
  /** Every request: method, path, status. */
  log: { method: string; path: string; status: number; headers: Record<string, string> }[];
  /** The next created batch fails as a whole with this error instead of succeeding. */
  failNext(error: { code: number; message: string }): void;
  /** Holds every batch in RUNNING until release() (to test cancel and restarts). */
  hold(): void;
  release(): void;
  /**
   * Holds every create request (after its body was read) until the returned function is called;
   * `creating` counts the create requests waiting (to test an interrupt while the job is on its way).
   */
  holdCreates(): () => void;
  readonly creating: number;
  /** The same for the GET of a batch (a `fetch` or `status` asking for its state). */
  holdGets(): () => void;
  readonly getting: number;
  /** The same for cancel requests. */
  holdCancels(): () => void;
  readonly cancelling: number;
  close(): Promise<void>;
}

const ROUTE = /^\/(v1|v1beta|v1alpha)\/(?:models\/([^/:]+):batchGenerateContent|batches\/([^/:]+)(:cancel)?|batches)$/;
const TERMINAL = new Set<BatchState>(['BATCH_STATE_SUCCEEDED', 'BATCH_STATE_FAILED', 'BATCH_STATE_CANCELLED', 'BATCH_STATE_EXPIRED']);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function startGeminiBatchServer(opts: GeminiBatchServerOptions = {}): Promise<GeminiBatchServer> {
  const batches = new Map<string, MockBatch>();
  const log: GeminiBatchServer['log'] = [];
  const keyOk = (k: string) => (opts.acceptedKeys ? opts.acceptedKeys.includes(k) : k.length > 0 && k !== 'bad-key');
  const pendingMs = opts.pendingMs ?? 150;
  const runningMs = opts.runningMs ?? 150;
  let nextId = 1;
  let generated = 0;
  let failNext: MockBatch['failWith'];
  let held = false;
  let createGate: Promise<void> | null = null;
  let creating = 0;
  let getGate: Promise<void> | null = null;
  let getting = 0;
  let cancelGate: Promise<void> | null = null;
  let cancelling = 0;
  const gateOf = (set: (g: Promise<void> | null) => void) => {
    let open = () => {};
    set(
      new Promise<void>((r) => {
        open = r;
      }),
    );
    return () => {
      set(null);
      open();
    };
  };

  /** Moves a batch along the clock; builds the responses when it succeeds. */
  async function advance(b: MockBatch): Promise<void> {
    if (TERMINAL.has(b.state)) return;
    const age = Date.now() - b.createdAt;
    if (opts.advanceOnPoll ? b.polls < 2 : age < pendingMs) return;
    b.state = 'BATCH_STATE_RUNNING';
    if (held || (opts.advanceOnPoll ? b.polls < 3 : age < pendingMs + runningMs)) return;
    if (b.failWith) {
      b.state = 'BATCH_STATE_FAILED';
      return;
    }
    b.responses = [];
    for (const [i, r] of b.requests.entries()) b.responses.push(await respond(b, i, r.request));
    b.state = 'BATCH_STATE_SUCCEEDED';
  }

  async function respond(b: MockBatch, i: number, request: Record<string, unknown>): Promise<unknown> {
    const metadata = b.requests[i].metadata;
    const found = modelLookup(b.model, 'v1', 'batchGenerateContent');
    if ('err' in found) return { error: { code: found.err.code, message: found.err.message }, ...(metadata ? { metadata } : {}) };
    const body = { contents: request.contents, ...(request.generationConfig ? { generationConfig: request.generationConfig } : {}) };
    const checked = await validateGenerate(b.model, found.spec, body);
    b.colours[i] = null;
    if ('err' in checked) return { error: { code: checked.err.code, message: checked.err.message }, ...(metadata ? { metadata } : {}) };
    const plan = checked.plan;
    const responseId = `batch-${b.id}-resp-${i + 1}`;
    if (plan.prompt.includes(BATCH_ITEM_ERROR_TRIGGER))
      return {
        error: { code: 500, message: 'Internal error encountered while processing this request.' },
        ...(metadata ? { metadata } : {}),
      };
    if (plan.prompt.includes(MODERATE_TRIGGER)) {
      const promptTokens = Math.max(1, Math.ceil(plan.prompt.length / 4)) + plan.images.length * 258;
      return { response: filteredResponse(b.model, responseId, 'IMAGE_SAFETY', promptTokens), ...(metadata ? { metadata } : {}) };
    }
    const colour = paletteColour(generated++);
    b.colours[i] = colour;
    const png = await synthesize({
      width: plan.width,
      height: plan.height,
      base: plan.images[0]?.data,
      mask: plan.images[1]?.data,
      maskMode: 'white',
      fit: 'cover',
      colour,
    });
    const parts = [{ inlineData: { mimeType: 'image/png', data: png.toString('base64') } }];
    return { response: candidateResponse(b.model, responseId, parts, 'STOP', usageFor(plan, parts)), ...(metadata ? { metadata } : {}) };
  }

  function operation(b: MockBatch) {
    const done = TERMINAL.has(b.state);
    const ok = b.responses?.filter((r) => isObj(r) && r.response).length ?? 0;
    const failed = b.responses ? b.responses.length - ok : 0;
    const n = b.requests.length;
    const meta: Record<string, unknown> = {
      '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch',
      name: `batches/${b.id}`,
      model: `models/${b.model}`,
      displayName: b.displayName,
      createTime: new Date(b.createdAt).toISOString(),
      updateTime: new Date().toISOString(),
      state: b.state,
      batchStats: {
        requestCount: String(n),
        pendingRequestCount: String(b.responses ? 0 : n),
        successfulRequestCount: String(ok),
        failedRequestCount: String(failed),
      },
    };
    if (done) meta.endTime = new Date().toISOString();
    const output = { inlinedResponses: { inlinedResponses: b.responses } };
    if (b.state === 'BATCH_STATE_SUCCEEDED') meta.output = output;
    return {
      name: `batches/${b.id}`,
      metadata: meta,
      done,
      ...(b.state === 'BATCH_STATE_FAILED' && b.failWith ? { error: b.failWith } : {}),
      ...(b.state === 'BATCH_STATE_SUCCEEDED'
        ? { response: { '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput', ...output } }
        : {}),
    };
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = ROUTE.exec(url.pathname);
    const entry = { method: req.method ?? '', path: url.pathname, status: 0, headers: redactHeaders(req.headers) };
    log.push(entry);
    const reply = (status: number, body: unknown) => {
      entry.status = status;
      sendJson(res, status, body);
    };
    const fail = (e: GeminiErr) => reply(e.code, gErrorBody(e));
    if (!route) {
      if (opts.fallback) return forward(req, res, opts.fallback, entry);
      req.resume();
      return fail(gErr(404, `Method not found: ${req.method} ${url.pathname}`, 'NOT_FOUND'));
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, (opts.inlineLimitBytes ?? INLINE_BATCH_LIMIT_BYTES) + 64 * 1024);
    } catch (e) {
      if (e instanceof BodyTooLarge)
        return fail(gErr(400, 'Request payload size exceeds the limit: inlined requests must stay under 20 MB; use an input file.'));
      return;
    }
    const key = (req.headers['x-goog-api-key'] as string | undefined) ?? url.searchParams.get('key') ?? '';
    if (!keyOk(key)) return fail(gErr(403, 'API key not valid. Please pass a valid API key.', 'PERMISSION_DENIED'));
    const [, apiVersion, model, id, cancel] = route;
    if (model) {
      if (req.method !== 'POST') return fail(gErr(404, `Method not found: ${req.method} ${url.pathname}`, 'NOT_FOUND'));
      const gate = createGate;
      if (gate !== null) {
        creating++;
        await gate;
        creating--;
      }
      if (raw.length > (opts.inlineLimitBytes ?? INLINE_BATCH_LIMIT_BYTES))
        return fail(gErr(400, 'Request payload size exceeds the limit: inlined requests must stay under 20 MB; use an input file.'));
      const found = modelLookup(model, apiVersion, 'batchGenerateContent');
      if ('err' in found) return fail(found.err);
      const created = parseCreate(raw, model);
      if ('err' in created) return fail(created.err);
      const b: MockBatch = {
        id: `mock${nextId++}`,
        model,
        displayName: created.displayName,
        createdAt: Date.now(),
        state: 'BATCH_STATE_PENDING',
        requests: created.requests,
        colours: [],
        polls: 0,
        failWith: failNext,
      };
      failNext = undefined;
      batches.set(b.id, b);
      return reply(200, operation(b));
    }
    if (!id) {
      if (req.method !== 'GET') return fail(gErr(404, `Method not found: ${req.method} ${url.pathname}`, 'NOT_FOUND'));
      const all = [...batches.values()];
      for (const b of all) await advance(b);
      return reply(200, { operations: all.map(operation) });
    }
    const b = batches.get(id);
    if (!b) return fail(gErr(404, `Batch batches/${id} not found.`, 'NOT_FOUND'));
    if (cancel) {
      if (req.method !== 'POST') return fail(gErr(404, `Method not found: ${req.method} ${url.pathname}`, 'NOT_FOUND'));
      const gate = cancelGate;
      if (gate !== null) {
        cancelling++;
        await gate;
        cancelling--;
      }
      await advance(b);
      if (TERMINAL.has(b.state))
        return fail(gErr(400, `Batch batches/${id} is already ${b.state}; it cannot be cancelled.`, 'FAILED_PRECONDITION'));
      b.state = 'BATCH_STATE_CANCELLED';
      return reply(200, {});
    }
    if (req.method === 'DELETE') {
      batches.delete(id);
      return reply(200, {});
    }
    if (req.method !== 'GET') return fail(gErr(404, `Method not found: ${req.method} ${url.pathname}`, 'NOT_FOUND'));
    const gate = getGate;
    if (gate !== null) {
      getting++;
      await gate;
      getting--;
    }
    b.polls++;
    await advance(b);
    return reply(200, operation(b));
  };

  const listening = await listen(handle, (res, err) =>
    sendJson(res, 500, gErrorBody(gErr(500, `An internal error has occurred. (mock batch server: ${String(err)})`, 'INTERNAL'))),
  );
  return {
    baseUrl: `http://127.0.0.1:${listening.port}`,
    batches,
    log,
    failNext: (e) => {
      failNext = e;
    },
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
    },
    holdCreates: () =>
      gateOf((g) => {
        createGate = g;
      }),
    get creating() {
      return creating;
    },
    holdGets: () =>
      gateOf((g) => {
        getGate = g;
      }),
    get getting() {
      return getting;
    },
    holdCancels: () =>
      gateOf((g) => {
        cancelGate = g;
      }),
    get cancelling() {
      return cancelling;
    },
    close: () => listening.close(),
  };
}

/** The create body: `{batch:{displayName, inputConfig:{requests:{requests:[{request, metadata}]}}}}`. */
function parseCreate(raw: Buffer, model: string): { displayName: string; requests: MockBatch['requests'] } | { err: GeminiErr } {
  const bad = (m: string) => ({ err: gErr(400, m) });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    return bad(`Invalid JSON payload received. ${(e as Error).message}`);
  }
  if (!isObj(body) || !isObj(body.batch)) return bad('* BatchGenerateContentRequest.batch: batch is required\n');
  const batch = body.batch;
  const extra = Object.keys(batch).find((k) => !['displayName', 'inputConfig', 'priority', 'model', 'webhookConfig'].includes(k));
  if (extra) return bad(`Invalid JSON payload received. Unknown name "${extra}" at 'batch': Cannot find field.`);
  if (typeof batch.displayName !== 'string' || !batch.displayName)
    return bad('* GenerateContentBatch.display_name: display_name is required\n');
  const input = batch.inputConfig;
  if (!isObj(input)) return bad('* GenerateContentBatch.input_config: input_config is required\n');
  if (input.fileName !== undefined) return bad('This local server takes inlined requests only (no files/... input).');
  const list = isObj(input.requests) ? input.requests.requests : undefined;
  if (!Array.isArray(list) || list.length === 0) return bad('* InputConfig.requests.requests: at least one request is required\n');
  const requests: MockBatch['requests'] = [];
  for (const [i, r] of list.entries()) {
    if (!isObj(r) || !isObj(r.request)) return bad(`* InlinedRequests.requests[${i}].request: request is required\n`);
    const m = r.request.model;
    if (m !== undefined && m !== `models/${model}`)
      return bad(
        `* InlinedRequests.requests[${i}].request.model: every request must use the batch's model models/${model}, not ${String(m)}\n`,
      );
    if (r.metadata !== undefined && (!isObj(r.metadata) || Object.values(r.metadata).some((v) => typeof v !== 'string')))
      return bad(`Invalid value at 'batch.input_config.requests.requests[${i}].metadata': expected a map of strings.`);
    requests.push({ request: r.request, metadata: r.metadata as Record<string, string> | undefined });
  }
  return { displayName: batch.displayName, requests };
}

/** Passes a request on to the fallback server unchanged. */
async function forward(req: http.IncomingMessage, res: http.ServerResponse, base: string, entry: { status: number }): Promise<void> {
  const body = await readBody(req, 512 * 1024 * 1024);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
  const r = await fetch(new URL(req.url ?? '/', base), {
    method: req.method,
    headers,
    ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
  });
  entry.status = r.status;
  res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
  res.end(Buffer.from(await r.arrayBuffer()));
}
