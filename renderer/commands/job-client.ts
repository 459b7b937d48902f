/**
 * Generate → job → candidates. Sends `edit:start` (or `outpaint:start`, see outpaint-client.ts), follows `job:progress` (with a slow poll as a
 * safety net for a lost event), fetches `job:result` once when the job ends and stages the
 * candidates. A failed or cancelled job only produces a message (and its sent requests' cost): never a document change.
 *
 * `createJobClient(deps)` builds one client; its state (the last request, early events, the poll)
 * lives in that object, and everything it talks to (bridge, store, blobs, timers) is injected, so
 * tests drive it with a fake bridge. The app's client, wired to the real ones, is app-job-client.ts.
 */
import { withLayerMaskAssets } from '../commands/layer-mask-assets';
import type { JobProgress } from '../../shared/ipc/contract-types';
import { readJobProgress } from '../../shared/ipc/job-progress';
import type { JobKind } from './store/jobs-slice';
import type { DocState } from '../model/document-types';
import type { ExpectedTime } from '../../shared/models';
import { errorInfo, unwrap } from './bridge';
import { createEarlyPatches } from './early-patches';
import { currentEstimate, currentMaskBounds, currentOption, generateBlocker, modelOptions, sentReferences } from './current-estimate';
import { adaptRequest, effectiveGrowPx, maskRectFor, requestLayers, settingsForModel, type EditRequest } from '../model/edit-request';
import { adaptOutpaintRequest } from '../model/outpaint-request';
import { AUTO_VALUE } from '../model/auto-choice';
import { acceptsSeed } from '../model/prompt-tools';
import { billerOf, chargeClause, withCharge } from '../model/charge-words';
import { expectedForRun } from '../../shared/routing/latency';
import { currentTextCheck } from './text-check-state';
import { stageResults } from './stage-results';
import { reportJobError } from './job-error-report';
import { createEarlyShow } from './early-show';
import { createPartialShow } from './partial-show';
import type { JobClient, JobClientDeps, JobRequest } from './job-client-types';
import { traceResult, type EditTracer } from './edit-trace';

/** Safety-net poll for a lost `job:progress` event (ms). */
const POLL_MS = 1500;
const TERMINAL = new Set(['done', 'failed', 'cancelled']);
export type { JobClient, JobClientDeps, JobRequest } from './job-client-types';

