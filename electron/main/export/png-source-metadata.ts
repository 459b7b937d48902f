/**
 * The EXIF and XMP of a PNG original, read from its chunks wherever they sit. libvips only sees an
 * eXIf chunk that comes before the image data and an XMP packet in an iTXt "XML:com.adobe.xmp"
 * chunk; ImageMagick writes a camera JPEG's EXIF as an eXIf chunk after the image data and its XMP
 * as a zTXt "Raw profile type xmp" (hex text), so neither reached the export. Read here:
 *
 * - EXIF: the eXIf chunk (the TIFF structure, an `Exif\0\0` prefix tolerated), else a
 *   "Raw profile type exif" / "Raw profile type APP1" text chunk (older ImageMagick).
 * - XMP: an iTXt/tEXt/zTXt "XML:com.adobe.xmp" chunk, else a "Raw profile type xmp" text chunk.
 *
 * Nothing here throws: a damaged chunk is skipped, and compressed text is inflated with a size cap.
 */
import { inflateSync } from 'node:zlib';
import { exifTiff } from './png-chunks';

export interface PngSourceMetadata {
  /** TIFF-structured EXIF (no `Exif\0\0` prefix). */
  exif?: Uint8Array;
  xmp?: string;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Largest inflated text chunk read (a metadata packet, not an image). */
const MAX_TEXT_BYTES = 16 * 2 ** 20;
const XMP_KEYWORD = 'XML:com.adobe.xmp';
const RAW_XMP = 'Raw profile type xmp';
const RAW_EXIF = new Set(['Raw profile type exif', 'Raw profile type APP1']);

interface PngChunk {
  type: string;
  data: Buffer;
}

/** The chunks of a PNG in file order; a truncated or oversized chunk ends the walk quietly. */
export function* pngChunks(png: Uint8Array): Generator<PngChunk> {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.byteLength < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) return;
  let at = 8;
  while (at + 12 <= buf.byteLength) {
    const len = buf.readUInt32BE(at);
    const end = at + 12 + len;
    if (end > buf.byteLength) return;
    const type = buf.toString('latin1', at + 4, at + 8);
    yield { type, data: buf.subarray(at + 8, at + 8 + len) };
    if (type === 'IEND') return;
    at = end;
  }
}

function inflated(data: Uint8Array): Buffer | undefined {
  try {
    return inflateSync(data, { maxOutputLength: MAX_TEXT_BYTES });
  } catch {
    return undefined;
  }
}

/** A text chunk's keyword and its (inflated) text bytes; undefined when it is not one or is damaged. */
function textOf(c: PngChunk): { keyword: string; text: Buffer } | undefined {
  if (c.type !== 'tEXt' && c.type !== 'zTXt' && c.type !== 'iTXt') return undefined;
  const nul = c.data.indexOf(0);
  if (nul < 1 || nul > 79) return undefined;
  const keyword = c.data.toString('latin1', 0, nul);
  if (keyword !== XMP_KEYWORD && keyword !== RAW_XMP && !RAW_EXIF.has(keyword)) return undefined;
  if (c.type === 'tEXt') return { keyword, text: c.data.subarray(nul + 1) };
  if (c.type === 'zTXt') {
    const text = c.data[nul + 1] === 0 ? inflated(c.data.subarray(nul + 2)) : undefined;
    return text && { keyword, text };
  }
  // iTXt: compression flag, method, language tag\0, translated keyword\0, text.
  const compressed = c.data[nul + 1] === 1;
  const lang = c.data.indexOf(0, nul + 3);
  const translated = lang < 0 ? -1 : c.data.indexOf(0, lang + 1);
  if (translated < 0) return undefined;
  const body = c.data.subarray(translated + 1);
  const text = compressed ? inflated(body) : body;
  return text && { keyword, text };
}

/**
 * ImageMagick's "Raw profile type …" text: a newline, the profile name, a newline, the byte count,
 * a newline, then the bytes as hex digits over several lines.
 */
export function rawProfileBytes(text: Buffer): Uint8Array | undefined {
  const m = /^\s*\S+\s*?\n\s*(\d+)\s*?\n([\s\S]*)$/.exec(text.toString('latin1'));
  if (!m) return undefined;
  const length = Number(m[1]);
  const hex = m[2].replace(/\s+/g, '');
  if (!length || hex.length < 2 * length || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  return new Uint8Array(Buffer.from(hex.slice(0, 2 * length), 'hex'));
}

/** The TIFF structure of EXIF bytes, or undefined when they hold none. */
function tiffExif(bytes: Uint8Array | undefined): Uint8Array | undefined {
  if (!bytes) return undefined;
  const tiff = exifTiff(bytes);
  const head = Buffer.from(tiff.subarray(0, 4)).toString('latin1');
  return head === 'II*\0' || head === 'MM\0*' ? tiff : undefined;
}

/** The EXIF and XMP a PNG carries (see the module comment for where they are looked for). */
export function pngSourceMetadata(png: Uint8Array): PngSourceMetadata {
  let exif: Uint8Array | undefined;
  let rawExif: Uint8Array | undefined;
  let xmp: string | undefined;
  let rawXmp: string | undefined;
  for (const c of pngChunks(png)) {
    if (c.type === 'eXIf') {
      exif ??= tiffExif(c.data);
      continue;
    }
    const t = textOf(c);
    if (!t) continue;
    // XMP is UTF-8 whatever the chunk (libvips writes it into a zTXt).
    if (t.keyword === XMP_KEYWORD) xmp ??= t.text.toString('utf8');
    else if (t.keyword === RAW_XMP) {
      const bytes = rawXmp === undefined ? rawProfileBytes(t.text) : undefined;
      if (bytes) rawXmp = Buffer.from(bytes).toString('utf8');
    } else rawExif ??= tiffExif(rawProfileBytes(t.text));
  }
  const out: PngSourceMetadata = {};
  const e = exif ?? rawExif;
  const x = xmp ?? rawXmp;
  if (e) out.exif = new Uint8Array(e);
  if (x?.trim()) out.xmp = x;
  return out;
}
