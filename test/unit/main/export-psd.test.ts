/**
 * Layered PSD export (issue 11), read back by two independent readers — ag-psd and ImageMagick:
 * the original as the bottom layer, each kept result a named layer with its feathered alpha, hidden
 * layers hidden, opacity and layer mask kept, the current mask as a hidden layer, ICC, EXIF and the
 * XMP edit record kept; the layers flattened by either reader give the flat export; 16-bit stays 16-bit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPsd, type Layer } from 'ag-psd';
import { psdImageDataInNode, psdResources } from '../../support/psd-read';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile } from '../../../electron/main/services/image-files';
import { legacyLayerName } from '../../../electron/main/export/psd-legacy-name';
import type { ExportRequest } from '../../../electron/main/services/image-export';
import { rotatedP3Jpeg } from '../../fixtures/bad-images';
import { deepImage, featheredPatch } from '../../fixtures/deep-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  psdImageDataInNode();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-psd-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** ImageMagick's 8-bit RGBA reading of `spec` (a file, `file[0]`, or the result of extra arguments). */
function magickRgba(args: string[]): Buffer {
  return execFileSync('/usr/bin/convert', [...args, '-depth', '8', 'rgba:-'], { maxBuffer: 64 * 1024 * 1024 });
}

async function layeredRequest(): Promise<{ req: ExportRequest; icc: Buffer }> {
  const src = await rotatedP3Jpeg();
  const img = await importImage(store, src, 'rotated.jpg');
  const p1 = await store.put(await featheredPatch(120, 90, 8, [200, 40, 90]), 'patch');
  const p2 = await store.put(await featheredPatch(100, 100, 6, [20, 180, 60]), 'patch');
  const p3 = await store.put(await featheredPatch(140, 80, 10, [30, 60, 220]), 'patch');
  // A layer mask for p3 that hides its left half.
  const lm = Buffer.alloc(140 * 80);
  for (let y = 0; y < 80; y++) lm.fill(255, y * 140 + 70, y * 140 + 140);
  const layerMask = await store.put(
    new Uint8Array(
      await sharp(lm, { raw: { width: 140, height: 80, channels: 1 } })
        .png()
        .toBuffer(),
    ),
    'mask',
  );
  const mask = Buffer.alloc(200 * 150);
  mask.fill(255, 50 * 200, 100 * 200);
  const maskAsset = await store.put(
    new Uint8Array(
      await sharp(mask, { raw: { width: 200, height: 150, channels: 1 } })
        .png()
        .toBuffer(),
    ),
    'mask',
  );
  const req: ExportRequest = {
    canvas: { width: 600, height: 868 },
    format: 'psd',
    layers: [
      { assetId: img.assetId, x: 0, y: 0 },
      { assetId: p1, x: 40, y: 60, name: 'Red box · GPT Image 2' },
      { assetId: p2, x: 300, y: 400, name: 'Hidden green · Local fill', hidden: true },
      { assetId: p3, x: 200, y: 600, name: 'Blue ünïcode · Nano Banana 2', opacity: 0.6, maskAssetId: layerMask },
    ],
    mask: { assetId: maskAsset, x: 10, y: 20 },
    provenance: { models: ['gpt-image-2', 'gemini-3.1-flash-image'] },
  };
  return { req, icc: (await sharp(src).metadata()).icc! };
}

/** Flattens ag-psd's layers the way Photoshop would (visible only; alpha × mask × opacity, Normal). */
function flattenAgPsd(width: number, height: number, layers: Layer[]): Float64Array {
  const out = new Float64Array(width * height * 4);
  for (const l of layers) {
    if (l.hidden || !l.imageData) continue;
    const { data, width: lw, height: lh } = l.imageData;
    const m = l.mask?.imageData;
    for (let y = 0; y < lh; y++) {
      for (let x = 0; x < lw; x++) {
        const X = x + (l.left ?? 0);
        const Y = y + (l.top ?? 0);
        if (X < 0 || Y < 0 || X >= width || Y >= height) continue;
        const i = (y * lw + x) * 4;
        const mv = m ? m.data[(y * m.width + x) * 4] / 255 : 1;
        const a = (data[i + 3] / 255) * mv * (l.opacity ?? 1);
        const o = (Y * width + X) * 4;
        const b = out[o + 3];
        const oa = a + b * (1 - a);
        for (let c = 0; c < 3; c++) out[o + c] = oa ? (data[i + c] * a + out[o + c] * b * (1 - a)) / oa : 0;
        out[o + 3] = oa;
      }
    }
  }
  return out;
}

