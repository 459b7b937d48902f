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
  /** Hold the request this long without answering, then drop the connection (for client timeouts). */
  hangMs?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
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
