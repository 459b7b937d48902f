/**
 * An edit in areas: one request per region (prepareAreas), each candidate composed from the areas'
 * answers (candidate k = every area's answer k) into one patch over the box around the regions.
 * The offline engine fills the areas one after another (each fill already uses the engine's
 * workers); a cloud model gets the requests at once. Any area's failure fails the job: nothing is
 * kept, and the job's result says what the requests that reached the service were charged.
 */
import { AppError } from '../../../shared/errors';
import { unionRects } from '../../../shared/geometry';
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { cropRgba } from '../../../shared/ipc/patch-pixels';
import { alphaBounds } from '../../../shared/pixels/alpha-bounds';
import type { SpanRecorder } from '../../../shared/timing/spans';
import type { JobServices } from '../create-services';
import type { JobContext, JobFn } from '../jobs/job-runner';
import type { Attempt } from '../text-check/text-job';
import { encodePatchPng } from './colour-space';
import type { PreparedEdit } from './prepare-edit';
import type { ResolvedModel } from './resolve-model';
import type { EditRequest } from './run-edit';

export interface AreasRun {
  svc: JobServices;
  req: EditRequest;
  model: ResolvedModel;
  preps: PreparedEdit[];
  /** One area's request: its patches (region-sized RGBA), filling part `share` of the progress bar. */
  run: (prep: PreparedEdit, share: [number, number]) => Promise<Attempt>;
  icc: string | null;
  spans: SpanRecorder;
  patchReady?: JobContext['patchReady'];
  progress: Parameters<JobFn>[0]['progress'];
}

export async function runAreas(a: AreasRun): Promise<CandidateResult[]> {
  const { preps, model } = a;
  const count = preps.length;
  let attempts: Attempt[];
  if (model.spec.provider === 'local') {
    attempts = [];
    for (const [i, prep] of preps.entries()) attempts.push(await a.run(prep, [i / count, (i + 1) / count]));
  } else {
    const settled = await Promise.allSettled(preps.map((prep) => a.run(prep, [0, 1])));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw areaFailure(failed.reason, settled.filter((s) => s.status === 'fulfilled').length, count);
    attempts = settled.map((s) => (s as PromiseFulfilledResult<Attempt>).value);
  }
  const n = Math.min(...attempts.map((t) => t.patches.length));
  const box = unionRects(preps.map((p) => p.region));
  const out: CandidateResult[] = [];
  for (let k = 0; k < n; k++) {
    a.progress(0.97, `Compositing ${count} areas`, undefined, 'working');
    const patch = new Uint8Array(box.width * box.height * 4);
    for (const [j, t] of attempts.entries()) over(patch, box, t.patches[k], preps[j].region);
    const opaque = alphaBounds(patch, box.width, box.height);
    const rect = opaque ?? { x: 0, y: 0, width: 1, height: 1 };
    const pixels = { rect, rgba: cropRgba(patch, box.width, rect) };
    a.patchReady?.({
      candidate: k,
      size: { width: box.width, height: box.height },
      origin: { x: box.x, y: box.y },
      pixels,
      sentAt: a.spans.now(),
    });
    const png = await a.spans.time(`main: patch encode #${k}`, () => encodePatchPng(patch, box.width, box.height, a.icc));
    const assetId = await a.svc.store.putInBackground(png, 'patch');
    const parts = attempts.map((t) => t.candidates[k]);
    const ids = parts.map((c) => c.requestId).filter(Boolean);
    out.push({
      ...parts[0],
      index: k,
      assetId,
      pixels,
      opaque,
      region: box,
      costUsd: parts.reduce((t, c) => t + c.costUsd, 0),
      ...(ids.length ? { requestId: ids.join(', ') } : {}),
      seconds: Math.max(...parts.map((c) => c.seconds)),
      spans: [...a.spans.spans],
    });
  }
  return out;
}

/** Puts `src` (RGBA over `at`) over `dst` (RGBA over `box`). */
function over(
  dst: Uint8Array,
  box: { x: number; y: number; width: number },
  src: Uint8Array,
  at: { x: number; y: number; width: number; height: number },
): void {
  for (let y = 0; y < at.height; y++) {
    let s = y * at.width * 4;
    let d = ((at.y - box.y + y) * box.width + (at.x - box.x)) * 4;
    for (let x = 0; x < at.width; x++, s += 4, d += 4) {
      const sa = src[s + 3];
      if (sa === 0) continue;
      const da = dst[d + 3];
      if (sa === 255 || da === 0) {
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
        dst[d + 3] = sa;
        continue;
      }
      const fs = sa / 255;
      const fd = (da / 255) * (1 - fs);
      const oa = fs + fd;
      for (let c = 0; c < 3; c++) dst[d + c] = Math.round((src[s + c] * fs + dst[d + c] * fd) / oa);
      dst[d + 3] = Math.round(oa * 255);
    }
  }
}

/** One area's request failed: its error, saying which and how many came back (nothing is kept). */
function areaFailure(reason: unknown, done: number, count: number): unknown {
  if (!(reason instanceof AppError) || reason.kind === 'cancelled') return reason;
  const message = `${reason.info.message.replace(/\.?$/, '.')} ${done} of the ${count} areas came back; nothing was changed.`;
  return new AppError({ ...reason.info, message }, { cause: reason });
}
