/**
 * JPEG → JPEG export that keeps the original's compressed data outside the edit
 * (electron/main/export/jpeg-export.ts, export/jpeg/*): the coefficient reader and writer round-trip
 * every coding they take to the same pixels, an export with a patch leaves every pixel outside the
 * edited MCUs exactly as the original decodes (one pixel more around them where chroma is
 * subsampled), metadata is kept, and what the path does not take falls back to a whole re-encode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { renderExport } from '../../../electron/main/services/image-export';
import { readJpegCoefficients } from '../../../electron/main/export/jpeg/jpeg-read';
import { writeJpeg } from '../../../electron/main/export/jpeg/jpeg-write';
import { keptOutside } from '../../../electron/main/export/jpeg/jpeg-patch';
import { fdctReference, fdctScaled } from '../../../electron/main/export/jpeg/jpeg-blocks';
import { photo } from '../../fixtures/bad-images';

const fixture = (name: string) => resolve(__dirname, '../../fixtures/jpeg', name);

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-jpeg-patch-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const rgb = async (b: Uint8Array | Buffer) => sharp(b).removeAlpha().raw().toBuffer({ resolveWithObject: true });

describe('JPEG coefficients', () => {
  const files = [
    photo('building.jpg'), // baseline 4:2:0
    photo('colorful-cups.jpg'), // progressive 4:2:2
    photo('rocket.jpg'), // baseline 4:4:4
    fixture('restart-420.jpg'), // restart markers
    fixture('progressive-restart-422.jpg'),
    fixture('progressive-444.jpg'),
    fixture('grey.jpg'),
  ];
  for (const f of files)
    it(`${f.split('/').pop()}: read to coefficients and written back, it decodes to the same pixels`, async () => {
      const bytes = new Uint8Array(await readFile(f));
      const frame = readJpegCoefficients(bytes);
      expect(frame).not.toBeNull();
      const again = writeJpeg(frame!, frame!.meta);
      const a = await sharp(bytes).raw().toBuffer();
      const b = await sharp(again).raw().toBuffer();
      expect(b.length).toBe(a.length);
      expect(Buffer.compare(a, b)).toBe(0);
    });

  it('refuses arithmetic coding and damaged data (null: the export re-encodes instead)', async () => {
    expect(readJpegCoefficients(new Uint8Array(await readFile(fixture('arithmetic.jpg'))))).toBeNull();
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    expect(() => readJpegCoefficients(bytes.subarray(0, 5000))).not.toThrow(); // truncated
    const scrambled = bytes.slice();
    for (let i = 2000; i < 2600; i++) scrambled[i] = 0xff;
    expect(() => readJpegCoefficients(scrambled)).not.toThrow();
  });
});

/** An opaque patch (a colour ramp) of w×h as a PNG asset. */
async function patchAsset(w: number, h: number): Promise<string> {
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px.set([(x * 255) / w, 40 + y, 200 - x, 255], (y * w + x) * 4);
  const png = await sharp(px, { raw: { width: w, height: h, channels: 4 } })
    .png()
    .toBuffer();
  return store.put(new Uint8Array(png), 'patch');
}

