/**
 * One image of a batch through the app's own edit pipeline: main opens the file and its mask (by
 * path, main-held), builds the same `edit:start` request the renderer would, and either runs it now
 * (`editJob`, standard price) or turns the prepared region into a Gemini Batch API request; a Batch
 * API answer becomes a patch exactly like a live one (scaled back, feathered, colour-matched).
 * Preparation is deterministic, so a batch fetched after a restart (or by `maskwork batch fetch`)
 * re-derives the same region from the same files.
 */
import { basename, dirname, relative, resolve } from 'node:path';
import type { Part } from '@google/genai';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import { planRegion } from '../../../shared/geometry';
import { estimateCost, getModel } from '../../../shared/models';
import { buildPatch } from '../../../shared/pixels/patch';
import { batchPrice, type BatchMode, type BatchRecord, type BatchResult } from '../../../shared/batch/batch-types';
import type { JobServices } from '../create-services';
import { encodePatchPng, sourceIccPath } from '../edit/colour-space';
import { MaskSizeError, readMaskFile } from '../edit/mask-file';
import { editJob, prepareEdit, type EditRequest, type PreparedEdit } from '../edit/run-edit';
import { scaleToRegion } from '../edit/request-pixels';
import { openImageFile } from '../services/image-files';
import { countedFor } from '../services/spend-ledger';
import { buildGeminiInstruction } from '../providers/gemini-instruction';
import { imageMime, toBlackWhiteMaskPng } from '../providers/mask-encoding';
import type { ProviderImage } from '../providers/provider-types';
import type { BatchRequestInput } from './gemini-batch-client';
import { masksByName } from './batch-files';
import { promptOrRemove } from '../../../shared/prompts/remove-prompt';

export type BatchSettings = Pick<BatchRecord, 'prompt' | 'model' | 'quality' | 'featherPx' | 'colorMatch'>;

export interface OpenedItem {
  req: EditRequest;
  width: number;
  height: number;
  imageAssetId: string;
}

/** Opens the image and its mask (which must be the image's size) and builds the edit request. */
export async function openItem(svc: JobServices, paths: { image: string; mask: string }, s: BatchSettings): Promise<OpenedItem> {
  const opened = await openImageFile(svc.store, paths.image);
  const mask = await readMaskFile(paths.mask, opened);
  const req: EditRequest = {
    canvas: { width: opened.width, height: opened.height },
    layers: [{ assetId: opened.assetId, x: 0, y: 0 }],
    mask,
    prompt: s.prompt,
    model: s.model,
    n: 1,
    ...(s.quality ? { quality: s.quality } : {}),
    references: [],
    featherPx: s.featherPx,
    colorMatch: s.colorMatch,
  };
  return { req, width: opened.width, height: opened.height, imageAssetId: opened.assetId };
}

/** A mask file's upright size, or null when it cannot be read. */
async function uprightSize(path: string): Promise<{ width: number; height: number } | null> {
  const meta = await sharp(path)
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height) return null;
  return (meta.orientation ?? 1) >= 5 ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}

/** The mask's (upright) size and the photo's, when they differ; null when they match or the mask cannot be read (said later). */
async function maskSizes(
  svc: JobServices,
  item: { image: string; mask: string },
): Promise<{ mw: number; mh: number; width: number; height: number } | null> {
  const opened = await openImageFile(svc.store, item.image);
  const m = await uprightSize(item.mask);
  if (!m) return null; // unreadable: the send says so itself
  return m.width === opened.width && m.height === opened.height
    ? null
    : { mw: m.width, mh: m.height, width: opened.width, height: opened.height };
}

/**
 * Before Start: a photo whose mask is another size is refused with the price line's reason (rule
 * 'mask size'), so the batch leaves it out; it was sent, and came back as a failed card as well.
 */
export async function assertMaskFits(svc: JobServices, item: { image: string; mask: string }, oneForAll: boolean): Promise<void> {
  const s = await maskSizes(svc, item);
  if (s) throw await maskSizeAdvice(item, new MaskSizeError({ width: s.mw, height: s.mh }, s), oneForAll);
}

/**
 * The masks the app finds by name for `item.image` (batch-files.ts) other than the one used that
 * are the photo's size, as named from the photo's folder (`chelsea.mask-blob.png`, `masks/chelsea.png`).
 */
export async function fittingMasks(item: { image: string; mask: string }, size: { width: number; height: number }): Promise<string[]> {
  const out: string[] = [];
  for (const p of masksByName(item.image)) {
    if (resolve(p) === resolve(item.mask)) continue;
    const m = await uprightSize(p);
    if (m?.width === size.width && m.height === size.height) out.push(relative(dirname(item.image), p));
  }
  return out;
}

