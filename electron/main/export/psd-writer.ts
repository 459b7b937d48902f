/**
 * A layered Photoshop file (PSD, RGB, 8 or 16 bits per channel), written here because ag-psd — the
 * library the tests read it back with — writes 8-bit files only. What goes in (Adobe's "Photoshop
 * File Formats Specification"): the header; image resources resolution (1005), ICC profile (1039),
 * EXIF data 1 (1058, the TIFF-structured EXIF, as Photoshop stores it) and XMP (1060); the
 * layer records bottom to top, each with its rectangle, channels (-1 = transparency), blend mode
 * "norm", opacity, the hidden flag, a Pascal name and the Unicode name ("luni"); the channel data
 * ZIP-compressed with prediction (compression 3, row deltas); and the merged image (raw, planar) that readers without layer
 * support show. A merged image with transparency (an extended canvas) is stored as Photoshop stores
 * it — its colour blended over white, which readers take back out where alpha is partial (ag-psd,
 * ImageMagick, Maskwork's own PSD opening) — and the version info (1057) says the merged image is real. Samples are big-endian. Layers sit in the standard layer-info block at both depths
 * (Photoshop itself puts 16-bit layers in an "Lr16" block; it and ImageMagick read either).
 */
import { legacyLayerName } from './psd-legacy-name';
import { deflate } from 'node:zlib';
import { promisify } from 'node:util';
import type { RawImage } from './composite-raw';
import { exifTiff } from './png-chunks';

const deflateAsync = promisify(deflate);

export interface PsdLayer {
  name: string;
  hidden: boolean;
  /** 0–1 (1 when absent). */
  opacity?: number;
  left: number;
  top: number;
  /** The layer's pixels at the document's depth; 3 channels = no transparency. */
  image: RawImage;
  /** Layer mask, one channel, the layer's size (255 / 65535 shows the layer). */
  mask?: RawImage;
}

export interface PsdDocument {
  width: number;
  height: number;
  depth: 8 | 16;
  /** The flattened picture (what Photoshop shows before it reads the layers). */
  merged: RawImage;
  /** Bottom layer first. */
  layers: PsdLayer[];
  icc?: Uint8Array;
  /** EXIF, TIFF-structured (an `Exif\0\0` prefix is dropped): image resource 1058. */
  exif?: Uint8Array;
  xmp?: string;
  /** Resolution in pixels per inch (resource 1005; without it Photoshop opens the file at 72 ppi). */
  dpi?: number;
}

/** Big-endian byte sink. */
class Out {
  parts: Buffer[] = [];
  length = 0;
  put(b: Buffer | Uint8Array): void {
    const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    this.parts.push(buf);
    this.length += buf.byteLength;
  }
  u8(v: number): void {
    this.put(Buffer.from([v & 255]));
  }
  u16(v: number): void {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(v & 0xffff, 0);
    this.put(b);
  }
  i16(v: number): void {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v, 0);
    this.put(b);
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(v >>> 0, 0);
    this.put(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v, 0);
    this.put(b);
  }
  ascii(s: string): void {
    this.put(Buffer.from(s, 'latin1'));
  }
  pad(multiple: number): void {
    const extra = (multiple - (this.length % multiple)) % multiple;
    if (extra) this.put(Buffer.alloc(extra));
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}

/** One channel of an interleaved image as planar big-endian bytes. */
export function planeOf(img: RawImage, channel: number): Buffer {
  const n = img.width * img.height;
  const c = img.channels;
  if (img.depth === 8) {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0, s = channel; i < n; i++, s += c) out[i] = img.data[s];
    return out;
  }
  const out = Buffer.allocUnsafe(n * 2);
  for (let i = 0, s = channel; i < n; i++, s += c) {
    const v = img.data[s];
    out[2 * i] = v >>> 8;
    out[2 * i + 1] = v & 255;
  }
  return out;
}

/**
 * Photoshop's "ZIP with prediction" filter, in place: each sample of a row becomes its difference to
 * the previous one (mod 2^depth), which makes photographic planes — 16-bit ones above all — compress.
 */
export function predictRows(plane: Buffer, width: number, height: number, depth: 8 | 16): Buffer {
  if (depth === 8) {
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = width - 1; x > 0; x--) plane[row + x] = (plane[row + x] - plane[row + x - 1]) & 255;
    }
    return plane;
  }
  for (let y = 0; y < height; y++) {
    const row = y * width * 2;
    for (let x = width - 1; x > 0; x--) {
      const i = row + 2 * x;
      const v = ((plane[i] << 8) | plane[i + 1]) - ((plane[i - 2] << 8) | plane[i - 1]);
      plane[i] = (v >> 8) & 255;
      plane[i + 1] = v & 255;
    }
  }
  return plane;
}

/** Photoshop channel ids in the order of the interleaved samples: R, G, B and (if any) transparency. */
const channelIds = (img: RawImage) => (img.channels === 4 ? [0, 1, 2, -1] : [0, 1, 2]);

function pascalName(out: Out, name: string): void {
  const ascii = Buffer.from(legacyLayerName(name), 'latin1');
  const start = out.length;
  out.u8(ascii.byteLength);
  out.put(ascii);
  const used = out.length - start;
  if (used % 4) out.put(Buffer.alloc(4 - (used % 4)));
}

function unicodeName(out: Out, name: string): void {
  const chars = [...name].slice(0, 255).join('');
  const data = new Out();
  data.u32(chars.length);
  for (let i = 0; i < chars.length; i++) data.u16(chars.charCodeAt(i));
  data.pad(4);
  out.ascii('8BIMluni');
  out.u32(data.length);
  out.put(data.bytes());
}

