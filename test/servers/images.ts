// Image helpers for tests and the image synthesis both servers use.
// Synthesised results are deterministic: the source resized to the output
// size, the editable area painted one solid colour, and every other pixel
// brightened by BRIGHTEN so tests can prove a client composites the provider
// output back over the original instead of trusting pixels outside the mask.
import sharp from 'sharp';

export type Rgb = [number, number, number];
export type Rgba = [number, number, number, number];
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type ImageKind = 'png' | 'jpeg' | 'webp' | 'gif' | 'unknown';
export type OutputFormat = 'png' | 'jpeg' | 'webp';

/** Amount added to R, G and B of every pixel outside the edited area. */
export const BRIGHTEN = 3;

/** Solid colour used for OpenAI candidate i (i % length) and Gemini request k (k % length). */
export const PALETTE: readonly Rgb[] = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 0],
  [255, 0, 255],
  [0, 255, 255],
  [255, 128, 0],
  [128, 0, 255],
  [0, 128, 128],
  [128, 128, 0],
];
export const paletteColour = (i: number): Rgb => PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];

/** A solid-colour RGBA PNG (default an opaque mid blue-grey). */
export async function makePng(width: number, height: number, rgba: Rgba | Rgb = [100, 150, 200, 255]): Promise<Buffer> {
  const [r, g, b, a = 255] = rgba;
  return sharp({ create: { width, height, channels: 4, background: { r, g, b, alpha: a / 255 } } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** OpenAI-style mask: RGBA PNG, opaque black everywhere except `editable`, which has alpha 0. */
export async function makeAlphaMask(width: number, height: number, editable: Rect): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= editable.x && x < editable.x + editable.width && y >= editable.y && y < editable.y + editable.height;
      data[(y * width + x) * 4 + 3] = inside ? 0 : 255;
    }
  }
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Gemini-style mask image: opaque RGB PNG, black = keep, white = edit. */
export async function makeWhiteMask(width: number, height: number, editable: Rect): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = editable.y; y < Math.min(height, editable.y + editable.height); y++) {
    for (let x = editable.x; x < Math.min(width, editable.x + editable.width); x++) {
      if (x >= 0 && y >= 0) data.fill(255, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export interface RgbaImage {
  width: number;
  height: number;
  data: Buffer;
}

/** Decodes any image sharp reads into raw RGBA. */
export async function decodeRgba(buf: Buffer): Promise<RgbaImage> {
  const { data, info } = await sharp(buf).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

export function pixelAt(img: RgbaImage, x: number, y: number): Rgba {
  const i = (y * img.width + x) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2], img.data[i + 3]];
}

/** Identifies an image by its magic bytes, ignoring whatever the client claimed. */
export function sniff(buf: Buffer): ImageKind {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 6 && buf.toString('latin1', 0, 4) === 'GIF8') return 'gif';
  return 'unknown';
}

export interface ImageInfo {
  kind: ImageKind;
  width: number;
  height: number;
  channels: number;
  hasAlpha: boolean;
  bytes: number;
}

/** Sniffs and fully decodes the image; null when it is not a decodable image. */
export async function inspectImage(buf: Buffer): Promise<ImageInfo | null> {
  const kind = sniff(buf);
  if (kind === 'unknown') return null;
  try {
    const meta = await sharp(buf).metadata();
    await sharp(buf).raw().toBuffer(); // proves the pixel data decodes, not just the header
    if (!meta.width || !meta.height) return null;
    return { kind, width: meta.width, height: meta.height, channels: meta.channels ?? 0, hasAlpha: !!meta.hasAlpha, bytes: buf.length };
  } catch {
    return null;
  }
}

export interface SynthOptions {
  width: number;
  height: number;
  /** Source image; resized to width×height. Without it the canvas is the solid colour. */
  base?: Buffer;
  /** Mask image, resized with the same geometry as the base. */
  mask?: Buffer;
  /** 'alpha0': alpha == 0 is editable (OpenAI). 'white': luminance > 127 is editable (Gemini convention). */
  maskMode: 'alpha0' | 'white';
  fit: 'fill' | 'cover';
  colour: Rgb;
  brighten?: number;
  format?: OutputFormat;
  compression?: number;
  /** Force alpha 255 everywhere (background: opaque, or jpeg). */
  opaque?: boolean;
  /** Gaussian blur sigma applied to the result (used for partial/preview images). */
  blur?: number;
  /** Instead of `colour`, the editable area shows this image stretched over its bounding box. */
  fillImage?: Buffer;
}

export async function synthesize(o: SynthOptions): Promise<Buffer> {
  const { width: w, height: h, colour } = o;
  const brighten = o.brighten ?? BRIGHTEN;
  let rgba: Buffer;
  if (o.base) {
    rgba = await sharp(o.base).ensureAlpha().resize(w, h, { fit: o.fit, position: 'centre' }).raw().toBuffer();
  } else {
    rgba = Buffer.alloc(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([colour[0], colour[1], colour[2], 255], i * 4);
  }
  let editable: Uint8Array | undefined;
  if (o.mask) {
    const m = await sharp(o.mask).ensureAlpha().resize(w, h, { fit: o.fit, position: 'centre', kernel: 'nearest' }).raw().toBuffer();
    editable = new Uint8Array(w * h);
    for (let i = 0; i < w * h; i++) {
      const p = i * 4;
      if (o.maskMode === 'alpha0') editable[i] = m[p + 3] === 0 ? 1 : 0;
      else editable[i] = (m[p] * 299 + m[p + 1] * 587 + m[p + 2] * 114) / 1000 > 127 && m[p + 3] > 127 ? 1 : 0;
    }
  }
  const fill = o.fillImage && editable ? await fillOverBox(o.fillImage, editable, w, h) : undefined;
  if (o.base) {
    for (let i = 0; i < w * h; i++) {
      const p = i * 4;
      if (fill && editable?.[i]) {
        rgba.set(fill.subarray(p, p + 3), p);
        rgba[p + 3] = 255;
      } else if (editable?.[i]) {
        rgba[p] = colour[0];
        rgba[p + 1] = colour[1];
        rgba[p + 2] = colour[2];
        rgba[p + 3] = 255;
      } else {
        rgba[p] = Math.min(255, rgba[p] + brighten);
        rgba[p + 1] = Math.min(255, rgba[p + 1] + brighten);
        rgba[p + 2] = Math.min(255, rgba[p + 2] + brighten);
      }
      if (o.opaque) rgba[p + 3] = 255;
    }
  }
  let img = sharp(rgba, { raw: { width: w, height: h, channels: 4 } });
  if (o.blur && o.blur >= 0.3) img = img.blur(o.blur);
  const format = o.format ?? 'png';
  const quality = Math.max(1, Math.min(100, o.compression ?? 100));
  if (format === 'jpeg') return img.flatten({ background: '#ffffff' }).jpeg({ quality }).toBuffer();
  if (format === 'webp') return img.webp({ quality, lossless: o.compression === undefined || o.compression === 100 }).toBuffer();
  return img.png({ compressionLevel: 1 }).toBuffer();
}

/** `image` stretched over the bounding box of the editable pixels, as a w×h RGBA buffer. */
async function fillOverBox(image: Buffer, editable: Uint8Array, w: number, h: number): Promise<Buffer> {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (editable[y * w + x]) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  const out = Buffer.alloc(w * h * 4);
  if (x1 < 0) return out;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const box = await sharp(image).removeAlpha().ensureAlpha().resize(bw, bh, { fit: 'fill' }).raw().toBuffer();
  for (let y = 0; y < bh; y++) box.copy(out, ((y0 + y) * w + x0) * 4, y * bw * 4, (y + 1) * bw * 4);
  return out;
}
