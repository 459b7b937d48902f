/**
 * Reads what opening a Photoshop file needs, after Adobe's "Photoshop File Formats Specification":
 * the header; the image resources (ICC profile 1039, resolution 1005, EXIF 1058, XMP 1060 and the
 * version info 1057, which says whether the merged image is real); the number of layers and groups
 * (counted, never decoded: the standard layer info or, as Photoshop writes 16- and 32-bit files, an
 * "Lr16"/"Lr32" block; a Maskwork PSD's "Original" and mask layers are not counted); and the merged (composite) image, raw, RLE (PackBits) or ZIP with or without
 * prediction, as big-endian planes. Every length is checked against the file: a damaged or
 * truncated file throws {@link PsdReadError}, never reads past the end.
 */
import { inflate } from 'node:zlib';
import { promisify } from 'node:util';

import { maskworkOwnLayer, writtenByMaskwork } from './psd-own-layers';

const inflateAsync = promisify(inflate);

/** The file is damaged or incomplete; the message says where. */
export class PsdReadError extends Error {}

/** Photoshop's colour modes by the header's number. */
export const PSD_COLOUR_MODES: Readonly<Record<number, string>> = {
  0: 'Bitmap',
  1: 'Grayscale',
  2: 'Indexed Color',
  3: 'RGB Color',
  4: 'CMYK Color',
  7: 'Multichannel',
  8: 'Duotone',
  9: 'Lab Color',
};

export interface PsdHeader {
  /** 1 = PSD, 2 = PSB (Large Document Format). */
  version: number;
  /** Channels of the merged image, extra (alpha/spot) channels included. */
  channels: number;
  width: number;
  height: number;
  /** Bits per channel: 1, 8, 16 or 32. */
  depth: number;
  /** Colour mode (see {@link PSD_COLOUR_MODES}). */
  mode: number;
}

export interface PsdLayout {
  header: PsdHeader;
  /** Image resources by id (the first of each id). */
  resources: Map<number, Uint8Array>;
  /** The layer count as stored: negative means the merged image's first extra channel is its transparency. */
  layerCount: number;
  /** Layers that hold pixels (or adjustments, text…): every layer record but groups and their end markers. */
  layers: number;
  /** In a PSD Maskwork wrote: its kept results (the layers but its "Original" and hidden mask layer). */
  maskworkResults?: number;
  /** Layer groups (folders). */
  groups: number;
  /** False when resource 1057 says the merged image is not real ("Maximize Compatibility" off). */
  realMergedImage: boolean;
  /** Offset of the merged image (its compression word), or null when the file ends before it. */
  mergedAt: number | null;
}

