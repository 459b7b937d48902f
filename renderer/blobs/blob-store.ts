/**
 * Pixels never live in the zustand store. Records hold ids; this module holds what they point at:
 * immutable tiled masks (by generated id) and decoded bitmaps (by asset id, LRU with close()).
 * Masks no longer referenced by the document or its history are dropped by `retainMasks`.
 */
import type { TiledMask } from '../../shared/mask';

const masks = new Map<string, TiledMask>();
let nextMask = 1;

export function putMask(mask: TiledMask): string {
  const id = `mask-${nextMask++}`;
  masks.set(id, mask);
  return id;
}

export function getMask(id: string): TiledMask {
  const m = masks.get(id);
  if (!m) throw new Error(`mask ${id} is not in the blob store`);
  return m;
}

/** Drops every mask whose id is not in `live` (history trimmed, document closed). */
export function retainMasks(live: Set<string>): void {
  for (const id of masks.keys()) if (!live.has(id)) masks.delete(id);
}

export function maskCount(): number {
  return masks.size;
}

const BITMAP_LIMIT = 24;
const bitmaps = new Map<string, ImageBitmap>();
/** Assets the document or its history draws (original, patch layers): never evicted. */
let pinned = new Set<string>();

export function pinBitmaps(ids: Set<string>): void {
  pinned = ids;
  evict();
}

export function putBitmap(assetId: string, bmp: ImageBitmap): void {
  bitmaps.delete(assetId);
  bitmaps.set(assetId, bmp);
  evict();
}

/** Drops the least recently used unpinned bitmaps beyond the limit (pinned ones do not count). */
function evict(): void {
  let unpinned = 0;
  for (const id of bitmaps.keys()) if (!pinned.has(id)) unpinned++;
  for (const [id, b] of bitmaps) {
    if (unpinned <= BITMAP_LIMIT) break;
    if (pinned.has(id)) continue;
    bitmaps.delete(id);
    b.close();
    unpinned--;
  }
}

export function getBitmap(assetId: string): ImageBitmap | undefined {
  const b = bitmaps.get(assetId);
  if (b) {
    bitmaps.delete(assetId);
    bitmaps.set(assetId, b);
  }
  return b;
}

/** Decodes encoded bytes, applying a JPEG's EXIF orientation (main reports upright sizes). */
export async function decodeToBitmap(bytes: Uint8Array, mime: string): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([bytes as BlobPart], { type: mime }), { imageOrientation: 'from-image' });
}
