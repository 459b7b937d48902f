/**
 * JPEG → JPEG export that keeps the original's compressed data outside the edit (jpeg/jpeg-patch.ts).
 * Taken when the original is an 8-bit YCbCr JPEG, at any EXIF orientation, on a canvas of its size
 * or (upright only) extended around it, and the request does not ask for a whole re-encode;
 * otherwise (or when the file's coding is one the reader does not take) the caller re-encodes the
 * whole picture as before.
 */
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import type { ExportRequest, ExportSource } from '../services/image-export';
import { jpegForPatching, keptOutside, patchJpeg } from './jpeg/jpeg-patch';
import { coveredMcus, placeFrame } from './jpeg/jpeg-blocks';
import { MAX_IMAGE_PIXELS } from '../services/image-limits';
import { compositeOver, extendCanvas, type RawImage, type RawPatch } from './composite-raw';
import { keepUnchanged, originalMcus } from './jpeg/unchanged-mcus';
import type { JpegSegment } from './jpeg/jpeg-read';
import { exifWithPictureSize } from './tiff-tags';

export type JpegPatchExport =
  | {
      bytes: Uint8Array;
      /** For the user: what was kept and what was encoded again. */
      note: string;
    }
  /** Not taken, for a reason the user should hear (the export is re-encoded whole). */
  | { reason: string };

/**
 * Where an upright pixel (x, y) of a W×H picture lies in the file's stored layout, for each EXIF
 * orientation (the inverse of what a viewer applies; checked against autoOrient in the tests).
 */
const STORED_AT: Record<number, (x: number, y: number, w: number, h: number) => [number, number]> = {
  1: (x, y) => [x, y],
  2: (x, y, w) => [w - 1 - x, y],
  3: (x, y, w, h) => [w - 1 - x, h - 1 - y],
  4: (x, y, _w, h) => [x, h - 1 - y],
  5: (x, y) => [y, x],
  6: (x, y, w) => [y, w - 1 - x],
  7: (x, y, w, h) => [h - 1 - y, w - 1 - x],
  8: (x, y, _w, h) => [h - 1 - y, x],
};

export async function patchedJpegExport(
  src: ExportSource,
  req: ExportRequest,
  patches: () => Promise<RawPatch[]>,
): Promise<JpegPatchExport | null> {
  const { meta, extend } = src;
  const orientation = meta.orientation ?? 1;
  if (req.format !== 'jpeg' || req.jpegKeepOriginal === false || !STORED_AT[orientation]) return null;
  if (meta.format !== 'jpeg' || src.depth !== 8 || src.cmyk || meta.channels !== 3) return null;
  const extended = !!(extend.left || extend.top || extend.right || extend.bottom);
  if (extended && orientation !== 1) return null;
  // The file's blocks are stored as the file has them: an EXIF-rotated original keeps its tag (the
  // whole re-encode writes upright pixels and resets it), and the patches go to the file's layout.
  const upright = req.canvas;
  const { width, height } = orientation >= 5 ? { width: upright.height, height: upright.width } : upright;

  // libvips decodes the file and the patches on its threads while the coefficients are read here.
  // The composite is made from them in the file's layout: the original's pixels, with every patch
  // blended over it (only the MCUs the patches reach are encoded from it; the rest is the check's
  // reference).
  const base = decodeStored(src.original);
  const layers = patches().then((ps) => ps.map((p) => storedPatch(p, orientation, upright.width, upright.height)));
  base.catch(() => {});
  layers.catch(() => {});
  const file = jpegForPatching(src.original, extended ? meta.width! : width, extended ? meta.height! : height);
  if (!file) return null;
  // An extended canvas keeps the original's blocks when the original lands on the block grid.
  let frame = file;
  let outside: Uint8Array | null = null;
  if (extended) {
    const mw = 8 * file.hMax;
    const mh = 8 * file.vMax;
    if (extend.left % mw || extend.top % mh)
      return {
        reason: `JPEG: the whole picture was re-encoded — the extension shifts the original ${extend.left} px right and ${extend.top} px down, off its ${mw}×${mh} px blocks (extend on the right and bottom, or by multiples of ${mw} px on the left and ${mh} px on top, to keep its data).`,
      };
    ({ frame, outside } = placeFrame(file, width, height, extend.left, extend.top));
    // The EXIF says the extended picture's size (it said the original's).
    const exifSized = (m: JpegSegment) =>
      m.marker === 0xe1 && Buffer.from(m.data.subarray(0, 6)).toString('latin1') === 'Exif\0\0'
        ? { ...m, data: exifWithPictureSize(m.data, width, height) }
        : m;
    frame = { ...frame, meta: frame.meta.map(exifSized) };
  }
  const stored = await layers;
  const flags = coveredMcus(frame, stored);
  if (outside) for (let i = 0; i < flags.length; i++) flags[i] |= outside[i];
  const decodedOriginal = await base;
  if (decodedOriginal.width !== file.width || decodedOriginal.height !== file.height)
    throw new Error(`unexpected decode ${decodedOriginal.width}x${decodedOriginal.height} for ${file.width}x${file.height}`);
  // The original's pixels of the MCUs the layers reach, before they are blended over (the
  // composite is made in place), so that those they leave as they were keep the original's data.
  const grid = { width, height, mw: 8 * frame.hMax, mh: 8 * frame.vMax, mcusX: frame.mcusX };
  const before = originalMcus(flags, outside, grid, decodedOriginal, extended ? extend.left : 0, extended ? extend.top : 0);
  const canvas = extendCanvas(decodedOriginal, width, height, extend.left, extend.top);
  for (const p of stored) compositeOver(canvas, p);
  // JPEG has no alpha: a transparent extension goes over white, as Photoshop's JPEG matte and the
  // PSD's merged image (and the whole re-encode) have it. It was black without a word.
  const composite = canvas.channels === 4 ? rgbOverWhite(canvas.data as Uint8Array) : (canvas.data as Uint8Array);
  keepUnchanged(flags, before, grid, composite);
  const patched = patchJpeg(frame, flags, composite, src.xmp);
  if (!patched) return null;
  // The promise checked on the result: a file this reader misread (damaged data a decoder repairs
  // its own way) is exported the usual way instead.
  const decoded = await rawRgb(sharp(patched.bytes, { limitInputPixels: MAX_IMAGE_PIXELS }), width, height);
  if (!keptOutside(patched, width, height, composite, decoded)) return null;
  const { changed, total, mcu } = patched;
  const note =
    changed === 0
      ? "JPEG: nothing visible was edited, so the original's image data was kept as it is (only the metadata changed)."
      : `JPEG: the original's image data was kept wherever you did not edit — ${changed} of ${total} blocks of ${mcu.width}×${mcu.height} px were encoded again, at the original's quality (the quality setting applies when the whole picture is re-encoded).`;
  return { bytes: patched.bytes, note };
}

