/**
 * Export. The original file is decoded by the same decoder that opened it, upright, at its own bit
 * depth; kept patches go over it; the original's EXIF (orientation reset to 1: the pixels are upright
 * now), ICC profile (no colour conversion), IPTC and XMP are kept, and an XMP edit record is added
 * when AI results are in the picture. Pixels under patch alpha 0 are the original's, bit for bit.
 *
 * - PNG/JPEG/WebP of an 8-bit document: one sharp pipeline (original → auto-orient → extend →
 *   composite → keep metadata → encode); EXIF libvips did not read (a TIFF original's) is put into
 *   the encoded file's container afterwards (`export/exif-containers.ts`).
 * - PNG of a 16-bit document, and TIFF at either depth: the raw composite (`export/composite-raw.ts`,
 *   16-bit exact), encoded by sharp, with the metadata added to the container (`export/png-chunks.ts`,
 *   `export/tiff-tags.ts`).
 * - PSD: the original and each kept result as layers (`export/psd-export.ts`).
 * A 16-bit document exported to JPEG/WebP becomes 8-bit (with a note); a CMYK original is edited and
 * exported in RGB, converted with its own profile, and the export carries sRGB (with a note).
 */
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { AppError } from '../../../shared/errors';
import type { AssetStore } from './asset-store';
import { MAX_IMAGE_PIXELS } from './image-limits';
import {
  decodeLayerMask,
  decodePatch,
  alphaAllOpaque,
  decodeUpright,
  depthOf,
  extendCanvas,
  flatten,
  opaqueAsRgb,
  sharpOfRaw,
  withMaskAndOpacity,
  withoutAlpha,
  type RawImage,
  type RawPatch,
} from '../export/composite-raw';
import { addPngMetadata, withExifChunk } from '../export/png-chunks';
import { pngSourceMetadata } from '../export/png-source-metadata';
import { encodePng, type PngRows } from '../export/png-encode';
import type { PendingLayer } from '../export/pending-layer';
import { decodedBaseFor } from '../export/decoded-base';
import { addTiffMetadata, exifFromTiff, exifWithOrientation1, exifWithPictureSize } from '../export/tiff-tags';
import { libvipsKeepsExif, withOriginalExif } from '../export/exif-containers';
import { provenanceXmp } from '../export/xmp-provenance';
import { encodePsd } from '../export/psd-export';
import { patchedJpegExport } from '../export/jpeg-export';

export type { EncodedExport, ExportFormat, ExportRequest, ExportSource, PlacedAsset } from '../export/export-types';
import type { EncodedExport, ExportFormat, ExportRequest, ExportSource, PlacedAsset } from '../export/export-types';
import { cmykConversion } from '../../../shared/document/cmyk-conversion';

export async function prepareExport(store: AssetStore, req: ExportRequest): Promise<ExportSource> {
  const [base, ...layers] = req.layers;
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
  for (const p of layers) {
    if (p.x < 0 || p.y < 0) throw new AppError({ kind: 'invalid-request', message: 'A layer lies outside the canvas.' });
  }
  const patches = layers.filter((l) => !l.hidden);
  // A PNG's metadata where libvips does not look: eXIf after IDAT, ImageMagick's raw XMP profile.
  const png = meta.format === 'png' && (!meta.exif || !meta.xmp) ? pngSourceMetadata(original) : {};
  const oldXmp = meta.xmp ? meta.xmp.toString('utf8') : png.xmp;
  const edited = !!req.pending || (req.format === 'psd' ? layers.length > 0 : patches.length > 0);
  const xmp = edited ? provenanceXmp(req.provenance ?? { models: [] }, oldXmp) : oldXmp;
  const theirs = meta.exif ?? (meta.format === 'tiff' ? exifFromTiff(original) : png.exif);
  // An extended canvas's EXIF says its size, not the original's (upright: its pixels are written so).
  const extended = extend.left || extend.top || extend.right || extend.bottom;
  const exif = theirs && extended ? exifWithPictureSize(theirs, width, height) : theirs;
  const xmpHolds = { original: !!oldXmp, record: edited };
  return {
    baseAssetId: base.assetId,
    original,
    meta,
    depth: depthOf(meta),
    cmyk: meta.space === 'cmyk',
    extend,
    patches,
    xmp,
    xmpHolds,
    exif,
  };
}

