/**
 * An original (PNG, WebP) whose EXIF is over what one JPEG APP1 segment holds (65533 bytes with
 * "Exif\0\0"). libvips (libexif) reads at most 65534 bytes of EXIF and drops every tag past them,
 * and writes no EXIF segment into a JPEG when the EXIF it writes back is over the segment — both
 * silently, while the export said "EXIF kept". Now EXIF over 60 KB is written by the app
 * (export/exif-containers.ts): whole into a WebP or PNG; into a JPEG without its thumbnail (IFD1)
 * when that makes it fit, with a note; else not at all, and the result says so.
 * Read back with ImageMagick (`identify -format '%[EXIF:*]'`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile } from '../../../electron/main/services/image-files';
import type { ExportFormat } from '../../../electron/main/services/image-export';
import { withExifChunk } from '../../../electron/main/export/png-chunks';
import { jpegExif, withWebpExif } from '../../../electron/main/export/exif-containers';
import { exifThumbnailBytes } from '../../../electron/main/export/tiff-tags';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-big-exif-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const W = 160;
const H = 100;

/**
 * Little-endian TIFF-structured EXIF: IFD0 (Make "BIGCAM", Model "Z9", the EXIF pointer), the EXIF
 * IFD (a UserComment of `comment` bytes: "ASCII\0\0\0" and 'A's ending in "END"), and with `thumbnail`
 * an IFD1 pointing at it. The thumbnail's bytes come before the comment's, so a reader that stops at
 * 64 KB loses the comment.
 */
function bigExif(comment: number, thumbnail?: Buffer): Buffer {
  const ifd0At = 8;
  const ifd0Size = 2 + 3 * 12 + 4;
  const makeAt = ifd0At + ifd0Size; // "BIGCAM\0" + pad
  const exifAt = makeAt + 8;
  const exifSize = 2 + 12 + 4;
  const ifd1At = exifAt + exifSize;
  const ifd1Size = thumbnail ? 2 + 2 * 12 + 4 : 0;
  const thumbAt = ifd1At + ifd1Size;
  const commentAt = thumbAt + (thumbnail ? thumbnail.byteLength + (thumbnail.byteLength & 1) : 0);
  const b = Buffer.alloc(commentAt + comment);
  b.write('II*\0', 0, 'latin1');
  b.writeUInt32LE(ifd0At, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    if (type === 2 && count <= 4) b.write('Z9\0', at + 8, 'latin1');
    else b.writeUInt32LE(value, at + 8);
  };
  b.writeUInt16LE(3, ifd0At);
  entry(ifd0At + 2, 271, 2, 7, makeAt);
  entry(ifd0At + 14, 272, 2, 3, 0);
  entry(ifd0At + 26, 34665, 4, 1, exifAt);
  b.writeUInt32LE(thumbnail ? ifd1At : 0, ifd0At + 38);
  b.write('BIGCAM\0', makeAt, 'latin1');
  b.writeUInt16LE(1, exifAt);
  entry(exifAt + 2, 0x9286, 7, comment, commentAt);
  if (thumbnail) {
    b.writeUInt16LE(2, ifd1At);
    entry(ifd1At + 2, 0x201, 4, 1, thumbAt);
    entry(ifd1At + 14, 0x202, 4, 1, thumbnail.byteLength);
    thumbnail.copy(b, thumbAt);
  }
  b.fill(0x41, commentAt, commentAt + comment);
  b.write('ASCII\0\0\0', commentAt, 'latin1');
  b.write('END', commentAt + comment - 3, 'latin1');
  return b;
}

