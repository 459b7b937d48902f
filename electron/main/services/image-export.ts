/**
 * Export: one sharp pipeline from the original file (same decoder that opened it) → EXIF
 * orientation applied → canvas extension (transparent) → accepted patches composited → encoded with
 * the original's EXIF (orientation reset to 1: the pixels are upright now) and ICC profile, with no
 * colour conversion. Pixels under patch alpha 0 are the original's, bit for bit (tested).
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { AssetStore } from './asset-store';
import { MAX_IMAGE_PIXELS } from './image-limits';

export interface PlacedAsset {
  assetId: string;
  x: number;
  y: number;
}

export interface ExportRequest {
  canvas: { width: number; height: number };
  layers: PlacedAsset[];
  format: 'png' | 'jpeg' | 'webp';
  /** 1–100 for JPEG/WebP (default 95); 100 on WebP means lossless. Ignored for PNG. */
  quality?: number;
}

export interface EncodedExport {
  bytes: Uint8Array;
  width: number;
  height: number;
  keptExif: boolean;
  keptIcc: boolean;
}

export async function renderExport(store: AssetStore, req: ExportRequest): Promise<EncodedExport> {
  const [base, ...patches] = req.layers;
  const original = await store.get(base.assetId);
  const meta = await sharp(original).metadata();
  const o = meta.orientation ?? 1;
  const ow = o >= 5 ? meta.height! : meta.width!;
  const oh = o >= 5 ? meta.width! : meta.height!;
  const { width, height } = req.canvas;
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new AppError({
      kind: 'too-large',
      message: `The canvas ${width}×${height} is above the ${MAX_IMAGE_PIXELS / 1e6} MP export limit.`,
    });
  }
  const extend = { left: base.x, top: base.y, right: width - ow - base.x, bottom: height - oh - base.y };
  if (extend.left < 0 || extend.top < 0 || extend.right < 0 || extend.bottom < 0) {
    throw new AppError({
      kind: 'invalid-request',
      message: `The original (${ow}×${oh} at ${base.x},${base.y}) must lie inside the ${width}×${height} canvas.`,
    });
  }
  let pipeline = sharp(original, { limitInputPixels: MAX_IMAGE_PIXELS }).autoOrient();
  const extended = !!(extend.left || extend.top || extend.right || extend.bottom);
  if (extended) {
    pipeline = pipeline.ensureAlpha().extend({ ...extend, background: { r: 0, g: 0, b: 0, alpha: 0 } });
  }
  if (patches.length) {
    for (const p of patches) {
      if (p.x < 0 || p.y < 0) throw new AppError({ kind: 'invalid-request', message: 'A layer lies outside the canvas.' });
    }
    const inputs = await Promise.all(patches.map(async (p) => ({ input: Buffer.from(await store.get(p.assetId)), left: p.x, top: p.y })));
    pipeline = pipeline.composite(inputs);
    // Compositing adds an alpha band; an opaque original that was not extended stays opaque.
    if (!meta.hasAlpha && !extended) pipeline = pipeline.removeAlpha();
  }
  const keptExif = !!meta.exif;
  const keptIcc = !!meta.icc;
  if (keptExif) pipeline = pipeline.keepExif().withExifMerge({ IFD0: { Orientation: '1' } });
  if (keptIcc) pipeline = pipeline.keepIccProfile();
  const q = req.quality ?? 95;
  if (req.format === 'png') pipeline = pipeline.png({ compressionLevel: 6 });
  else if (req.format === 'jpeg') pipeline = pipeline.jpeg({ quality: q, chromaSubsampling: q >= 90 ? '4:4:4' : '4:2:0' });
  else pipeline = pipeline.webp(q === 100 ? { lossless: true } : { quality: q });
  try {
    const bytes = new Uint8Array(await pipeline.toBuffer());
    return { bytes, width, height, keptExif, keptIcc };
  } catch (e) {
    throw new AppError(
      { kind: 'internal', message: `Export failed while encoding ${req.format.toUpperCase()}: ${e instanceof Error ? e.message : e}` },
      { cause: e },
    );
  }
}
