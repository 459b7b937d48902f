/**
 * The PSD's merged image where it is semi-transparent. On an extended canvas the photo no longer
 * covers the canvas: the merged image has a transparency channel, and a kept layer's feathered edge
 * (or a layer at reduced opacity) over the new area leaves partly transparent pixels there. Photoshop
 * stores such a merged image blended over white, and readers take the white back out (ag-psd,
 * ImageMagick 6 — whose `psd:alpha-unblend` is on by default — and Maskwork's own PSD opening). Checked
 * against the app's flat PNG export of the same document, within ±1 level, read by both ag-psd and
 * ImageMagick; and ImageMagick's reading of the layers agrees with the PNG too (within 2: it blends
 * the layers itself). The merged image used to be stored with its colour as it is, so both readers
 * made every partly transparent pixel darker (ag-psd: 55 levels off, ImageMagick: 146).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPsd } from 'ag-psd';
import { psdImageDataInNode } from '../../support/psd-read';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile, openImageFile } from '../../../electron/main/services/image-files';
import type { ExportRequest } from '../../../electron/main/services/image-export';
import { deepImage, featheredPatch } from '../../fixtures/deep-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  psdImageDataInNode();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-psd-alpha-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const W = 320;
const H = 220;

/** A 200×150 photo-like RGB original placed at (60, 40) on a 320×220 canvas, with three kept layers. */
async function extendedRequest(): Promise<ExportRequest> {
  const px = Buffer.alloc(200 * 150 * 3);
  for (let y = 0; y < 150; y++)
    for (let x = 0; x < 200; x++) px.set([(x * 255) / 199, (y * 255) / 149, 128 + ((x * y) % 97)], (y * 200 + x) * 3);
  const png = await sharp(px, { raw: { width: 200, height: 150, channels: 3 } })
    .png()
    .toBuffer();
  const img = await importImage(store, new Uint8Array(png), 'photo.png');
  // Across the photo's top-left corner: its feathered band lies over the photo and over the new area.
  const p1 = await store.put(await featheredPatch(100, 80, 12, [200, 40, 90]), 'patch');
  // Over the right edge, at 50 %: over the new area it is a half-transparent colour.
  const p2 = await store.put(await featheredPatch(90, 70, 8, [30, 60, 220]), 'patch');
  // Wholly in the new area, at 70 %, over the first one.
  const p3 = await store.put(await featheredPatch(60, 50, 10, [250, 220, 40]), 'patch');
  return {
    canvas: { width: W, height: H },
    format: 'psd',
    layers: [
      { assetId: img.assetId, x: 60, y: 40 },
      { assetId: p1, x: 10, y: 5, name: 'Corner · local' },
      { assetId: p2, x: 220, y: 100, name: 'Half · local', opacity: 0.5 },
      { assetId: p3, x: 5, y: 150, name: 'Seventy · local', opacity: 0.7 },
    ],
  };
}

/** ImageMagick's 8-bit RGBA reading of a PSD (or of what the extra arguments make of it). */
function magickRgba(args: string[]): Buffer {
  return execFileSync('/usr/bin/convert', [...args, '-depth', '8', 'rgba:-'], { maxBuffer: 64 * 1024 * 1024 });
}

/**
 * The largest difference between two RGBA images, as a viewer shows them: over black (premultiplied
 * colour), over white, and in alpha. Fully transparent pixels have no colour to compare.
 */
function worstOff(a: ArrayLike<number>, b: ArrayLike<number>): { black: number; white: number; alpha: number } {
  let black = 0;
  let white = 0;
  let alpha = 0;
  for (let i = 0; i < a.length; i += 4) {
    const aa = a[i + 3] / 255;
    const ba = b[i + 3] / 255;
    alpha = Math.max(alpha, Math.abs(a[i + 3] - b[i + 3]));
    for (let c = 0; c < 3; c++) {
      black = Math.max(black, Math.abs(a[i + c] * aa - b[i + c] * ba));
      white = Math.max(white, Math.abs(a[i + c] * aa + 255 * (1 - aa) - (b[i + c] * ba + 255 * (1 - ba))));
    }
  }
  return { black, white, alpha };
}

