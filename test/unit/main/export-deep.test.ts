/**
 * 16-bit documents and TIFF (issue 11): a 16-bit PNG or TIFF opens as depth 16 and exports as 16-bit
 * PNG/TIFF where every pixel outside the patch's band equals the source at 16 bits, the patch blended
 * at 16 bits; ICC, EXIF and XMP kept (plus the edit record); JPEG/WebP of a 16-bit document say they
 * are 8-bit; 8-bit TIFF (deflate and LZW) equals the original's pixels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile } from '../../../electron/main/services/image-files';
import { photo, rotatedP3Jpeg } from '../../fixtures/bad-images';
import { deepImage, featheredPatch, type Deep } from '../../fixtures/deep-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-deep-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function samples16(path: string) {
  const { data, info } = await sharp(path).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
  return { s: new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2), info };
}

/** Counts samples that differ from the source where the patch alpha is 0, and checks the opaque core. */
async function compare(out: string, src: Deep, patch: Uint8Array, at: { x: number; y: number }) {
  const { s, info } = await samples16(out);
  const p = await sharp(patch).raw().toBuffer({ resolveWithObject: true });
  let outside = 0;
  let core = 0;
  let coreWrong = 0;
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      const px = x - at.x;
      const py = y - at.y;
      const inside = px >= 0 && py >= 0 && px < p.info.width && py < p.info.height;
      const a = inside ? p.data[(py * p.info.width + px) * 4 + 3] : 0;
      for (let c = 0; c < 3; c++) {
        const got = s[(y * src.width + x) * info.channels + c];
        if (a === 0 && got !== src.samples[(y * src.width + x) * 3 + c]) outside++;
        if (a === 255) {
          core++;
          if (got !== p.data[(py * p.info.width + px) * 4 + c] * 257) coreWrong++;
        }
      }
    }
  }
  return { outside, core, coreWrong, channels: info.channels };
}

describe('16-bit documents', () => {
  for (const format of ['png', 'tiff'] as const) {
    it(`a 16-bit ${format.toUpperCase()} opens as depth 16 and exports 16-bit PNG and TIFF, exact outside the patch`, async () => {
      const src = await deepImage(format);
      const img = await importImage(store, src.bytes, `deep.${format === 'png' ? 'png' : 'tif'}`);
      expect(img).toMatchObject({ depth: 16, width: 320, height: 240, hasIcc: true, hasExif: true });
      const patchBytes = await featheredPatch(60, 50);
      const patch = await store.put(patchBytes, 'patch');
      const at = { x: 100, y: 80 };
      for (const outFormat of ['png', 'tiff'] as const) {
        const out = join(tmp, `deep-${format}.${outFormat}`);
        const r = await exportToFile(
          store,
          {
            canvas: { width: 320, height: 240 },
            layers: [
              { assetId: img.assetId, x: 0, y: 0 },
              { assetId: patch, ...at },
            ],
            format: outFormat,
            provenance: { models: ['gpt-image-2'] },
          },
          out,
        );
        expect(r).toMatchObject({ depth: 16, keptIcc: true, keptExif: true, format: outFormat });
        const meta = await sharp(out).metadata();
        expect(meta.depth).toBe('ushort');
        expect(Buffer.compare(meta.icc!, (await sharp(src.bytes).metadata()).icc!)).toBe(0);
        const xmp = meta.xmp!.toString();
        expect(xmp).toContain('compositeWithTrainedAlgorithmicMedia');
        expect(xmp).toContain('OpenAI gpt-image-2');
        expect(xmp).toContain('Test Photographer');
        const cmp = await compare(out, src, patchBytes, at);
        expect(cmp.outside).toBe(0);
        expect(cmp.core).toBeGreaterThan(1000);
        expect(cmp.coreWrong).toBe(0);
        expect(cmp.channels).toBe(3);
        // ImageMagick 6 reads TIFF tags but not PNG's eXIf chunk; libvips reads that one.
        if (outFormat === 'tiff')
          expect(execFileSync('/usr/bin/identify', ['-format', '%[tiff:copyright]|%[tiff:make]', out]).toString()).toBe(
            'Maskwork deep test|TestCam',
          );
        else expect(meta.exif?.includes('Maskwork deep test')).toBe(true);
      }
    });
  }

  it('the band is blended at 16 bits: between the source and the patch, not rounded to 8 bits', async () => {
    const src = await deepImage('png');
    const img = await importImage(store, src.bytes, 'deep-band.png');
    const patchBytes = await featheredPatch(60, 50);
    const patch = await store.put(patchBytes, 'patch');
    const out = join(tmp, 'band.png');
    await exportToFile(
      store,
      {
        canvas: { width: 320, height: 240 },
        layers: [
          { assetId: img.assetId, x: 0, y: 0 },
          { assetId: patch, x: 10, y: 10 },
        ],
        format: 'png',
      },
      out,
    );
    const { s } = await samples16(out);
    const p = await sharp(patchBytes).raw().toBuffer();
    let band = 0;
    let lowBits = 0;
    for (let py = 0; py < 50; py++) {
      for (let px = 0; px < 60; px++) {
        const a = p[(py * 60 + px) * 4 + 3];
        if (a === 0 || a === 255) continue;
        const i = ((py + 10) * 320 + px + 10) * 3;
        const expected = Math.round(p[(py * 60 + px) * 4] * 257 * (a / 255) + src.samples[i] * (1 - a / 255));
        expect(s[i]).toBe(expected);
        band++;
        if (s[i] % 257 !== 0) lowBits++;
      }
    }
    expect(band).toBeGreaterThan(500);
    expect(lowBits).toBeGreaterThan(band / 2);
  });

  it('JPEG and WebP of a 16-bit document are 8-bit and say so', async () => {
    const src = await deepImage('png');
    const img = await importImage(store, src.bytes, 'deep-jpeg.png');
    for (const format of ['jpeg', 'webp'] as const) {
      const r = await exportToFile(
        store,
        { canvas: { width: 320, height: 240 }, layers: [{ assetId: img.assetId, x: 0, y: 0 }], format },
        join(tmp, `deep.${format}`),
      );
      expect(r.depth).toBe(8);
      expect(r.notes?.join(' ')).toMatch(/16-bit document.*8-bit/);
    }
    const png = await exportToFile(
      store,
      { canvas: { width: 320, height: 240 }, layers: [{ assetId: img.assetId, x: 0, y: 0 }], format: 'png' },
      join(tmp, 'deep-plain.png'),
    );
    expect(png.notes).toBeUndefined();
  });
});