describe('legacy layer names', () => {
  it('are printable ASCII with look-alikes for punctuation, letters without accents, at most 255 bytes', () => {
    expect(legacyLayerName('Sky · Offline fill')).toBe('Sky - Offline fill');
    expect(legacyLayerName('“Don’t” — café… 2×3')).toBe('"Don\'t" - cafe... 2x3');
    expect(legacyLayerName('Straße · 猫')).toBe('Strasse - ?');
    expect(legacyLayerName('plain name')).toBe('plain name');
    expect(legacyLayerName('…'.repeat(200))).toHaveLength(255);
    expect(legacyLayerName('é'.repeat(300))).toBe('e'.repeat(255));
  });
});

describe('layered PSD (8-bit)', () => {
  it('ag-psd reads the layers, names, visibility, opacity, layer mask, mask layer, ICC and XMP; its flattening equals the flat export', async () => {
    const { req, icc } = await layeredRequest();
    const psdPath = join(tmp, 'layers.psd');
    const r = await exportToFile(store, req, psdPath);
    expect(r).toMatchObject({ format: 'psd', depth: 8, keptIcc: true });
    const psd = readPsd(await readFile(psdPath), { useImageData: true });
    expect([psd.width, psd.height, psd.bitsPerChannel, psd.colorMode]).toEqual([600, 868, 8, 3]);
    const layers = psd.children!;
    expect(layers.map((l) => l.name)).toEqual([
      'Original',
      'Red box · GPT Image 2',
      'Hidden green · Local fill',
      'Blue ünïcode · Nano Banana 2',
      'Mask (Maskwork)',
    ]);
    expect(layers.map((l) => !!l.hidden)).toEqual([false, false, true, false, true]);
    // The legacy (Pascal) names, which readers without the Unicode name show: ASCII look-alikes, not "?"
    // ("Red box ? GPT Image 2"). Each is its length byte, then the name.
    const bytes = await readFile(psdPath);
    const pascal = (name: string) => bytes.includes(Buffer.from(String.fromCharCode(name.length) + name, 'latin1'));
    expect(
      ['Red box - GPT Image 2', 'Hidden green - Local fill', 'Blue unicode - Nano Banana 2', 'Mask (Maskwork)'].filter((n) => !pascal(n)),
    ).toEqual([]);
    expect(layers[3].opacity).toBeCloseTo(0.6, 2);
    expect(layers[3].mask?.imageData).toBeDefined();
    expect([layers[1].left, layers[1].top, layers[1].imageData?.width, layers[1].imageData?.height]).toEqual([40, 60, 120, 90]);
    expect([layers[4].left, layers[4].top, layers[4].imageData?.width]).toEqual([10, 20, 200]);
    // ag-psd does not expose the ICC resource; ImageMagick extracts it.
    expect(Buffer.compare(execFileSync('/usr/bin/convert', [`${psdPath}[0]`, 'icc:-']), icc)).toBe(0);
    expect(psd.imageResources?.xmpMetadata).toContain('compositeWithTrainedAlgorithmicMedia');

    const flatPath = join(tmp, 'layers-flat.png');
    await exportToFile(store, { ...req, format: 'png' }, flatPath);
    const flat = await sharp(flatPath).keepIccProfile().raw().toBuffer({ resolveWithObject: true });
    expect(flat.info.channels).toBe(3);
    // Flattened in floating point here; the export quantises alpha × mask × opacity to 8 bits first.
    const mine = flattenAgPsd(600, 868, layers);
    let worst = 0;
    for (let i = 0; i < 600 * 868; i++)
      for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(mine[i * 4 + c] - flat.data[i * 3 + c]));
    expect(worst).toBeLessThanOrEqual(2);
    // The merged image (what a reader without layer support shows) is the flat export itself.
    const composite = psd.imageData!;
    let mergedOff = 0;
    for (let i = 0; i < 600 * 868; i++)
      for (let c = 0; c < 3; c++) mergedOff = Math.max(mergedOff, Math.abs(composite.data[i * 4 + c] - flat.data[i * 3 + c]));
    expect(mergedOff).toBeLessThanOrEqual(1);
  });

  it('ImageMagick reads the same file: 5 layers, and its own flattening of the layers equals the flat export', async () => {
    const { req } = await layeredRequest();
    const psdPath = join(tmp, 'layers-im.psd');
    await exportToFile(store, req, psdPath);
    const info = execFileSync('/usr/bin/identify', ['-format', '%[scene] %wx%h %z %[label]\n', psdPath]).toString().trim().split('\n');
    // Scene 0 is the merged image, then one per layer.
    expect(info).toHaveLength(6);
    expect(info[0]).toMatch(/^0 600x868 8/);
    expect(info[2]).toContain('Red box');
    const flatPath = join(tmp, 'layers-im-flat.png');
    await exportToFile(store, { ...req, format: 'png' }, flatPath);
    const flat = await sharp(flatPath).keepIccProfile().ensureAlpha().raw().toBuffer();
    const merged = magickRgba([`${psdPath}[0]`]);
    const layered = magickRgba([psdPath, '-delete', '0', '-background', 'none', '-flatten']);
    for (const [label, img] of [
      ['merged', merged],
      ['flattened layers', layered],
    ] as const) {
      expect(img.byteLength, label).toBe(flat.byteLength);
      let worst = 0;
      let over2 = 0;
      for (let i = 0; i < flat.byteLength; i++) {
        const d = Math.abs(img[i] - flat[i]);
        worst = Math.max(worst, d);
        if (d > 2) over2++;
      }
      expect(over2, `${label}: samples more than 2 off (worst ${worst})`).toBe(0);
    }
  });

  it('carries the original EXIF as image resource 1058 (orientation 1: the layers are upright), and says so', async () => {
    const { req } = await layeredRequest();
    const psdPath = join(tmp, 'exif.psd');
    const r = await exportToFile(store, req, psdPath);
    expect(r).toMatchObject({ format: 'psd', keptExif: true });
    const exif = psdResources(await readFile(psdPath)).get(1058);
    expect(exif?.includes('Maskwork test\0')).toBe(true);
    // IFD0's orientation (274): the original says 6.
    const le = exif?.toString('latin1', 0, 2) === 'II';
    const u16 = (o: number) => (le ? exif!.readUInt16LE(o) : exif!.readUInt16BE(o));
    const ifd0 = le ? exif!.readUInt32LE(4) : exif!.readUInt32BE(4);
    const entries = Array.from({ length: u16(ifd0) }, (_, i) => ifd0 + 2 + 12 * i);
    expect(entries.filter((e) => u16(e) === 274).map((e) => u16(e + 8))).toEqual([1]);
    // ImageMagick finds it too.
    expect(execFileSync('/usr/bin/convert', [`${psdPath}[0]`, 'exif:-']).includes('Maskwork test')).toBe(true);
  });
});

