/**
 * Adds the original's metadata to a TIFF that sharp encoded (libvips writes no EXIF into TIFF, and a
 * TIFF encoded from raw 16-bit pixels has no ICC or XMP either). The first IFD is rewritten at the end
 * of the file with the extra tags — ICC profile (34675), XMP (700), the EXIF sub-IFD (34665), the GPS
 * sub-IFD (34853) and the descriptive IFD0 tags of the source EXIF (make, model, date, artist, …) —
 * and the header points to it; the pixel data is not touched. EXIF values are re-encoded in the
 * TIFF's byte order; the interoperability pointer is dropped (a maker note is copied as it is).
 */
import { AppError } from '../../../shared/errors';
import { exifTiff } from './png-chunks';

export interface TiffMetadata {
  icc?: Uint8Array;
  exif?: Uint8Array;
  xmp?: string;
}

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** The value bytes in the output byte order (written inline when ≤ 4 bytes). */
  value: Uint8Array;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
/** IFD0 tags of the source EXIF worth carrying into the TIFF's own IFD0. */
const DESCRIPTIVE = new Set([270, 271, 272, 305, 306, 315, 33432]);
const EXIF_IFD = 34665;
const GPS_IFD = 34853;
const INTEROP_IFD = 40965;

class Reader {
  constructor(
    readonly b: Buffer,
    readonly le: boolean,
  ) {}
  u16 = (o: number) => (this.le ? this.b.readUInt16LE(o) : this.b.readUInt16BE(o));
  u32 = (o: number) => (this.le ? this.b.readUInt32LE(o) : this.b.readUInt32BE(o));
}

function readerOf(b: Buffer): Reader {
  const order = b.toString('latin1', 0, 2);
  if ((order !== 'II' && order !== 'MM') || b.byteLength < 8) throw new Error('not a TIFF structure');
  const r = new Reader(b, order === 'II');
  if (r.u16(2) !== 42) throw new Error('not a classic TIFF (BigTIFF is not supported)');
  return r;
}

/** Entries of the IFD at `at`, values converted to `le` byte order. Bad offsets end the read quietly. */
function readIfd(r: Reader, at: number, le: boolean): Entry[] {
  const out: Entry[] = [];
  if (at + 2 > r.b.byteLength) return out;
  const n = r.u16(at);
  for (let i = 0; i < n; i++) {
    const e = at + 2 + i * 12;
    if (e + 12 > r.b.byteLength) break;
    const tag = r.u16(e);
    const type = r.u16(e + 2);
    const count = r.u32(e + 4);
    const size = TYPE_SIZE[type];
    if (!size) continue;
    const bytes = size * count;
    const start = bytes <= 4 ? e + 8 : r.u32(e + 8);
    if (start + bytes > r.b.byteLength || bytes > 64 * 1024 * 1024) continue;
    const value = Buffer.from(r.b.subarray(start, start + bytes));
    if (r.le !== le) swapElements(value, type === 5 || type === 10 ? 4 : size);
    out.push({ tag, type, count, value });
  }
  return out;
}

function swapElements(b: Buffer, size: number): void {
  if (size === 2) b.swap16();
  else if (size === 4) b.swap32();
  else if (size === 8) b.swap64();
}

interface Source {
  ifd0: Entry[];
  exif: Entry[];
  gps: Entry[];
}

const POINTERS = new Set([EXIF_IFD, GPS_IFD, INTEROP_IFD]);

/**
 * The IFD0 tags `keep` accepts (default: the descriptive ones) and the EXIF and GPS sub-IFDs of
 * TIFF-structured EXIF (or a TIFF file), values in `le` byte order; sub-IFD pointers are left out.
 */