describe('TIFF export of 8-bit documents', () => {
  for (const compression of ['deflate', 'lzw'] as const) {
    it(`${compression}: pixels equal the original, EXIF (orientation 1) and ICC kept`, async () => {
      const src = await rotatedP3Jpeg();
      const img = await importImage(store, src, 'rotated.jpg');
      expect(img.depth).toBe(8);
      const out = join(tmp, `rotated-${compression}.tif`);
      const r = await exportToFile(
        store,
        {
          canvas: { width: 600, height: 868 },
          layers: [{ assetId: img.assetId, x: 0, y: 0 }],
          format: 'tiff',
          tiffCompression: compression,
        },
        out,
      );
      expect(r).toMatchObject({ format: 'tiff', depth: 8, keptIcc: true, keptExif: true });
      const meta = await sharp(out).metadata();
      expect([meta.format, meta.depth, meta.width, meta.height]).toEqual(['tiff', 'uchar', 600, 868]);
      expect(execFileSync('/usr/bin/identify', ['-format', '%C', out]).toString()).toBe(compression === 'lzw' ? 'LZW' : 'Zip');
      expect(Buffer.compare(meta.icc!, (await sharp(src).metadata()).icc!)).toBe(0);
      const exported = await sharp(out).keepIccProfile().raw().toBuffer();
      const original = await sharp(src).autoOrient().keepIccProfile().raw().toBuffer();
      expect(Buffer.compare(exported, original)).toBe(0);
      const tags = execFileSync('/usr/bin/identify', [
        '-format',
        '%[tiff:copyright]|%[orientation]|%[EXIF:PixelXDimension]',
        out,
      ]).toString();
      expect(tags).toBe('Maskwork test|TopLeft|868');
    });
  }

  it('an 8-bit PNG photo exports to TIFF with the same pixels (no alpha added)', async () => {
    const img = await importImage(store, new Uint8Array(await readFile(photo('coffee.png'))), 'coffee.png');
    const out = join(tmp, 'coffee.tif');
    await exportToFile(store, { canvas: { width: 600, height: 400 }, layers: [{ assetId: img.assetId, x: 0, y: 0 }], format: 'tiff' }, out);
    const a = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(photo('coffee.png')).raw().toBuffer({ resolveWithObject: true });
    expect(a.info.channels).toBe(b.info.channels);
    expect(Buffer.compare(a.data, b.data)).toBe(0);
  });
});
