/**
 * A PNG original whose camera EXIF is an eXIf chunk after the image data and whose XMP is a zTXt
 * "Raw profile type xmp" — what ImageMagick writes for `convert camera.jpg -depth 16 out.png` —
 * opens with its EXIF known and keeps EXIF and XMP in every export format. Found by hand: a
 * retoucher's 16-bit PNG of a SONY NEX-3N photo lost its EXIF (libvips does not see the chunk), and
 * the Export dialog said "(the photo has no EXIF)"; the PSD export wrote no EXIF at any time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { readPsd } from 'ag-psd';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile } from '../../../electron/main/services/image-files';
import type { ExportFormat } from '../../../electron/main/services/image-export';
import { chunkOf } from '../../../electron/main/export/png-chunks';
import { pngSourceMetadata } from '../../../electron/main/export/png-source-metadata';
import { photo } from '../../fixtures/bad-images';
import { featheredPatch, SOURCE_XMP } from '../../fixtures/deep-images';
import { psdImageDataInNode, psdResources } from '../../support/psd-read';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  psdImageDataInNode();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-png-exif-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const W = 160;
const H = 100;

/** The camera's EXIF (SONY NEX-3N, GPS, maker note), TIFF-structured, from the test photo. */
async function cameraExif(): Promise<Buffer> {
  const exif = (await sharp(photo('colorful-cups.jpg')).metadata()).exif!;
  return exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
}

/** ImageMagick's raw profile text: newline, name, newline, length, newline, hex lines of 72 digits. */
function rawProfile(name: string, bytes: Buffer): Buffer {
  const hex = bytes.toString('hex').replace(/(.{72})/g, '$1\n');
  return Buffer.from(`\n${name}\n${String(bytes.byteLength).padStart(8)}\n${hex}\n`, 'latin1');
}

/**
 * The cups photo as a PNG (16-bit with a Display-P3 profile, or 8-bit), its metadata as ImageMagick
 * lays it out: the XMP before the image data as a zTXt raw profile (`xmp: 'itxt'`: an iTXt XMP packet
 * after it), the EXIF as an eXIf chunk after the image data.
 */
