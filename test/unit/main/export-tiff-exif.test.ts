/**
 * A TIFF original's EXIF in its JPEG and WebP exports (and the 8-bit PNG of a CMYK or grey TIFF).
 * libvips reads no EXIF from a TIFF, so the encoders it drives wrote only their own few tags
 * (orientation, resolution, pixel dimensions) — no make, model, date or GPS — while the export's
 * result said "EXIF kept". The app reads the TIFF's own tags (export/tiff-tags.ts) and now puts
 * them into the encoded file (export/exif-containers.ts: the JPEG's APP1 "Exif" segment, the
 * WebP's EXIF chunk with the VP8X flag, a PNG's eXIf), orientation 1, the image data untouched.
 * EXIF that a JPEG cannot hold (over 64 KB) is left out and the result says so.
 *
 * The fixture TIFF carries the camera EXIF of colorful-cups.jpg (SONY NEX-3N, GPS, maker note).
 * Neither ImageMagick 6 (`convert cups.jpg cups.tif`) nor libvips writes EXIF into a TIFF, so it is
 * added with the TIFF export's own tag writer — and checked with ImageMagick's reading of the TIFF.
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
import { addTiffMetadata } from '../../../electron/main/export/tiff-tags';
import { jpegExif, MAX_JPEG_EXIF, webpExif, withJpegExif, withWebpExif } from '../../../electron/main/export/exif-containers';
import { photo } from '../../fixtures/bad-images';
import { featheredPatch, SOURCE_XMP } from '../../fixtures/deep-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-tiff-exif-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const W = 160;
const H = 100;
const CAMERA = 'SONY|NEX-3N|2014:04:29 14:25:26|N|56/1, 9359705/1000000, 0/1';
const CAMERA_TAGS = '%[EXIF:Make]|%[EXIF:Model]|%[EXIF:DateTimeOriginal]|%[EXIF:GPSLatitudeRef]|%[EXIF:GPSLatitude]';

/** The camera's EXIF (SONY NEX-3N, GPS, maker note), as libvips reads it from the test photo. */
async function cameraExif(): Promise<Buffer> {
  return (await sharp(photo('colorful-cups.jpg')).metadata()).exif!;
}

/** The cups photo as a TIFF with the camera's EXIF in its IFDs and an XMP packet; `space` and `orientation` as asked. */
async function cameraTiff(opts: { orientation?: number; space?: 'srgb' | 'cmyk' | 'b-w' | 'rgb16'; exif?: Uint8Array } = {}) {
  let p = sharp(photo('colorful-cups.jpg')).resize(W, H, { fit: 'fill' }).withXmp(SOURCE_XMP);
  if (opts.space && opts.space !== 'srgb') p = p.toColourspace(opts.space);
  if (opts.orientation) p = p.withMetadata({ orientation: opts.orientation });
  const tiff = await p.tiff({ compression: 'deflate' }).toBuffer();
  return addTiffMetadata(new Uint8Array(tiff), { exif: opts.exif ?? (await cameraExif()) });
}

