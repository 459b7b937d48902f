/**
 * The bytes behind staged and kept candidates, outside the store: per asset id, what the patch was
 * made from (its PNG, or an edit's raw pixels) so a bitmap the blob store's LRU dropped can be built
 * again, and object URLs of live previews. Discarded candidates are released here.
 */
import type { CandidateResult } from '../../shared/ipc/contract-types';
import { checkPatchPixels, type PatchPixels } from '../../shared/ipc/patch-pixels';
import type { Rect } from '../../shared/geometry/rect';
import { decodeToBitmap, getBitmap, putPatchBitmap, setRedecoder, type BitmapCrop } from './blob-store';
import { api, unwrap } from './bridge';

/** The part of a patch with alpha > 0 (main measures it), relative to the patch. */
export type Opaque = { x: number; y: number; width: number; height: number } | null | undefined;

/**
 * What a patch's bitmap is built from: its PNG (outpaint, merge down), or the raw RGBA of its
 * non-transparent part inside a patch of `size` (an edit's candidate: no PNG decode, issue 16).
 */
export type PatchSource = { png: Uint8Array; opaque?: Opaque } | PixelSource | AssetSource;
/** A kept edit candidate: its PNG is read back from main when the bitmap must be built again. */
export type AssetSource = { asset: string; opaque: Opaque };
export type PixelSource = { pixels: PatchPixels; size: { width: number; height: number } };

/** A patch's bitmap: the whole patch, or its non-transparent part placed by `crop`. */
export interface BuiltPatch {
  bmp: ImageBitmap;
  crop?: BitmapCrop;
}

interface PatchEntry {
  source: PatchSource;
  decoding: Promise<ImageBitmap> | null;
}

/** A candidate's patch source: its pixels, validated against its region (exactly w × h × 4 bytes), or its PNG. */
export function candidatePatch(c: Pick<CandidateResult, 'patch' | 'pixels' | 'opaque' | 'region'>): PatchSource {
  if (c.pixels !== undefined)
    return { pixels: checkPatchPixels(c.pixels, c.region), size: { width: c.region.width, height: c.region.height } };
  if (c.patch) return { png: c.patch, opaque: c.opaque };
  throw new Error('the candidate carries no patch');
}

/** Bytes a source holds (trace and bench accounting). */
export function sourceBytes(source: PatchSource): number {
  if ('asset' in source) return 0;
  return 'png' in source ? source.png.byteLength : source.pixels.rgba.byteLength;
}

/** Builds a patch's bitmap: PNG decode, or ImageData straight from the pixels (no decode). */
export async function buildBitmap(source: PatchSource): Promise<BuiltPatch> {
  if ('png' in source) return decodePatch(source.png, source.opaque);
  if ('asset' in source) return decodePatch((await unwrap(api().asset.patch({ assetId: source.asset }))).png, source.opaque);
  const { rect, rgba, pieces } = source.pixels;
  const { width: fullWidth, height: fullHeight } = source.size;
  const bmp = pieces ? await piecesBitmap(rect, rgba, pieces) : await createImageBitmap(imageData(rgba, 0, rect.width, rect.height));
  const whole = rect.x === 0 && rect.y === 0 && rect.width === fullWidth && rect.height === fullHeight;
  return { bmp, crop: whole ? undefined : { x: rect.x, y: rect.y, fullWidth, fullHeight } };
}

function imageData(rgba: Uint8Array, at: number, width: number, height: number): ImageData {
  const bytes = new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset + at, width * height * 4);
  return new ImageData(bytes, width, height);
}

/**
 * The rect's bitmap from its pieces (transparent between them): each piece becomes a bitmap of its
 * own (the fast path from ImageData; `putImageData` took ~90 ms for an outpaint's 8 MB of pieces)
 * and is drawn at its place on a canvas of the rect's size.
 */
