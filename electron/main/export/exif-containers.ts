/**
 * The EXIF block of an encoded JPEG or WebP, read and replaced in the container: for EXIF the
 * encoder never saw (libvips reads none from a TIFF original, so its JPEG and WebP carry only the
 * few tags libvips writes itself). The image data is copied byte for byte.
 *
 * - JPEG: the APP1 segment "Exif\0\0" + TIFF-structured EXIF — one marker segment, so at most
 *   {@link MAX_JPEG_EXIF} bytes of EXIF. It replaces the file's own, or goes right after SOI and any
 *   APP0 (JFIF/JFXX), where readers look for it.
 * - WebP (Google's WebP container specification): the 'EXIF' chunk, after the image data and before
 *   'XMP ' (chunk order VP8X, ICCP, ANIM, image data, EXIF, XMP, unknown chunks), with the E flag
 *   (0x08) of the VP8X chunk set; its data starts with "Exif\0\0", as libvips writes it. A simple
 *   file (one 'VP8 ' or 'VP8L' chunk) becomes an extended one: a VP8X chunk with the canvas size of
 *   the bitstream's header (and the alpha flag of a VP8L that uses alpha) goes before it. The RIFF
 *   size is the file's length minus 8; odd chunks are padded.
 */
import { exifTiff, withExifChunk } from './png-chunks';
import { pngSourceMetadata } from './png-source-metadata';
import { exifThumbnailBytes, mergedExif } from './tiff-tags';

const EXIF_PREFIX = Buffer.from('Exif\0\0', 'latin1');
/** The most TIFF-structured EXIF one APP1 segment holds: 65535 − 2 (length) − 6 ("Exif\0\0"). */
export const MAX_JPEG_EXIF = 65535 - 2 - EXIF_PREFIX.byteLength;

const view = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

interface JpegSegment {
  marker: number;
  /** Offsets: the 0xFF that starts the segment (fill bytes included), its data (after the length), the byte after it. */
  start: number;
  data: number;
  end: number;
}

/** The marker segments between SOI and the first SOS (or EOI). Throws on what is not a JPEG. */
function jpegHeaderSegments(b: Buffer): JpegSegment[] {
  if (b.byteLength < 4 || b[0] !== 0xff || b[1] !== 0xd8) throw new Error('not a JPEG file');
  const out: JpegSegment[] = [];
  let at = 2;
  while (at + 4 <= b.byteLength) {
    if (b[at] !== 0xff) throw new Error(`no marker at byte ${at}`);
    let m = at + 1;
    while (m < b.byteLength && b[m] === 0xff) m++; // fill bytes
    const marker = b[m];
    if (marker === 0xda || marker === 0xd9) return out;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at = m + 1;
      continue;
    }
    if (m + 3 > b.byteLength) break;
    const length = b.readUInt16BE(m + 1);
    const end = m + 1 + length;
    if (length < 2 || end > b.byteLength) throw new Error('a marker segment runs past the end of the file');
    out.push({ marker, start: at, data: m + 3, end });
    at = end;
  }
  throw new Error('no image data (SOS) in the JPEG file');
}

const isExifApp1 = (b: Buffer, s: JpegSegment) =>
  s.marker === 0xe1 && s.end - s.data >= EXIF_PREFIX.byteLength && b.subarray(s.data, s.data + EXIF_PREFIX.byteLength).equals(EXIF_PREFIX);

/** The TIFF-structured EXIF of the JPEG's first APP1 "Exif" segment, if it has one. */
export function jpegExif(jpeg: Uint8Array): Uint8Array | undefined {
  const b = view(jpeg);
  const s = jpegHeaderSegments(b).find((x) => isExifApp1(b, x));
  return s ? new Uint8Array(b.subarray(s.data + EXIF_PREFIX.byteLength, s.end)) : undefined;
}

/**
 * A copy of `jpeg` whose only EXIF segment holds `exif` (TIFF-structured, an `Exif\0\0` prefix
 * tolerated): in place of the first one it had, else after SOI and any APP0. Throws a RangeError
 * when the EXIF is larger than one segment holds.
 */