describe('PSD merged image with semi-transparent pixels (extended canvas, feathered and half-opaque layers)', () => {
  let psdPath: string;
  let flat: Buffer;
  beforeAll(async () => {
    const req = await extendedRequest();
    psdPath = join(tmp, 'extended.psd');
    expect(await exportToFile(store, req, psdPath)).toMatchObject({ format: 'psd', depth: 8 });
    const flatPath = join(tmp, 'extended.png');
    await exportToFile(store, { ...req, format: 'png' }, flatPath);
    const decoded = await sharp(flatPath).raw().toBuffer({ resolveWithObject: true });
    expect([decoded.info.width, decoded.info.height, decoded.info.channels]).toEqual([W, H, 4]);
    flat = decoded.data;
    // The document has what this test is about: partly transparent pixels, many of them.
    let partial = 0;
    for (let i = 3; i < flat.length; i += 4) if (flat[i] > 0 && flat[i] < 255) partial++;
    expect(partial).toBeGreaterThan(2000);
  });

  it("ag-psd's reading of the merged image equals the flat PNG export within ±1 level", async () => {
    const psd = readPsd(await readFile(psdPath), { useImageData: true, skipLayerImageData: true });
    const merged = psd.imageData!.data;
    expect(merged.length).toBe(flat.length);
    const off = worstOff(merged, flat);
    expect(off.alpha).toBe(0);
    expect(off.black, 'over black').toBeLessThanOrEqual(1);
    expect(off.white, 'over white').toBeLessThanOrEqual(1);
  });

  it("ImageMagick's reading of the merged image equals the flat PNG export within ±1 level", () => {
    const merged = magickRgba([`${psdPath}[0]`]);
    expect(merged.byteLength).toBe(flat.byteLength);
    const off = worstOff(merged, flat);
    expect(off.alpha).toBe(0);
    expect(off.black, 'over black').toBeLessThanOrEqual(1);
    expect(off.white, 'over white').toBeLessThanOrEqual(1);
  });

  it('opened again in Maskwork, the PSD is its flat export (the white taken back out) within ±1 level', async () => {
    const img = await openImageFile(store, psdPath);
    expect([img.width, img.height]).toEqual([W, H]);
    const reopened = await sharp(await store.get(img.assetId))
      .ensureAlpha()
      .raw()
      .toBuffer();
    const off = worstOff(reopened, flat);
    expect(off.alpha).toBe(0);
    expect(off.black, 'over black').toBeLessThanOrEqual(1);
    expect(off.white, 'over white').toBeLessThanOrEqual(1);
  });

  it('ImageMagick reads the layers as they are in the app: each straight colour and alpha, and their flattening equals the PNG', async () => {
    const info = execFileSync('/usr/bin/identify', ['-format', '%[scene] %wx%h%X%Y %[label]\n', psdPath]).toString().trim().split('\n');
    expect(info).toHaveLength(5); // the merged image, then Original and the three kept layers
    expect(info[2]).toMatch(/^2 100x80\+10\+5 Corner/);
    // A kept layer as ImageMagick reads it is the patch itself (opacity is the layer's, not in its pixels).
    const layer = magickRgba([`${psdPath}[2]`]);
    const patch = await sharp(await featheredPatch(100, 80, 12, [200, 40, 90]))
      .raw()
      .toBuffer();
    expect(worstOff(layer, patch)).toEqual({ black: 0, white: 0, alpha: 0 });
    // Flattened onto a transparent canvas of the document's size (the lowest layer, the photo, no longer covers it).
    const layered = magickRgba(['-size', `${W}x${H}`, 'xc:none', '(', psdPath, '-delete', '0', ')', '-background', 'none', '-flatten']);
    expect(layered.byteLength).toBe(flat.byteLength);
    const off = worstOff(layered, flat);
    // ImageMagick blends the layers itself, with the opacity as the file stores it (a byte: 50 % is
    // 128/255) and its own rounding, so alpha may differ by a level and colour by up to 2, as in export-psd.test.ts.
    expect(off.alpha, 'alpha').toBeLessThanOrEqual(1);
    expect(off.black, 'over black').toBeLessThanOrEqual(2);
    expect(off.white, 'over white').toBeLessThanOrEqual(2);
  });
});

describe('16-bit PSD merged image with semi-transparent pixels', () => {
  it("ImageMagick's reading of the merged image equals the 16-bit PNG export within ±1 level (of 255)", async () => {
    const src = await deepImage('png');
    const img = await importImage(store, src.bytes, 'deep.png');
    const patch = await store.put(await featheredPatch(90, 70, 10, [30, 60, 220]), 'patch');
    const req: ExportRequest = {
      canvas: { width: 400, height: 300 },
      format: 'psd',
      layers: [
        { assetId: img.assetId, x: 40, y: 30 },
        { assetId: patch, x: 300, y: 200, name: 'Edge · local', opacity: 0.6 },
      ],
    };
    const psdPath = join(tmp, 'deep-extended.psd');
    expect((await exportToFile(store, req, psdPath)).depth).toBe(16);
    const pngPath = join(tmp, 'deep-extended.png');
    expect((await exportToFile(store, { ...req, format: 'png' }, pngPath)).depth).toBe(16);
    const raw16 = (b: Buffer) => new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2);
    const flat = raw16(await sharp(pngPath).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer());
    const mergedBytes = execFileSync('/usr/bin/convert', [`${psdPath}[0]`, '-depth', '16', '-endian', 'LSB', 'rgba:-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const merged = raw16(mergedBytes);
    expect(merged.length).toBe(flat.length);
    // In 8-bit levels, as a viewer shows them over black and over white.
    const to8 = (a: Uint16Array) => Float64Array.from(a, (v) => v / 257);
    let partial = 0;
    for (let i = 3; i < flat.length; i += 4) if (flat[i] > 0 && flat[i] < 65535) partial++;
    expect(partial).toBeGreaterThan(500);
    const off = worstOff(to8(merged), to8(flat));
    expect(off.alpha).toBeLessThanOrEqual(1 / 257);
    expect(off.black, 'over black').toBeLessThanOrEqual(1);
    expect(off.white, 'over white').toBeLessThanOrEqual(1);
  });
});