async function piecesBitmap(rect: Rect, rgba: Uint8Array, pieces: readonly Rect[]): Promise<ImageBitmap> {
  let at = 0;
  const parts = await Promise.all(
    pieces.map((q) => {
      const data = imageData(rgba, at, q.width, q.height);
      at += q.width * q.height * 4;
      return createImageBitmap(data);
    }),
  );
  const canvas = new OffscreenCanvas(rect.width, rect.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    for (const b of parts) b.close();
    throw new Error('No 2D canvas to build the candidate on.');
  }
  parts.forEach((b, i) => {
    ctx.drawImage(b, pieces[i].x - rect.x, pieces[i].y - rect.y);
    b.close();
  });
  return canvas.transferToImageBitmap();
}

/** Decodes only the patch's non-transparent part when main said where it is (a third of the memory, typically). */
async function decodePatch(bytes: Uint8Array, opaque: Opaque): Promise<{ bmp: ImageBitmap; crop?: BitmapCrop }> {
  const blob = new Blob([bytes as BlobPart], { type: 'image/png' });
  if (!opaque) return { bmp: await decodeToBitmap(bytes, 'image/png') };
  const full = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fullWidth = full.getUint32(16);
  const fullHeight = full.getUint32(20);
  if (opaque.x === 0 && opaque.y === 0 && opaque.width === fullWidth && opaque.height === fullHeight)
    return { bmp: await decodeToBitmap(bytes, 'image/png') };
  const bmp = await createImageBitmap(blob, opaque.x, opaque.y, opaque.width, opaque.height);
  return { bmp, crop: { x: opaque.x, y: opaque.y, fullWidth, fullHeight } };
}

const patches = new Map<string, PatchEntry>();
/** Patches that were kept at least once: undo/redo and the version strip may still need them. */
const kept = new Set<string>();

/**
 * The candidate became a layer. Its raw pixels are let go (≈ 2–5 MB per layer, for as long as the
 * document lives): should its bitmap be needed again, it is decoded from the PNG main holds.
 */
export function markKept(assetId: string): void {
  kept.add(assetId);
  const e = patches.get(assetId);
  if (e && 'pixels' in e.source) e.source = { asset: assetId, opaque: e.source.pixels.rect };
}

/** Builds a candidate's patch bitmap (or takes the one `built` from it), puts it in the blob store and remembers its source. */
export async function adoptPatch(assetId: string, source: PatchSource, built?: Promise<BuiltPatch>): Promise<void> {
  patches.set(assetId, { source, decoding: null });
  const { bmp, crop } = await (built ?? buildBitmap(source));
  putPatchBitmap(assetId, bmp, crop);
}

/** Remembers the bytes of a patch decoded elsewhere (a project's layers), so its bitmap can be decoded again. */
export function rememberPatch(assetId: string, bytes: Uint8Array): void {
  if (!patches.has(assetId)) patches.set(assetId, { source: { png: bytes, opaque: null }, decoding: null });
  kept.add(assetId);
}

/** The patch bitmap: from the blob store, or decoded again from the kept bytes. */
export async function ensureBitmap(assetId: string): Promise<ImageBitmap | undefined> {
  const hit = getBitmap(assetId);
  if (hit) return hit;
  const e = patches.get(assetId);
  if (!e) return undefined;
  e.decoding ??= buildBitmap(e.source).then(({ bmp, crop }) => {
    putPatchBitmap(assetId, bmp, crop);
    e.decoding = null;
    return bmp;
  });
  return e.decoding;
}

// The blob store lets go of full-resolution patch bitmaps a zoomed-out view does not need: this brings them back.
setRedecoder(ensureBitmap);

/** Forgets a discarded candidate's bytes (never for a patch the document may still show). */
export function releasePatch(assetId: string): void {
  const e = patches.get(assetId);
  if (!e || kept.has(assetId)) return;
  patches.delete(assetId);
}

/** Patch PNGs and pixels held for building bitmaps again (bench accounting). */
export function patchBytesMemory(): { patches: number; bytes: number } {
  let bytes = 0;
  for (const e of patches.values()) bytes += sourceBytes(e.source);
  return { patches: patches.size, bytes };
}

export function previewUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart]));
}

export function revokeUrls(urls: Iterable<string>): void {
  for (const u of urls) URL.revokeObjectURL(u);
}