/** ImageMagick's reading (its warnings about libvips' WebP XMP left out). */
const identify = (format: string, path: string) =>
  execFileSync('/usr/bin/identify', ['-format', format, path], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();

async function exportOf(bytes: Uint8Array, name: string, format: ExportFormat, opts: { edit?: boolean; quality?: number } = {}) {
  const img = await importImage(store, bytes, name);
  const layers = [{ assetId: img.assetId, x: 0, y: 0 }];
  if (opts.edit) layers.push({ assetId: await store.put(await featheredPatch(40, 30), 'patch'), x: 30, y: 40 });
  const path = join(tmp, `${name}-${opts.edit ? 'edited' : 'plain'}-${opts.quality ?? 95}.${format}`);
  const canvas = { width: img.width, height: img.height };
  const r = await exportToFile(store, { canvas, layers, format, quality: opts.quality, provenance: { models: ['local'] } }, path);
  return { img, r, path, bytes: new Uint8Array(await readFile(path)) };
}

/** Decoded samples and their layout. */
async function pixels(input: Uint8Array | string) {
  const { data, info } = await sharp(input).raw().toBuffer({ resolveWithObject: true });
  return { data, size: [info.width, info.height, info.channels] };
}

/** The RIFF chunks of a WebP: fourcc and size; checks the RIFF size and padding on the way. */
function riffChunks(webp: Uint8Array): { fourcc: string; size: number; data: Buffer }[] {
  const b = Buffer.from(webp);
  expect([b.toString('latin1', 0, 4), b.toString('latin1', 8, 12), b.readUInt32LE(4)]).toEqual(['RIFF', 'WEBP', b.byteLength - 8]);
  const out: { fourcc: string; size: number; data: Buffer }[] = [];
  let at = 12;
  while (at < b.byteLength) {
    const size = b.readUInt32LE(at + 4);
    out.push({ fourcc: b.toString('latin1', at, at + 4), size, data: b.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  expect(at).toBe(b.byteLength);
  return out;
}

/** VP8X: flags byte and canvas size. */
function vp8xOf(webp: Uint8Array) {
  const x = riffChunks(webp)[0];
  expect([x.fourcc, x.size]).toEqual(['VP8X', 10]);
  return { flags: x.data[0], width: x.data.readUIntLE(4, 3) + 1, height: x.data.readUIntLE(7, 3) + 1 };
}

/** The JPEG's marker segments before the scan: marker and, for APP1, its signature. */
function jpegSegments(jpeg: Uint8Array): string[] {
  const b = Buffer.from(jpeg);
  expect([b[0], b[1]]).toEqual([0xff, 0xd8]);
  const out: string[] = [];
  for (let at = 2; b[at + 1] !== 0xda; ) {
    const marker = b[at + 1];
    const len = b.readUInt16BE(at + 2);
    out.push(marker === 0xe1 ? `APP1:${b.toString('latin1', at + 4, at + 8)}` : marker.toString(16));
    at += 2 + len;
  }
  return out;
}

describe('a TIFF original with camera EXIF', () => {
  it('has the camera EXIF in its IFDs (ImageMagick reads it), which libvips does not see; it opens with hasExif', async () => {
    const tiff = await cameraTiff();
    const path = join(tmp, 'fixture.tif');
    await writeFile(path, tiff);
    // (ImageMagick 6 reads no GPS IFD from a TIFF; the JPEG and WebP checks below read it.)
    expect(identify('%[tiff:make]|%[tiff:model]|%[exif:DateTimeOriginal]|%[exif:FNumber]', path)).toBe('SONY|NEX-3N|2014:04:29 14:25:26|8');
    expect((await sharp(tiff).metadata()).exif).toBeUndefined();
    expect((await importImage(store, tiff, 'cups.tif')).hasExif).toBe(true);
  });

  for (const format of ['jpeg', 'webp'] as const) {
    it(`→ ${format}: the camera EXIF is in the file (orientation 1), the result says EXIF kept, the pixels are libvips' encoding`, async () => {
      const tiff = await cameraTiff();
      const { r, path, bytes } = await exportOf(tiff, 'cups.tif', format);
      expect([r.keptExif, r.notes]).toEqual([true, undefined]);
      expect(identify(`${CAMERA_TAGS}|%[EXIF:Orientation]|%[EXIF:PixelXDimension]x%[EXIF:PixelYDimension]`, path)).toBe(
        `${CAMERA}|1|${W}x${H}`,
      );
      const meta = await sharp(path).metadata();
      expect([meta.format, meta.width, meta.height, meta.orientation]).toEqual([format, W, H, 1]);
      // sharp reads the EXIF block back; the maker note went with it.
      expect(meta.exif?.includes('SONY DSC')).toBe(true);
      // The same pixels as libvips' encoding of the original at the export's settings (as before the fix).
      const ref = sharp(tiff).autoOrient();
      const expected = await (format === 'jpeg'
        ? ref.jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
        : ref.webp({ quality: 95 })
      ).toBuffer();
      expect(await pixels(bytes)).toEqual(await pixels(new Uint8Array(expected)));
      // ImageMagick (libjpeg, libwebp) decodes the whole file to the same pixels too.
      const refPath = join(tmp, `reference.${format}`);
      await writeFile(refPath, expected);
      expect(identify('%#', path)).toBe(identify('%#', refPath));
      if (format === 'jpeg') {
        // One EXIF segment, first after SOI, then libvips' XMP.
        expect(jpegSegments(bytes).filter((s) => s.startsWith('APP1'))).toEqual(['APP1:Exif', 'APP1:http']);
        expect(jpegSegments(bytes)[0]).toBe('APP1:Exif');
      } else {
        // Chunk order of the WebP container specification; the E flag (and X for the XMP) set.
        expect(riffChunks(bytes).map((c) => c.fourcc)).toEqual(['VP8X', 'VP8 ', 'EXIF', 'XMP ']);
        expect(vp8xOf(bytes)).toEqual({ flags: 0x08 | 0x04, width: W, height: H });
      }
    });
  }

  it('→ lossless WebP: the pixels are the original’s, with the camera EXIF', async () => {
    const tiff = await cameraTiff();
    const { r, path, bytes } = await exportOf(tiff, 'cups.tif', 'webp', { quality: 100 });
    expect(r.keptExif).toBe(true);
    expect(identify(CAMERA_TAGS, path)).toBe(CAMERA);
    expect(riffChunks(bytes).map((c) => c.fourcc)).toEqual(['VP8X', 'VP8L', 'EXIF', 'XMP ']);
    expect(await pixels(bytes)).toEqual(await pixels(tiff));
  });

  it('rotated (orientation 6) and edited → JPEG and WebP: upright pixels, orientation 1, the export’s dimensions', async () => {
    const tiff = await cameraTiff({ orientation: 6 });
    const png = await exportOf(tiff, 'rotated.tif', 'png', { edit: true });
    for (const format of ['jpeg', 'webp'] as const) {
      const { img, r, path, bytes } = await exportOf(tiff, 'rotated.tif', format, { edit: true });
      expect([img.orientation, img.width, img.height, r.keptExif]).toEqual([6, H, W, true]);
      expect(identify(`${CAMERA_TAGS}|%[EXIF:Orientation]|%[EXIF:PixelXDimension]x%[EXIF:PixelYDimension]`, path)).toBe(
        `${CAMERA}|1|${H}x${W}`,
      );
      // Upright as the PNG export (lossy, so within a few levels on average).
      const a = await pixels(bytes);
      const b = await pixels(png.bytes);
      expect(a.size).toEqual(b.size);
      let diff = 0;
      for (let i = 0; i < a.data.length; i++) diff += Math.abs(a.data[i] - b.data[i]);
      expect(diff / a.data.length).toBeLessThan(3);
    }
  });

  it('CMYK, grey and 16-bit TIFFs → JPEG, WebP and 8-bit PNG (libvips’ own encoder) keep the camera EXIF too', async () => {
    const cases = [
      ['cmyk', ['jpeg', 'webp', 'png']],
      ['b-w', ['jpeg', 'webp', 'png']],
      ['rgb16', ['jpeg', 'webp']], // a 16-bit PNG is written by png-chunks.ts, which had it already
    ] as const;
    for (const [space, formats] of cases) {
      const tiff = await cameraTiff({ space });
      for (const format of formats) {
        const { img, r, path, bytes } = await exportOf(tiff, `${space}.tif`, format);
        expect([space, format, img.depth, r.keptExif]).toEqual([space, format, space === 'rgb16' ? 16 : 8, true]);
        const exif = (await sharp(path).metadata()).exif;
        expect([space, format, exif?.includes('NEX-3N\0'), exif?.includes('SONY\0')]).toEqual([space, format, true, true]);
        if (format !== 'png') expect(identify(CAMERA_TAGS, path)).toBe(CAMERA);
        else expect(Buffer.from(bytes).includes('eXIf')).toBe(true);
        await sharp(bytes).raw().toBuffer(); // decodes
      }
    }
  });

  it('EXIF over 64 KB: the JPEG has none of it and the result says so; WebP keeps it', async () => {
    // IFD0 with Make and a 70,000-byte ImageDescription.
    const n = 70_000;
    const make = Buffer.from('BIGCAM\0', 'latin1');
    const ifd = 8;
    const values = ifd + 2 + 2 * 12 + 4;
    const big = Buffer.alloc(values + make.byteLength + 1 + n, 0x78);
    big.write('II*\0', 0, 'latin1');
    big.writeUInt32LE(ifd, 4);
    big.writeUInt16LE(2, ifd);
    const entry = (i: number, tag: number, count: number, at: number) => {
      const e = ifd + 2 + i * 12;
      big.writeUInt16LE(tag, e);
      big.writeUInt16LE(2, e + 2);
      big.writeUInt32LE(count, e + 4);
      big.writeUInt32LE(at, e + 8);
    };
    entry(0, 270, n, values + make.byteLength + 1);
    entry(1, 271, make.byteLength, values);
    big.writeUInt32LE(0, ifd + 2 + 24);
    make.copy(big, values);
    big[values + make.byteLength] = 0;
    big[big.byteLength - 1] = 0;
    const tiff = await cameraTiff({ exif: big });
    const jpeg = await exportOf(tiff, 'big.tif', 'jpeg');
    expect(jpeg.r.keptExif).toBe(false);
    expect(jpeg.r.notes?.join(' ')).toMatch(/EXIF \(69 KB\) is larger than a JPEG can hold/);
    expect(Buffer.from(jpeg.bytes).includes('BIGCAM')).toBe(false);
    await sharp(jpeg.bytes).raw().toBuffer();
    const webp = await exportOf(tiff, 'big.tif', 'webp');
    expect([webp.r.keptExif, webp.r.notes]).toEqual([true, undefined]);
    expect(identify('%[EXIF:Make]', webp.path)).toBe('BIGCAM');
    expect((await sharp(webp.path).metadata()).exif!.byteLength).toBeGreaterThan(n);
  });
});

describe('exif-containers', () => {
  it('JPEG without EXIF: the APP1 segment goes after SOI and APP0, the scan is untouched; too large throws', async () => {
    const camera = await cameraExif();
    // libvips writes no JFIF segment; one is added, as other encoders write it.
    const encoded = await sharp(photo('colorful-cups.jpg')).resize(W, H).jpeg().toBuffer();
    const jfif = Buffer.from([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    const plain = new Uint8Array(Buffer.concat([encoded.subarray(0, 2), jfif, encoded.subarray(2)]));
    expect(jpegSegments(plain)[0]).toBe('e0');
    expect(jpegExif(plain)).toBeUndefined();
    const out = withJpegExif(plain, camera);
    expect(jpegSegments(out).slice(0, 2)).toEqual(['e0', 'APP1:Exif']);
    expect(Buffer.from(jpegExif(out)!).equals(camera.subarray(6))).toBe(true);
    expect(out.byteLength).toBe(plain.byteLength + 4 + camera.byteLength);
    expect(await pixels(out)).toEqual(await pixels(plain));
    const path = join(tmp, 'inserted.jpg');
    await writeFile(path, out);
    expect(identify('%[EXIF:Make]|%[EXIF:Model]', path)).toBe('SONY|NEX-3N');
    // Replacing keeps one segment.
    const again = withJpegExif(out, camera);
    expect(jpegSegments(again).filter((s) => s === 'APP1:Exif')).toHaveLength(1);
    expect(() => withJpegExif(plain, new Uint8Array(MAX_JPEG_EXIF + 1))).toThrow(RangeError);
  });

  it('simple WebP (VP8, VP8L with alpha) and extended without EXIF: VP8X with the canvas and flags, EXIF after the image', async () => {
    const camera = await cameraExif();
    const base = sharp(photo('colorful-cups.jpg')).resize(W, H, { fit: 'fill' });
    const cases = [
      { name: 'lossy', bytes: await base.clone().webp().toBuffer(), before: ['VP8 '], after: ['VP8X', 'VP8 ', 'EXIF'], flags: 0x08 },
      {
        name: 'lossless-alpha',
        bytes: await base.clone().ensureAlpha(0.5).webp({ lossless: true }).toBuffer(),
        before: ['VP8L'],
        after: ['VP8X', 'VP8L', 'EXIF'],
        flags: 0x18,
      },
      {
        name: 'lossy-alpha',
        bytes: await base.clone().ensureAlpha(0.5).webp().toBuffer(),
        before: ['VP8X', 'ALPH', 'VP8 '],
        after: ['VP8X', 'ALPH', 'VP8 ', 'EXIF'],
        flags: 0x18,
      },
    ];
    for (const c of cases) {
      const plain = new Uint8Array(c.bytes);
      expect([c.name, riffChunks(plain).map((x) => x.fourcc)]).toEqual([c.name, c.before]);
      expect(webpExif(plain)).toBeUndefined();
      const out = withWebpExif(plain, camera);
      expect([c.name, riffChunks(out).map((x) => x.fourcc)]).toEqual([c.name, c.after]);
      expect([c.name, vp8xOf(out)]).toEqual([c.name, { flags: c.flags, width: W, height: H }]);
      // "Exif\0\0" and the TIFF structure, as libvips writes the chunk (ImageMagick 6 reads only that form).
      expect(
        riffChunks(out)
          .find((x) => x.fourcc === 'EXIF')!
          .data.equals(camera),
      ).toBe(true);
      expect(await pixels(out)).toEqual(await pixels(plain));
      const path = join(tmp, `${c.name}.webp`);
      await writeFile(path, out);
      expect([c.name, identify('%[EXIF:Make]|%[EXIF:Model]|%wx%h', path)]).toEqual([c.name, `SONY|NEX-3N|${W}x${H}`]);
      expect((await sharp(path).metadata()).exif?.includes('NEX-3N\0')).toBe(true);
    }
  });
});