export function withJpegExif(jpeg: Uint8Array, exif: Uint8Array): Uint8Array {
  const b = view(jpeg);
  const tiff = exifTiff(exif);
  if (tiff.byteLength > MAX_JPEG_EXIF) throw new RangeError(`EXIF of ${tiff.byteLength} bytes is larger than a JPEG segment holds`);
  const segments = jpegHeaderSegments(b);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(2 + EXIF_PREFIX.byteLength + tiff.byteLength, 2);
  const app1 = [head, EXIF_PREFIX, view(tiff)];
  const own = segments.filter((s) => isExifApp1(b, s));
  const parts: Buffer[] = [];
  if (own.length) {
    let at = 0;
    own.forEach((s, i) => {
      parts.push(b.subarray(at, s.start));
      if (i === 0) parts.push(...app1);
      at = s.end;
    });
    parts.push(b.subarray(at));
  } else {
    let at = 2;
    for (const s of segments) {
      if (s.start !== at || s.marker !== 0xe0) break;
      at = s.end;
    }
    parts.push(b.subarray(0, at), ...app1, b.subarray(at));
  }
  return new Uint8Array(Buffer.concat(parts));
}

interface RiffChunk {
  fourcc: string;
  data: Buffer;
}

function webpChunks(b: Buffer): RiffChunk[] {
  if (b.byteLength < 20 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') {
    throw new Error('not a WebP file');
  }
  const end = Math.min(b.byteLength, 8 + b.readUInt32LE(4));
  const out: RiffChunk[] = [];
  let at = 12;
  while (at + 8 <= end) {
    const size = b.readUInt32LE(at + 4);
    if (at + 8 + size > end) throw new Error('a WebP chunk runs past the end of the file');
    out.push({ fourcc: b.toString('latin1', at, at + 4), data: b.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  if (!out.length) throw new Error('a WebP file without chunks');
  return out;
}

/** The WebP's EXIF chunk as TIFF-structured EXIF (an `Exif\0\0` prefix, as libvips writes it, removed). */
export function webpExif(webp: Uint8Array): Uint8Array | undefined {
  const c = webpChunks(view(webp)).find((x) => x.fourcc === 'EXIF');
  return c ? new Uint8Array(exifTiff(c.data)) : undefined;
}

/** Chunks that come before the EXIF chunk in an extended file. */
const BEFORE_EXIF = new Set(['VP8X', 'ICCP', 'ANIM', 'ANMF', 'ALPH', 'VP8 ', 'VP8L']);

/** VP8X flags and canvas size for a simple file's bitstream chunk. */
function vp8x(image: RiffChunk): Buffer {
  const d = image.data;
  let width: number;
  let height: number;
  let alpha = false;
  if (image.fourcc === 'VP8L') {
    if (d.byteLength < 5 || d[0] !== 0x2f) throw new Error('a VP8L chunk without its signature');
    const bits = d.readUInt32LE(1);
    width = (bits & 0x3fff) + 1;
    height = ((bits >>> 14) & 0x3fff) + 1;
    alpha = ((bits >>> 28) & 1) === 1;
  } else {
    if (d.byteLength < 10 || d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) throw new Error('a VP8 chunk without a key frame');
    width = d.readUInt16LE(6) & 0x3fff;
    height = d.readUInt16LE(8) & 0x3fff;
  }
  const data = Buffer.alloc(10);
  data[0] = alpha ? 0x10 : 0;
  data.writeUIntLE(width - 1, 4, 3);
  data.writeUIntLE(height - 1, 7, 3);
  return data;
}

/**
 * A copy of `webp` whose only EXIF chunk holds `exif` (TIFF-structured, an `Exif\0\0` prefix
 * tolerated), the VP8X EXIF flag set. The chunk starts with `Exif\0\0`, as libvips writes it:
 * ImageMagick 6 reads no EXIF from a chunk without it (libvips and sharp read both forms).
 */
export function withWebpExif(webp: Uint8Array, exif: Uint8Array): Uint8Array {
  let chunks = webpChunks(view(webp));
  const data = Buffer.concat([EXIF_PREFIX, view(exifTiff(exif))]);
  const first = chunks[0];
  if (first.fourcc === 'VP8 ' || first.fourcc === 'VP8L') {
    chunks = [{ fourcc: 'VP8X', data: vp8x(first) }, ...chunks];
  } else if (first.fourcc !== 'VP8X' || first.data.byteLength < 10) {
    throw new Error(`a WebP file that starts with a '${first.fourcc}' chunk`);
  }
  const header = Buffer.from(chunks[0].data);
  header[0] |= 0x08;
  chunks = [{ fourcc: 'VP8X', data: header }, ...chunks.slice(1).filter((c) => c.fourcc !== 'EXIF')];
  // After the last chunk that comes before it (unknown chunks may sit among them).
  let at = 0;
  chunks.forEach((c, i) => {
    if (BEFORE_EXIF.has(c.fourcc)) at = i + 1;
  });
  chunks.splice(at, 0, { fourcc: 'EXIF', data });
  const parts: Buffer[] = [];
  for (const c of chunks) {
    const head = Buffer.alloc(8);
    head.write(c.fourcc, 0, 'latin1');
    head.writeUInt32LE(c.data.byteLength, 4);
    parts.push(head, c.data);
    if (c.data.byteLength & 1) parts.push(Buffer.alloc(1));
  }
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + parts.reduce((n, p) => n + p.byteLength, 0), 4);
  riff.write('WEBP', 8, 'latin1');
  return new Uint8Array(Buffer.concat([riff, ...parts]));
}

/**
 * The largest original EXIF (TIFF-structured) libvips is left to carry into a JPEG, WebP or PNG
 * itself. libexif, which libvips reads and writes EXIF with, reads at most 65534 bytes and drops
 * every tag past them (so a WebP lost them too), and libvips writes no EXIF segment at all into a
 * JPEG when what libexif wrote back is over {@link MAX_JPEG_EXIF} (it adds its own tags): both
 * silently, while the export said "EXIF kept". Larger EXIF is written by {@link withOriginalExif}.
 */
export const LIBVIPS_EXIF_MAX = 60 * 1024;

/** Whether libvips keeps all of this EXIF in the file it encodes (else {@link withOriginalExif} writes it). */
export const libvipsKeepsExif = (exif: Uint8Array) => exifTiff(exif).byteLength <= LIBVIPS_EXIF_MAX;

const kb = (n: number) => Math.ceil(n / 1024);

/**
 * The original's EXIF put into a PNG, JPEG or WebP that libvips encoded without it (libvips reads
 * no EXIF from a TIFF, and is not given EXIF larger than {@link LIBVIPS_EXIF_MAX}): merged with the
 * few tags libvips wrote for the picture (orientation 1, resolution, pixel dimensions), in place of
 * its EXIF block — an eXIf chunk, the APP1 "Exif" segment, the WebP 'EXIF' chunk (above). The
 * image data is not touched. The thumbnail (IFD1, a preview of the unedited picture) is left out,
 * as exiftool and Photoshop do to fit a JPEG; `note` says so. When the EXIF cannot be put in (more
 * than a JPEG segment holds even without the thumbnail, a container this does not read), the file
 * is as libvips wrote it, with only its own few tags, and `exifLeftOut` says why.
 */
export function withOriginalExif(
  bytes: Uint8Array,
  format: 'png' | 'jpeg' | 'webp',
  exif: Uint8Array,
): { bytes: Uint8Array; exifLeftOut?: string; note?: string } {
  const name = format === 'png' ? 'PNG' : format === 'jpeg' ? 'JPEG' : 'WebP';
  try {
    const own = format === 'png' ? pngSourceMetadata(bytes).exif : format === 'jpeg' ? jpegExif(bytes) : webpExif(bytes);
    const merged = mergedExif(exif, own);
    if (!merged) return { bytes, exifLeftOut: `The original's EXIF could not be read, so the ${name} has none of it.` };
    const thumbnail = exifThumbnailBytes(exif);
    if (format === 'jpeg' && merged.byteLength > MAX_JPEG_EXIF) {
      return {
        bytes,
        exifLeftOut: `EXIF not kept: the original's EXIF (${kb(merged.byteLength)} KB${thumbnail ? ' without its thumbnail' : ''}) is larger than a JPEG can hold (64 KB), so it was left out; PNG, WebP, TIFF and PSD keep it.`,
      };
    }
    const out =
      format === 'png' ? withExifChunk(bytes, merged) : format === 'jpeg' ? withJpegExif(bytes, merged) : withWebpExif(bytes, merged);
    if (!thumbnail) return { bytes: out };
    const why =
      format === 'jpeg' && exifTiff(exif).byteLength > MAX_JPEG_EXIF
        ? `with it the EXIF (${kb(exifTiff(exif).byteLength)} KB) is more than a JPEG can hold (64 KB)`
        : 'it showed the picture before the edit';
    return { bytes: out, note: `EXIF kept without its thumbnail (${kb(thumbnail)} KB): ${why}.` };
  } catch (e) {
    return { bytes, exifLeftOut: `The original's EXIF could not be added to the ${name} (${e instanceof Error ? e.message : String(e)}).` };
  }
}