/** The flat composite as raw pixels at the document's depth (TIFF, 16-bit PNG, PSD's merged image). */
export async function rawComposite(store: AssetStore, src: ExportSource, req: ExportRequest): Promise<RawImage> {
  const upright = await decodeUpright(src.original, src.depth, src.cmyk);
  const placed = extendCanvas(upright, req.canvas.width, req.canvas.height, src.extend.left, src.extend.top);
  const patches = await Promise.all(src.patches.map((p) => effectivePatch(store, p)));
  const flat = flatten(placed, patches);
  // An opaque original extended and filled to the edges is saved opaque again.
  return placed !== upright && upright.channels === 3 ? opaqueAsRgb(flat) : flat;
}

/** A layer's patch with its layer mask and opacity multiplied into the alpha (what flat exports blend). */
export async function effectivePatch(store: AssetStore, l: PlacedAsset): Promise<RawPatch> {
  const p = await decodePatch(await store.get(l.assetId), l.x, l.y);
  const mask = l.maskAssetId ? await decodeLayerMask(await store.get(l.maskAssetId), p.width, p.height) : undefined;
  return withMaskAndOpacity(p, mask, l.opacity ?? 1);
}

export function exportNotes(src: ExportSource, format: ExportFormat): string[] {
  const notes: string[] = [];
  if (src.depth === 16 && (format === 'jpeg' || format === 'webp')) {
    notes.push(
      `This is a 16-bit document; ${format.toUpperCase()} holds 8 bits per channel, so the export is 8-bit. Use PNG, TIFF or PSD to keep 16 bits.`,
    );
  }
  if (src.cmyk) notes.push(`The original is CMYK: it was edited and exported in RGB, ${cmykConversion(!!src.meta.icc)} (sRGB attached).`);
  return notes;
}