/**
 * The file decoded as it is stored (no EXIF rotation), RGB, its samples as they are: the ICC profile
 * is kept with the file, so no conversion to sRGB (the whole re-encode keeps them too).
 */
async function decodeStored(bytes: Uint8Array): Promise<RawImage> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
    .keepIccProfile()
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`unexpected decode with ${info.channels} channels`);
  return {
    width: info.width,
    height: info.height,
    channels: 3,
    depth: 8,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

async function rawRgb(s: Sharp, width: number, height: number): Promise<Uint8Array> {
  const { data, info } = await s.keepIccProfile().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height || info.channels !== 3)
    throw new Error(`unexpected decode ${info.width}x${info.height}x${info.channels} for ${width}x${height}x3`);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** A patch placed on the upright W×H picture, moved and turned into the file's stored layout. */
function storedPatch(p: RawPatch, orientation: number, w: number, h: number): RawPatch {
  if (orientation === 1) return p;
  const at = STORED_AT[orientation];
  const [ax, ay] = at(p.x, p.y, w, h);
  const [bx, by] = at(p.x + p.width - 1, p.y + p.height - 1, w, h);
  const turned = orientation >= 5;
  const width = turned ? p.height : p.width;
  const height = turned ? p.width : p.height;
  // The map is affine: where the patch's own (0,0), (1,0) and (0,1) land gives every pixel.
  const index = (x: number, y: number) => {
    const [sx, sy] = at(x, y, p.width, p.height);
    return sy * width + sx;
  };
  const origin = index(0, 0);
  const stepX = index(1, 0) - origin;
  const stepY = index(0, 1) - origin;
  const out = new Uint8Array(p.rgba.length);
  const src = p.rgba;
  for (let y = 0, s = 0; y < p.height; y++) {
    for (let x = 0, d = origin + y * stepY; x < p.width; x++, s += 4, d += stepX) {
      const o = d * 4;
      out[o] = src[s];
      out[o + 1] = src[s + 1];
      out[o + 2] = src[s + 2];
      out[o + 3] = src[s + 3];
    }
  }
  return { x: Math.min(ax, bx), y: Math.min(ay, by), width, height, rgba: out };
}

/** 8-bit RGBA as RGB blended over white (alpha 0 is white), the arithmetic of psd-writer's overWhite. */
export function rgbOverWhite(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    const a = rgba[i + 3];
    if (a === 255) {
      out[o] = rgba[i];
      out[o + 1] = rgba[i + 1];
      out[o + 2] = rgba[i + 2];
      continue;
    }
    const k = a / 255;
    for (let c = 0; c < 3; c++) out[o + c] = Math.round(rgba[i + c] * k + 255 * (1 - k));
  }
  return out;
}
