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

/** Masks held (current and history) and the bytes of their distinct non-uniform tiles (bench accounting). */
export function maskMemory(): { masks: number; tileBytes: number } {
  const seen = new Set<Uint8Array>();
  let tileBytes = 0;
  for (const m of masks.values())
    for (const t of m.tiles)
      if (typeof t !== 'number' && !seen.has(t)) {
        seen.add(t);
        tileBytes += t.byteLength;
      }
  return { masks: masks.size, tileBytes };
}

/** Decoded bitmaps held and their pixel bytes (4 per pixel; bench accounting). */
export function bitmapMemory(): { bitmaps: number; pixelBytes: number; largest: string[] } {
  let pixelBytes = 0;
  for (const b of bitmaps.values()) pixelBytes += b.width * b.height * 4;
  const largest = [...bitmaps]
    .sort((a, b) => b[1].width * b[1].height - a[1].width * a[1].height)
    .slice(0, 3)
    .map(([id, b]) => `${id.slice(0, 12)} ${b.width}×${b.height}${pinned.has(id) ? ' pinned' : ''}`);
  return { bitmaps: bitmaps.size, pixelBytes, largest };
}

const BITMAP_LIMIT = 24;
const bitmaps = new Map<string, ImageBitmap>();
/** Assets the document or its history draws (original, patch layers): never evicted. */
let pinned = new Set<string>();

export function pinBitmaps(ids: Set<string>): void {
  pinned = ids;
  evict();
}

const bitmapListeners = new Set<() => void>();
let bitmapVersion = 0;

/** Called after every putBitmap (a sharper bitmap replaced a preview, a patch was decoded again). */
export function subscribeBitmaps(listener: () => void): () => void {
  bitmapListeners.add(listener);
  return () => bitmapListeners.delete(listener);
}

export function bitmapsVersion(): number {
  return bitmapVersion;
}

/**
 * Patches kept decoded only where they are not transparent: the bitmap covers `x, y` (size of the
 * bitmap) inside a full patch of `fullWidth × fullHeight`. Absent for whole bitmaps.
 */
export interface BitmapCrop {
  x: number;
  y: number;
  fullWidth: number;
  fullHeight: number;
}
const crops = new Map<string, BitmapCrop>();

/** Where to draw asset `assetId`'s bitmap so that the whole patch covers `rect`; undefined when not decoded. */
export function placeBitmap(
  assetId: string,
  rect: { x: number; y: number; width: number; height: number },
): { image: ImageBitmap; x: number; y: number; width: number; height: number } | undefined {
  const image = getBitmap(assetId);
  if (!image) return undefined;
  const c = crops.get(assetId);
  if (!c) return { image, ...rect };
  const sx = rect.width / c.fullWidth;
  const sy = rect.height / c.fullHeight;
  return { image, x: rect.x + c.x * sx, y: rect.y + c.y * sy, width: image.width * sx, height: image.height * sy };
}

export function bitmapCrop(assetId: string): BitmapCrop | undefined {
  return crops.get(assetId);
}

export function putBitmap(assetId: string, bmp: ImageBitmap, crop?: BitmapCrop): void {
  if (crop) crops.set(assetId, crop);
  else crops.delete(assetId);
  bitmaps.delete(assetId);
  bitmaps.set(assetId, bmp);
  evict();
  bitmapVersion++;
  for (const l of bitmapListeners) l();
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

/**
 * A JPEG decoded at 1/2, 1/4 or 1/8 of its size by libjpeg's scaled IDCT (WebCodecs ImageDecoder),
 * the largest reduction that still covers `min` (device px): about half the time of the full decode
 * of a 24 MP photo, and all a fit-to-screen view shows. Null when it would not help or is unavailable.
 * Upright JPEGs only (the caller checks the EXIF orientation).
 */
export async function decodePreview(
  bytes: Uint8Array,
  mime: string,
  size: { width: number; height: number },
  min: { width: number; height: number },
): Promise<ImageBitmap | null> {
  const Decoder = (globalThis as { ImageDecoder?: new (init: object) => PreviewDecoder }).ImageDecoder;
  if (mime !== 'image/jpeg' || typeof Decoder !== 'function') return null;
  let k = 1;
  while (k < 8 && size.width / (2 * k) >= min.width && size.height / (2 * k) >= min.height) k *= 2;
  if (k === 1) return null;
  const decoder = new Decoder({
    data: bytes,
    type: mime,
    desiredWidth: Math.ceil(size.width / k),
    desiredHeight: Math.ceil(size.height / k),
  });
  try {
    const { image } = await decoder.decode();
    try {
      return await createImageBitmap(image);
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}

interface PreviewDecoder {
  decode(): Promise<{ image: CanvasImageSource & { close(): void } }>;
  close(): void;
}

/** Decodes encoded bytes, applying a JPEG's EXIF orientation (main reports upright sizes). */
export async function decodeToBitmap(bytes: Uint8Array, mime: string): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([bytes as BlobPart], { type: mime }), { imageOrientation: 'from-image' });
}