describe('layered PSD (16-bit)', () => {
  it('a 16-bit document gives a 16-bit PSD whose background and merged image are the source and the flat export at 16 bits', async () => {
    const src = await deepImage('png');
    const img = await importImage(store, src.bytes, 'deep.png');
    const patch = await store.put(await featheredPatch(60, 50), 'patch');
    const req: ExportRequest = {
      canvas: { width: 320, height: 240 },
      format: 'psd',
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: patch, x: 100, y: 80, name: 'Patch · local' },
      ],
    };
    const psdPath = join(tmp, 'deep.psd');
    expect((await exportToFile(store, req, psdPath)).depth).toBe(16);
    const psd = readPsd(await readFile(psdPath), { useImageData: true });
    expect(psd.bitsPerChannel).toBe(16);
    const bg = psd.children![0].imageData!.data;
    const patchLayer = psd.children![1].imageData!.data;
    expect(bg).toBeInstanceOf(Uint16Array);
    expect(patchLayer[(25 * 60 + 30) * 4]).toBe(200 * 257);
    const tiffPath = join(tmp, 'deep-flat.tif');
    await exportToFile(store, { ...req, format: 'tiff' }, tiffPath);
    const flat = await sharp(tiffPath).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer();
    const f16 = new Uint16Array(flat.buffer, flat.byteOffset, flat.byteLength / 2);
    let bgWrong = 0;
    let mergedWrong = 0;
    for (let i = 0; i < 320 * 240; i++) {
      for (let c = 0; c < 3; c++) {
        if (bg[i * 4 + c] !== src.samples[i * 3 + c]) bgWrong++;
        if (psd.imageData!.data[i * 4 + c] !== f16[i * 3 + c]) mergedWrong++;
      }
    }
    expect(bgWrong).toBe(0);
    expect(mergedWrong).toBe(0);
    expect(execFileSync('/usr/bin/identify', ['-format', '%z ', psdPath]).toString().trim().split(' ')).toEqual(['16', '16', '16']);
  });
});
