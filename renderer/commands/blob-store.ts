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

export function hasMask(id: string): boolean {
  return masks.has(id);
}

export function getMask(id: string): TiledMask {
  const m = masks.get(id);
  if (!m) throw new Error(`mask ${id} is not in the blob store`);
  return m;
}

/**
 * The masks as they are now, read later: a save or upload that yields (PNG encoding, IPC) reads the
 * masks of the state it started from even when that document was replaced meanwhile and its masks
 * left the store (masks are immutable; the copy holds references, not pixels).
 */
export function maskReader(): (id: string) => TiledMask {
  const held = new Map(masks);
  return (id) => {
    const m = held.get(id);
    if (!m) throw new Error(`mask ${id} is not in the blob store`);
    return m;
  };
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

/** Decoded bitmaps held and their pixel bytes (4 per pixel, reduced copies included; bench accounting). */
export function bitmapMemory(): { bitmaps: number; pixelBytes: number; reduced: number; largest: string[] } {
  let pixelBytes = 0;
  for (const b of bitmaps.values()) pixelBytes += b.width * b.height * 4;
  for (const r of reduced.values()) pixelBytes += r.image.width * r.image.height * 4;
  const largest = [...bitmaps]
    .sort((a, b) => b[1].width * b[1].height - a[1].width * a[1].height)
    .slice(0, 3)
    .map(([id, b]) => `${id.slice(0, 12)} ${b.width}×${b.height}${pinned.has(id) ? ' pinned' : ''}`);
  return { bitmaps: bitmaps.size, pixelBytes, reduced: reduced.size, largest };
}

const BITMAP_LIMIT = 24;
const bitmaps = new Map<string, ImageBitmap>();
/** Assets the document or its history draws (original, patch layers): never evicted. */
let pinned = new Set<string>();
/** Pinned assets that must stay decoded at full resolution (layers with a layer mask). */
let pinnedFull = new Set<string>();

/**
 * `ids`: what the document and its history draw. A pinned patch with a reduced copy keeps only that
 * copy for sure; its full-resolution bitmap stays while a view needs it or the budget allows,
 * unless it is in `full` (a layer mask is drawn from the full-resolution pixels).
 */
export function pinBitmaps(ids: Set<string>, full: Set<string> = new Set()): void {
  pinned = ids;
  pinnedFull = full;
  for (const id of reduced.keys()) if (!pinned.has(id) && !bitmaps.has(id)) dropReduced(id);
  evict();
  evictFull();
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

/** Where a bitmap is drawn, and whether it is a reduced copy standing in for the full resolution. */
export interface PlacedBitmap {
  image: ImageBitmap;
  x: number;
  y: number;
  width: number;
  height: number;
  reduced: boolean;
}

/**
 * Where to draw asset `assetId`'s bitmap so that the whole patch covers `rect`; undefined when not decoded.
 * `need`: device pixels per patch pixel the view draws at. A reduced copy serves it when it has that
 * many pixels; otherwise the full-resolution bitmap does, and when that was let go it is decoded
 * again (listeners hear when it is back) and the reduced copy stands in meanwhile. Without `need`
 * only the full resolution is returned (and asked for when missing).
 */
export function placeBitmap(
  assetId: string,
  rect: { x: number; y: number; width: number; height: number },
  need = Number.POSITIVE_INFINITY,
): PlacedBitmap | undefined {
  const small = reduced.get(assetId);
  const full = small && need <= 1 / small.factor ? undefined : getBitmap(assetId);
  if (!full && small && need > 1 / small.factor) requestFull(assetId);
  const image = full ?? small?.image;
  if (!image) {
    requestFull(assetId);
    return undefined;
  }
  // The part of the patch the bitmap covers, in patch pixels (a reduced copy covers the part its
  // full-resolution bitmap did).
  const c = full ? crops.get(assetId) : small!.crop;
  const w = full ? full.width : small!.width;
  const h = full ? full.height : small!.height;
  const fullWidth = c ? c.fullWidth : w;
  const fullHeight = c ? c.fullHeight : h;
  const sx = rect.width / fullWidth;
  const sy = rect.height / fullHeight;
  return { image, x: rect.x + (c?.x ?? 0) * sx, y: rect.y + (c?.y ?? 0) * sy, width: w * sx, height: h * sy, reduced: !full };
}

export function bitmapCrop(assetId: string): BitmapCrop | undefined {
  return crops.get(assetId);
}

export function putBitmap(assetId: string, bmp: ImageBitmap, crop?: BitmapCrop): void {
  if (crop) crops.set(assetId, crop);
  else crops.delete(assetId);
  // A reduced copy of another geometry (the cropped-to-opaque part before, the whole patch a
  // project decodes now, or the other way round) would be drawn over the wrong part: let it go.
  const r = reduced.get(assetId);
  if (r && !sameGeometry(r, bmp, crop)) dropReduced(assetId);
  bitmaps.delete(assetId);
  bitmaps.set(assetId, bmp);
  neededAt.set(assetId, performance.now());
  evict();
  evictFull();
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
    dropReduced(id);
    unpinned--;
  }
}

// ---- Reduced copies: what a zoomed-out view draws of a patch ----

/**
 * A patch bitmap at 1/factor of its size (same crop), kept for every patch large enough to matter.
 * A fit-to-screen view of a 24 MP photo draws patches at about 1/4: 100 kept ~1 MP edits then hold
 * ≈ 15 MB of reduced copies instead of ≈ 230 MB of full-resolution bitmaps.
 */
interface Reduced {
  image: ImageBitmap;
  factor: number;
  /** Size of the full-resolution bitmap it stands for. */
  width: number;
  height: number;
  /** That bitmap's place in the patch (absent: the whole patch). */
  crop?: BitmapCrop;
}

/** True when a reduced copy stands for a bitmap of this size at this place in the patch. */
function sameGeometry(r: Reduced, bmp: ImageBitmap, crop?: BitmapCrop): boolean {
  if (r.width !== bmp.width || r.height !== bmp.height) return false;
  if (!r.crop || !crop) return !r.crop && !crop;
  return r.crop.x === crop.x && r.crop.y === crop.y && r.crop.fullWidth === crop.fullWidth && r.crop.fullHeight === crop.fullHeight;
}
const reduced = new Map<string, Reduced>();
/**
 * How much smaller the reduced copy is: 4 on a standard display (a fitted 24 MP photo draws patches
 * at ≈ 1/5), 2 on a HiDPI one (devicePixelRatio ≥ 1.5: the same view needs ≈ 0.4 device px per
 * patch px, which a quarter-size copy cannot serve, so every layer was drawn at full resolution).
 */
function reduceFactor(): number {
  return (globalThis.devicePixelRatio || 1) >= 1.5 ? 2 : 4;
}
/** Bitmaps smaller than this (px) are kept at full resolution only: a reduced copy would save little. */
const REDUCE_MIN_PIXELS = 256 * 256;
/** Full-resolution bitmaps of pinned patches (with a reduced copy) kept beyond what views need, in bytes. */
let fullKeepBytes = 64 * 2 ** 20;
/** A full-resolution bitmap used within this long (ms) is in use: never let go. */
const IN_USE_MS = 1500;
/** When a view last needed an asset's full resolution (performance.now()). */
const neededAt = new Map<string, number>();
let redecode: ((assetId: string) => Promise<unknown>) | null = null;
const asked = new Set<string>();
let sweep: ReturnType<typeof setTimeout> | null = null;

/** The budget of full-resolution bitmaps kept beyond need (tests set 0 to see the reduced copies at work). */
export function setFullKeepBytes(bytes: number): void {
  fullKeepBytes = bytes;
  evictFull();
}

/** What is held for an asset: the full-resolution bitmap's size and the reduced copy's (test probe). */
export function bitmapLevels(assetId: string): {
  full: { width: number; height: number } | null;
  reduced: { width: number; height: number } | null;
} {
  const f = bitmaps.get(assetId);
  const r = reduced.get(assetId);
  return { full: f ? { width: f.width, height: f.height } : null, reduced: r ? { width: r.image.width, height: r.image.height } : null };
}

/** Who decodes a patch again from its bytes (candidate-assets): without one nothing full is let go. */
export function setRedecoder(fn: (assetId: string) => Promise<unknown>): void {
  redecode = fn;
}

function dropReduced(id: string): void {
  reduced.get(id)?.image.close();
  reduced.delete(id);
}

/** Asks for the full resolution again (once at a time); its putBitmap tells the listeners. */
function requestFull(assetId: string): void {
  if (!redecode || asked.has(assetId) || bitmaps.has(assetId)) return;
  asked.add(assetId);
  queueMicrotask(() => {
    void redecode!(assetId)
      .catch(() => undefined)
      .finally(() => asked.delete(assetId));
  });
}

/** A patch's bitmap: kept like putBitmap, and a reduced copy made behind it (not awaited). */
export function putPatchBitmap(assetId: string, bmp: ImageBitmap, crop?: BitmapCrop): void {
  putBitmap(assetId, bmp, crop);
  if (reduced.has(assetId) || bmp.width * bmp.height < REDUCE_MIN_PIXELS) return;
  const width = bmp.width;
  const height = bmp.height;
  const factor = reduceFactor();
  createImageBitmap(bmp, {
    resizeWidth: Math.max(1, Math.ceil(width / factor)),
    resizeHeight: Math.max(1, Math.ceil(height / factor)),
    resizeQuality: 'medium',
  }).then(
    (image) => {
      // Dropped meanwhile (discarded, evicted) or replaced by another decode: keep nothing.
      if (bitmaps.get(assetId) !== bmp || reduced.has(assetId)) return image.close();
      reduced.set(assetId, { image, factor, width, height, ...(crop ? { crop } : {}) });
      evictFull();
    },
    () => undefined, // the full bitmap was closed before it could be reduced: nothing to keep
  );
}

/**
 * Lets go of full-resolution bitmaps of pinned patches beyond fullKeepBytes, least recently needed
 * first, never one in use or one that cannot be decoded again. Looks again later while some were in use.
 */
function evictFull(): void {
  if (!redecode) return;
  const candidates: [string, ImageBitmap][] = [];
  let bytes = 0;
  for (const [id, b] of bitmaps) {
    if (!reduced.has(id) || !pinned.has(id) || pinnedFull.has(id)) continue;
    candidates.push([id, b]);
    bytes += b.width * b.height * 4;
  }
  if (bytes <= fullKeepBytes) return;
  candidates.sort((a, b) => (neededAt.get(a[0]) ?? 0) - (neededAt.get(b[0]) ?? 0));
  const now = performance.now();
  let busy = false;
  for (const [id, b] of candidates) {
    if (bytes <= fullKeepBytes) break;
    if (now - (neededAt.get(id) ?? 0) < IN_USE_MS) {
      busy = true;
      continue;
    }
    bitmaps.delete(id);
    neededAt.delete(id);
    b.close();
    bytes -= b.width * b.height * 4;
  }
  if (busy && bytes > fullKeepBytes && !sweep)
    sweep = setTimeout(() => {
      sweep = null;
      evictFull();
    }, IN_USE_MS);
}

/** The full-resolution bitmap (marked as needed now), or undefined when none is held. */
export function getBitmap(assetId: string): ImageBitmap | undefined {
  const b = bitmaps.get(assetId);
  if (b) {
    bitmaps.delete(assetId);
    bitmaps.set(assetId, b);
    neededAt.set(assetId, performance.now());
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