export async function renderExport(store: AssetStore, req: ExportRequest): Promise<EncodedExport> {
  if (req.pending) {
    const { pending, ...rest } = req;
    const src = await prepareExport(store, req);
    // A PNG is encoded around the pending rows while the layer is made; other formats wait for it.
    if (!parallelPng(src, req) || !rowsInside(pending.rect, req.canvas)) {
      return renderExport(store, { ...rest, layers: [...rest.layers, await pending.layer] });
    }
    const bytes = await encodePngAround(store, src, pending);
    const { width, height } = req.canvas;
    const xmp = { keptXmp: src.xmpHolds.original, editRecord: src.xmpHolds.record };
    return { bytes, width, height, keptExif: !!src.exif, keptIcc: !!src.meta.icc, ...xmp, depth: 8, notes: exportNotes(src, req.format) };
  }
  const src = await prepareExport(store, req);
  const { width, height } = req.canvas;
  const keptExif = !!src.exif;
  const keptIcc = !!src.meta.icc && !src.cmyk;
  // Every encoder writes src.xmp (the original's XMP, with the edit record when an AI result shows).
  const xmp = { keptXmp: src.xmpHolds.original, editRecord: src.xmpHolds.record };
  const notes = exportNotes(src, req.format);
  try {
    if (req.format === 'psd') {
      const bytes = await encodePsd(store, src, req);
      return { bytes, width, height, keptExif, keptIcc, ...xmp, depth: src.depth, notes };
    }
    if (req.format === 'tiff' || (req.format === 'png' && src.depth === 16)) {
      const flat = await rawComposite(store, src, req);
      const meta = {
        icc: keptIcc ? src.meta.icc : undefined,
        exif: src.exif ? exifWithOrientation1(src.exif) : undefined,
        xmp: src.xmp,
        // The original's resolution (libvips writes 25.4 dpi for raw pixels): 72 when it had none, as the 8-bit PNG.
        dpi: src.meta.density ?? 72,
      };
      let bytes: Uint8Array;
      if (req.format === 'png') {
        bytes = addPngMetadata(new Uint8Array(await sharpOfRaw(flat).png({ compressionLevel: 6 }).toBuffer()), meta);
      } else {
        const tiff = await sharpOfRaw(flat)
          .tiff({
            compression: req.tiffCompression ?? 'deflate',
            predictor: 'horizontal',
            // libvips takes pixels per millimetre and writes them per inch.
            xres: meta.dpi / 25.4,
            yres: meta.dpi / 25.4,
            resolutionUnit: 'inch',
          })
          .toBuffer();
        bytes = addTiffMetadata(new Uint8Array(tiff), meta);
      }
      return { bytes, width, height, keptExif, keptIcc, ...xmp, depth: src.depth, notes };
    }
    const patched = await patchedJpegExport(src, req, () => Promise.all(src.patches.map((p) => effectivePatch(store, p)))).catch(
      (e: unknown) => {
        // A fault of the kept-data path never costs the export: the whole picture is re-encoded.
        if (e instanceof AppError) throw e;
        return {
          reason: `JPEG: the original's image data could not be kept (${e instanceof Error ? e.message : String(e)}), so the whole picture was re-encoded.`,
        };
      },
    );
    if (patched && 'bytes' in patched)
      return { bytes: patched.bytes, width, height, keptExif, keptIcc, ...xmp, depth: 8, notes: [...notes, patched.note] };
    if (patched) notes.push(patched.reason);
    const { bytes, exifLeftOut, exifNote } = parallelPng(src, req)
      ? { bytes: await encodePngParallel(store, src) }
      : await encodeWithSharp(store, src, req);
    for (const n of [exifLeftOut, exifNote]) if (n) notes.push(n);
    return { bytes, width, height, keptExif: keptExif && !exifLeftOut, keptIcc, ...xmp, depth: 8, notes };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      { kind: 'internal', message: `Export failed while encoding ${req.format.toUpperCase()}: ${e instanceof Error ? e.message : e}` },
      { cause: e },
    );
  }
}

/**
 * The original, upright, extended and with the visible patches composited (libvips, lazily).
 * `input`: the bytes libvips decodes instead of the original (the same pixels, other metadata).
 */
async function compositePipeline(store: AssetStore, src: ExportSource, input: Uint8Array = src.original, matte = false): Promise<Sharp> {
  const { extend } = src;
  let pipeline = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS }).autoOrient();
  const extended = !!(extend.left || extend.top || extend.right || extend.bottom);
  // `matte`: over white, opaque (the layers then blend over white where nothing is under them).
  if (matte && src.meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
  if (extended && matte) {
    pipeline = pipeline.extend({ ...extend, background: { r: 255, g: 255, b: 255, alpha: 1 } });
  } else if (extended) {
    pipeline = pipeline.ensureAlpha().extend({ ...extend, background: { r: 0, g: 0, b: 0, alpha: 0 } });
  }
  if (src.patches.length) {
    const inputs = await Promise.all(
      src.patches.map(async (p) => {
        if ((p.opacity ?? 1) === 1 && !p.maskAssetId) return { input: Buffer.from(await store.get(p.assetId)), left: p.x, top: p.y };
        // Opacity and layer mask are folded into the patch's alpha first (libvips composites plain RGBA).
        const e = await effectivePatch(store, p);
        const input = await sharp(e.rgba, { raw: { width: e.width, height: e.height, channels: 4 } })
          .png({ compressionLevel: 1 })
          .toBuffer();
        return { input, left: p.x, top: p.y };
      }),
    );
    pipeline = pipeline.composite(inputs);
    // Compositing adds an alpha band; an opaque original that was not extended stays opaque.
    if (matte || (!src.meta.hasAlpha && !extended)) pipeline = pipeline.removeAlpha();
  }
  return pipeline;
}