describe('JPEG export keeps the original outside the edit', () => {
  const cases = [
    { file: photo('building.jpg'), mcu: [16, 16], sub: true },
    { file: photo('colorful-cups.jpg'), mcu: [16, 8], sub: true },
    { file: photo('rocket.jpg'), mcu: [8, 8], sub: false },
    { file: fixture('restart-420.jpg'), mcu: [16, 16], sub: true },
  ];
  for (const { file, mcu, sub } of cases)
    it(`${file.split('/').pop()}: outside the edited blocks every pixel is the original's; inside, the patch`, async () => {
      const bytes = new Uint8Array(await readFile(file));
      const img = await importImage(store, bytes, 'photo.jpg');
      const patch = { x: 37, y: 29, w: 90, h: 70 };
      const assetId = await patchAsset(patch.w, patch.h);
      const layers = [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId, x: patch.x, y: patch.y },
      ];
      const canvas = { width: img.width, height: img.height };
      const out = await renderExport(store, { canvas, layers, format: 'jpeg', quality: 95 });
      // The composite itself, lossless (the same layers as a PNG).
      const composite = await rgb((await renderExport(store, { canvas, layers, format: 'png' })).bytes);
      expect(out.notes.join(' ')).toMatch(/original's image data was kept wherever you did not edit/);
      const before = await rgb(bytes);
      const after = await rgb(out.bytes);
      expect([after.info.width, after.info.height]).toEqual([img.width, img.height]);
      // The edited MCUs' box, grown by a pixel where the decoder blends chroma across block edges.
      const grow = sub ? 1 : 0;
      const x0 = Math.floor(patch.x / mcu[0]) * mcu[0] - grow;
      const y0 = Math.floor(patch.y / mcu[1]) * mcu[1] - grow;
      const x1 = Math.ceil((patch.x + patch.w) / mcu[0]) * mcu[0] + grow;
      const y1 = Math.ceil((patch.y + patch.h) / mcu[1]) * mcu[1] + grow;
      let outside = 0;
      let differ = 0;
      let inside = 0;
      let err = 0;
      for (let y = 0; y < img.height; y++)
        for (let x = 0; x < img.width; x++) {
          const i = (y * img.width + x) * 3;
          if (x < x0 || x >= x1 || y < y0 || y >= y1) {
            outside++;
            if (before.data[i] !== after.data[i] || before.data[i + 1] !== after.data[i + 1] || before.data[i + 2] !== after.data[i + 2])
              differ++;
          } else if (x >= patch.x + 2 && x < patch.x + patch.w - 2 && y >= patch.y + 2 && y < patch.y + patch.h - 2) {
            for (let k = 0; k < 3; k++) err += Math.abs(after.data[i + k] - composite.data[i + k]);
            inside += 3;
          }
        }
      expect(outside).toBeGreaterThan(img.width * img.height * 0.5);
      expect(differ).toBe(0);
      // Inside, the edit at the original's JPEG quality (building.jpg is q75).
      expect(err / inside).toBeLessThan(4);
    });

  it("an extended canvas keeps the original's blocks when the original sits on the block grid; off it, the message says why not", async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg'))); // 868×600, MCUs of 16×16
    const img = await importImage(store, bytes, 'building.jpg');
    const before = await rgb(bytes);
    for (const at of [
      { x: 0, y: 0 },
      { x: 32, y: 16 },
    ]) {
      const canvas = { width: 868 + at.x + 150, height: 600 + at.y + 40 };
      const out = await renderExport(store, { canvas, layers: [{ assetId: img.assetId, x: at.x, y: at.y }], format: 'jpeg' });
      expect(out.notes.join(' ')).toMatch(/was kept/);
      const got = await rgb(out.bytes);
      expect([got.info.width, got.info.height]).toEqual([canvas.width, canvas.height]);
      // Every MCU wholly inside the original (and a pixel in from its edge) is the original's, bit for bit.
      let checked = 0;
      let differ = 0;
      for (let y = at.y + 1; y < at.y + 592 - 1; y++)
        for (let x = at.x + 1; x < at.x + 864 - 1; x++) {
          const i = (y * canvas.width + x) * 3;
          const j = ((y - at.y) * 868 + (x - at.x)) * 3;
          checked++;
          if (got.data[i] !== before.data[j] || got.data[i + 1] !== before.data[j + 1] || got.data[i + 2] !== before.data[j + 2]) differ++;
        }
      expect(checked).toBeGreaterThan(500_000);
      expect(differ).toBe(0);
    }
    const off = await renderExport(store, {
      canvas: { width: 868 + 20, height: 600 },
      layers: [{ assetId: img.assetId, x: 20, y: 0 }],
      format: 'jpeg',
    });
    // An offset, said as one ("20×0 px" read like a size).
    expect(off.notes.join(' ')).toMatch(
      /re-encoded — the extension shifts the original 20 px right and 0 px down, off its 16×16 px blocks/,
    );
  });

  it('with jpegKeepOriginal false the whole picture is re-encoded: pixels far from the edit move', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const img = await importImage(store, bytes, 'building.jpg');
    const assetId = await patchAsset(40, 40);
    const req = {
      canvas: { width: img.width, height: img.height },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId, x: 10, y: 10 },
      ],
      format: 'jpeg' as const,
      quality: 90,
    };
    const kept = await rgb((await renderExport(store, req)).bytes);
    const whole = await renderExport(store, { ...req, jpegKeepOriginal: false });
    expect(whole.notes.join(' ')).not.toMatch(/was kept/);
    const all = await rgb(whole.bytes);
    const before = await rgb(bytes);
    let movedWhole = 0;
    let movedKept = 0;
    // Far from the patch: the bottom half.
    for (let i = (img.height >> 1) * img.width * 3; i < before.data.length; i++) {
      if (all.data[i] !== before.data[i]) movedWhole++;
      if (kept.data[i] !== before.data[i]) movedKept++;
    }
    expect(movedWhole).toBeGreaterThan(1000);
    expect(movedKept).toBe(0);
  });

  it('keeps EXIF and the ICC profile as they were and writes the XMP edit record', async () => {
    const src = new Uint8Array(
      await sharp(photo('desk-stuff.jpg'))
        .withIccProfile('p3')
        .withExifMerge({ IFD0: { Copyright: 'Maskwork test' } })
        .jpeg({ quality: 88 })
        .toBuffer(),
    );
    const srcMeta = await sharp(src).metadata();
    const img = await importImage(store, src, 'desk.jpg');
    const assetId = await patchAsset(30, 30);
    const out = await renderExport(store, {
      canvas: { width: img.width, height: img.height },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId, x: 100, y: 100 },
      ],
      format: 'jpeg',
      provenance: { models: ['OpenAI gpt-image-2'] },
    });
    expect(out.notes.join(' ')).toMatch(/was kept/);
    const meta = await sharp(out.bytes).metadata();
    expect(meta.exif?.includes('Maskwork test')).toBe(true);
    expect(Buffer.compare(meta.icc!, srcMeta.icc!)).toBe(0);
    expect(meta.xmp?.toString()).toContain('gpt-image-2');
  });

  it('a file with a wide-gamut profile: the edited blocks are encoded from its own samples, not converted to sRGB', async () => {
    // libvips converts to sRGB on decode unless told to keep the profile; encoded into a file that
    // still carries Display P3, the original's pixels around the patch would shift colour.
    const src = new Uint8Array(await sharp(photo('colorful-cups.jpg')).withIccProfile('p3').jpeg({ quality: 92 }).toBuffer());
    const img = await importImage(store, src, 'p3.jpg');
    const patch = { x: 205, y: 141, w: 40, h: 30 };
    const assetId = await patchAsset(patch.w, patch.h);
    const out = await renderExport(store, {
      canvas: { width: img.width, height: img.height },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId, x: patch.x, y: patch.y },
      ],
      format: 'jpeg',
    });
    expect(out.notes.join(' ')).toMatch(/was kept/);
    const samples = async (b: Uint8Array) => sharp(b).keepIccProfile().removeAlpha().raw().toBuffer();
    const before = await samples(src);
    const got = await samples(out.bytes);
    // The edited MCUs (16 px, 4:2:0) around the patch, outside it and its chroma pixel.
    let ring = 0;
    let moved = 0;
    for (let y = 128; y < 176; y++)
      for (let x = 192; x < 256; x++) {
        if (x >= patch.x - 1 && x < patch.x + patch.w + 1 && y >= patch.y - 1 && y < patch.y + patch.h + 1) continue;
        const i = (y * img.width + x) * 3;
        for (let c = 0; c < 3; c++) if (Math.abs(got[i + c] - before[i + c]) > 6) moved++;
        ring++;
      }
    expect(ring).toBeGreaterThan(1000);
    // Re-encoding alone moves ≈ 6 % of the samples by more than 6 levels here; converted to sRGB, 22 %.
    expect(moved / ring / 3).toBeLessThan(0.12);
  });

  for (const orientation of [2, 3, 4, 5, 6, 7, 8])
    it(`an EXIF orientation ${orientation} original keeps its blocks and its tag: upright, it is the original outside the edit`, async () => {
      const src = new Uint8Array(await sharp(photo('desk-stuff.jpg')).jpeg({ quality: 90 }).withMetadata({ orientation }).toBuffer());
      const img = await importImage(store, src, 'rotated.jpg');
      const upright = await sharp(src).autoOrient().raw().toBuffer({ resolveWithObject: true });
      expect([img.width, img.height]).toEqual([upright.info.width, upright.info.height]);
      const patch = { x: 37, y: 29, w: 60, h: 50 };
      const assetId = await patchAsset(patch.w, patch.h);
      const out = await renderExport(store, {
        canvas: { width: img.width, height: img.height },
        layers: [
          { assetId: img.assetId, x: 0, y: 0 },
          { assetId, x: patch.x, y: patch.y },
        ],
        format: 'jpeg',
      });
      expect(out.notes.join(' ')).toMatch(/was kept/);
      expect((await sharp(out.bytes).metadata()).orientation).toBe(orientation);
      const got = await sharp(out.bytes).autoOrient().raw().toBuffer({ resolveWithObject: true });
      expect([got.info.width, got.info.height]).toEqual([img.width, img.height]);
      // Outside the patch grown by an MCU and its ring (the stored MCU grid lands anywhere upright).
      let outside = 0;
      let differ = 0;
      let inside = 0;
      for (let y = 0; y < img.height; y++)
        for (let x = 0; x < img.width; x++) {
          const i = (y * img.width + x) * 3;
          const same =
            got.data[i] === upright.data[i] && got.data[i + 1] === upright.data[i + 1] && got.data[i + 2] === upright.data[i + 2];
          if (x < patch.x - 17 || x >= patch.x + patch.w + 17 || y < patch.y - 17 || y >= patch.y + patch.h + 17) {
            outside++;
            if (!same) differ++;
          } else if (!same) inside++;
        }
      expect(outside).toBeGreaterThan(img.width * img.height * 0.8);
      expect(differ).toBe(0);
      expect(inside).toBeGreaterThan(patch.w * patch.h * 0.5); // the edit is there, the right way up
    });
});