function readExif(exif: Uint8Array, le: boolean, keep: (tag: number) => boolean = (t) => DESCRIPTIVE.has(t)): Source | null {
  try {
    const r = readerOf(Buffer.from(exifTiff(exif)));
    const ifd0 = readIfd(r, r.u32(4), le);
    const sub = (tag: number): Entry[] => {
      const ptr = ifd0.find((e) => e.tag === tag);
      if (ptr?.value.byteLength !== 4) return [];
      const off = le ? Buffer.from(ptr.value).readUInt32LE(0) : Buffer.from(ptr.value).readUInt32BE(0);
      return readIfd(r, off, le).filter((e) => !POINTERS.has(e.tag));
    };
    return { ifd0: ifd0.filter((e) => !POINTERS.has(e.tag) && keep(e.tag)), exif: sub(EXIF_IFD), gps: sub(GPS_IFD) };
  } catch {
    return null; // unreadable EXIF: the export goes on without it rather than failing
  }
}

/** Serialises IFDs at the end of the file being built. */
class Tail {
  parts: Buffer[] = [];
  constructor(
    public offset: number,
    readonly le: boolean,
  ) {}
  private push(b: Buffer): number {
    const at = this.offset;
    this.parts.push(b);
    this.offset += b.byteLength;
    if (this.offset % 2) this.push(Buffer.alloc(1));
    return at;
  }
  u32(v: number): Buffer {
    const b = Buffer.alloc(4);
    if (this.le) b.writeUInt32LE(v, 0);
    else b.writeUInt32BE(v, 0);
    return b;
  }
  /** Writes an IFD (entries sorted by tag) and returns its offset; large values go before it. */
  ifd(entries: Entry[], next: number, raw: Map<number, Buffer> = new Map()): number {
    const sorted = [...entries].sort((a, b) => a.tag - b.tag);
    const valueAt = new Map<Entry, number>();
    for (const e of sorted) if (e.value.byteLength > 4) valueAt.set(e, this.push(Buffer.from(e.value)));
    const b = Buffer.alloc(2 + sorted.length * 12 + 4);
    const w16 = (v: number, o: number) => (this.le ? b.writeUInt16LE(v, o) : b.writeUInt16BE(v, o));
    const w32 = (v: number, o: number) => (this.le ? b.writeUInt32LE(v, o) : b.writeUInt32BE(v, o));
    w16(sorted.length, 0);
    sorted.forEach((e, i) => {
      const o = 2 + i * 12;
      const kept = raw.get(e.tag);
      if (kept) {
        kept.copy(b, o);
        return;
      }
      w16(e.tag, o);
      w16(e.type, o + 2);
      w32(e.count, o + 4);
      if (e.value.byteLength <= 4) Buffer.from(e.value).copy(b, o + 8);
      else w32(valueAt.get(e)!, o + 8);
    });
    w32(next, 2 + sorted.length * 12);
    return this.push(b);
  }
}

export function addTiffMetadata(tiff: Uint8Array, meta: TiffMetadata): Uint8Array {
  const buf = Buffer.from(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  let r: Reader;
  try {
    r = readerOf(buf);
  } catch (e) {
    throw new AppError({ kind: 'internal', message: `The encoder produced no valid TIFF (${(e as Error).message}).` });
  }
  const le = r.le;
  const first = r.u32(4);
  const n = r.u16(first);
  const next = r.u32(first + 2 + n * 12);
  // The TIFF's own entries are kept byte for byte (their offsets point into data that does not move).
  const own = new Map<number, Buffer>();
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const e = first + 2 + i * 12;
    const tag = r.u16(e);
    own.set(tag, Buffer.from(buf.subarray(e, e + 12)));
    entries.push({ tag, type: r.u16(e + 2), count: r.u32(e + 4), value: new Uint8Array(0) });
  }
  const replace = (e: Entry) => {
    own.delete(e.tag);
    const i = entries.findIndex((x) => x.tag === e.tag);
    if (i >= 0) entries.splice(i, 1);
    entries.push(e);
  };
  const tail = new Tail(buf.byteLength + (buf.byteLength % 2), le);
  if (buf.byteLength % 2) tail.parts.push(Buffer.alloc(1));
  if (meta.icc) replace({ tag: 34675, type: 7, count: meta.icc.byteLength, value: meta.icc });
  if (meta.xmp !== undefined) {
    const x = Buffer.from(meta.xmp, 'utf8');
    replace({ tag: 700, type: 1, count: x.byteLength, value: x });
  }
  const src = meta.exif ? readExif(meta.exif, le) : null;
  if (src) {
    for (const e of src.ifd0) replace(e);
    if (src.exif.length) replace({ tag: EXIF_IFD, type: 4, count: 1, value: tail.u32(tail.ifd(src.exif, 0)) });
    if (src.gps.length) replace({ tag: GPS_IFD, type: 4, count: 1, value: tail.u32(tail.ifd(src.gps, 0)) });
  }
  const at = tail.ifd(entries, next, own);
  const head = Buffer.from(buf.subarray(0, 8));
  if (le) head.writeUInt32LE(at, 4);
  else head.writeUInt32BE(at, 4);
  return new Uint8Array(Buffer.concat([head, buf.subarray(8), ...tail.parts]));
}

