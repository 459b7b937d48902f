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
import { planRegion } from '../../../shared/geometry';
import { frameCrop, framePadding } from '../../../shared/geometry/region-pad';
import { padFrame } from '../../../shared/pixels/pad-frame';
import { estimateCost } from '../../../shared/models';
import { applyPatchPlan, dilatedMask, featherBand, generatedWindow, planPatch } from '../../../shared/pixels/patch';
import { nextBodySent } from '../providers/body-sent';
import { withJobSeed } from '../providers/local-provider';
import { alphaBounds } from '../../../shared/pixels/alpha-bounds';
import { cropRgba } from '../../../shared/ipc/patch-pixels';
import type { JobServices } from '../create-services';
import type { JobContext, JobFn } from '../jobs/job-runner';
import { sniffImageFormat } from '../services/image-sniff';
import { cutMask, decodeMaskRect, maskBBox } from './mask-input';
import { originalAsSource, renderRegion, type Rect } from './region-pixels';
import { resolveModel, type ResolvedModel } from './resolve-model';
import { encodePatchPng, sourceIccPath } from './colour-space';
import { whileWaiting } from './while-waiting';
import { encodeRequestImage, engineHoleMargin, scaleRequestMask, scaleToRegion } from './request-pixels';
import type { Window } from '../../../shared/pixels/box-filter';
import { previewPump } from './partial-preview';
import { checkAndRetry, type Attempt } from '../text-check/text-job';
import { sendCounted } from './send-counted';
import { reserveEdit } from './edit-spend';
import { EDIT_COMPOSITING, EDIT_GENERATING_SPAN, EDIT_PARTIAL_IMAGE, EDIT_REQUEST_SENT, PROGRESS_PREPARING } from '../jobs/progress-steps';
import { createSpanRecorder, noSpans, type SpanRecorder } from '../../../shared/timing/spans';
import { wallClock } from '../services/wall-clock';
import { promptOrRemove } from '../../../shared/prompts/remove-prompt';

export type EditRequest = RequestOf<'edit:start'>;

/** `receivedAt`: when main had the `edit:start` request (wall clock), the first of the job's spans. */
export function editJob(svc: JobServices, request: EditRequest, receivedAt?: number): JobFn {
  return async ({ signal, progress, patchReady }) => {
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
    const prepared = await prepareEdit(svc, req, model, spans);
    if (signal.aborted) throw new AppError({ kind: 'cancelled', message: 'Cancelled.' });
    const references = await Promise.all(
      req.references.map(async (id, i) => {
        const bytes = await svc.store.get(id);
        return { bytes, mime: `image/${sniffImageFormat(bytes) ?? 'png'}`, name: `reference-${i + 1}` };
      }),
    );
    const icc = await iccLookup;
    const run = (m: ResolvedModel, prep: PreparedEdit, n: number, first: number, attempt: number, share: [number, number]) =>
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
        signal,
        progress,
        patchReady,
        share,
        spans,
      });
    const tc = req.textCheck;
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
        { candidate: c.first + candidate, bytes: preview, region: { ...region } },
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

export interface PreparedEdit {
  region: Rect;
  request: { width: number; height: number; aspect?: string; imageSize?: '512' | '1K' | '2K' | '4K' };
  /**
   * The region's pixels before the edit (RGBA), made once when first asked for: when the original
   * alone makes the region, the request is encoded from the decoded original and this copy is left
   * until the request is out (`regionPixelsWhen`).
   */
  regionPixels: () => Promise<Uint8Array>;
  /**
   * The region under the document's layers alone, when the request adds a candidate being refined
   * on top (`textCheck.documentLayers`): what the text check reads the old text from and puts each
   * candidate over, as it will be kept.
   */
  documentPixels?: () => Promise<Uint8Array>;
  regionMask: Uint8Array;
  requestImage: Uint8Array;
  requestMask: Uint8Array;
  /** The part of the region the patch reads of a generated image (scaled alone; see scaleToRegion). */
  generatedWindow: Window | null;
  /**
   * What the request covers when it is padded past the photo's edges (RegionPlan.frame): the request
   * image is the region mirrored out to it, the mask 0 there, and the answer is cropped back to the region.
   */
  frame?: Rect;
}