/** "a.png", "a.png and b.png", "a.png, b.png and c.png". */
const andList = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * A batch photo whose mask is another size, said with both sizes, the mask's name and what to do
 * (it said only "The mask is 600×400 but the image is 640×427; they must be the same size."), and the
 * masks beside the photo that fit, when there are (chelsea's own three went unmentioned).
 */
export async function maskSizeAdvice(item: { image: string; mask: string }, e: MaskSizeError, oneForAll: boolean): Promise<AppError> {
  const mask = basename(item.mask);
  const m = `${e.mask.width}×${e.mask.height}`;
  const photo = `${e.image.width}×${e.image.height}`;
  const fit = await fittingMasks(item, e.image);
  const fits = fit.length ? `${andList(fit)} beside it ${fit.length === 1 ? 'is' : 'are'} ${photo}` : '';
  const fix = oneForAll
    ? `Start batch sends the other photos without it: give it a batch of its own with a ${photo} mask${fits ? ` (${fits})` : ''}, or remove it.`
    : fits
      ? `${fits}: save ${fit.length === 1 ? 'it' : 'the one to use'} as ${mask} and add the photo again (Add images…); until then Start batch leaves it out.`
      : `Save a ${photo} mask over ${mask} and add the photo again (Add images…); until then Start batch leaves it out.`;
  return new AppError({
    kind: 'invalid-request',
    message: `${oneForAll ? 'The mask for all' : 'Its mask'}, ${mask}, is ${m} but the photo is ${photo}; a mask must be the size of its photo. ${fix}`,
    rule: 'mask size',
  });
}

/**
 * Before a Redo of an item that failed on its mask's size: still another size, it is refused with
 * what to do (Redo sent the same mask again, and it failed the same way). A mask put right on disk
 * in the meantime lets the Redo go.
 */
export async function checkRedoMask(svc: JobServices, item: { name: string; image: string; mask: string }): Promise<void> {
  const s = await maskSizes(svc, item);
  if (!s) return;
  const mask = basename(item.mask);
  throw new AppError({
    kind: 'invalid-request',
    message: `Redo would send ${item.name} with the same mask, ${mask}, which is ${s.mw}×${s.mh}; the photo is ${s.width}×${s.height}. Save a mask of the photo’s size over ${mask} and press Redo, or start a new batch for ${item.name} with its own mask.`,
    rule: 'mask size',
  });
}

/** The pre-send price of one item at the batch's mode (0 for the offline engine). */
export function estimateItem(req: EditRequest, mode: BatchMode): number {
  const spec = getModel(req.model);
  if (!spec) throw new AppError({ kind: 'invalid-request', message: `Unknown model “${req.model}”.`, rule: 'model' });
  const plan = planRegion({ canvas: req.canvas, bbox: req.mask.rect, model: spec, quality: req.quality });
  if (!plan.ok) throw new AppError({ kind: 'invalid-request', message: plan.reason, rule: 'region', model: req.model });
  const cost = estimateCost({
    modelId: spec,
    width: plan.request.width,
    height: plan.request.height,
    quality: req.quality,
    n: 1,
    imageSize: plan.request.imageSize,
  });
  return batchPrice(cost.usd, mode);
}

/**
 * Runs the item now through the ordinary edit job (spend ledger, retries, provider checks included).
 * `onSpent` hears what each request costs as it is sent (negative: one the service rejected), so a
 * failed or cancelled item still says what it was charged.
 */
export async function runItemNow(
  svc: JobServices,
  req: EditRequest,
  signal: AbortSignal,
  onSpent: (usd: number) => void = () => {},
): Promise<BatchResult> {
  const counted = { ...svc, ledger: countedFor(svc.ledger, (usd) => onSpent(usd)) };
  const [c] = await editJob(counted, req)({ signal, progress: () => {} });
  if (!c) throw new AppError({ kind: 'server', message: 'The model returned no image.', model: req.model });
  return { assetId: c.assetId, region: c.region, costUsd: c.costUsd, ...(c.requestId ? { requestId: c.requestId } : {}) };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The item's Batch API request: the same parts a live Gemini edit sends (instruction, region, mask). */
export async function batchRequestOf(key: string, prep: PreparedEdit, prompt: string): Promise<BatchRequestInput> {
  const size = { width: prep.request.width, height: prep.request.height };
  const mask = await toBlackWhiteMaskPng(prep.requestMask, size);
  const parts: Part[] = [
    { text: buildGeminiInstruction(promptOrRemove(prompt), 0) },
    { inlineData: { mimeType: imageMime(prep.requestImage), data: b64(prep.requestImage) } },
    { inlineData: { mimeType: 'image/png', data: b64(mask) } },
  ];
  return { key, parts, aspectRatio: prep.request.aspect, imageSize: prep.request.imageSize };
}

/** Prepares the region and mask for the Batch API (no request is sent). */
export function prepareItem(svc: JobServices, req: EditRequest): Promise<PreparedEdit> {
  return prepareEdit(svc, req);
}

/** A Batch API answer → a patch stored as an asset, like a live candidate. */
export async function patchFromAnswer(
  svc: JobServices,
  req: EditRequest,
  prep: PreparedEdit,
  image: ProviderImage,
  costUsd: number,
): Promise<BatchResult> {
  const spec = getModel(req.model);
  const { region, request } = prep;
  const generated = await scaleToRegion(
    image.bytes,
    region,
    spec?.name ?? req.model,
    { width: request.width, height: request.height },
    prep.generatedWindow,
    prep.frame,
  );
  const patch = buildPatch({
    width: region.width,
    height: region.height,
    generated,
    original: await prep.regionPixels(),
    mask: prep.regionMask,
    featherPx: req.featherPx,
    colourMatch: req.colorMatch,
  });
  const icc = await sourceIccPath(svc.store, req.layers[0].assetId);
  const png = await encodePatchPng(patch, region.width, region.height, icc);
  const assetId = await svc.store.put(png, 'patch');
  return { assetId, region, costUsd, ...(image.requestId ? { requestId: image.requestId } : {}) };
}
