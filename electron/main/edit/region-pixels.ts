/**
 * Pixels of the current composite (original + accepted patches) inside a region, in main. The
 * decoded original is cached (one entry: the open document, primed by the import's own decode), so
 * edits on a 40 MP photo cut regions by copying rows instead of decoding the file again.
 */
import sharp from 'sharp';
import { compositeOverInto } from '../../../shared/pixels/patch';
import type { AssetStore } from '../services/asset-store';
import { MAX_IMAGE_PIXELS } from '../services/image-limits';
import { awaitDecoded, forgetDecoded, recallDecoded, rememberDecoded, type DecodedImage } from '../services/decoded-original';
import type { Rect } from '../../../shared/geometry/rect';
import { applyLayerAlpha, isPlainLayer } from '../../../shared/pixels/layer-alpha';
import { alphaBounds } from '../../../shared/pixels/alpha-bounds';
import { layerAlphaOf, type PlacedPatch } from '../services/layer-pixels';

export type { Rect };

type Decoded = DecodedImage;

/** Decodes an asset to upright RGBA (cached for the last original). */
export async function decodeRgba(store: AssetStore, assetId: string, cacheIt = false): Promise<Decoded> {
  const cached = await awaitDecoded(assetId);
  if (cached) return cached;
  const { data, info } = await sharp(await store.get(assetId), { limitInputPixels: MAX_IMAGE_PIXELS })
    .autoOrient()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const decoded = { width: info.width, height: info.height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  if (cacheIt) rememberDecoded(assetId, decoded);
  return decoded;
}

export function clearRegionCache(): void {
  forgetDecoded();
  patchCache.clear();
}

/** Copies `src` (placed at px,py on the canvas) into a region buffer; areas it does not cover stay as they are. */
function blit(dst: Uint8Array, region: Rect, src: Decoded, px: number, py: number): void {
  const x0 = Math.max(region.x, px);
  const y0 = Math.max(region.y, py);
  const x1 = Math.min(region.x + region.width, px + src.width);
  const y1 = Math.min(region.y + region.height, py + src.height);
  if (x1 <= x0 || y1 <= y0) return;
  const rowBytes = (x1 - x0) * 4;
  for (let y = y0; y < y1; y++) {
    const s = ((y - py) * src.width + (x0 - px)) * 4;
    const d = ((y - region.y) * region.width + (x0 - region.x)) * 4;
    dst.set(src.rgba.subarray(s, s + rowBytes), d);
  }
}

/** Upright sizes of assets seen here (a patch's size never changes: its id is its content). */
const sizes = new Map<string, { width: number; height: number }>();

/** The size of an asset from its header (no decode), remembered. */
async function assetSize(store: AssetStore, assetId: string): Promise<{ width: number; height: number }> {
  const known = sizes.get(assetId) ?? recallDecoded(assetId) ?? patchCache.get(assetId)?.full;
  if (known) return { width: known.width, height: known.height };
  const meta = await sharp(await store.get(assetId)).metadata();
  const upright = (meta.orientation ?? 1) >= 5;
  const size = { width: (upright ? meta.height : meta.width) ?? 0, height: (upright ? meta.width : meta.height) ?? 0 };
  sizes.set(assetId, size);
  return size;
}

/**
 * A decoded patch kept only where it is not transparent (a patch is transparent outside its mask's
 * feather band, typically two thirds of it): `part` sits at `x, y` inside the `full` patch.
 */
interface PatchPart {
  full: { width: number; height: number };
  x: number;
  y: number;
  part: Decoded;
}

/**
 * Decoded kept patches, most recently used last, within a byte budget: the next edit near the last
 * ones composites them without decoding their PNGs again. Layers outside the region are never decoded.
 */
const patchCache = new Map<string, PatchPart>();
const PATCH_CACHE_BYTES = 64 * 2 ** 20;

/** Rows `y0…y0+h` and columns `x0…x0+w` of a `width`-wide buffer with `channels` bytes per pixel. */
function cropBytes(src: Uint8Array, width: number, channels: number, r: Rect): Uint8Array {
  const out = new Uint8Array(r.width * r.height * channels);
  const row = r.width * channels;
  for (let y = 0; y < r.height; y++) {
    const s = ((r.y + y) * width + r.x) * channels;
    out.set(src.subarray(s, s + row), y * row);
  }
  return out;
}

async function decodePatch(store: AssetStore, assetId: string): Promise<PatchPart> {
  const hit = patchCache.get(assetId);
  if (hit) {
    patchCache.delete(assetId);
    patchCache.set(assetId, hit);
    return hit;
  }
  const decoded = await decodeRgba(store, assetId);
  const full = { width: decoded.width, height: decoded.height };
  const bounds = alphaBounds(decoded.rgba, decoded.width, decoded.height) ?? { x: 0, y: 0, width: 0, height: 0 };
  const whole = bounds.width === full.width && bounds.height === full.height;
  const entry: PatchPart = {
    full,
    x: bounds.x,
    y: bounds.y,
    part: whole ? decoded : { width: bounds.width, height: bounds.height, rgba: cropBytes(decoded.rgba, full.width, 4, bounds) },
  };
  if (entry.part.rgba.length <= PATCH_CACHE_BYTES) {
    patchCache.set(assetId, entry);
    let total = 0;
    for (const d of patchCache.values()) total += d.part.rgba.length;
    for (const [id, d] of patchCache) {
      if (total <= PATCH_CACHE_BYTES) break;
      patchCache.delete(id);
      total -= d.part.rgba.length;
    }
  }
  return entry;
}

/** Whether the layer placed at `p` reaches into `region` (its full size: its transparent parts count too). */
async function reaches(store: AssetStore, p: PlacedPatch, region: Rect): Promise<boolean> {
  const size = await assetSize(store, p.assetId);
  return p.x < region.x + region.width && p.y < region.y + region.height && p.x + size.width > region.x && p.y + size.height > region.y;
}

/**
 * RGBA of `region` from the layer stack: first layer = the original (opaque where it covers the
 * canvas, transparent elsewhere), the rest = patches composited over it (with opacity and layer mask).
 */
export async function renderRegion(store: AssetStore, layers: PlacedPatch[], region: Rect): Promise<Uint8Array> {
  const [base, ...patches] = layers;
  const out = new Uint8Array(region.width * region.height * 4);
  blit(out, region, await decodeRgba(store, base.assetId, true), base.x, base.y);
  for (const p of patches) {
    if (!(await reaches(store, p, region))) continue;
    const { full, x, y, part } = await decodePatch(store, p.assetId);
    let shown = part;
    // What the user sees: the patch's layer mask and opacity scale its alpha (a new array: the cache keeps the patch).
    const alpha = await layerAlphaOf(store, p, full.width, full.height);
    if (!isPlainLayer(alpha)) {
      const mask = alpha.mask && cropBytes(alpha.mask, full.width, 1, { x, y, width: part.width, height: part.height });
      shown = { ...part, rgba: applyLayerAlpha(part.rgba, part.width, part.height, { opacity: alpha.opacity, mask }) };
    }
    // Over the region where the patch's non-transparent part lies, in place (its own area, not the region's).
    const px = p.x + x;
    const py = p.y + y;
    const x0 = Math.max(region.x, px);
    const y0 = Math.max(region.y, py);
    const x1 = Math.min(region.x + region.width, px + shown.width);
    const y1 = Math.min(region.y + region.height, py + shown.height);
    if (x1 <= x0 || y1 <= y0) continue;
    compositeOverInto(out, region.width, shown.rgba, shown.width, {
      sx: x0 - px,
      sy: y0 - py,
      dx: x0 - region.x,
      dy: y0 - region.y,
      width: x1 - x0,
      height: y1 - y0,
    });
  }
  return out;
}

/** RGBA pixels holding a region at (`x`, `y`): the region's own buffer, or a larger image it is a crop of. */
export interface RegionSource {
  rgba: Uint8Array;
  width: number;
  height: number;
  x: number;
  y: number;
}

/**
 * The decoded original itself as the region's source, when it alone makes the region's pixels — it
 * covers the whole region and no other layer reaches into it — so a request can be encoded from it
 * (libvips crops as it reads) without the region's own copy; null otherwise. `renderRegion` gives the
 * same pixels.
 */
export async function originalAsSource(store: AssetStore, layers: PlacedPatch[], region: Rect): Promise<RegionSource | null> {
  const [base, ...patches] = layers;
  for (const p of patches) if (await reaches(store, p, region)) return null;
  const d = await decodeRgba(store, base.assetId, true);
  const x = region.x - base.x;
  const y = region.y - base.y;
  if (x < 0 || y < 0 || x + region.width > d.width || y + region.height > d.height) return null;
  return { rgba: d.rgba, width: d.width, height: d.height, x, y };
}
