/**
 * electron/main/services/image-export.ts + exportToFile in image-files.ts: exports are made from the
 * original by the same decoder, upright, bit-exact outside accepted patches, with EXIF (orientation
 * reset) and ICC kept; the canvas extends with transparency; the source is never overwritten unless
 * allowed; writes are atomic (no temp file is ever left behind).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile, openImageFile, suggestedExportName } from '../../../electron/main/services/image-files';
import { renderExport } from '../../../electron/main/services/image-export';
import { photo, rotatedP3Jpeg } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
let building: { assetId: string; width: number; height: number };

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-export-'));
  store = new AssetStore(join(tmp, 'assets'));
  building = await importImage(store, new Uint8Array(await readFile(photo('building.jpg'))), 'building.jpg');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function raw(input: Uint8Array | Buffer | string) {
  return sharp(input).raw().toBuffer({ resolveWithObject: true });
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => {
      throw new Error('expected the export to fail');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('exports from the original', () => {
  it('PNG export is pixel-identical to sharp(original).autoOrient().raw()', async () => {
    const out = join(tmp, 'building.png');
    const r = await exportToFile(
      store,
      { canvas: { width: 868, height: 600 }, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'png' },
      out,
    );
    expect(r).toMatchObject({ path: out, width: 868, height: 600, format: 'png', keptExif: false, keptIcc: false });
    const exported = await raw(out);
    const original = await sharp(photo('building.jpg')).autoOrient().raw().toBuffer({ resolveWithObject: true });
    expect([exported.info.width, exported.info.height, exported.info.channels]).toEqual([868, 600, original.info.channels]);
    expect(Buffer.compare(exported.data, original.data)).toBe(0);
    expect((await readFile(out)).length).toBe(r.bytes);
  });

  it('PNG export of an EXIF-rotated P3 JPEG (the parallel encoder): upright pixels bit for bit, unconverted; ICC, EXIF and resolution kept', async () => {
    const src = await rotatedP3Jpeg();
    const srcMeta = await sharp(src).metadata();
    const img = await importImage(store, src, 'rotated.jpg');
    const out = join(tmp, 'rotated-out.png');
    const r = await exportToFile(
      store,
      { canvas: { width: 600, height: 868 }, layers: [{ assetId: img.assetId, x: 0, y: 0 }], format: 'png' },
      out,
    );
    expect(r).toMatchObject({ width: 600, height: 868, keptExif: true, keptIcc: true, format: 'png' });
    const meta = await sharp(out).metadata();
    expect(meta.orientation ?? 1).toBe(1);
    expect(meta.exif?.includes('Maskwork test')).toBe(true);
    expect(Buffer.compare(meta.icc!, srcMeta.icc!)).toBe(0);
    expect(meta.density).toBe(srcMeta.density ?? 72);
    // In the file's own colour space (no conversion on either side): the same bytes.
    const upright = await sharp(src).autoOrient().keepIccProfile().raw().toBuffer();
    const exported = await sharp(out).keepIccProfile().raw().toBuffer();
    expect(Buffer.compare(exported, upright)).toBe(0);
  });

  it('JPEG export of an EXIF-rotated P3 file keeps EXIF and the ICC profile, resets orientation to 1, pixels upright', async () => {
    const src = await rotatedP3Jpeg();
    const srcMeta = await sharp(src).metadata();
    const img = await importImage(store, src, 'rotated.jpg');
    const out = join(tmp, 'rotated-out.jpg');
    const r = await exportToFile(
      store,
      // Re-encoded whole (the default keeps a JPEG original's blocks and its orientation tag: jpeg-patch-export.test.ts).
      {
        canvas: { width: 600, height: 868 },
        layers: [{ assetId: img.assetId, x: 0, y: 0 }],
        format: 'jpeg',
        quality: 95,
        jpegKeepOriginal: false,
      },
      out,
    );
    expect(r).toMatchObject({ width: 600, height: 868, keptExif: true, keptIcc: true, format: 'jpeg' });
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([600, 868]);
    expect(meta.orientation ?? 1).toBe(1);
    expect(meta.exif?.includes('Maskwork test')).toBe(true);
    expect(Buffer.compare(meta.icc!, srcMeta.icc!)).toBe(0);
    // Upright: close to the auto-oriented source (JPEG is lossy), far from a sideways reading.
    const upright = await sharp(src).autoOrient().raw().toBuffer();
    const exported = await sharp(out).raw().toBuffer();
    expect(exported.length).toBe(upright.length);
    let diff = 0;
    for (let i = 0; i < upright.length; i++) diff += Math.abs(upright[i] - exported[i]);
    expect(diff / upright.length).toBeLessThan(3);
    const sideways = await sharp(src).raw().toBuffer(); // 868×600 as stored, same byte count
    let sidewaysDiff = 0;
    for (let i = 0; i < sideways.length; i++) sidewaysDiff += Math.abs(sideways[i] - exported[i]);
    expect(sidewaysDiff / sideways.length).toBeGreaterThan(20);
  });

  it('a patch with alpha 0 outside a square and 255 inside changes only that square', async () => {
    // 200×150 patch at (100, 200); opaque magenta square 50×40 at (60, 30) inside it.
    const pw = 200,
      ph = 150,
      sx = 60,
      sy = 30,
      sw = 50,
      sh = 40,
      px = 100,
      py = 200;
    const rgba = Buffer.alloc(pw * ph * 4);
    for (let y = 0; y < ph; y++) {
      for (let x = 0; x < pw; x++) {
        const i = (y * pw + x) * 4;
        const inside = x >= sx && x < sx + sw && y >= sy && y < sy + sh;
        rgba[i] = inside ? 255 : 13; // RGB outside is garbage on purpose: alpha 0 must hide it
        rgba[i + 1] = inside ? 0 : 200;
        rgba[i + 2] = inside ? 255 : 77;
        rgba[i + 3] = inside ? 255 : 0;
      }
    }
    const patch = new Uint8Array(
      await sharp(rgba, { raw: { width: pw, height: ph, channels: 4 } })
        .png()
        .toBuffer(),
    );
    const patchId = await store.put(patch, 'patch');
    const out = join(tmp, 'patched.png');
    await exportToFile(
      store,
      {
        canvas: { width: 868, height: 600 },
        layers: [
          { assetId: building.assetId, x: 0, y: 0 },
          { assetId: patchId, x: px, y: py },
        ],
        format: 'png',
      },
      out,
    );
    const exported = await raw(out);
    const original = await raw(new Uint8Array(await readFile(photo('building.jpg'))));
    expect(exported.info.channels).toBe(3);
    let changedOutside = 0;
    let wrongInside = 0;
    for (let y = 0; y < 600; y++) {
      for (let x = 0; x < 868; x++) {
        const i = (y * 868 + x) * 3;
        const inside = x >= px + sx && x < px + sx + sw && y >= py + sy && y < py + sy + sh;
        if (inside) {
          if (exported.data[i] !== 255 || exported.data[i + 1] !== 0 || exported.data[i + 2] !== 255) wrongInside++;
        } else if (
          exported.data[i] !== original.data[i] ||
          exported.data[i + 1] !== original.data[i + 1] ||
          exported.data[i + 2] !== original.data[i + 2]
        ) {
          changedOutside++;
        }
      }
    }
    expect(changedOutside).toBe(0);
    expect(wrongInside).toBe(0);
  });

  it('extending the canvas (original at x=10, y=20) gives a transparent border and the original inside', async () => {
    const chelsea = await importImage(store, new Uint8Array(await readFile(photo('chelsea.png'))), 'chelsea.png');
    const W = 451 + 10 + 25,
      H = 300 + 20 + 5;
    const out = join(tmp, 'extended.png');
    const r = await exportToFile(
      store,
      { canvas: { width: W, height: H }, layers: [{ assetId: chelsea.assetId, x: 10, y: 20 }], format: 'png' },
      out,
    );
    expect([r.width, r.height]).toEqual([W, H]);
    const exported = await raw(out);
    expect([exported.info.width, exported.info.height, exported.info.channels]).toEqual([W, H, 4]);
    const original = await raw(photo('chelsea.png'));
    let borderOpaque = 0;
    let insideWrong = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 4;
        const inside = x >= 10 && x < 10 + 451 && y >= 20 && y < 20 + 300;
        if (!inside) {
          if (exported.data[i + 3] !== 0) borderOpaque++;
        } else {
          const j = ((y - 20) * 451 + (x - 10)) * 3;
          if (
            exported.data[i + 3] !== 255 ||
            exported.data[i] !== original.data[j] ||
            exported.data[i + 1] !== original.data[j + 1] ||
            exported.data[i + 2] !== original.data[j + 2]
          )
            insideWrong++;
        }
      }
    }
    expect(borderOpaque).toBe(0);
    expect(insideWrong).toBe(0);
  });

  it('refuses an original that does not fit the canvas, and a canvas over the pixel limit', async () => {
    const e = await rejection(
      renderExport(store, { canvas: { width: 800, height: 600 }, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'png' }),
    );
    expect(e.kind).toBe('invalid-request');
    const big = await rejection(
      renderExport(store, { canvas: { width: 20000, height: 20000 }, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'png' }),
    );
    expect(big.kind).toBe('too-large');
  });

  it('suggestedExportName never suggests the source name', () => {
    expect(suggestedExportName('building.jpg', 'jpeg')).toBe('building-edited.jpg');
    expect(suggestedExportName(undefined, 'png')).toBe('untitled-edited.png');
  });
});

describe('writing the file', () => {
  it('refuses to overwrite the source file (however the path is spelled) unless explicitly allowed', async () => {
    const dir = join(tmp, 'src');
    await mkdir(dir, { recursive: true });
    const source = join(dir, 'desk.jpg');
    const sourceBytes = await readFile(photo('desk-stuff.jpg'));
    await writeFile(source, sourceBytes);
    const img = await openImageFile(store, source);
    const req = { canvas: { width: 640, height: 480 }, layers: [{ assetId: img.assetId, x: 0, y: 0 }], format: 'jpeg' as const };
    for (const target of [source, join(dir, '.', 'desk.jpg'), join(dir, '..', 'src', 'desk.jpg')]) {
      const e = await rejection(exportToFile(store, req, target));
      expect(e.kind).toBe('io');
      expect(e.message).toMatch(/Refusing to overwrite the original “desk\.jpg”/);
    }
    expect(Buffer.compare(await readFile(source), sourceBytes)).toBe(0);
    expect(await readdir(dir)).toEqual(['desk.jpg']);
    // Explicit permission overwrites it (re-encoded whole: an unedited JPEG kept as it is would write the same bytes).
    await exportToFile(store, { ...req, allowOverwriteSource: true, jpegKeepOriginal: false }, source);
    expect(Buffer.compare(await readFile(source), sourceBytes)).not.toBe(0);
    expect(await readdir(dir)).toEqual(['desk.jpg']);
  });

  it('a successful export leaves exactly the target file in its folder (no temp file)', async () => {
    const dir = join(tmp, 'atomic-ok');
    await mkdir(dir);
    await writeFile(join(dir, 'existing.txt'), 'keep me');
    const out = join(dir, 'result.webp');
    await exportToFile(
      store,
      { canvas: { width: 868, height: 600 }, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'webp', quality: 100 },
      out,
    );
    expect((await readdir(dir)).sort()).toEqual(['existing.txt', 'result.webp']);
    expect((await sharp(out).metadata()).format).toBe('webp');
  });

  it('replacing an existing export is atomic: the old file stays whole until the new one is renamed over it', async () => {
    const dir = join(tmp, 'atomic-replace');
    await mkdir(dir);
    const out = join(dir, 'result.png');
    await writeFile(out, 'old contents');
    await exportToFile(
      store,
      { canvas: { width: 868, height: 600 }, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'png' },
      out,
    );
    expect(await readdir(dir)).toEqual(['result.png']);
    expect((await sharp(out).metadata()).width).toBe(868);
  });

  it('a failed write reports io and leaves no temp file behind', async () => {
    const dir = join(tmp, 'atomic-fail');
    await mkdir(dir);
    // The target name is taken by a non-empty folder: the write of the temp file works, the rename cannot.
    const out = join(dir, 'taken.png');
    await mkdir(out);
    await writeFile(join(out, 'inside.txt'), 'x');
    const e = await rejection(
      exportToFile(store, { canvas: { width: 868, height: 600 }, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'png' }, out),
    );
    expect(e.kind).toBe('io');
    expect(e.message).toContain('“taken.png”');
    expect(await readdir(dir)).toEqual(['taken.png']);
  });
});