/**
 * 8-bit PNG of an RGB(A) original: libvips decodes and composites to raw pixels (in the original's
 * own colour space), and png-encode.ts deflates them on every core — sharp's PNG encoder uses one.
 * Grey and CMYK originals take the libvips encoder ({@link encodeWithSharp}).
 */
async function encodePngParallel(store: AssetStore, src: ExportSource): Promise<Uint8Array> {
  const { base, channels, width, height } = await baseRows(store, src);
  return encodePng(
    { width, height, channels, rows: base },
    {
      dpi: src.meta.density,
      icc: src.meta.icc,
      exif: src.exif ? exifWithOrientation1(src.exif) : undefined,
      xmp: src.xmp,
    },
  );
}

function rowsInside(r: PendingLayer['rect'], canvas: { width: number; height: number }): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= canvas.width && r.y + r.height <= canvas.height;
}

/**
 * The parallel PNG with a top layer still being made: the rows outside `pending.rect` are encoded
 * at once; the rows inside wait for the layer, which libvips composites over them (the same
 * per-pixel arithmetic as over the whole image).
 */
async function encodePngAround(store: AssetStore, src: ExportSource, pending: PendingLayer): Promise<Uint8Array> {
  const { base, channels, width, height } = await baseRows(store, src);
  const stride = width * channels;
  const top = pending.rect.y;
  const bottom = top + pending.rect.height;
  let strip: Promise<Uint8Array> | null = null;
  const composited = async (): Promise<Uint8Array> => {
    const l = await pending.layer;
    let over = sharp(base(top, bottom), {
      raw: { width, height: bottom - top, channels },
    }).composite([{ input: Buffer.from(await store.get(l.assetId)), left: l.x, top: l.y - top }]);
    if (channels === 3) over = over.removeAlpha();
    const out = await over.raw().toBuffer();
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
  const rows: PngRows = {
    width,
    height,
    channels,
    rows: async (y0, y1) => {
      if (y1 <= top || y0 >= bottom) return base(y0, y1);
      strip ??= composited();
      const s = await strip;
      const out = new Uint8Array((y1 - y0) * stride);
      for (let y = y0; y < y1; y++) {
        const row = y >= top && y < bottom ? s.subarray((y - top) * stride, (y - top + 1) * stride) : base(y, y + 1);
        out.set(row, (y - y0) * stride);
      }
      return out;
    },
  };
  // The rows that wait for the layer are bands of their own, one per core: they are all that is
  // left to deflate once the layer exists, and the cores share them.
  const pieces = Math.max(1, Math.min(availableParallelism(), Math.floor((bottom - top) / 16)));
  const breaks = Array.from({ length: pieces + 1 }, (_, i) => top + Math.round(((bottom - top) * i) / pieces));
  return encodePng(rows, {
    breaks,
    dpi: src.meta.density,
    icc: src.meta.icc,
    exif: src.exif ? exifWithOrientation1(src.exif) : undefined,
    xmp: src.xmp,
  });
}

/**
 * The original's rows, upright, in its own colour space: from the decode edit prep keeps when that
 * holds the same samples (export/decoded-base.ts), else decoded here by libvips (once, completely).
 */
async function baseRows(
  store: AssetStore,
  src: ExportSource,
): Promise<{ base: (y0: number, y1: number) => Uint8Array; channels: 3 | 4; width: number; height: number }> {
  const extended = !!(src.extend.left || src.extend.top || src.extend.right || src.extend.bottom);
  const kept = !extended && !src.patches.length ? decodedBaseFor(src.baseAssetId, src.meta) : null;
  if (kept) return { base: kept.rows, channels: 3, width: kept.width, height: kept.height };
  const { data, info } = await (await compositePipeline(store, src)).keepIccProfile().raw().toBuffer({ resolveWithObject: true });
  const all = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const stride = info.width * info.channels;
  const rows = (y0: number, y1: number) => all.subarray(y0 * stride, y1 * stride);
  // An opaque original extended and filled to the edges is saved opaque again (composite-raw.ts, opaqueAsRgb).
  if (extended && info.channels === 4 && !src.meta.hasAlpha && alphaAllOpaque(all)) {
    return { base: (y0, y1) => withoutAlpha(rows(y0, y1)), channels: 3, width: info.width, height: info.height };
  }
  return { base: rows, channels: info.channels as 3 | 4, width: info.width, height: info.height };
}

/** Largest raw composite the parallel PNG encoder holds in memory (bytes); bigger exports stream through libvips. */
const PARALLEL_PNG_MAX_BYTES = 512 * 2 ** 20;

/** Whether the parallel PNG encoder takes this export (8-bit RGB/RGBA, no colour conversion, fits in memory). */
function parallelPng(src: ExportSource, req: ExportRequest): boolean {
  const channels = src.meta.channels ?? 0;
  return (
    req.format === 'png' &&
    src.depth === 8 &&
    !src.cmyk &&
    src.meta.space === 'srgb' &&
    (channels === 3 || channels === 4) &&
    req.canvas.width * req.canvas.height * 4 <= PARALLEL_PNG_MAX_BYTES
  );
}

/**
 * 8-bit PNG, JPEG and WebP: libvips composites and keeps the metadata itself — except EXIF it did
 * not read (a TIFF original's own tags) or would not keep whole (over 60 KB: libvips drops tags, a
 * JPEG's whole segment), which goes into the encoded file afterwards ({@link withOriginalExif}).
 * `exifLeftOut`: why the original's EXIF is not in the file; `exifNote`: what of it is not.
 */
async function encodeWithSharp(
  store: AssetStore,
  src: ExportSource,
  req: ExportRequest,
): Promise<{ bytes: Uint8Array; exifLeftOut?: string; exifNote?: string }> {
  const byLibvips = !!src.exif && libvipsKeepsExif(src.exif);
  // A PNG's EXIF that libvips did not see goes to it in a copy with the eXIf chunk before the image
  // data, orientation 1 (libvips read none, so the pixels are upright as they are).
  const input =
    byLibvips && !src.meta.exif && src.meta.format === 'png' ? withExifChunk(src.original, exifWithOrientation1(src.exif!)) : undefined;
  // JPEG has no alpha: transparent areas (an unfilled extension) go over white, as Photoshop's JPEG
  // matte and the PSD's merged image have them (libvips dropped the alpha: black bars, unsaid).
  let pipeline = await compositePipeline(store, src, input, req.format === 'jpeg');
  // EXIF, IPTC and XMP as they were (orientation reset); the ICC profile as it was, except for CMYK,
  // whose pixels are converted to sRGB with the file's profile. EXIF libvips would not keep whole is
  // replaced by libvips' own few tags, with which the original's are merged afterwards.
  if (src.cmyk) pipeline = pipeline.keepExif().withIccProfile('srgb');
  else pipeline = pipeline.keepMetadata();
  const libvipsHasIt = byLibvips && !!(src.meta.exif || input);
  if (libvipsHasIt) pipeline = pipeline.withExifMerge({ IFD0: { Orientation: '1' } });
  else if (src.meta.exif) pipeline = pipeline.withExif({ IFD0: { Orientation: '1' } });
  if (src.xmp) pipeline = pipeline.withXmp(src.xmp);
  const q = req.quality ?? 95;
  if (req.format === 'png') pipeline = pipeline.png({ compressionLevel: 6 });
  else if (req.format === 'jpeg') pipeline = pipeline.jpeg({ quality: q, chromaSubsampling: q >= 90 ? '4:4:4' : '4:2:0' });
  else pipeline = pipeline.webp(q === 100 ? { lossless: true } : { quality: q });
  const bytes = new Uint8Array(await pipeline.toBuffer());
  if (!src.exif || libvipsHasIt) return { bytes };
  const { exifLeftOut, note, ...rest } = withOriginalExif(bytes, req.format as 'png' | 'jpeg' | 'webp', src.exif);
  return { bytes: rest.bytes, exifLeftOut, exifNote: note };
}
