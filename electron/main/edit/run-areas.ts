/**
 * An edit in areas: one request per region (prepareAreas), each candidate composed from the areas'
 * answers (candidate k = every area's answer k) into one patch over the box around the regions.
 * The offline engine fills the areas one after another (each fill already uses the engine's
 * workers); a cloud model gets the requests at once. Any area's failure fails the job: nothing is
 * kept, the other areas' requests still running are stopped at once (their signal aborted, so no
 * retry of theirs is sent and no more is spent than what was in flight), the error names the area,
 * and the job's result says what the requests that reached the service may be charged.
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
import type { Rect } from '../../../shared/geometry/rect';
import type { PatchPixels } from '../../../shared/ipc/patch-pixels';
import type { PreparedEdit } from './prepare-edit';
import type { ResolvedModel } from './resolve-model';
import type { EditRequest } from './run-edit';

export interface AreasRun {
  svc: JobServices;
  req: EditRequest;
  model: ResolvedModel;
  preps: PreparedEdit[];
  /** Area `area`'s request: its patches (region-sized RGBA), filling part `share` of the progress bar; stopped by `stop`. */
  run: (prep: PreparedEdit, share: [number, number], stop: AbortSignal, area: number) => Promise<Attempt>;
  /** The job's signal (a cancel). */
  signal: AbortSignal;
  icc: string | null;
  spans: SpanRecorder;
  patchReady?: JobContext['patchReady'];
  progress: Parameters<JobFn>[0]['progress'];
}

export async function runAreas(a: AreasRun): Promise<CandidateResult[]> {
  const { preps, model } = a;
  const count = preps.length;
  // The first area to fail stops the others: their requests are aborted, whatever they were doing.
  const stopper = new AbortController();
  const stop = AbortSignal.any([a.signal, stopper.signal]);
  let failure: { area: number; reason: unknown } | undefined;
  const area = (i: number, share: [number, number]) =>
    a.run(preps[i], share, stop, i).catch((reason: unknown) => {
      if (!failure) {
        failure = { area: i, reason };
        stopper.abort();
      }
      throw reason;
    });
  let attempts: Attempt[] = [];
  /** After a failure: the other areas left without an answer (stopped, or never started). */
  let left = 0;
  if (model.spec.provider === 'local') {
    try {
      for (let i = 0; i < count; i++) attempts.push(await area(i, [i / count, (i + 1) / count]));
    } catch {
      left = count - attempts.length - 1; // never started
    }
  } else {
    // Every area settles (the stopped ones at once) before the job ends: the ledger has each one's outcome.
    const settled = await Promise.allSettled(preps.map((_, i) => area(i, [0, 1])));
    if (!failure) attempts = settled.map((s) => (s as PromiseFulfilledResult<Attempt>).value);
    else left = settled.filter((s, i) => s.status === 'rejected' && i !== failure?.area).length;
  }
  if (failure) throw areaFailure(failure.reason, failure.area, count, left, model.spec.provider === 'local');
  const n = Math.min(...attempts.map((t) => t.patches.length));
  const box = unionRects(preps.map((p) => p.region));
  const out: CandidateResult[] = [];
  for (let k = 0; k < n; k++) {
    a.progress(0.97, `Compositing ${count} areas`, undefined, 'working');
    // The renderer gets each area's own pixels (pieces), not the box between them: two dabs in
    // opposite corners of a 24 MP photo were 72 MB of mostly transparent pixels, now ≈ 0.7 MB.
    const { pixels, opaque } = areaPieces(
      attempts.map((t) => t.patches[k]),
      preps.map((p) => p.region),
      box,
    );
    a.patchReady?.({
      candidate: k,
      size: { width: box.width, height: box.height },
      origin: { x: box.x, y: box.y },
      pixels,
      sentAt: a.spans.now(),
    });
    // The asset (keep, export, undo, project) is still one PNG over the box: transparent between the
    // areas, which deflates to almost nothing.
    const patch = new Uint8Array(box.width * box.height * 4);
    for (const [j, t] of attempts.entries()) over(patch, box, t.patches[k], preps[j].region);
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

/**
 * A candidate's pixels for the renderer from its areas' patches (each RGBA over its region): one
 * piece per area, its part with alpha > 0 (relative to `box`), packed in area order — drawn in that
 * order, each over the ones before, they make what `over` composes. `opaque`: the pieces' union.
 */
export function areaPieces(
  patches: readonly Uint8Array[],
  regions: readonly Rect[],
  box: Rect,
): { pixels: PatchPixels; opaque: Rect | null } {
  const pieces: Rect[] = [];
  const parts: Uint8Array[] = [];
  for (const [j, r] of regions.entries()) {
    const b = alphaBounds(patches[j], r.width, r.height);
    if (!b) continue;
    pieces.push({ x: r.x - box.x + b.x, y: r.y - box.y + b.y, width: b.width, height: b.height });
    parts.push(cropRgba(patches[j], r.width, b));
  }
  if (!pieces.length) return { pixels: { rect: { x: 0, y: 0, width: 1, height: 1 }, rgba: new Uint8Array(4) }, opaque: null };
  const rect = unionRects(pieces);
  if (pieces.length === 1) return { pixels: { rect, rgba: parts[0] }, opaque: rect };
  const rgba = new Uint8Array(parts.reduce((t, q) => t + q.length, 0));
  let at = 0;
  for (const q of parts) {
    rgba.set(q, at);
    at += q.length;
  }
  return { pixels: { rect, rgba, pieces }, opaque: rect };
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

/**
 * One area's request failed: its error, saying which area ("Area 2 of 3: …"), that nothing was
 * changed, and how many others were stopped (or, offline, not filled). A cancel stays a cancel.
 */
function areaFailure(reason: unknown, area: number, count: number, left: number, local: boolean): unknown {
  if (!(reason instanceof AppError) || reason.kind === 'cancelled') return reason;
  const others = !left
    ? ''
    : local
      ? `; ${left === 1 ? 'the area after it was' : `the ${left} areas after it were`} not filled`
      : `; ${left === 1 ? "1 other area's request was" : `${left} other areas' requests were`} stopped`;
  const message = `Area ${area + 1} of ${count}: ${reason.info.message.replace(/\.?$/, '.')} Nothing was changed${others}.`;
  return new AppError({ ...reason.info, message }, { cause: reason });
}
