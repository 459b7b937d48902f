/**
 * One masked edit as a job: mask → region (shared planner) → region pixels from main's assets →
 * request image + mask at the model's size → provider → each result scaled back to the region and
 * turned into a patch (feathered alpha, optional colour match) stored as an asset. Nothing here
 * touches the document: the renderer decides what to keep.
 */
import { serviceName, waitWords } from '../providers/wait-notice';
import { AppError } from '../../../shared/errors';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { frameCrop } from '../../../shared/geometry/region-pad';
import { estimateCost } from '../../../shared/models';
import { applyPatchPlan, planPatch } from '../../../shared/pixels/patch';
import { nextBodySent } from '../providers/body-sent';
import { withJobSeed } from '../providers/local-provider';
import { alphaBounds } from '../../../shared/pixels/alpha-bounds';
import { cropRgba } from '../../../shared/ipc/patch-pixels';
import type { JobServices } from '../create-services';
import type { JobContext, JobFn } from '../jobs/job-runner';
import { sniffImageFormat } from '../services/image-sniff';
import { resolveModel, type ResolvedModel } from './resolve-model';
import { encodePatchPng, sourceIccPath } from './colour-space';
import { whileWaiting } from './while-waiting';
import { scaleToRegion } from './request-pixels';
import { previewPump } from './partial-preview';
import { checkAndRetry, type Attempt } from '../text-check/text-job';
import { sendCounted } from './send-counted';
import { reserveEdit } from './edit-spend';
import { EDIT_COMPOSITING, EDIT_GENERATING_SPAN, EDIT_PARTIAL_IMAGE, EDIT_REQUEST_SENT, PROGRESS_PREPARING } from '../jobs/progress-steps';
import { createSpanRecorder, type SpanRecorder } from '../../../shared/timing/spans';
import { wallClock } from '../services/wall-clock';
import { promptOrRemove } from '../../../shared/prompts/remove-prompt';

import { prepareAreas, prepareEdit, type PreparedEdit } from './prepare-edit';
import { runAreas } from './run-areas';

export type EditRequest = RequestOf<'edit:start'>;
export { prepareEdit, type PreparedEdit };

/** `areas`: a mask of parts far apart may be edited as one region per group (see prepareAreas). */
export interface EditJobOptions {
  readonly areas?: boolean;
}

/** `receivedAt`: when main had the `edit:start` request (wall clock), the first of the job's spans. */
export function editJob(svc: JobServices, request: EditRequest, receivedAt?: number, opts: EditJobOptions = {}): JobFn {
  return async ({ signal, progress, patchReady, keepOnCancel }) => {
    const started = Date.now();
    const spans = createSpanRecorder(wallClock);
    if (receivedAt !== undefined) spans.add('main: queued', receivedAt, spans.now());
    progress(PROGRESS_PREPARING, 'Preparing…', undefined, 'preparing');
    const model = await resolveModel(svc, request.model);
    // The offline engine's seed, candidate i: seed + i. An empty prompt is Generative Fill's: remove and continue.
    const req = withJobSeed(request, model.spec.provider);
    // Looked up while the edit is prepared (it reads the original's file).
    const iccLookup = sourceIccPath(svc.store, req.layers[0].assetId);
    iccLookup.catch(() => {}); // awaited below, after prep's own errors
    const tc = req.textCheck;
    // The text check reads one region (and retries it): its edits are never split.
    const areas = opts.areas && !tc ? await prepareAreas(svc, req, model, spans) : null;
    const prepared = areas ? areas.preps[0] : await prepareEdit(svc, req, model, spans);
    if (signal.aborted) throw new AppError({ kind: 'cancelled', message: 'Cancelled.' });
    const references = await Promise.all(
      req.references.map(async (id, i) => {
        const bytes = await svc.store.get(id);
        return { bytes, mime: `image/${sniffImageFormat(bytes) ?? 'png'}`, name: `reference-${i + 1}` };
      }),
    );
    const icc = await iccLookup;
    const run = (
      m: ResolvedModel,
      prep: PreparedEdit,
      n: number,
      first: number,
      attempt: number,
      share: [number, number],
      area?: number,
      stop = signal,
    ) =>
      requestCandidates({
        svc,
        req,
        model: m,
        prep,
        references,
        icc,
        n,
        first,
        attempt,
        started,
        signal: stop,
        progress,
        patchReady,
        share,
        spans,
        area,
      });
    if (areas && areas.preps.length > 1) {
      reserveEdit(svc, req, model, areas.preps, references.length); // every area's request under the cap, or none sent
      return runAreas({
        svc,
        req,
        model,
        preps: areas.preps,
        run: (prep, share, stop, area) => run(model, prep, req.n, 0, 0, share, area, stop),
        signal,
        icc,
        spans,
        patchReady,
        progress,
      });
    }
    if (!tc) {
      reserveEdit(svc, req, model, prepared, references.length); // under the spend cap, or refused: nothing sent
      return (await run(model, prepared, req.n, 0, 0, [0, 1])).candidates;
    }
    const retryModel = tc.retryModel && tc.retryModel !== req.model ? await resolveModel(svc, tc.retryModel) : model;
    const retryPrep = retryModel === model ? prepared : await prepareEdit(svc, { ...req, model: tc.retryModel! }, retryModel);
    const retryCost = estimateCost({
      modelId: retryModel.spec,
      width: retryPrep.request.width,
      height: retryPrep.request.height,
      quality: req.quality,
      n: 1,
      imageSize: retryPrep.request.imageSize,
      referenceImages: references.length,
    }).usd;
    reserveEdit(svc, req, model, prepared, references.length, { ...tc, usd: retryCost });
    let index = req.n;
    return checkAndRetry({
      textCheck: tc,
      first: await run(model, prepared, req.n, 0, 0, [0, tc.retries ? 0.6 : 0.9]),
      retry: async (k) => {
        const r = await run(retryModel, retryPrep, 1, index, k, [0.6, 0.9]);
        index += r.candidates.length;
        return r;
      },
      retryCostUsd: retryCost,
      signal,
      progress,
      keepOnCancel,
    });
  };
}

