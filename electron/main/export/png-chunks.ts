/**
 * Adds metadata chunks to a PNG that sharp encoded from raw pixels (16-bit exports, which cannot go
 * through sharp's metadata-keeping pipeline): iCCP (the original's ICC profile), eXIf (its EXIF) and
 * an iTXt XMP packet. They go right after IHDR, before any image data, replacing chunks of the same
 * kind (and sRGB/gAMA/cHRM, which would contradict an ICC profile).
 */
import { crc32, deflateSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngMetadata {
  icc?: Uint8Array;
  /** TIFF-structured EXIF, with or without the `Exif\0\0` prefix. */
  exif?: Uint8Array;
  xmp?: string;
  /** Resolution in dots per inch: a pHYs chunk replaces the encoder's (libvips writes 25.4 dpi for raw pixels). */
  dpi?: number;
}

/** A PNG chunk as pieces — length and type, the data pieces as they are, CRC — without copying the data. */
export function chunkOf(type: string, data: Uint8Array[]): Buffer[] {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(
    data.reduce((n, d) => n + d.byteLength, 0),
    0,
  );
  head.write(type, 4, 'latin1');
  let crc = crc32(head.subarray(4));
  for (const d of data) crc = crc32(d, crc);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc >>> 0, 0);
  return [head, ...data.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)), tail];
}

function chunk(type: string, data: Uint8Array): Buffer {
  return Buffer.concat(chunkOf(type, [data]));
}

/** The EXIF bytes without the JPEG APP1 `Exif\0\0` prefix (PNG's eXIf holds the TIFF structure only). */
export function exifTiff(exif: Uint8Array): Uint8Array {
  const prefix = Buffer.from('Exif\0\0', 'latin1');
  return Buffer.from(exif.subarray(0, 6)).equals(prefix) ? exif.subarray(6) : exif;
}

const REPLACED = new Set(['iCCP', 'eXIf', 'sRGB', 'gAMA', 'cHRM']);

/** The pHYs chunk's data for `dpi` (pixels per metre, unit metre). */
export function physData(dpi: number): Buffer {
  const ppm = Math.round(dpi / 0.0254);
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(ppm, 0);
  phys.writeUInt32BE(ppm, 4);
  phys[8] = 1;
  return phys;
}

/** The iCCP, eXIf and iTXt (XMP) chunks for `meta`, in that order. */
export function metadataChunks(meta: PngMetadata): Buffer[] {
  const added: Buffer[] = [];
  if (meta.icc) added.push(chunk('iCCP', Buffer.concat([Buffer.from('ICC Profile\0\0', 'latin1'), deflateSync(meta.icc)])));
  if (meta.exif) added.push(chunk('eXIf', exifTiff(meta.exif)));
  if (meta.xmp !== undefined) {
    // iTXt: keyword, 0, compression flag 0, method 0, empty language tag, empty translated keyword, UTF-8 text.
    added.push(chunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(meta.xmp, 'utf8')])));
  }
  return added;
}

export function addPngMetadata(png: Uint8Array, meta: PngMetadata): Uint8Array {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.byteLength < 33 || !buf.subarray(0, 8).equals(SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new AppError({ kind: 'internal', message: 'The encoder produced no valid PNG.' });
  }
  const dpi = meta.dpi && meta.dpi > 0 ? [chunk('pHYs', physData(meta.dpi))] : [];
  const parts: Buffer[] = [buf.subarray(0, 33), ...dpi, ...metadataChunks(meta)];
  let at = 33;
  while (at + 12 <= buf.byteLength) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const end = at + 12 + len;
    const isXmp = type === 'iTXt' && buf.toString('latin1', at + 8, at + 8 + 18) === 'XML:com.adobe.xmp\0';
    if (!(REPLACED.has(type) || (isXmp && meta.xmp !== undefined) || (type === 'pHYs' && dpi.length))) parts.push(buf.subarray(at, end));
    at = end;
  }
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A copy of `png` whose only eXIf chunk holds `exif`, placed before the image data — where libvips
 * looks for it (one after IDAT, as ImageMagick writes it, is not seen). Every other chunk is kept.
 */
export function withExifChunk(png: Uint8Array, exif: Uint8Array): Uint8Array {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.byteLength < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    throw new AppError({ kind: 'internal', message: 'Not a PNG file.' });
  }
  const parts: Buffer[] = [buf.subarray(0, 8)];
  let placed = false;
  let at = 8;
  while (at + 12 <= buf.byteLength) {
    const end = at + 12 + buf.readUInt32BE(at);
    if (end > buf.byteLength) break;
    const type = buf.toString('latin1', at + 4, at + 8);
    if (!placed && (type === 'IDAT' || type === 'IEND')) {
      parts.push(chunk('eXIf', exifTiff(exif)));
      placed = true;
    }
    if (type !== 'eXIf') parts.push(buf.subarray(at, end));
    at = end;
  }
  if (at < buf.byteLength) parts.push(buf.subarray(at));
  return new Uint8Array(Buffer.concat(parts));
}
