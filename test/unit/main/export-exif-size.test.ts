/**
 * An extended canvas's export says its own size in the EXIF (PixelXDimension, PixelYDimension): it
 * said the original's (1280×960 for a 1440×960 file) in PNG, JPEG (the original's data kept), TIFF
 * and PSD, as exiftool and Lightroom read it; Photoshop writes the saved size. Only WebP, whose
 * encoder writes its own, was right (export/tiff-tags.ts `exifWithPictureSize`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { renderExport } from '../../../electron/main/services/image-export';
import { exifWithPictureSize } from '../../../electron/main/export/tiff-tags';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-exif-size-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** PixelXDimension × PixelYDimension of TIFF-structured EXIF (an `Exif\0\0` prefix allowed), or null. */
function exifSize(exif: Uint8Array): string | null {
  const b = Buffer.from(exif);
  const t = b.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? b.subarray(6) : b;
  const le = t.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const entries = (at: number) => Array.from({ length: u16(at) }, (_, i) => at + 2 + i * 12);
  const ptr = entries(u32(4)).find((e) => u16(e) === 0x8769);
  if (ptr === undefined) return null;
  const dims: Record<number, number> = {};
  for (const e of entries(u32(ptr + 8))) {
    const tag = u16(e);
    if (tag === 0xa002 || tag === 0xa003) dims[tag] = u16(e + 2) === 3 ? u16(e + 8) : u32(e + 8);
  }
  return `${dims[0xa002]}x${dims[0xa003]}`;
}

/** The EXIF block of an exported file: sharp's reading, a TIFF's own IFDs, a PSD's resource 1058. */
async function exportedExif(bytes: Uint8Array, format: string): Promise<Uint8Array> {
  const b = Buffer.from(bytes);
  if (format === 'tiff') return b;
  if (format === 'psd') {
    const at = b.indexOf(Buffer.from([0x38, 0x42, 0x49, 0x4d, 0x04, 0x22])); // 8BIM, id 1058 (EXIF data 1)
    const nameLen = b[at + 6];
    const size = at + 6 + ((nameLen + 2) & ~1);
    return b.subarray(size + 4, size + 4 + b.readUInt32BE(size));
  }
  return (await sharp(b).metadata()).exif!;
}

describe('EXIF pixel dimensions of an extended canvas', () => {
  it('every format says the exported size, not the original’s', async () => {
    const bytes = new Uint8Array(await readFile(photo('sign-sports-centre.jpg'))); // 1280×960, EXIF 1280×960
    expect(exifSize((await sharp(bytes).metadata()).exif!)).toBe('1280x960');
    const img = await importImage(store, bytes, 'sign.jpg');
    const canvas = { width: 1280 + 160, height: 960 };
    const got: Record<string, string | null> = {};
    for (const format of ['png', 'jpeg', 'webp', 'tiff', 'psd'] as const) {
      const out = await renderExport(store, { canvas, layers: [{ assetId: img.assetId, x: 0, y: 0 }], format });
      if (format === 'jpeg') expect(out.notes.join(' ')).toMatch(/was kept/);
      got[format] = exifSize(await exportedExif(out.bytes, format));
    }
    expect(got).toEqual({ png: '1440x960', jpeg: '1440x960', webp: '1440x960', tiff: '1440x960', psd: '1440x960' });
  });

  it('a SHORT tag too small for the size becomes a LONG; EXIF without the tags or unreadable is left as it is', () => {
    // Little-endian TIFF: IFD0 with the EXIF pointer; the EXIF IFD with PixelXDimension (SHORT) and PixelYDimension (LONG).
    const t = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 24 + 4);
    t.write('II', 0, 'latin1');
    t.writeUInt16LE(42, 2);
    t.writeUInt32LE(8, 4);
    t.writeUInt16LE(1, 8);
    t.writeUInt16LE(0x8769, 10);
    t.writeUInt16LE(4, 12);
    t.writeUInt32LE(1, 14);
    t.writeUInt32LE(26, 18);
    t.writeUInt16LE(2, 26);
    t.writeUInt16LE(0xa002, 28);
    t.writeUInt16LE(3, 30);
    t.writeUInt32LE(1, 32);
    t.writeUInt16LE(640, 36);
    t.writeUInt16LE(0xa003, 40);
    t.writeUInt16LE(4, 42);
    t.writeUInt32LE(1, 44);
    t.writeUInt32LE(480, 48);
    const wide = exifWithPictureSize(new Uint8Array(t), 70000, 1200);
    expect(exifSize(wide)).toBe('70000x1200');
    expect(Buffer.from(wide).readUInt16LE(30)).toBe(4);
    expect(exifSize(exifWithPictureSize(new Uint8Array(t), 800, 600))).toBe('800x600');
    const garbage = new Uint8Array([1, 2, 3, 4, 5]);
    expect(exifWithPictureSize(garbage, 10, 10)).toBe(garbage);
  });
});