async function imageMagickPng(bits: 8 | 16, xmp: 'raw' | 'itxt' = 'raw'): Promise<Uint8Array> {
  let p = sharp(photo('colorful-cups.jpg')).resize(W, H, { fit: 'fill' }).withIccProfile('p3');
  if (bits === 16) p = p.toColourspace('rgb16');
  const png = await p.png().toBuffer();
  const parts: Buffer[] = [png.subarray(0, 33)]; // signature and IHDR
  const tail: Buffer[] = [];
  const text = Buffer.from(SOURCE_XMP, 'utf8');
  if (xmp === 'raw') {
    const z = Buffer.concat([Buffer.from('Raw profile type xmp\0\0', 'latin1'), deflateSync(rawProfile('xmp', text))]);
    parts.push(...chunkOf('zTXt', [z]));
  } else tail.push(...chunkOf('iTXt', [Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), text]));
  tail.push(...chunkOf('eXIf', [await cameraExif()]));
  for (let at = 33; at < png.byteLength; ) {
    const end = at + 12 + png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IEND') parts.push(...tail);
    if (type !== 'eXIf' && !(type === 'iTXt' && png.toString('latin1', at + 8, at + 25) === 'XML:com.adobe.xmp')) {
      parts.push(png.subarray(at, end));
    }
    at = end;
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** ImageMagick's reading (its warnings about libvips' WebP XMP left out). */
const identify = (format: string, path: string) =>
  execFileSync('/usr/bin/identify', ['-format', format, path], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();

async function exportOf(bytes: Uint8Array, name: string, format: ExportFormat, edit = true) {
  const img = await importImage(store, bytes, name);
  const layers = [{ assetId: img.assetId, x: 0, y: 0 }];
  if (edit) layers.push({ assetId: await store.put(await featheredPatch(40, 30), 'patch'), x: 60, y: 30 });
  const path = join(tmp, `${name}.${format}`);
  const r = await exportToFile(store, { canvas: { width: W, height: H }, layers, format, provenance: { models: ['local'] } }, path);
  return { img, r, path };
}

describe('a PNG with EXIF after the image data and a raw XMP profile', () => {
  it('reads them: the camera EXIF (TIFF-structured) and the XMP packet', async () => {
    const meta = pngSourceMetadata(await imageMagickPng(16));
    expect(Buffer.from(meta.exif!).equals(await cameraExif())).toBe(true);
    expect(meta.xmp).toBe(SOURCE_XMP);
    expect(pngSourceMetadata(await imageMagickPng(8, 'itxt')).xmp).toBe(SOURCE_XMP);
  });

  it('reads older ImageMagick\'s "Raw profile type exif" (with the APP1 prefix) and skips damaged chunks', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const camera = await cameraExif();
    const app1 = rawProfile('exif', Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), camera]));
    const bytes = Buffer.concat([
      png.subarray(0, 33),
      ...chunkOf('zTXt', [Buffer.from('Raw profile type xmp\0\0not zlib data', 'latin1')]),
      ...chunkOf('zTXt', [Buffer.from('Raw profile type exif\0\0', 'latin1'), deflateSync(app1)]),
      png.subarray(33),
    ]);
    const meta = pngSourceMetadata(bytes);
    expect(Buffer.from(meta.exif!).equals(camera)).toBe(true);
    expect(meta.xmp).toBeUndefined();
    expect((await importImage(store, new Uint8Array(bytes), 'old-magick.png')).hasExif).toBe(true);
    // A chunk running past the end of the file ends the reading; nothing throws.
    expect(pngSourceMetadata(bytes.subarray(0, bytes.byteLength - 20))).toEqual({ exif: meta.exif });
  });

  it('opens with hasExif (8 and 16 bits) — libvips alone sees none', async () => {
    for (const bits of [8, 16] as const) {
      const bytes = await imageMagickPng(bits);
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();
      const img = await importImage(store, bytes, `cups${bits}.png`);
      expect([bits, img.hasExif, img.depth]).toEqual([bits, true, bits]);
    }
  });

  for (const format of ['png', 'tiff', 'psd', 'jpeg', 'webp'] as const) {
    it(`16-bit → ${format}: the camera EXIF and the original XMP are in the file, and the result says EXIF kept`, async () => {
      const { r, path } = await exportOf(await imageMagickPng(16), 'cups16.png', format);
      expect(r.keptExif).toBe(true);
      const camera = await cameraExif();
      if (format === 'psd') {
        // EXIF data 1: the photo's orientation is 1, so the bytes are the camera's.
        expect(
          psdResources(await readFile(path))
            .get(1058)
            ?.equals(camera),
        ).toBe(true);
        // ImageMagick reads it as the photo's EXIF profile (its copy says orientation 0: it syncs the tag).
        const im = execFileSync('/usr/bin/convert', [`${path}[0]`, 'exif:-'], { maxBuffer: 2 ** 24 });
        expect([im.byteLength, im.includes('SONY\0'), im.includes('NEX-3N\0')]).toEqual([camera.byteLength, true, true]);
        const psd = readPsd(await readFile(path), { skipLayerImageData: true, skipCompositeImageData: true });
        expect(psd.imageResources?.xmpMetadata).toContain('Test Photographer');
        expect(psd.imageResources?.xmpMetadata).toContain('compositeWithTrainedAlgorithmicMedia');
        return;
      }
      const meta = await sharp(path).metadata();
      if (format === 'tiff') {
        expect(identify('%[tiff:make]|%[tiff:model]|%[exif:DateTimeOriginal]|%[exif:FNumber]', path)).toBe(
          'SONY|NEX-3N|2014:04:29 14:25:26|8',
        );
      } else if (format === 'png') {
        // eXIf before the image data, the camera's bytes (this ImageMagick reads no eXIf; libvips does).
        expect(meta.exif?.equals(camera)).toBe(true);
      } else expect(identify('%[exif:Make]|%[exif:Model]|%[exif:GPSLatitudeRef]', path)).toBe('SONY|NEX-3N|N');
      expect(meta.xmp?.toString()).toContain('Test Photographer');
      expect(meta.xmp?.toString()).toContain('compositeWithTrainedAlgorithmicMedia');
    });
  }

  it('8-bit → PNG and JPEG keep the camera EXIF too (XMP in an iTXt after the image data)', async () => {
    for (const format of ['png', 'jpeg'] as const) {
      const { r, path } = await exportOf(await imageMagickPng(8, 'itxt'), 'cups8.png', format);
      expect([format, r.keptExif]).toEqual([format, true]);
      const meta = await sharp(path).metadata();
      if (format === 'png') expect(meta.exif?.equals(await cameraExif())).toBe(true);
      else expect(identify('%[exif:Make]|%[exif:Model]|%[exif:GPSLatitudeRef]', path)).toBe('SONY|NEX-3N|N');
      expect(meta.xmp?.toString()).toContain('Test Photographer');
    }
  });

  it('the file ImageMagick itself writes (convert photo.jpg -depth 16 PNG48:out.png) opens with EXIF and keeps it', async () => {
    const path = join(tmp, 'magick16.png');
    execFileSync('/usr/bin/convert', [photo('colorful-cups.jpg'), '-resize', `${W}x${H}!`, '-depth', '16', `PNG48:${path}`]);
    const bytes = new Uint8Array(await readFile(path));
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    const tiff = await exportOf(bytes, 'magick16.png', 'tiff');
    expect([tiff.img.hasExif, tiff.img.depth, tiff.r.keptExif]).toEqual([true, 16, true]);
    expect(identify('%[tiff:make]|%[tiff:model]', tiff.path)).toBe('SONY|NEX-3N');
    // The original XMP (ImageMagick's raw profile) goes with it: digiKam wrote it.
    expect((await sharp(tiff.path).metadata()).xmp?.toString()).toContain('digiKam');
    const psd = await exportOf(bytes, 'magick16.png', 'psd');
    expect(
      psdResources(await readFile(psd.path))
        .get(1058)
        ?.includes('NEX-3N\0'),
    ).toBe(true);
  });

  it('the pixels are the original’s: an unedited 16-bit PNG export has the same samples', async () => {
    const bytes = await imageMagickPng(16);
    const { path } = await exportOf(bytes, 'cups16-plain.png', 'png', false);
    const samples = (b: Uint8Array | string) => sharp(b).raw({ depth: 'ushort' }).toBuffer();
    expect((await sharp(path).metadata()).depth).toBe('ushort');
    expect((await samples(path)).equals(await samples(bytes))).toBe(true);
  });
});