/** A copy of EXIF bytes with the IFD0 orientation tag set to 1 (the exported pixels are upright). */
export function exifWithOrientation1(exif: Uint8Array): Uint8Array {
  const copy = Buffer.from(exif);
  const base = copy.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  try {
    const r = readerOf(copy.subarray(base));
    const first = r.u32(4);
    const n = r.u16(first);
    for (let i = 0; i < n; i++) {
      const e = base + first + 2 + i * 12;
      const tag = r.le ? copy.readUInt16LE(e) : copy.readUInt16BE(e);
      if (tag !== 274) continue;
      if (r.le) copy.writeUInt16LE(1, e + 8);
      else copy.writeUInt16BE(1, e + 8);
    }
  } catch {
    // unreadable EXIF: left as it is
  }
  return new Uint8Array(copy);
}

/**
 * A copy of EXIF bytes whose PixelXDimension and PixelYDimension (EXIF sub-IFD) say `width` ×
 * `height`: an extended canvas's export said the original's size (2560×1600 for a 3733×1600 file),
 * as exiftool and Lightroom read it; Photoshop writes the saved size. A SHORT tag too small for the
 * size becomes a LONG (the value stays in the entry's 4 bytes). Tags it does not have stay absent.
 */
export function exifWithPictureSize(exif: Uint8Array, width: number, height: number): Uint8Array {
  const copy = Buffer.from(exif);
  const base = copy.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  try {
    const r = readerOf(copy.subarray(base));
    const w16 = (v: number, o: number) => (r.le ? copy.writeUInt16LE(v, base + o) : copy.writeUInt16BE(v, base + o));
    const w32 = (v: number, o: number) => (r.le ? copy.writeUInt32LE(v, base + o) : copy.writeUInt32BE(v, base + o));
    const entries = (at: number) => {
      if (at + 2 > r.b.byteLength) return [];
      const n = r.u16(at);
      return Array.from({ length: n }, (_, i) => at + 2 + i * 12).filter((e) => e + 12 <= r.b.byteLength);
    };
    const pointer = entries(r.u32(4)).find((e) => r.u16(e) === EXIF_IFD);
    if (pointer === undefined) return exif;
    for (const e of entries(r.u32(pointer + 8))) {
      const tag = r.u16(e);
      if ((tag !== 0xa002 && tag !== 0xa003) || r.u32(e + 4) !== 1) continue;
      const v = tag === 0xa002 ? width : height;
      const type = r.u16(e + 2);
      if (type === 3 && v <= 0xffff) {
        w16(v, e + 8);
        w16(0, e + 10);
      } else if (type === 3 || type === 4) {
        w16(4, e + 2);
        w32(v, e + 8);
      }
    }
  } catch {
    return exif; // unreadable EXIF: left as it is
  }
  return new Uint8Array(copy);
}

/**
 * The EXIF of a TIFF original (its descriptive IFD0 tags and EXIF/GPS sub-IFDs) as a stand-alone
 * EXIF block, or undefined when it has none — libvips does not read EXIF out of TIFF files.
 */
export function exifFromTiff(tiff: Uint8Array): Uint8Array | undefined {
  const src = readExif(tiff, true);
  if (!src || (!src.ifd0.length && !src.exif.length && !src.gps.length)) return undefined;
  return exifBlock(src);
}