function resource(out: Out, id: number, data: Uint8Array): void {
  out.ascii('8BIM');
  out.u16(id);
  out.u16(0); // empty Pascal name, padded to even
  out.u32(data.byteLength);
  out.put(data);
  if (data.byteLength % 2) out.u8(0);
}

/** VersionInfo (1057): version 1, "has real merged data", writer and reader names, file version 1. */
function versionInfo(): Buffer {
  const out = new Out();
  out.u32(1);
  out.u8(1);
  for (const name of ['Maskwork', 'Adobe Photoshop CC']) {
    out.u32(name.length);
    for (let i = 0; i < name.length; i++) out.u16(name.charCodeAt(i));
  }
  out.u32(1);
  return out.bytes();
}

/**
 * The merged image's colour as Photoshop stores a transparent one: blended over white (a pixel at
 * alpha 0 is white). Opaque pixels are unchanged; readers divide the white back out where alpha is partial.
 */
export function overWhite(img: RawImage): RawImage {
  if (img.channels !== 4) return img;
  const max = img.depth === 16 ? 65535 : 255;
  const data = img.data.slice();
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3];
    if (a === max) continue;
    const k = a / max;
    for (let c = 0; c < 3; c++) data[i + c] = Math.round(data[i + c] * k + max * (1 - k));
  }
  return { ...img, data };
}

/** ResolutionInfo: horizontal and vertical resolution as 16.16 fixed-point pixels per inch, shown in inches. */
function resolutionInfo(dpi: number): Buffer {
  const b = Buffer.alloc(16);
  const fixed = Math.round(dpi * 65536);
  b.writeUInt32BE(fixed, 0);
  b.writeUInt16BE(1, 4); // PPI
  b.writeUInt16BE(1, 6); // width in inches
  b.writeUInt32BE(fixed, 8);
  b.writeUInt16BE(1, 12);
  b.writeUInt16BE(1, 14);
  return b;
}

export async function writePsd(doc: PsdDocument): Promise<Uint8Array> {
  const out = new Out();
  out.ascii('8BPS');
  out.u16(1);
  out.put(Buffer.alloc(6));
  out.u16(doc.merged.channels);
  out.u32(doc.height);
  out.u32(doc.width);
  out.u16(doc.depth);
  out.u16(3); // RGB
  out.u32(0); // colour mode data

  const res = new Out();
  if (doc.dpi && doc.dpi > 0) resource(res, 1005, resolutionInfo(doc.dpi));
  if (doc.icc) resource(res, 1039, doc.icc);
  if (doc.exif) resource(res, 1058, exifTiff(doc.exif));
  if (doc.xmp) resource(res, 1060, Buffer.from(doc.xmp, 'utf8'));
  resource(res, 1057, versionInfo());
  out.u32(res.length);
  out.put(res.bytes());

  // Compress every layer channel (zlib, in libuv's thread pool) before laying out the records.
  const planes = (l: PsdLayer) => [...channelIds(l.image).map((_, c) => planeOf(l.image, c)), ...(l.mask ? [planeOf(l.mask, 0)] : [])];
  const compressed = await Promise.all(
    doc.layers.map((l) =>
      Promise.all(planes(l).map((p) => deflateAsync(predictRows(p, l.image.width, l.image.height, doc.depth), { level: 1 }))),
    ),
  );
  const info = new Out();
  info.i16(doc.merged.channels === 4 ? -doc.layers.length : doc.layers.length);
  doc.layers.forEach((l, i) => {
    info.i32(l.top);
    info.i32(l.left);
    info.i32(l.top + l.image.height);
    info.i32(l.left + l.image.width);
    const ids = [...channelIds(l.image), ...(l.mask ? [-2] : [])];
    info.u16(ids.length);
    ids.forEach((id, c) => {
      info.i16(id);
      info.u32(2 + compressed[i][c].byteLength);
    });
    info.ascii('8BIMnorm');
    info.u8(Math.round(Math.min(1, Math.max(0, l.opacity ?? 1)) * 255));
    info.u8(0); // clipping: base
    // bit 1 = hidden; bit 3 = bit 4 is meaningful; bit 4 = pixel data irrelevant (never set here).
    info.u8((l.hidden ? 0x02 : 0) | 0x08);
    info.u8(0);
    const extra = new Out();
    if (l.mask) {
      // Layer mask data: its rectangle (the layer's), default colour 0 (hidden outside), flags 0, padding.
      extra.u32(20);
      extra.i32(l.top);
      extra.i32(l.left);
      extra.i32(l.top + l.mask.height);
      extra.i32(l.left + l.mask.width);
      extra.u8(0);
      extra.u8(0);
      extra.u16(0);
    } else extra.u32(0);
    extra.u32(0); // no blending ranges
    pascalName(extra, l.name);
    unicodeName(extra, l.name);
    info.u32(extra.length);
    info.put(extra.bytes());
  });
  doc.layers.forEach((_, i) => {
    for (const data of compressed[i]) {
      info.u16(3); // ZIP with prediction
      info.put(data);
    }
  });
  info.pad(2);

  const layerAndMask = new Out();
  layerAndMask.u32(info.length);
  layerAndMask.put(info.bytes());
  layerAndMask.u32(0); // global layer mask info
  out.u32(layerAndMask.length);
  out.put(layerAndMask.bytes());

  out.u16(0); // merged image: raw, planar
  const merged = overWhite(doc.merged);
  for (let c = 0; c < merged.channels; c++) out.put(planeOf(merged, c));
  return new Uint8Array(out.bytes());
}