describe('the check on the result', () => {
  it('keptOutside: a difference outside the edited MCUs (and their one-pixel ring) fails it, inside it does not', () => {
    const width = 48;
    const height = 32;
    const flags = new Uint8Array(3 * 2);
    flags[1] = 1; // MCU (1, 0): x 16–31, y 0–15
    const p = { bytes: new Uint8Array(0), changed: 1, total: 6, mcu: { width: 16, height: 16 }, flags, mcusX: 3, subsampled: true };
    const before = new Uint8Array(width * height * 3);
    const at = (x: number, y: number) => {
      const d = before.slice();
      d[(y * width + x) * 3 + 1] = 9;
      return d;
    };
    expect(keptOutside(p, width, height, before, before)).toBe(true);
    expect(keptOutside(p, width, height, before, at(20, 5))).toBe(true); // inside the edited MCU
    expect(keptOutside(p, width, height, before, at(15, 5))).toBe(true); // its chroma ring
    expect(keptOutside(p, width, height, before, at(14, 5))).toBe(false);
    expect(keptOutside(p, width, height, before, at(20, 20))).toBe(false);
    expect(keptOutside({ ...p, subsampled: false }, width, height, before, at(15, 5))).toBe(false);
  });
});

describe('the forward DCT', () => {
  it('the fast (AAN) DCT, unscaled, equals the DCT by its definition', () => {
    const aan = Array.from({ length: 8 }, (_, k) => (k === 0 ? 1 : Math.SQRT2 * Math.cos((k * Math.PI) / 16)));
    let seed = 7;
    for (let t = 0; t < 50; t++) {
      const s = new Float64Array(64);
      for (let i = 0; i < 64; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        s[i] = (seed % 256) - 128;
      }
      const ref = fdctReference(s);
      const fast = Float64Array.from(s);
      fdctScaled(fast);
      for (let i = 0; i < 64; i++) expect(fast[i] / (8 * aan[i >> 3] * aan[i & 7])).toBeCloseTo(ref[i], 9);
    }
  });
});
