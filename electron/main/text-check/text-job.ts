/**
 * "Retry until the text is right, within a budget": every candidate of the job's request is read
 * back; while none is right, one more request (one candidate) is sent — up to `retries` requests
 * and, with `maxUsd`, only while the next request's estimated cost still fits the cap. Every
 * attempt's candidates are returned (and their cost counted), spelled-right ones first.
 */
import { AppError } from '../../../shared/errors';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { retryBudget } from '../../../shared/text-check/budget';
import { uncheckableScript } from '../../../shared/text-check/scripts';
import { rankOf } from '../../../shared/text-check/text-match';
import type { PreparedEdit } from '../edit/run-edit';
import type { JobFn } from '../jobs/job-runner';
import { checkCandidate, prepareTextCheck, type TextCheckContext } from './check-candidates';

export type TextCheckRequest = NonNullable<RequestOf<'edit:start'>['textCheck']>;

export interface Attempt {
  candidates: CandidateResult[];
  /** RGBA patches of `candidates`, region-sized. */
  patches: Uint8Array[];
  prep: PreparedEdit;
}

export interface RetryPlan {
  textCheck: TextCheckRequest;
  first: Attempt;
  /** Sends retry request k (1-based) for one candidate. */
  retry: (k: number) => Promise<Attempt>;
  /** Estimated cost of one retry request. */
  retryCostUsd: number;
  signal: AbortSignal;
  progress: Parameters<JobFn>[0]['progress'];
  /** The job's JobContext.keepOnCancel: a cancel during a retry keeps the earlier attempts' candidates. */
  keepOnCancel?: () => void;
}

export async function checkAndRetry(plan: RetryPlan): Promise<CandidateResult[]> {
  const { textCheck: tc, signal, progress } = plan;
  const requested = { text: tc.text, ...(tc.old ? { old: tc.old } : {}) };
  const contexts = new Map<string, Promise<TextCheckContext | null>>();
  let before: string | undefined;
  // A refine's request has the draft on top: the text is read over the document alone, as kept.
  const pixelsOf = (prep: PreparedEdit) => (prep.documentPixels ?? prep.regionPixels)();
  const contextFor = (prep: PreparedEdit) => {
    const r = prep.region;
    const key = `${r.x},${r.y},${r.width},${r.height}`;
    let ctx = contexts.get(key);
    if (!ctx) {
      ctx = pixelsOf(prep)
        .then((pixels) => prepareTextCheck(requested, pixels, prep.regionMask, r, before))
        .then((c) => {
          before ??= c?.before;
          return c;
        });
      contexts.set(key, ctx);
    }
    return ctx;
  };
  const all: CandidateResult[] = [];
  const check = async (a: Attempt): Promise<boolean> => {
    const ctx = await contextFor(a.prep);
    let right = false;
    for (const [i, c] of a.candidates.entries()) {
      all.push(c);
      if (!ctx) continue;
      const t0 = performance.now();
      const v = await checkCandidate(ctx, await pixelsOf(a.prep), a.prep.region.width, a.patches[i]);
      c.textCheck = { ...v, ms: Math.round(performance.now() - t0) };
      if (v.status === 'right') right = true;
    }
    return right;
  };
  progress(0.9, 'Reading the text', undefined, 'working');
  let done = await check(plan.first);
  // A text the OCR cannot read is never retried: nothing could tell a retry is better.
  const allowed = uncheckableScript(tc.text) ? 0 : retryBudget(tc.retries, tc.maxUsd, plan.retryCostUsd);
  // Spelled right first; the sort is stable, so the order of requests is kept otherwise.
  const ranked = () =>
    all
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rankOf(a.c.textCheck) - rankOf(b.c.textCheck) || a.i - b.i)
      .map(({ c }) => c);
  // Cancelled during the retries: the earlier attempts' candidates were made and paid for, so they are
  // kept, as a failed retry keeps them (a cancel threw them away, the first one shown as a preview).
  const keep = () => {
    if (!plan.keepOnCancel || !all.length) throw new AppError({ kind: 'cancelled', message: 'Cancelled.' });
    plan.keepOnCancel();
    return ranked();
  };
  for (let k = 1; !done && k <= allowed; k++) {
    if (signal.aborted) return keep();
    let attempt: Attempt;
    try {
      attempt = await plan.retry(k);
    } catch (e) {
      if (signal.aborted) return keep();
      // A failed retry keeps what the earlier attempts produced (their cost is spent).
      if (e instanceof AppError && e.info.kind === 'cancelled') throw e;
      break;
    }
    progress(0.9, `Reading the text (retry ${k})`, undefined, 'working');
    done = await check(attempt);
  }
  return signal.aborted ? keep() : ranked();
}
