/**
 * The bytes behind staged and kept candidates, outside the store: the patch PNG per asset id (so a
 * bitmap the blob store's LRU dropped can be decoded again),
 * and object URLs of live previews. Discarded candidates are released here.
 */
import { decodeToBitmap, getBitmap, putBitmap } from '../blobs/blob-store';

interface PatchEntry {
  bytes: Uint8Array;
  decoding: Promise<ImageBitmap> | null;
}

const patches = new Map<string, PatchEntry>();
/** Patches that were kept at least once: undo/redo and the version strip may still need them. */
const kept = new Set<string>();

export function markKept(assetId: string): void {
  kept.add(assetId);
}

/** Decodes a candidate's patch, puts the bitmap in the blob store and remembers the bytes. */
export async function adoptPatch(assetId: string, bytes: Uint8Array): Promise<void> {
  patches.set(assetId, { bytes, decoding: null });
  putBitmap(assetId, await decodeToBitmap(bytes, 'image/png'));
}

/** The patch bitmap: from the blob store, or decoded again from the kept bytes. */
export async function ensureBitmap(assetId: string): Promise<ImageBitmap | undefined> {
  const hit = getBitmap(assetId);
  if (hit) return hit;
  const e = patches.get(assetId);
  if (!e) return undefined;
  e.decoding ??= decodeToBitmap(e.bytes, 'image/png').then((bmp) => {
    putBitmap(assetId, bmp);
    e.decoding = null;
    return bmp;
  });
  return e.decoding;
}

/** Forgets a discarded candidate's bytes (never for a patch the document may still show). */
export function releasePatch(assetId: string): void {
  const e = patches.get(assetId);
  if (!e || kept.has(assetId)) return;
  patches.delete(assetId);
}

export function previewUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart]));
}

export function revokeUrls(urls: Iterable<string>): void {
  for (const u of urls) URL.revokeObjectURL(u);
}