/** Everything before the provider call (measured by the bench as "edit prep"). */
export async function prepareEdit(
  svc: JobServices,
  req: EditRequest,
  resolved?: ResolvedModel,
  spans: SpanRecorder = noSpans,
): Promise<PreparedEdit> {
  const model = resolved ?? (await resolveModel(svc, req.model));
  const values = await spans.time('main: mask decode', () => decodeMaskRect(req.mask.png, req.mask.rect));
  const bbox = maskBBox(values, req.mask.rect);
  if (!bbox)
    throw new AppError({ kind: 'invalid-request', message: 'The mask is empty: paint over what should change first.', rule: 'mask' });
  const plan = planRegion({ canvas: req.canvas, bbox, model: model.spec, quality: req.quality, imageSize: req.imageSize });
  if (!plan.ok) throw new AppError({ kind: 'invalid-request', message: plan.reason, rule: 'region', model: req.model });
  const { region, frame } = plan;
  // A request padded past the photo's edges covers the frame: the region mirrored out to it.
  const pad = frame ? framePadding(region, frame) : null;
  const covered = frame ?? region;
  // The original alone under the region (no kept layer there, no padding): the request is encoded
  // from the decoded original, and the region's own copy (a fresh buffer: ≈ 2.6 ms of page faults
  // per MB here) waits until the request is out.
  const original = pad ? null : await originalAsSource(svc.store, req.layers, region);
  const render = () => renderRegion(svc.store, req.layers, region);
  const rendered = original ? null : await spans.time('main: region pixels', render);
  let copy: Promise<Uint8Array> | null = rendered ? Promise.resolve(rendered) : null;
  const regionPixels = () => {
    if (!copy) {
      copy = render();
      copy.catch(() => undefined); // a job that ends before it is read must not leave it unhandled
    }
    return copy;
  };
  // The request image encodes on libvips' threads while this thread cuts, dilates and scales the mask.
  const imageEncode = spans.time(
    'main: request encode',
    () =>
      encodeRequestImage(
        original ?? (pad ? padFrame(rendered!, region.width, region.height, 4, pad, 'mirror') : rendered!),
        covered,
        plan.request,
        model.spec.provider === 'local',
      ),
    (r) => r.length,
  );
  imageEncode.catch(() => undefined); // awaited below; a mask error thrown first must not leave it unhandled
  const { regionMask, requestMask } = await spans.time('main: request mask', async () => {
    const regionMask = cutMask(values, req.mask.rect, region);
    // A cloud model repaints the whole feather band, so the blend mixes generated pixels only. The
    // offline engine returns every known pixel as it was, so it is asked to fill the mask alone (its
    // patch is opaque over the mask, the ramp outside it): a hole as wide as the band cut through thin
    // structures beside the mask — a cup's rim, filled with a stair-stepped notch of background.
    const band = model.spec.provider === 'local' ? engineHoleMargin(covered, plan.request) : featherBand(req.featherPx);
    const sent = band > 0 ? dilatedMask(regionMask, region.width, region.height, band, 255) : regionMask;
    // The padding is never part of the edit: the model is asked to keep it.
    const framed = pad ? padFrame(sent, region.width, region.height, 1, pad, 'zero') : sent;
    // Planned at the request's size (no padding): the dilated mask, 0 or 255 already, is the request
    // mask itself — no third region-sized buffer (each fresh one is page faults here).
    const atSize = !pad && band > 0 && plan.request.width === region.width && plan.request.height === region.height;
    return { regionMask, requestMask: atSize ? sent : await scaleRequestMask(framed, covered, plan.request) };
  });
  const requestImage = await imageEncode;
  const generated = generatedWindow(regionMask, region.width, region.height, req.featherPx);
  const docLayers = req.textCheck?.documentLayers;
  let docCopy: Promise<Uint8Array> | null = null;
  const documentPixels =
    docLayers !== undefined && docLayers < req.layers.length
      ? () => (docCopy ??= renderRegion(svc.store, req.layers.slice(0, docLayers), region))
      : undefined;
  return {
    region,
    request: plan.request,
    regionPixels,
    ...(documentPixels ? { documentPixels } : {}),
    regionMask,
    requestImage,
    requestMask,
    generatedWindow: generated,
    ...(frame ? { frame } : {}),
  };
}

/** The longest the patch plan waits for the request's body to be sent before it is worked out anyway. */
const PLAN_FALLBACK_MS = 500;
