/**
 * Everything of an edit before the provider call (measured by the bench as "edit prep"): the mask
 * decoded, the region(s) planned, each region's pixels, request image and request mask.
 */
import { AppError } from '../../../shared/errors';
import { planRegion, planRegions, type RegionPlan } from '../../../shared/geometry';
import { framePadding } from '../../../shared/geometry/region-pad';
import { valuesParts } from '../../../shared/mask/mask-parts';
import { padFrame } from '../../../shared/pixels/pad-frame';
import { dilatedMask, featherBand, generatedWindow } from '../../../shared/pixels/patch';
import type { Window } from '../../../shared/pixels/box-filter';
import { noSpans, type SpanRecorder } from '../../../shared/timing/spans';
import type { JobServices } from '../create-services';
import { cutMask, decodeMaskRect, maskBBox } from './mask-input';
import { originalAsSource, renderRegion, type Rect } from './region-pixels';
import { resolveModel, type ResolvedModel } from './resolve-model';
import { encodeRequestImage, engineHoleMargin, scaleRequestMask } from './request-pixels';
import type { EditRequest } from './run-edit';

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

/** Everything before the provider call (measured by the bench as "edit prep"): one region. */
export async function prepareEdit(
  svc: JobServices,
  req: EditRequest,
  resolved?: ResolvedModel,
  spans: SpanRecorder = noSpans,
): Promise<PreparedEdit> {
  const model = resolved ?? (await resolveModel(svc, req.model));
  const { values, bbox } = await decodeMask(req, spans);
  const plan = planRegion({ canvas: req.canvas, bbox, model: model.spec, quality: req.quality, imageSize: req.imageSize });
  if (!plan.ok) throw new AppError({ kind: 'invalid-request', message: plan.reason, rule: 'region', model: req.model });
  return prepareRegion(svc, req, model, values, plan, spans);
}

/**
 * An edit as areas: one region per group of nearby mask parts when the parts lie far apart
 * (shared/geometry/region-groups.ts), else the one region {@link prepareEdit} makes. Each area's
 * request mask holds only its own group's parts.
 */
export async function prepareAreas(
  svc: JobServices,
  req: EditRequest,
  model: ResolvedModel,
  spans: SpanRecorder = noSpans,
): Promise<{ preps: PreparedEdit[]; capped?: number }> {
  const { values, bbox } = await decodeMask(req, spans);
  const parts = valuesParts(values, req.mask.rect, req.canvas);
  const input = { canvas: req.canvas, bbox, parts, model: model.spec, quality: req.quality, imageSize: req.imageSize };
  const planned = planRegions(input);
  if (!planned.ok) throw new AppError({ kind: 'invalid-request', message: planned.reason, rule: 'region', model: req.model });
  if (planned.plans.length === 1) return { preps: [await prepareRegion(svc, req, model, values, planned.plans[0], spans)] };
  const preps: PreparedEdit[] = [];
  // One at a time: each holds its region's pixels and request.
  for (const [i, plan] of planned.plans.entries()) {
    const own = ownValues(values, req.mask.rect, planned.groups[i]);
    preps.push(await prepareRegion(svc, req, model, own, plan, spans));
  }
  return { preps, ...(planned.capped ? { capped: planned.capped } : {}) };
}

/** The least context (px) around a group's box: its parts' soft edges; other groups lie beyond twice it. */
const OWN_PAD = 64;

/** The mask values of one group alone: zero outside its box grown by {@link OWN_PAD}. */
function ownValues(values: Uint8Array, rect: Rect, group: Rect): Uint8Array {
  const out = new Uint8Array(values.length);
  const x0 = Math.max(rect.x, group.x - OWN_PAD);
  const x1 = Math.min(rect.x + rect.width, group.x + group.width + OWN_PAD);
  const y0 = Math.max(rect.y, group.y - OWN_PAD);
  const y1 = Math.min(rect.y + rect.height, group.y + group.height + OWN_PAD);
  for (let y = y0; y < y1; y++) {
    const s = (y - rect.y) * rect.width + (x0 - rect.x);
    out.set(values.subarray(s, s + (x1 - x0)), s);
  }
  return out;
}

async function decodeMask(req: EditRequest, spans: SpanRecorder): Promise<{ values: Uint8Array; bbox: Rect }> {
  const values = await spans.time('main: mask decode', () => decodeMaskRect(req.mask.png, req.mask.rect));
  const bbox = maskBBox(values, req.mask.rect);
  if (!bbox)
    throw new AppError({ kind: 'invalid-request', message: 'The mask is empty: paint over what should change first.', rule: 'mask' });
  return { values, bbox };
}

/** One region's pixels, request image and masks. */
async function prepareRegion(
  svc: JobServices,
  req: EditRequest,
  model: ResolvedModel,
  values: Uint8Array,
  plan: RegionPlan,
  spans: SpanRecorder,
): Promise<PreparedEdit> {
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
