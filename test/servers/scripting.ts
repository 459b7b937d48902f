// A queue of scripted behaviours shared by both servers. Each incoming request
// takes the first queued step whose `match` predicate accepts it (steps without
// `match` accept everything); a step is consumed after `times` uses (default 1,
// Infinity = sticky until cleared).

export interface ScriptStepBase<Ctx> {
  /** Only apply this step to requests this predicate accepts. */
  match?: (ctx: Ctx) => boolean;
  /** How many requests this step applies to (default 1; Infinity = until cleared). */
  times?: number;
  /** Wait this long before answering (abort-aware: stops if the client disconnects). */
  delayMs?: number;
  /**
   * Hold the answer until this settles (after `delayMs`, abort-aware): a test releases it at the
   * moment it needs, instead of racing a fixed delay on a loaded machine.
   */
  until?: Promise<unknown>;
  /** Hold the request this long without answering, then drop the connection (for client timeouts). */
  hangMs?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** 200 with a JSON-looking body of this many bytes (Infinity = until the client goes away). */
  hugeBody?: number;
  /** 200 with headers and a body prefix, then one byte every `dripMs` until the client goes away. */
  dripMs?: number;
  /** Send the real answer but drop the connection after this many body bytes (reset mid-body, SSE cut). */
  resetAfterBytes?: number;
  /** Answer with an image of this size instead of the requested one. */
  outputSize?: { width: number; height: number };
  /** Answer with these bytes as the image (e.g. a header that claims 16000×16000). */
  imageBytes?: Uint8Array;
  /** Answer with a base64 payload that is not an image. */
  nonImage?: boolean;
  /** Answer 200 with no image at all (OpenAI `data: []`, Gemini a candidate with no parts). */
  emptyData?: boolean;
}

/** Base64 of something that is not an image, for `nonImage` steps. */
export const NOT_AN_IMAGE_B64 = Buffer.from('<html><body>Service temporarily unavailable</body></html>').toString('base64');

/**
 * Serves the body-level faults (`hugeBody`, `dripMs`) and arms `resetAfterBytes`. Returns false when
 * the step has answered (or the client left), true to go on with the normal answer.
 */
export async function applyStepBody<Ctx>(
  step: ScriptStepBase<Ctx> | undefined,
  rec: ScriptedRecord,
  res: import('node:http').ServerResponse,
  wait: (res: import('node:http').ServerResponse, ms: number) => Promise<boolean>,
): Promise<boolean> {
  if (!step) return true;
  if (step.hugeBody !== undefined) {
    res.writeHead(200, { 'content-type': 'application/json', ...(step.headers ?? {}) });
    const chunk = Buffer.alloc(1 << 20, 0x41);
    let left = step.hugeBody;
    const ok = () => !res.destroyed && !(res.socket?.destroyed ?? false);
    res.write('{"data":[{"b64_json":"');
    while (left > 0 && ok()) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece))
        await new Promise<void>((r) => {
          res.once('drain', r);
          res.once('close', r);
        });
    }
    rec.outcome = ok() ? 'success' : 'aborted';
    if (ok()) res.end('"}]}');
    return false;
  }
  if (step.dripMs !== undefined) {
    res.writeHead(200, { 'content-type': 'application/json', ...(step.headers ?? {}) });
    res.write('{"data":[{"b64_json":"');
    while (await wait(res, step.dripMs)) res.write('A');
    rec.outcome = 'aborted';
    return false;
  }
  if (step.resetAfterBytes !== undefined) cutAfter(res, step.resetAfterBytes);
  return true;
}

/** Makes `res` drop its connection once `limit` body bytes have been written. */
function cutAfter(res: import('node:http').ServerResponse, limit: number): void {
  let sent = 0;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => unknown;
  const take = (chunk: unknown): boolean => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return true;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    if (sent + buf.length <= limit) {
      sent += buf.length;
      write(buf);
      return true;
    }
    write(buf.subarray(0, Math.max(0, limit - sent)));
    sent = limit;
    setImmediate(() => res.destroy());
    return false;
  };
  // Report success either way: the client learns of the cut from the dropped connection.
  (res as { write: unknown }).write = (chunk: unknown) => {
    take(chunk);
    return true;
  };
  (res as { end: unknown }).end = (chunk?: unknown) => {
    if (take(chunk)) end();
    return res;
  };
}

/** What the servers record about a scripted request. */
export interface ScriptedRecord {
  scripted?: unknown;
  outcome?: string;
  aborted?: boolean;
}

/**
 * Applies a step's timing: records it, waits `delayMs` (false when the client went away), or holds
 * the request for `hangMs` and drops it (false). True means: go on and answer.
 */
export async function applyStepTiming<Ctx>(
  step: ScriptStepBase<Ctx> | undefined,
  rec: ScriptedRecord,
  res: import('node:http').ServerResponse,
  wait: (res: import('node:http').ServerResponse, ms: number) => Promise<boolean>,
): Promise<boolean> {
  if (step) {
    const { match: _m, ...rest } = step;
    rec.scripted = rest;
  }
  if (step?.delayMs !== undefined && !(await wait(res, step.delayMs))) return false;
  if (step?.until !== undefined) {
    // Polled in short waits so that a client that left (or the server closing) ends the hold too.
    let released = false;
    const release = () => {
      released = true;
    };
    void step.until.then(release, release);
    while (!released) if (!(await wait(res, 20))) return false;
  }
  if (step?.hangMs !== undefined) {
    await wait(res, step.hangMs);
    rec.outcome = rec.aborted ? 'aborted' : 'hung';
    res.destroy();
    return false;
  }
  return true;
}

export class ScriptQueue<Step extends ScriptStepBase<Ctx>, Ctx> {
  private steps: { step: Step; left: number }[] = [];

  push(...steps: Step[]): void {
    for (const step of steps) {
      const left = step.times === undefined ? 1 : step.times;
      if (left > 0) this.steps.push({ step, left });
    }
  }

  clear(): void {
    this.steps = [];
  }

  get pending(): number {
    return this.steps.length;
  }

  take(ctx: Ctx): Step | undefined {
    for (let i = 0; i < this.steps.length; i++) {
      const entry = this.steps[i];
      let ok = true;
      try {
        ok = entry.step.match ? entry.step.match(ctx) : true;
      } catch {
        ok = false;
      }
      if (!ok) continue;
      entry.left -= 1;
      if (entry.left <= 0) this.steps.splice(i, 1);
      return entry.step;
    }
    return undefined;
  }
}

/** Prompt marker that makes either server refuse the request on safety grounds. */
export const MODERATE_TRIGGER = '[[moderate]]';