interface CandidateRequest {
  svc: JobServices;
  req: EditRequest;
  model: ResolvedModel;
  prep: PreparedEdit;
  references: { bytes: Uint8Array; mime: string; name: string }[];
  icc: string | null;
  n: number;
  /** Index of the first candidate. */
  first: number;
  attempt: number;
  started: number;
  signal: AbortSignal;
  progress: Parameters<JobFn>[0]['progress'];
  /** Sends a candidate's pixels ahead of the result (the renderer builds its bitmap meanwhile). */
  patchReady?: JobContext['patchReady'];
  /** Part [from, to) of the job's progress bar this request fills. */
  share: [number, number];
  /** The job's spans; every candidate carries a copy of them as they stand when it is ready. */
  spans: SpanRecorder;
  /**
   * One area of several (its index): the patches only (no early pixels, no asset); runAreas composes
   * them. Its partial images are sent marked with the area, to be shown in its place.
   */
  area?: number;
}

/** One provider request → its candidates (patches stored as assets) and the RGBA patches for the text check. */
async function requestCandidates(c: CandidateRequest): Promise<Attempt> {
  const { svc, req, model, prep, references, signal, progress } = c;
  const { region, request, requestImage, requestMask, regionMask } = prep;
  const at = (f: number) => c.share[0] + (c.share[1] - c.share[0]) * f;
  const local = model.spec.provider === 'local';
  const retry = c.attempt ? ` (retry ${c.attempt})` : '';
  progress(
    at(EDIT_REQUEST_SENT),
    `${local ? 'Filling with' : 'Waiting for'} ${model.spec.name}${retry}`,
    undefined,
    local ? 'working' : 'waiting',
  );
  const cost = estimateCost({
    modelId: model.spec,
    width: request.width,
    height: request.height,
    quality: req.quality,
    n: c.n,
    imageSize: request.imageSize,
    referenceImages: references.length,
  });
  const sentAt = c.spans.now();
  const sentWall = Date.now();
  const sendPreview = previewPump(
    (candidate, preview) =>
      progress(
        at(EDIT_PARTIAL_IMAGE),
        `Generating with ${model.spec.name}${retry}`,
        { candidate: c.first + candidate, bytes: preview, region: { ...region }, ...(c.area === undefined ? {} : { area: c.area }) },
        'working',
      ),
    prep.frame ? frameCrop(region, prep.frame) : undefined,
  );
  // The patch's mask-only part (window, feathered alpha, colour-match ring) is worked out while the
  // model works: once the request's body has left (the offline engine works in a worker: at once),
  // so it never holds up the upload; or when the first image needs it, if that comes first.
  const bodySent = local ? Promise.resolve() : nextBodySent(PLAN_FALLBACK_MS);
  // The offline engine fills the mask alone (prepareEdit): its patch is opaque over the whole mask.
  const plan = whileWaiting(() => planPatch(regionMask, region.width, region.height, req.featherPx, req.colorMatch, local), bodySent);
  // The region's pixels before the edit, copied then too when the request was encoded from the original.
  const regionPixels = whileWaiting(prep.regionPixels, bodySent);
  let retried: ReturnType<typeof setTimeout> | undefined;
  const images = await sendCounted(svc, model, cost.usd, model.spec.n.native ? 1 : c.n, () =>
    model.provider.edit(
      {
        model: model.wireModel,
        prompt: promptOrRemove(req.prompt),
        image: requestImage,
        mask: requestMask,
        size: { width: request.width, height: request.height },
        aspectRatio: request.aspect,
        imageSize: request.imageSize,
        n: c.n,
        quality: req.quality,
        references,
        seed: req.seed === undefined ? undefined : req.seed + c.first,
      },
      {
        signal,
        onProgress: (f) =>
          progress(at(EDIT_REQUEST_SENT + EDIT_GENERATING_SPAN * f), `Generating with ${model.spec.name}${retry}`, undefined, 'working'),
        // A rate limit or a service error the SDK waits out: said, then back to waiting once it tries again.
        onWait: (n) => {
          progress(at(EDIT_REQUEST_SENT), waitWords(serviceName(model.spec.provider), n), undefined, 'waiting');
          clearTimeout(retried);
          if (n.afterMs !== undefined)
            retried = setTimeout(
              () => progress(at(EDIT_REQUEST_SENT), `Waiting for ${model.spec.name}${retry}: tried again`, undefined, 'waiting'),
              n.afterMs,
            );
        },
        onPartial: (candidate, bytes) => {
          c.spans.add(`main: partial image #${c.first + candidate}`, sentAt, c.spans.now(), bytes.length);
          sendPreview(candidate, bytes);
        },
      },
    ),
  ).finally(() => clearTimeout(retried));
  c.spans.add(
    `main: provider round trip${retry}`,
    sentAt,
    c.spans.now(),
    images.reduce((t, img) => t + img.bytes.length, 0),
  );
  if (signal.aborted) throw new AppError({ kind: 'cancelled', message: 'Cancelled.' });
  if (!images.length) throw new AppError({ kind: 'server', message: `${model.spec.name} returned no image.`, model: req.model });
  // Learned expectations ("usually 3–5 s"): this user's own round trips, per model and size tier.
  if (!local) svc.prefs?.recordLatency(model.spec.id, { width: request.width, height: request.height }, (Date.now() - sentWall) / 1000);
  const seconds = (Date.now() - c.started) / 1000;
  const modelValue = c.attempt && req.textCheck?.retryModel ? req.textCheck.retryModel : req.model;
  // Every image at once: libvips decodes and scales one while JavaScript builds another's patch.
  const built = await Promise.all(
    images.map(async (img, i) => {
      progress(at(EDIT_COMPOSITING + ((1 - EDIT_COMPOSITING) * i) / images.length), 'Compositing', undefined, 'working');
      const k = c.first + i;
      const generated = await c.spans.time(`main: decode + scale #${k}`, () =>
        scaleToRegion(
          img.bytes,
          region,
          model.spec.name,
          { width: request.width, height: request.height },
          prep.generatedWindow,
          prep.frame,
        ),
      );
      const before = await regionPixels();
      const patch = await c.spans.time(`main: patch build #${k}`, async () => applyPatchPlan(plan(), generated, before, true));
      if (c.area !== undefined) return { patch, pixels: undefined, assetId: '', requestId: img.requestId, opaque: undefined };
      const opaque = alphaBounds(patch, region.width, region.height);
      // The renderer gets the raw pixels of the part that shows (a transparent patch: one transparent pixel),
      // ahead of the result when the job can send them: it builds the bitmap while the PNG is encoded here.
      const rect = opaque ?? { x: 0, y: 0, width: 1, height: 1 };
      const pixels = { rect, rgba: cropRgba(patch, region.width, rect) };
      c.patchReady?.({
        candidate: k,
        size: { width: region.width, height: region.height },
        origin: { x: region.x, y: region.y },
        pixels,
        sentAt: c.spans.now(),
      });
      const png = await c.spans.time(
        `main: patch encode #${k}`,
        () => encodePatchPng(patch, region.width, region.height, c.icc),
        (b) => b.length,
      );
      // Written to disk meanwhile: every read of the id waits for the write.
      const assetId = await c.spans.time(`main: asset id #${k}`, () => svc.store.putInBackground(png, 'patch'));
      return { patch, pixels, assetId, requestId: img.requestId, opaque };
    }),
  );
  const candidates: CandidateResult[] = built.map((b, i) => ({
    index: c.first + i,
    model: modelValue,
    assetId: b.assetId,
    pixels: b.pixels,
    opaque: b.opaque,
    region,
    requestSize: { width: request.width, height: request.height },
    costUsd: cost.usd / images.length,
    requestId: b.requestId,
    ...(local && req.seed !== undefined ? { seed: req.seed + c.first + i } : {}),
    seconds,
    ...(req.textCheck ? { attempt: c.attempt } : {}),
    spans: [...c.spans.spans],
  }));
  const patches = built.map((b) => b.patch);
  return { candidates, patches, prep };
}

/** The longest the patch plan waits for the request's body to be sent before it is worked out anyway. */
const PLAN_FALLBACK_MS = 500;
