/**
 * The bytes behind staged and kept candidates, outside the store: the patch PNG per asset id (so a
 * bitmap the blob store's LRU dropped can be decoded again),
 * and object URLs of live previews. Discarded candidates are released here.
 */
import { decodeToBitmap, getBitmap, putPatchBitmap, setRedecoder, type BitmapCrop } from './blob-store';

/** The part of a patch with alpha > 0 (main measures it), relative to the patch. */
export type Opaque = { x: number; y: number; width: number; height: number } | null | undefined;

interface PatchEntry {
  bytes: Uint8Array;
  opaque: Opaque;
  decoding: Promise<ImageBitmap> | null;
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

export function markKept(assetId: string): void {
  kept.add(assetId);
}

/** Decodes a candidate's patch, puts the bitmap in the blob store and remembers the bytes. */
export async function adoptPatch(assetId: string, bytes: Uint8Array, opaque?: Opaque): Promise<void> {
  patches.set(assetId, { bytes, opaque, decoding: null });
  const { bmp, crop } = await decodePatch(bytes, opaque);
  putPatchBitmap(assetId, bmp, crop);
}

/** Remembers the bytes of a patch decoded elsewhere (a project's layers), so its bitmap can be decoded again. */
export function rememberPatch(assetId: string, bytes: Uint8Array): void {
  if (!patches.has(assetId)) patches.set(assetId, { bytes, opaque: null, decoding: null });
  kept.add(assetId);
}

/** The patch bitmap: from the blob store, or decoded again from the kept bytes. */
export async function ensureBitmap(assetId: string): Promise<ImageBitmap | undefined> {
  const hit = getBitmap(assetId);
  if (hit) return hit;
  const e = patches.get(assetId);
  if (!e) return undefined;
  e.decoding ??= decodePatch(e.bytes, e.opaque).then(({ bmp, crop }) => {
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

/** Patch PNGs held for decoding again (bench accounting). */
export function patchBytesMemory(): { patches: number; bytes: number } {
  let bytes = 0;
  for (const e of patches.values()) bytes += e.bytes.byteLength;
  return { patches: patches.size, bytes };
}

export function previewUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart]));
}

export function revokeUrls(urls: Iterable<string>): void {
  for (const u of urls) URL.revokeObjectURL(u);
}