export function createJobClient(deps: JobClientDeps): JobClient {
  const st = () => deps.store.getState();
  const now = deps.now ?? Date.now;
  const timers = deps.timers ?? {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (h: unknown) => clearInterval(h as ReturnType<typeof setInterval>),
  };
  let last: { job: JobRequest; docId: string; at?: DocState } | null = null;
  const early = new Map<string, JobProgress>();
  const fetching = new Set<string>();
  const recheck = new Set<string>();
  let cancelWanted = false;
  let poll: unknown = null;
  const trace: EditTracer = deps.trace ?? {
    begin() {},
    now: () => 0,
    span() {},
    job() {},
    main() {},
    firstShown() {},
    shown() {},
    drop() {},
  };
  /** Edit candidates' pixels sent ahead of the result: their bitmaps are built while main encodes the PNG. */
  const earlyPatches = createEarlyPatches(deps.prebuild);
  /** The first candidate's pixels on screen before the result (not for a text-checked edit: its ranking decides). */
  const earlyShow = createEarlyShow({ store: deps.store, trace, afterPaint: deps.afterPaint, copy: deps.copyBitmap });
  const compose = deps.composePartial;
  const partialShow = compose ? createPartialShow({ store: deps.store, compose }) : null;
  let showEarly = false;
  /** Bytes the running edit sent to main (the mask PNG), for the transport span. */
  let sentBytes = 0;
  let sendStart = 0;
  /** An edit's mask is being encoded before its job shows (a second Ctrl+Enter meanwhile does nothing). */
  let encoding = false;

  /** Ctrl/Cmd+Enter and the Generate button. */
  async function generate(): Promise<void> {
    trace.begin();
    const s = st();
    const blocker = encoding ? 'A job is starting' : generateBlocker(s, currentEstimate(s));
    if (blocker) {
      if (!s.job) s.notify('info', blocker);
      return;
    }
    const doc = s.doc!;
    const opt = currentOption(s);
    const settings = settingsForModel(
      {
        n: s.gen.n,
        quality: s.gen.quality,
        imageSize: s.gen.imageSize,
        references: sentReferences(s).map((r) => r.assetId),
        featherPx: s.gen.featherPx,
        colorMatch: s.gen.colorMatch,
      },
      opt.spec,
    );
    const grow = effectiveGrowPx(s.gen, opt.spec);
    const b = currentMaskBounds(s)!;
    const rect = maskRectFor(
      { x: b.x - grow, y: b.y - grow, width: b.width + 2 * grow, height: b.height + 2 * grow },
      settings.featherPx,
      doc.canvas,
    );
    const estimate = currentEstimate(s);
    // The offline engine runs candidates (and an edit's areas) one after another; cloud candidates come in one go.
    const expected = estimate?.ok
      ? expectedForRun(opt.spec, estimate.request, s.prefs?.latency ?? {}, settings.n, estimate.areas?.length ?? 1)
      : null;
    const encode = async () => {
      const t = trace.now();
      const png = await deps.encodeMask(doc.maskId, rect, grow);
      trace.span('renderer: mask encode', t, trace.now(), png.length);
      return png;
    };
    // Without a grow the mask encodes in a few ms: before the job's UI renders, which then overlaps main's work.
    let early: Uint8Array | null = null;
    if (!grow) {
      encoding = true;
      early = await encode().catch((e: unknown) => {
        failStart(e);
        return null;
      });
      encoding = false;
      // Nothing to send, another job started or the photo changed meanwhile.
      if (!early || st().job || st().doc !== doc) return trace.drop();
    }
    beginJob(doc.id, opt.value, opt.spec.name, s.gen.prompt, 'edit', doc.canvas, expected);
    try {
      const png = early ?? (await encode());
      sentBytes = png.length;
      const req: EditRequest = {
        canvas: { ...doc.canvas },
        layers: requestLayers(await withLayerMaskAssets(doc)),
        mask: { png, rect },
        prompt: s.gen.prompt,
        model: opt.value,
        ...settings,
      };
      if (req.quality === undefined) delete req.quality;
      if (req.imageSize === undefined) delete req.imageSize;
      if (s.gen.seed !== undefined && acceptsSeed(opt.spec)) req.seed = s.gen.seed;
      const textCheck = currentTextCheck(s).plan?.request;
      if (textCheck) req.textCheck = textCheck;
      await sendJob({ kind: 'edit', req }, doc.id);
    } catch (e) {
      trace.drop();
      failStart(e);
    }
  }

  /** Retries the last request (same pixels, mask and prompt) on another model after a refusal. */
  async function retryOn(model: string, toastId?: number): Promise<void> {
    const s = st();
    if (toastId !== undefined) {
      s.dismiss(toastId);
      s.setRetryOffer(toastId, null);
    }
    const opt = modelOptions(s).find((o) => o.value === model);
    if (!last || !opt || s.job) return;
    if (s.doc?.id !== last.docId) {
      s.notify('info', 'Another photo is open now; paint the mask again and generate.');
      return;
    }
    const prev = last.job;
    beginJob(last.docId, opt.value, opt.spec.name, prev.req.prompt, prev.kind, prev.req.canvas);
    // The same pixels as the refused request: its results belong to the state that one was made for.
    st().patchJob(null, { at: last.at });
    try {
      const job: JobRequest =
        prev.kind === 'edit'
          ? { kind: 'edit', req: adaptRequest(prev.req, opt.value, opt.spec) }
          : { kind: 'outpaint', req: adaptOutpaintRequest(prev.req, opt.value, opt.spec) };
      await sendJob(job, last.docId);
    } catch (e) {
      failStart(e);
    }
  }

  /** The Cancel button, and Escape while a job runs. */
  async function cancelJob(): Promise<void> {
    const job = st().job;
    if (!job || job.cancelling) return;
    st().patchJob(job.jobId, { cancelling: true, stage: 'Cancelling…' });
    if (!job.jobId) {
      cancelWanted = true;
      return;
    }
    try {
      const r = await unwrap(deps.bridge().job.cancel({ jobId: job.jobId }));
      if (!r.cancelled) void finish(job.jobId);
    } catch (e) {
      const info = errorInfo(e);
      st().notify('error', info.message, info.kind);
    }
  }

  /** Subscribes to job progress; returns the unsubscribe. */
  function installJobEvents(): () => void {
    // A malformed event is ignored (the poll and the result still come).
    const off = deps.bridge().events.onJobProgress((payload: unknown) => {
      const p = readJobProgress(payload);
      if (p) onProgress(p);
    });
    return () => {
      off();
      stopPoll();
    };
  }

  /** Shows the job (one progress bar) before its start request is answered. */
  function beginJob(
    docId: string,
    model: string,
    modelName: string,
    prompt: string,
    kind: JobKind,
    canvas: { width: number; height: number },
    expected: ExpectedTime | null = null,
  ): void {
    cancelWanted = false;
    st().supersede('generate'); // a new request: the last one's failure and its Retry buttons are stale
    st().setJob({
      jobId: null,
      kind,
      docId,
      ...(st().doc?.id === docId ? { at: st().doc! } : {}),
      canvas: { ...canvas },
      model,
      modelName,
      prompt,
      startedAt: now(),
      fraction: 0,
      stage: 'Preparing…',
      phase: 'preparing',
      expected,
      previews: {},
      cancelling: false,
    });
  }

  /** Starts the job in main; progress, cancel and staging then work the same for every kind. */
  async function sendJob(job: JobRequest, docId: string): Promise<void> {
    last = { job, docId, at: st().job?.at };
    showEarly = job.kind === 'outpaint' || !job.req.textCheck; // a text check may reorder an edit's candidates
    // Auto stays Auto next time; otherwise the model sent.
    deps.rememberModel(st().gen.model === AUTO_VALUE ? AUTO_VALUE : job.req.model);
    sendStart = trace.now();
    const { jobId } = await unwrap(job.kind === 'edit' ? deps.bridge().edit.start(job.req) : deps.bridge().outpaint.start(job.req));
    trace.span('renderer: start call answered', sendStart, trace.now());
    trace.job(jobId);
    // Still "Preparing…" until main reports otherwise: it plans and encodes first.
    st().patchJob(null, { jobId });
    startPoll();
    if (cancelWanted) {
      cancelWanted = false;
      await unwrap(deps.bridge().job.cancel({ jobId })).catch(() => undefined);
    }
    const ev = early.get(jobId);
    early.delete(jobId);
    if (ev) onProgress(ev);
  }

  /** A job that could not start: the bar goes away and the error is shown. */
  /** Whether a job that ended without a result was charged, as the spend ledger counted it ('' offline). */
  function chargeOf(model: string, usd?: number, requests?: number): string {
    const spec = modelOptions(st()).find((o) => o.value === model || o.spec.id === model)?.spec;
    return spec ? chargeClause(usd, requests, billerOf(spec)) : '';
  }

  function failStart(e: unknown): void {
    const job = st().job;
    endJob();
    // Refused before it started: nothing was sent.
    reportJobError(deps.store, errorInfo(e), job?.model ?? '', job?.modelName ?? '', chargeOf(job?.model ?? ''));
  }

  function onProgress(p: JobProgress): void {
    const job = st().job;
    if (!job) return;
    if (p.patch && (job.jobId === null || job.jobId === p.jobId)) {
      const t = trace.now();
      trace.span(`transport ← main (pixels #${p.patch.candidate})`, p.patch.sentAt ?? t, t, p.patch.pixels.rgba?.byteLength);
      partialShow?.end(); // the candidate's own pixels take over from its partial image
      const e = earlyPatches.take(p);
      const at = p.patch.origin;
      if (showEarly && e?.built && at && Number.isInteger(at.x) && Number.isInteger(at.y))
        earlyShow.offer(p.jobId, p.patch.candidate, { x: at.x, y: at.y, ...p.patch.size }, e.built);
    }
    if (job.jobId === null) {
      early.set(p.jobId, p);
      if (early.size > 8) early.delete(early.keys().next().value!);
      return;
    }
    if (job.jobId !== p.jobId) return;
    // A request has gone out (main counts it in the ledger as it sends): "Spent today" moves now,
    // not only when the job ends (a slow request left it standing for a minute).
    if (p.phase === 'waiting' && job.phase !== 'waiting') void deps.refreshSpend();
    const patch: Partial<typeof job> = { fraction: p.fraction, phase: p.phase ?? 'working' };
    if (!job.cancelling || TERMINAL.has(p.stage)) patch.stage = p.stage;
    if (p.preview) {
      trace.span(`renderer: partial #${p.preview.candidate} received`, trace.now(), trace.now(), p.preview.bytes.length);
      // One area's partial (an edit in areas) would stand for the whole candidate in the strip: the canvas only.
      if (p.preview.area === undefined) {
        const old = job.previews[p.preview.candidate];
        if (old) deps.revokeUrls([old]);
        patch.previews = { ...job.previews, [p.preview.candidate]: deps.previewUrl(p.preview.bytes) };
      }
      if (showEarly) partialShow?.offer(p.jobId, p.preview.candidate, p.preview.bytes, p.preview.region, p.preview.area);
    }
    st().patchJob(job.jobId, patch);
    if (TERMINAL.has(p.stage) || p.fraction >= 1) {
      trace.span('renderer: job end event', trace.now(), trace.now());
      void finish(p.jobId);
    }
  }

  async function finish(jobId: string): Promise<void> {
    if (fetching.has(jobId)) {
      recheck.add(jobId);
      return;
    }
    fetching.add(jobId);
    let ended = true;
    try {
      const asked = trace.now();
      const have = earlyPatches.have(jobId);
      const r = await unwrap(deps.bridge().job.result(have.length ? { jobId, have } : { jobId }));
      const got = trace.now();
      if (r.state === 'running') {
        ended = false;
        fetching.delete(jobId);
        if (recheck.delete(jobId)) void finish(jobId);
        return;
      }
      const job = st().job;
      if (!job || job.jobId !== jobId) return;
      if (r.state === 'done') {
        traceResult(trace, r.candidates, { sendStart, sentBytes, sentAt: r.sentAt, asked, got });
        const ctx = { store: deps.store, adoptPatch: deps.adoptPatch, trace, now, early: earlyPatches };
        const shown = await stageResults(ctx, job, jobId, r.candidates, !!r.keptOnCancel, r.spentUsd, last?.job);
        endJob();
        // A job that answered: an earlier Generate's error message is stale now.
        if (r.candidates.length) st().succeeded('generate');
        if (shown) {
          const t = trace.now();
          await (deps.afterPaint?.() ?? Promise.resolve());
          const painted = trace.now();
          trace.span('renderer: first paint', t, painted);
          trace.shown(shown, painted);
        } else trace.drop();
        return;
      }
      trace.drop();
      st().addSpend(job.docId, r.spentUsd ?? 0); // requests sent before it failed or was cancelled may be billed
      // Said with the outcome: the spend went up although the document did not change.
      // Whether it was charged, as the spend ledger counted it: "Nothing was charged." or "… may be charged by OpenAI".
      const charged = chargeOf(job.model, r.spentUsd, r.spentRequests);
      if (r.state === 'failed') reportJobError(deps.store, r.error, job.model, job.modelName, charged);
      else st().notify('info', withCharge('Cancelled — the document is unchanged', charged));
      endJob();
    } catch (e) {
      endJob();
      const info = errorInfo(e);
      st().notify('error', info.message, info.kind, 'generate');
    } finally {
      recheck.delete(jobId);
      if (ended) earlyPatches.drop(jobId);
    }
  }

  function endJob(): void {
    const job = st().job;
    if (job) deps.revokeUrls(Object.values(job.previews));
    st().setJob(null);
    showEarly = false;
    earlyShow.end();
    partialShow?.end();
    stopPoll();
    void deps.refreshSpend();
  }

  function startPoll(): void {
    stopPoll();
    poll = timers.setInterval(() => {
      const id = st().job?.jobId;
      if (id) void finish(id);
      else stopPoll();
    }, deps.pollMs ?? POLL_MS);
  }

  function stopPoll(): void {
    if (poll) timers.clearInterval(poll);
    poll = null;
  }

  return { generate, retryOn, cancelJob, installJobEvents, beginJob, sendJob, failStart };
}