/** A 200×200 JPEG of noise (about 33 KB at quality 90): a thumbnail that does not compress. */
async function noiseJpeg(): Promise<Buffer> {
  const px = Buffer.alloc(200 * 200 * 3);
  let seed = 1;
  for (let i = 0; i < px.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    px[i] = seed >>> 24;
  }
  return sharp(px, { raw: { width: 200, height: 200, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function original(format: 'png' | 'webp', exif: Buffer): Promise<Uint8Array> {
  const p = sharp(photo('colorful-cups.jpg')).resize(W, H, { fit: 'fill' });
  if (format === 'png') return withExifChunk(new Uint8Array(await p.png().toBuffer()), exif);
  return withWebpExif(new Uint8Array(await p.webp().toBuffer()), exif);
}

const identify = (format: string, path: string) =>
  execFileSync('/usr/bin/identify', ['-format', format, path], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();

/** ImageMagick's EXIF tags of the file, name → value (it shows 1 KB of the UserComment: "present"). */
function exifTags(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of identify('%[EXIF:*]', path).split('\n')) {
    const i = line.indexOf('=');
    if (i < 0) continue;
    const name = line.slice(5, i);
    const value = line.slice(i + 1);
    out[name] = name === 'UserComment' && value.startsWith('65, 83, 67, 73, 73, 0, 0, 0, 65') ? 'present' : value;
  }
  return out;
}

async function exportOf(bytes: Uint8Array, name: string, format: ExportFormat) {
  const img = await importImage(store, bytes, name);
  const path = join(tmp, `${name}.${format}`);
  const layers = [{ assetId: img.assetId, x: 0, y: 0 }];
  const r = await exportToFile(store, { canvas: { width: W, height: H }, layers, format }, path);
  return { r, path, bytes: new Uint8Array(await readFile(path)) };
}

describe('EXIF too big for one JPEG segment', () => {
  it('the fixtures: ImageMagick reads the whole EXIF of the original; libvips drops what lies past 64 KB', async () => {
    const thumb = await noiseJpeg();
    const exif = bigExif(40_000, thumb);
    expect(exif.byteLength).toBeGreaterThan(65_536);
    expect(exifThumbnailBytes(exif)).toBe(thumb.byteLength);
    expect(exifThumbnailBytes(bigExif(100))).toBe(0);
    const webp = join(tmp, 'fixture.webp');
    await writeFile(webp, await original('webp', exif));
    expect(exifTags(webp)).toMatchObject({
      Make: 'BIGCAM',
      Model: 'Z9',
      UserComment: 'present',
      'thumbnail:JPEGInterchangeFormatLength': `${thumb.byteLength}`,
    });
    // libvips writes back what it read: the comment, past 64 KB, is gone.
    const again = join(tmp, 'again.webp');
    await sharp(webp).keepMetadata().webp().toFile(again);
    expect(exifTags(again)).toMatchObject({ Make: 'BIGCAM' });
    expect(exifTags(again)).not.toHaveProperty('UserComment');
  });

  for (const from of ['png', 'webp'] as const) {
    it(`${from} with 80 KB of EXIF → JPEG: none of it, and the result says so ("EXIF kept" no more)`, async () => {
      const { r, path, bytes } = await exportOf(await original(from, bigExif(80_000)), `comment80-${from}`, 'jpeg');
      expect(r.keptExif).toBe(false);
      expect(r.notes?.join(' ')).toMatch(/^EXIF not kept: the original's EXIF \(79 KB\) is larger than a JPEG can hold \(64 KB\)/);
      expect(Buffer.from(bytes).includes('BIGCAM')).toBe(false);
      // libvips' own few tags only (orientation 1, resolution, pixel size).
      expect(exifTags(path)).not.toHaveProperty('Make');
      expect(exifTags(path)).toMatchObject({ Orientation: '1', PixelXDimension: `${W}` });
      await sharp(bytes).raw().toBuffer();
    });

    it(`${from} with 80 KB of EXIF → WebP and PNG: all of it (libvips kept 64 KB of it in a WebP)`, async () => {
      for (const format of ['webp', 'png'] as const) {
        const { r, path } = await exportOf(await original(from, bigExif(80_000)), `comment80-${from}`, format);
        expect([format, r.keptExif, r.notes]).toEqual([format, true, undefined]);
        // (ImageMagick reads no eXIf chunk of a PNG before the image data: sharp reads it back.)
        if (format === 'webp') expect(exifTags(path)).toMatchObject({ Make: 'BIGCAM', Model: 'Z9', UserComment: 'present' });
        const exif = (await sharp(path).metadata()).exif!;
        expect([format, exif.includes('BIGCAM'), exif.includes('AAAEND'), exif.byteLength > 80_000]).toEqual([format, true, true, true]);
      }
    });
  }

  it('EXIF of 74 KB with a 33 KB thumbnail → JPEG: the EXIF without the thumbnail, and a note saying so', async () => {
    const thumb = await noiseJpeg();
    for (const from of ['png', 'webp'] as const) {
      const { r, path, bytes } = await exportOf(await original(from, bigExif(40_000, thumb)), `thumb-${from}`, 'jpeg');
      expect([from, r.keptExif]).toEqual([from, true]);
      expect(r.notes).toEqual([
        `EXIF kept without its thumbnail (${Math.ceil(thumb.byteLength / 1024)} KB): with it the EXIF (${Math.ceil(bigExif(40_000, thumb).byteLength / 1024)} KB) is more than a JPEG can hold (64 KB).`,
      ]);
      const tags = exifTags(path);
      expect(tags).toMatchObject({ Make: 'BIGCAM', Model: 'Z9', UserComment: 'present', Orientation: '1' });
      expect(Object.keys(tags).filter((k) => k.startsWith('thumbnail:'))).toEqual([]);
      const exif = Buffer.from(jpegExif(bytes)!);
      expect([exif.includes('AAAEND'), exif.byteLength > 40_000, exif.byteLength <= 65_527]).toEqual([true, true, true]);
      await sharp(bytes).raw().toBuffer();
    }
  });

  it('EXIF under 60 KB is libvips’ to keep, as before (thumbnail too)', async () => {
    const thumb = await noiseJpeg();
    const { r, path } = await exportOf(await original('webp', bigExif(1000, thumb)), 'small', 'jpeg');
    expect([r.keptExif, r.notes]).toEqual([true, undefined]);
    const tags = exifTags(path);
    expect(tags).toMatchObject({ Make: 'BIGCAM', UserComment: 'present' });
    expect(Object.keys(tags).some((k) => k.startsWith('thumbnail:'))).toBe(true);
  });
});