/**
 * The bytes of the thumbnail in the EXIF's IFD1 (JPEGInterchangeFormatLength, else the sum of its
 * StripByteCounts), 0 when it has none or the EXIF cannot be read. {@link mergedExif} does not carry it.
 */
export function exifThumbnailBytes(exif: Uint8Array): number {
  try {
    const r = readerOf(Buffer.from(exifTiff(exif)));
    const first = r.u32(4);
    if (first + 2 > r.b.byteLength) return 0;
    const next = first + 2 + r.u16(first) * 12;
    if (next + 4 > r.b.byteLength) return 0;
    const ifd1 = r.u32(next);
    if (!ifd1) return 0;
    const entries = readIfd(r, ifd1, true);
    const sum = (tag: number) => {
      const e = entries.find((x) => x.tag === tag);
      if (!e) return 0;
      const v = Buffer.from(e.value);
      let n = 0;
      for (let i = 0; i < e.count; i++) n += e.type === 3 ? v.readUInt16LE(i * 2) : v.readUInt32LE(i * 4);
      return n;
    };
    return sum(0x202) || sum(279);
  } catch {
    return 0;
  }
}

/** IFD0 tags an encoder writes for the picture it encoded (orientation, resolution): the export's, not the original's. */
const PICTURE_IFD0 = new Set([274, 282, 283, 296]);
/** EXIF sub-IFD tags that describe the encoded picture: PixelXDimension, PixelYDimension. */
const PICTURE_EXIF = new Set([0xa002, 0xa003]);

/**
 * The original's EXIF merged into the EXIF an encoder wrote for its picture — libvips writes a few
 * tags of its own (orientation, resolution, pixel dimensions, libexif's defaults) when it read no
 * EXIF from the original, as for a TIFF. The original's descriptive IFD0 tags (as the TIFF export
 * copies them) and its EXIF and GPS tags win, except those that describe the encoded picture;
 * orientation is 1 (the exported pixels are upright). A thumbnail (IFD1) is not carried.
 * TIFF-structured, little-endian; undefined when the original's EXIF cannot be read.
 */
export function mergedExif(original: Uint8Array, encoder: Uint8Array | undefined): Uint8Array | undefined {
  const src = readExif(original, true);
  if (!src) return undefined;
  const own = (encoder && readExif(encoder, true, () => true)) || { ifd0: [], exif: [], gps: [] };
  const merge = (mine: Entry[], theirs: Entry[], picture: Set<number>): Entry[] => {
    const out = new Map<number, Entry>();
    for (const e of mine) out.set(e.tag, e);
    for (const e of theirs) if (!picture.has(e.tag)) out.set(e.tag, e);
    return [...out.values()];
  };
  const orientation1 = { tag: 274, type: 3, count: 1, value: new Uint8Array([1, 0]) };
  return exifBlock({
    ifd0: [...merge(own.ifd0, src.ifd0, PICTURE_IFD0).filter((e) => e.tag !== 274), orientation1],
    exif: merge(own.exif, src.exif, PICTURE_EXIF),
    gps: merge(own.gps, src.gps, new Set()),
  });
}

/** IFD0 with its EXIF and GPS sub-IFDs as a stand-alone little-endian EXIF block (no `Exif\0\0` prefix). */
function exifBlock(src: Source): Uint8Array {
  const tail = new Tail(8, true);
  const ifd0 = [...src.ifd0];
  if (src.exif.length) ifd0.push({ tag: EXIF_IFD, type: 4, count: 1, value: tail.u32(tail.ifd(src.exif, 0)) });
  if (src.gps.length) ifd0.push({ tag: GPS_IFD, type: 4, count: 1, value: tail.u32(tail.ifd(src.gps, 0)) });
  const at = tail.ifd(ifd0, 0);
  const head = Buffer.from('II*\0\0\0\0\0', 'latin1');
  head.writeUInt32LE(at, 4);
  return new Uint8Array(Buffer.concat([head, ...tail.parts]));
}