/** Bounds-checked big-endian reads over `[pos, end)`. */
class Cursor {
  constructor(
    private readonly b: Buffer,
    public pos: number,
    private readonly end: number,
    /** The section named when the file ends inside it. */
    public what: string,
  ) {}
  get left(): number {
    return this.end - this.pos;
  }
  need(n: number): void {
    if (n < 0 || this.pos + n > this.end) throw new PsdReadError(`the file ends inside its ${this.what}`);
  }
  u8(): number {
    this.need(1);
    return this.b[this.pos++];
  }
  u16(): number {
    this.need(2);
    const v = this.b.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  i16(): number {
    this.need(2);
    const v = this.b.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.b.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  ascii(n: number): string {
    this.need(n);
    const s = this.b.toString('latin1', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  bytes(n: number): Buffer {
    this.need(n);
    const s = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
}

const bufferOf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** The 26-byte header (no limits applied: the caller checks the size before anything is decoded). */
export function psdHeader(bytes: Uint8Array): PsdHeader {
  const c = new Cursor(bufferOf(bytes), 0, bytes.byteLength, 'header');
  if (c.ascii(4) !== '8BPS') throw new PsdReadError('it has no Photoshop signature');
  const version = c.u16();
  c.skip(6);
  const channels = c.u16();
  const height = c.u32();
  const width = c.u32();
  const depth = c.u16();
  const mode = c.u16();
  return { version, channels, width, height, depth, mode };
}

/** The sections after the header of a version-1 file (PSD): resources, layer counts, where the merged image starts. */
export function psdLayout(bytes: Uint8Array, header: PsdHeader): PsdLayout {
  const b = bufferOf(bytes);
  const top = new Cursor(b, 26, b.byteLength, 'colour mode data');
  top.skip(top.u32());

  top.what = 'image resources';
  const resourcesLength = top.u32();
  top.need(resourcesLength);
  const resources = readResources(b, top.pos, top.pos + resourcesLength);
  top.skip(resourcesLength);

  top.what = 'layer and mask information';
  const layerSectionLength = top.u32();
  top.need(layerSectionLength);
  let counted: Counted = { layerCount: 0, layers: 0, groups: 0 };
  try {
    if (layerSectionLength) counted = countLayers(b, top.pos, top.pos + layerSectionLength, writtenByMaskwork(resources.get(1057)));
  } catch {
    // Layers that cannot be counted do not keep the merged image from opening.
  }
  top.skip(layerSectionLength);

  const version = resources.get(1057);
  const realMergedImage = !(version && version.byteLength >= 5 && version[4] === 0);
  return { header, resources, ...counted, realMergedImage, mergedAt: top.left >= 2 ? top.pos : null };
}

function readResources(b: Buffer, start: number, end: number): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  const c = new Cursor(b, start, end, 'image resources');
  while (c.left >= 12) {
    c.skip(4); // signature: '8BIM' (a few old resources use others)
    const id = c.u16();
    const nameLength = c.u8();
    c.skip(nameLength + ((nameLength + 1) % 2)); // Pascal name, padded to an even size
    const size = c.u32();
    const data = c.bytes(size);
    if (!out.has(id)) out.set(id, data);
    if (size % 2 && c.left) c.skip(1);
  }
  return out;
}

/** Advances past up to 3 padding bytes to the next additional-info signature; false when there is none. */
function atSignature(c: Cursor, b: Buffer, end: number): boolean {
  for (let pad = 0; pad < 4 && c.pos + 12 <= end; pad++, c.pos++) {
    const sig = b.toString('latin1', c.pos, c.pos + 4);
    if (sig === '8BIM' || sig === '8B64') return true;
  }
  return false;
}

/**
 * The layer count and the layers and groups among the records. The records are read only as far as
 * their names and additional info (a group is an "lsct"/"lsdk" section of type 1 or 2, its end
 * marker type 3); when they cannot be read, every record counts as a layer — the merged image does
 * not depend on them.
 */
type Counted = { layerCount: number; layers: number; groups: number; maskworkResults?: number };

function countLayers(b: Buffer, start: number, end: number, maskwork: boolean): Counted {
  const c = new Cursor(b, start, end, 'layer information');
  const infoLength = c.u32();
  const infoEnd = c.pos + infoLength;
  let layerCount = 0;
  let records = -1;
  if (infoLength >= 2) {
    c.need(infoLength);
    layerCount = c.i16();
    records = c.pos;
  } else {
    // Photoshop's 16- and 32-bit files keep their layers in an "Lr16"/"Lr32" block after the global layer mask.
    c.pos = infoEnd;
    c.skip(c.u32()); // global layer mask info
    while (atSignature(c, b, end)) {
      c.skip(4);
      const key = c.ascii(4);
      const length = c.u32();
      c.need(length);
      if ((key === 'Lr16' || key === 'Lr32' || key === 'Layr') && length >= 2) {
        layerCount = b.readInt16BE(c.pos);
        records = c.pos + 2;
        break;
      }
      c.skip(length);
    }
  }
  const n = Math.abs(layerCount);
  if (records < 0 || n === 0) return { layerCount, layers: 0, groups: 0 };
  try {
    return { layerCount, ...layersAndGroups(b, records, end, n, maskwork) };
  } catch {
    return { layerCount, layers: n, groups: 0 };
  }
}

/** `maskwork`: the file is Maskwork's, whose "Original" and mask layers are counted apart from its results (psd-own-layers.ts). */
function layersAndGroups(b: Buffer, start: number, end: number, n: number, maskwork: boolean): Omit<Counted, 'layerCount'> {
  const c = new Cursor(b, start, end, 'layer records');
  let layers = 0;
  let groups = 0;
  let own = 0;
  for (let i = 0; i < n; i++) {
    c.skip(16); // top, left, bottom, right
    const channels = c.u16();
    c.skip(channels * 6 + 10); // channel ids and lengths; blend signature and key; opacity, clipping
    const hidden = (c.u8() & 0x02) !== 0; // flags
    c.skip(1); // filler
    const extraLength = c.u32();
    c.need(extraLength);
    const extraEnd = c.pos + extraLength;
    const x = new Cursor(b, c.pos, extraEnd, 'layer record');
    x.skip(x.u32()); // layer mask data
    x.skip(x.u32()); // blending ranges
    const nameLength = x.u8();
    const name = x.ascii(nameLength);
    x.skip((4 - ((nameLength + 1) % 4)) % 4); // Pascal name, padded to a multiple of 4
    let section = 0;
    while (atSignature(x, b, extraEnd)) {
      x.skip(4);
      const key = x.ascii(4);
      const length = x.u32();
      x.need(length);
      if ((key === 'lsct' || key === 'lsdk') && length >= 4) section = b.readUInt32BE(x.pos);
      x.skip(length);
    }
    c.pos = extraEnd;
    if (section === 1 || section === 2) groups++;
    else if (section !== 3) {
      layers++;
      if (maskwork && maskworkOwnLayer(i, name, hidden)) own++;
    }
  }
  return { layers, groups, ...(maskwork ? { maskworkResults: layers - own } : {}) };
}

/** Largest merged image this reads, all channels inflated at once (ZIP): 1.5 GB. */
const MAX_INFLATED = 1.5 * 2 ** 30;

/**
 * The merged image's channels `wanted` (0 = the first colour channel) as planes of big-endian
 * samples, `width × height × depth/8` bytes each. 8 and 16 bits only.
 */
export async function psdMergedPlanes(bytes: Uint8Array, layout: PsdLayout, wanted: readonly number[]): Promise<Buffer[]> {
  const { header, mergedAt } = layout;
  if (mergedAt === null) throw new PsdReadError('the file ends before its merged image');
  const { channels, width, height, depth } = header;
  if (depth !== 8 && depth !== 16) throw new PsdReadError(`${depth}-bit samples are not read here`);
  const b = bufferOf(bytes);
  const rowBytes = (width * depth) / 8;
  const plane = rowBytes * height;
  const c = new Cursor(b, mergedAt, b.byteLength, 'merged image');
  const compression = c.u16();
  if (compression === 0) {
    c.need(channels * plane);
    return wanted.map((ch) => Buffer.from(b.subarray(c.pos + ch * plane, c.pos + (ch + 1) * plane)));
  }
  if (compression === 1) {
    // Every row's compressed size (channel by channel), then the rows.
    c.need(channels * height * 2);
    const counts = b.subarray(c.pos, c.pos + channels * height * 2);
    c.skip(channels * height * 2);
    const channelStart: number[] = [];
    let at = c.pos;
    for (let ch = 0; ch < channels; ch++) {
      channelStart.push(at);
      for (let y = 0; y < height; y++) at += counts.readUInt16BE((ch * height + y) * 2);
    }
    if (at > b.byteLength) throw new PsdReadError('the file ends inside its merged image');
    return wanted.map((ch) => {
      const out = Buffer.allocUnsafe(plane);
      let src = channelStart[ch];
      for (let y = 0; y < height; y++) {
        const n = counts.readUInt16BE((ch * height + y) * 2);
        unpackBits(b.subarray(src, src + n), out.subarray(y * rowBytes, (y + 1) * rowBytes));
        src += n;
      }
      return out;
    });
  }
  if (compression === 2 || compression === 3) {
    const total = channels * plane;
    if (total > MAX_INFLATED) throw new PsdReadError(`its ${channels} channels are too large to read`);
    let data: Buffer;
    try {
      data = await inflateAsync(b.subarray(c.pos), { maxOutputLength: total });
    } catch (e) {
      throw new PsdReadError(`its compressed merged image is damaged (${e instanceof Error ? e.message : String(e)})`);
    }
    if (data.byteLength < total) throw new PsdReadError('its compressed merged image ends early');
    return wanted.map((ch) => {
      const out = Buffer.from(data.subarray(ch * plane, (ch + 1) * plane));
      if (compression === 3) undoPrediction(out, width, height, depth);
      return out;
    });
  }
  throw new PsdReadError(`its merged image uses an unknown compression (${compression})`);
}

/** PackBits, one row: the row must come out exactly `out.byteLength` bytes long. */
function unpackBits(src: Buffer, out: Buffer): void {
  let i = 0;
  let o = 0;
  while (i < src.byteLength && o < out.byteLength) {
    const n = src[i++];
    if (n < 128) {
      const len = n + 1;
      if (i + len > src.byteLength || o + len > out.byteLength) break;
      out.set(src.subarray(i, i + len), o);
      i += len;
      o += len;
    } else if (n > 128) {
      const len = 257 - n;
      if (i >= src.byteLength || o + len > out.byteLength) break;
      out.fill(src[i++], o, o + len);
      o += len;
    } // 128: no-op
  }
  if (o !== out.byteLength) throw new PsdReadError('a row of its merged image is damaged');
}

/** Undoes "ZIP with prediction": each sample was stored as its difference to the one before it in the row. */
function undoPrediction(plane: Buffer, width: number, height: number, depth: 8 | 16): void {
  if (depth === 8) {
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = 1; x < width; x++) plane[row + x] = (plane[row + x] + plane[row + x - 1]) & 255;
    }
    return;
  }
  for (let y = 0; y < height; y++) {
    const row = y * width * 2;
    for (let x = 1; x < width; x++) {
      const i = row + 2 * x;
      const v = (((plane[i] << 8) | plane[i + 1]) + ((plane[i - 2] << 8) | plane[i - 1])) & 0xffff;
      plane[i] = v >> 8;
      plane[i + 1] = v & 255;
    }
  }
}
