/**
 * Opening a PSD as a flat document (electron/main/services/psd-import.ts, export/psd-reader.ts): the
 * merged image becomes the original at the file's depth — a PSD Maskwork exported opens as exactly its
 * flat export, 8 and 16 bits — with its ICC profile, resolution, EXIF and XMP kept through the next
 * export; ImageMagick's PSDs (RLE, grey, transparent) open; other colour modes, 32-bit files,
 * truncated files, files without a merged image and oversized headers fail with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPsd } from 'ag-psd';
import { psdImageDataInNode } from '../../support/psd-read';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile, openImageFile } from '../../../electron/main/services/image-files';
import type { ExportRequest } from '../../../electron/main/services/image-export';
import { planeOf, predictRows } from '../../../electron/main/export/psd-writer';
import { photo } from '../../fixtures/bad-images';
import { deepImage, featheredPatch, SOURCE_XMP } from '../../fixtures/deep-images';
import { electronDialogs } from '../../../electron/main/electron-dialogs';
import { buildProject, loadProject, projectBytes } from '../../../electron/main/project/project-files';
import { oneStepProject } from '../../support/project-payload';
import { appErrorOf } from '../../support/app-error';

const shown = vi.hoisted(() => [] as unknown[]);
vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: (opts: unknown) => {
      shown.push(opts);
      return Promise.resolve({ canceled: true, filePaths: [] });
    },
  },
}));

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  psdImageDataInNode();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-psd-open-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const rejection = appErrorOf;

const storedAssets = () => readdir(join(tmp, 'assets')).catch(() => [] as string[]);

/** An 8-bit sRGB-less photo with a P3 profile, 300 ppi, EXIF and XMP (what the metadata must carry through). */
async function taggedPhoto(): Promise<Uint8Array> {
  const buf = await sharp(photo('building.jpg'))
    .resize(300, 200)
    .withMetadata({ density: 300 })
    .withIccProfile('p3')
    .withExifMerge({ IFD0: { Copyright: 'Maskwork PSD test', Make: 'TestCam' } })
    .withXmp(SOURCE_XMP)
    .png()
    .toBuffer();
  return new Uint8Array(buf);
}

/** The file's own 8-bit samples (no colour conversion). */
async function samples8(bytes: Uint8Array | string): Promise<{ data: Buffer; channels: number; width: number; height: number }> {
  const { data, info } = await sharp(bytes).keepIccProfile().raw().toBuffer({ resolveWithObject: true });
  return { data, channels: info.channels, width: info.width, height: info.height };
}

/** The file's own 16-bit RGB samples. */
async function samples16(bytes: Uint8Array | string): Promise<Uint16Array> {
  const data = await sharp(bytes).keepIccProfile().toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer();
  return new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2);
}

/** Samples of `a` (RGBA, from ag-psd) and `b` (RGB) that differ. */
function rgbaVsRgb(a: ArrayLike<number>, b: ArrayLike<number>, pixels: number): number {
  let wrong = 0;
  for (let i = 0; i < pixels; i++) for (let c = 0; c < 3; c++) if (a[i * 4 + c] !== b[i * 3 + c]) wrong++;
  return wrong;
}

/**
 * A minimal PSD built here: header, no colour mode data, the given resources, no layers, the merged
 * image raw (compression 0) or ZIP with prediction (3) from interleaved samples.
 */
function handmadePsd(o: {
  width: number;
  height: number;
  channels: number;
  depth: 8 | 16;
  mode: number;
  samples?: Uint8Array | Uint16Array;
  resources?: [number, Buffer][];
  compression?: 0 | 3;
  /** A layer count (negative: the merged image's 4th channel is its transparency) with that many empty layer records. */
  layerCount?: number;
  /** Per layer record: its section divider type (0: none). */
  sections?: number[];
  /** Per layer record: its (legacy, ASCII) name, and whether it is hidden. */
  names?: string[];
  hidden?: boolean[];
}): Buffer {
  const header = Buffer.alloc(26);
  header.write('8BPS', 0, 'latin1');
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(o.channels, 12);
  header.writeUInt32BE(o.height, 14);
  header.writeUInt32BE(o.width, 18);
  header.writeUInt16BE(o.depth, 22);
  header.writeUInt16BE(o.mode, 24);
  const res = Buffer.concat(
    (o.resources ?? []).map(([id, data]) => {
      const head = Buffer.alloc(12);
      head.write('8BIM', 0, 'latin1');
      head.writeUInt16BE(id, 4);
      head.writeUInt32BE(data.byteLength, 8);
      return Buffer.concat([head, data, Buffer.alloc(data.byteLength % 2)]);
    }),
  );
  const lengths = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n, 0);
    return b;
  };
  const records = Array.from({ length: Math.abs(o.layerCount ?? 0) }, (_, i) => {
    // An empty rectangle, no channels, Normal at 255, no mask, no blending ranges, an empty name,
    // and a section divider ("lsct": 1 = group, 3 = its end marker) when asked for.
    const section = o.sections?.[i] ?? 0;
    const name = o.names?.[i] ?? '';
    const nameSize = Math.ceil((1 + name.length) / 4) * 4; // Pascal name, padded to a multiple of 4
    const r = Buffer.alloc(16 + 2 + 12 + 4 + 8 + nameSize + (section ? 16 : 0));
    r.write('8BIMnorm', 18, 'latin1');
    r[26] = 255;
    if (o.hidden?.[i]) r[28] = 0x02;
    r.writeUInt32BE(8 + nameSize + (section ? 16 : 0), 30);
    r[42] = name.length;
    r.write(name, 43, 'latin1');
    const at = 42 + nameSize;
    if (section) {
      r.write('8BIMlsct', at, 'latin1');
      r.writeUInt32BE(4, at + 8);
      r.writeUInt32BE(section, at + 12);
    }
    return r;
  });
  const count = Buffer.alloc(2);
  count.writeInt16BE(o.layerCount ?? 0, 0);
  const info = records.length ? Buffer.concat([count, ...records]) : Buffer.alloc(0);
  const layerSection = records.length ? Buffer.concat([lengths(info.byteLength), info, lengths(0)]) : Buffer.alloc(0);
  const parts: Buffer[] = [header, lengths(0), lengths(res.byteLength), res, lengths(layerSection.byteLength), layerSection];
  if (o.samples) {
    const img = { width: o.width, height: o.height, channels: o.channels as 1 | 3 | 4, depth: o.depth, data: o.samples };
    const planes = Array.from({ length: o.channels }, (_, c) => planeOf(img, c));
    const compression = Buffer.alloc(2);
    compression.writeUInt16BE(o.compression ?? 0, 0);
    parts.push(compression);
    if (o.compression === 3) parts.push(deflateSync(Buffer.concat(planes.map((p) => predictRows(p, o.width, o.height, o.depth)))));
    else parts.push(...planes);
  }
  return Buffer.concat(parts);
}

describe('a PSD Maskwork exported opens as its flattened image', () => {
  it('8-bit: the original is the merged image, pixel for pixel (= ag-psd’s merged image and the flat export); layers counted, not imported', async () => {
    const src = await importImage(store, await taggedPhoto(), 'tagged.png');
    const p1 = await store.put(await featheredPatch(120, 90, 8, [200, 40, 90]), 'patch');
    const p2 = await store.put(await featheredPatch(60, 50, 6, [20, 180, 60]), 'patch');
    // The mask at export time: the PSD's hidden "Mask (Maskwork)" layer (the flat formats have none).
    const mask = await store.put(
      new Uint8Array(
        await sharp(Buffer.alloc(80 * 60, 255), { raw: { width: 80, height: 60, channels: 1 } })
          .png()
          .toBuffer(),
      ),
      'mask',
    );
    const req: ExportRequest = {
      canvas: { width: 300, height: 200 },
      format: 'psd',
      layers: [
        { assetId: src.assetId, x: 0, y: 0 },
        { assetId: p1, x: 40, y: 30, name: 'Red box · GPT Image 2' },
        { assetId: p2, x: 200, y: 100, name: 'Green · Offline fill', opacity: 0.5 },
      ],
      mask: { assetId: mask, x: 10, y: 10 },
      provenance: { models: ['gpt-image-2'] },
    };
    const psdPath = join(tmp, 'cups.psd');
    expect(await exportToFile(store, req, psdPath)).toMatchObject({ depth: 8, keptIcc: true, keptExif: true });
    const tiffPath = join(tmp, 'cups-flat.tif');
    await exportToFile(store, { ...req, format: 'tiff' }, tiffPath);
    const pngPath = join(tmp, 'cups-flat.png');
    await exportToFile(store, { ...req, format: 'png' }, pngPath);

    const img = await openImageFile(store, psdPath);
    expect(img).toMatchObject({
      name: 'cups.psd',
      format: 'psd',
      width: 300,
      height: 200,
      orientation: 1,
      hasIcc: true,
      hasExif: true,
      // All four layers, two of them kept results (the others its "Original" and hidden mask layer).
      psd: { layers: 4, groups: 0, maskworkResults: 2 },
    });
    expect(readPsd(await readFile(psdPath), { skipLayerImageData: true, skipCompositeImageData: true }).children).toHaveLength(4);
    expect(img.depth ?? 8).toBe(8);
    const doc = await samples8(await store.get(img.assetId));
    expect([doc.width, doc.height, doc.channels]).toEqual([300, 200, 3]);
    const merged = readPsd(await readFile(psdPath), { useImageData: true, skipLayerImageData: true }).imageData!;
    expect(rgbaVsRgb(merged.data, doc.data, 300 * 200)).toBe(0);
    const tiff = await samples8(tiffPath);
    expect(Buffer.compare(tiff.data, doc.data)).toBe(0);
    // The 8-bit PNG export composites in libvips (its rounding may differ by 1 inside the feathered band).
    const png = await samples8(pngPath);
    let worst = 0;
    for (let i = 0; i < png.data.byteLength; i++) worst = Math.max(worst, Math.abs(png.data[i] - doc.data[i]));
    expect(worst).toBeLessThanOrEqual(1);
    // The file it came from is an original: an export never overwrites it unless allowed.
    const again = await rejection(exportToFile(store, { ...req, layers: [{ assetId: img.assetId, x: 0, y: 0 }] }, psdPath));
    expect(again.message).toContain('Refusing to overwrite the original “cups.psd”');
  });

  it('16-bit: depth 16, every sample equal to the merged image’s and the flat 16-bit TIFF export’s', async () => {
    const src = await deepImage('png');
    const base = await importImage(store, src.bytes, 'deep.png');
    const patch = await store.put(await featheredPatch(60, 50), 'patch');
    const req: ExportRequest = {
      canvas: { width: 320, height: 240 },
      format: 'psd',
      layers: [
        { assetId: base.assetId, x: 0, y: 0 },
        { assetId: patch, x: 100, y: 80, name: 'Patch · local' },
      ],
    };
    const psdPath = join(tmp, 'cups16.psd');
    expect((await exportToFile(store, req, psdPath)).depth).toBe(16);
    const tiffPath = join(tmp, 'cups16-flat.tif');
    await exportToFile(store, { ...req, format: 'tiff' }, tiffPath);

    const img = await openImageFile(store, psdPath);
    expect(img).toMatchObject({
      name: 'cups16.psd',
      format: 'psd',
      depth: 16,
      width: 320,
      height: 240,
      psd: { layers: 2, groups: 0, maskworkResults: 1 },
    });
    const doc = await samples16(await store.get(img.assetId));
    const merged = readPsd(await readFile(psdPath), { useImageData: true, skipLayerImageData: true }).imageData!;
    expect(merged.data).toBeInstanceOf(Uint16Array);
    expect(rgbaVsRgb(merged.data, doc, 320 * 240)).toBe(0);
    const flat = await samples16(tiffPath);
    let wrong = 0;
    for (let i = 0; i < flat.length; i++) if (flat[i] !== doc[i]) wrong++;
    expect(wrong).toBe(0);
    // Outside the patch the samples are the 16-bit source's own (not 8-bit × 257).
    expect(doc[3 * 5]).toBe(src.samples[3 * 5]);
    expect(doc[3 * 5] % 257).not.toBe(0);

    // Exported again as a 16-bit PSD, the merged image is the same.
    const out = join(tmp, 'cups16-again.psd');
    expect(
      await exportToFile(store, { canvas: req.canvas, format: 'psd', layers: [{ assetId: img.assetId, x: 0, y: 0 }] }, out),
    ).toMatchObject({ depth: 16 });
    const again = readPsd(await readFile(out), { useImageData: true, skipLayerImageData: true }).imageData!;
    expect(rgbaVsRgb(again.data, doc, 320 * 240)).toBe(0);
  });

  it('its ICC profile, resolution, EXIF and XMP survive open → export PNG (and TIFF)', async () => {
    const source = await taggedPhoto();
    const icc = (await sharp(source).metadata()).icc!;
    const src = await importImage(store, source, 'tagged.png');
    const psdPath = join(tmp, 'tagged.psd');
    await exportToFile(
      store,
      { canvas: { width: 300, height: 200 }, format: 'psd', layers: [{ assetId: src.assetId, x: 0, y: 0 }] },
      psdPath,
    );

    const img = await openImageFile(store, psdPath);
    expect(img).toMatchObject({ hasIcc: true, hasExif: true, psd: { layers: 1, groups: 0, maskworkResults: 0 } }); // only the "Original"
    const layers = [{ assetId: img.assetId, x: 0, y: 0 }];
    const pngPath = join(tmp, 'tagged-from-psd.png');
    expect(await exportToFile(store, { canvas: { width: 300, height: 200 }, format: 'png', layers }, pngPath)).toMatchObject({
      keptIcc: true,
      keptExif: true,
    });
    const tiffPath = join(tmp, 'tagged-from-psd.tif');
    await exportToFile(store, { canvas: { width: 300, height: 200 }, format: 'tiff', layers }, tiffPath);
    for (const path of [pngPath, tiffPath]) {
      const meta = await sharp(path).metadata();
      expect(Buffer.compare(meta.icc!, icc), path).toBe(0);
      expect(meta.density, path).toBeCloseTo(300, 0);
      expect(meta.xmp?.toString('utf8'), path).toContain('Test Photographer');
    }
    expect((await sharp(pngPath).metadata()).exif?.includes('Maskwork PSD test')).toBe(true);
  });
});

describe('PSDs from elsewhere', () => {
  it('ImageMagick’s PSD (RLE merged image, one layer) opens as the photo it was made from', async () => {
    const path = join(tmp, 'coffee-im.psd');
    execFileSync('/usr/bin/convert', [photo('coffee.png'), path]);
    const img = await openImageFile(store, path);
    expect(img).toMatchObject({ name: 'coffee-im.psd', format: 'psd', width: 600, height: 400, psd: { layers: 1, groups: 0 } });
    const doc = await samples8(await store.get(img.assetId));
    const orig = await samples8(photo('coffee.png'));
    expect(doc.channels).toBe(orig.channels);
    expect(Buffer.compare(doc.data, orig.data)).toBe(0);
  });

  it('ImageMagick’s 16-bit, grey and transparent PSDs open with their own samples', async () => {
    const deep = join(tmp, 'coffee16-im.psd');
    execFileSync('/usr/bin/convert', [photo('coffee.png'), '-depth', '16', deep]);
    const d = await openImageFile(store, deep);
    expect(d).toMatchObject({ depth: 16, format: 'psd' });
    const d16 = await samples16(await store.get(d.assetId));
    const orig = await samples8(photo('coffee.png'));
    let wrong = 0;
    for (let i = 0; i < 600 * 400 * 3; i++) if (d16[i] !== orig.data[i] * 257) wrong++;
    expect(wrong).toBe(0);

    const grey = join(tmp, 'grey-im.psd');
    execFileSync('/usr/bin/convert', [photo('coffee.png'), '-colorspace', 'Gray', grey]);
    const g = await openImageFile(store, grey);
    expect(g).toMatchObject({ format: 'psd', width: 600, height: 400 });
    const gm = await sharp(await store.get(g.assetId)).metadata();
    expect([gm.channels, gm.space]).toEqual([1, 'b-w']);
    const magickGrey = execFileSync('/usr/bin/convert', [`${grey}[0]`, '-depth', '8', 'gray:-'], { maxBuffer: 16 << 20 });
    const mine = await sharp(await store.get(g.assetId))
      .extractChannel(0)
      .raw()
      .toBuffer();
    expect(Buffer.compare(mine, magickGrey)).toBe(0);

    // Half transparent (a negative layer count): ImageMagick stores the colour as it is, alpha as the 4th channel.
    const alpha = join(tmp, 'alpha-im.psd');
    execFileSync('/usr/bin/convert', [photo('coffee.png'), '-alpha', 'set', '-channel', 'A', '-evaluate', 'set', '50%', '+channel', alpha]);
    const a = await openImageFile(store, alpha);
    const am = await samples8(await store.get(a.assetId));
    expect(am.channels).toBe(4);
    let wrongRgb = 0;
    let wrongAlpha = 0;
    for (let i = 0; i < 600 * 400; i++) {
      for (let c = 0; c < 3; c++) if (am.data[i * 4 + c] !== orig.data[i * 3 + c]) wrongRgb++;
      if (am.data[i * 4 + 3] !== 128) wrongAlpha++;
    }
    expect([wrongRgb, wrongAlpha]).toEqual([0, 0]);
  });

  it('Photoshop’s transparent merged image (blended over white, version info present): the colour is taken back out', async () => {
    // Two pixels, alpha 128 and 255; Photoshop stores c·a + 255·(1 − a).
    const a = 128 / 255;
    const colour = [40, 120, 200];
    const stored = [...colour.map((c) => Math.round(c * a + 255 * (1 - a))), 128, ...colour, 255];
    const versionInfo = Buffer.from([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const psd = handmadePsd({
      width: 2,
      height: 1,
      channels: 4,
      depth: 8,
      mode: 3,
      samples: Uint8Array.from(stored),
      resources: [[1057, versionInfo]],
      layerCount: -1,
    });
    const img = await importImage(store, psd, 'photoshop-alpha.psd');
    expect(img.psd).toEqual({ layers: 1, groups: 0 });
    const px = await samples8(await store.get(img.assetId));
    expect(px.channels).toBe(4);
    const back = [...px.data.subarray(0, 8)];
    expect(back[3]).toBe(128);
    for (let c = 0; c < 3; c++) expect(Math.abs(back[c] - colour[c])).toBeLessThanOrEqual(1);
    expect(back.slice(4)).toEqual([...colour, 255]);
  });

  it('a merged image stored as ZIP with prediction (8 and 16 bits) reads back exactly', async () => {
    const px8 = Uint8Array.from({ length: 40 * 30 * 3 }, (_, i) => (i * 7919) % 256);
    const a = await importImage(
      store,
      handmadePsd({ width: 40, height: 30, channels: 3, depth: 8, mode: 3, samples: px8, compression: 3 }),
      'zip8.psd',
    );
    expect(Buffer.compare((await samples8(await store.get(a.assetId))).data, Buffer.from(px8))).toBe(0);
    const px16 = Uint16Array.from({ length: 40 * 30 * 3 }, (_, i) => (i * 7919) % 65536);
    const b = await importImage(
      store,
      handmadePsd({ width: 40, height: 30, channels: 3, depth: 16, mode: 3, samples: px16, compression: 3 }),
      'zip16.psd',
    );
    expect(b.depth).toBe(16);
    expect(Array.from(await samples16(await store.get(b.assetId)))).toEqual(Array.from(px16));
  });

  it('layers are counted without the groups and their end markers', async () => {
    // Bottom to top: a group's end marker, two layers inside it, the group, a layer outside.
    const psd = handmadePsd({
      width: 2,
      height: 2,
      channels: 3,
      depth: 8,
      mode: 3,
      samples: new Uint8Array(12),
      layerCount: 5,
      sections: [3, 0, 0, 1, 0],
    });
    expect((await importImage(store, psd, 'grouped.psd')).psd).toEqual({ layers: 3, groups: 1 });
  });

  it('only a Maskwork PSD (its version info names the writer) counts its "Original" and hidden mask layer apart from its results', async () => {
    // Resource 1057: version 1, real merged image, writer and reader names (Unicode), file version 1.
    const versionInfo = (writer: string) => {
      const b = Buffer.alloc(4 + 1 + 4 + 2 * writer.length + 4 + 4);
      b.writeUInt32BE(1, 0);
      b[4] = 1;
      b.writeUInt32BE(writer.length, 5);
      for (let i = 0; i < writer.length; i++) b.writeUInt16BE(writer.charCodeAt(i), 9 + 2 * i);
      b.writeUInt32BE(1, b.byteLength - 4);
      return b;
    };
    const layered = (writer: string) =>
      handmadePsd({
        width: 2,
        height: 2,
        channels: 3,
        depth: 8,
        mode: 3,
        samples: new Uint8Array(12),
        resources: [[1057, versionInfo(writer)]],
        layerCount: 4,
        names: ['Original', 'Sky - Offline fill', 'Original', 'Mask (Maskwork)'],
        hidden: [false, false, false, true],
      });
    // Maskwork's: four layers, the two results apart (one happens to be named "Original", but it is not the bottom layer).
    expect((await importImage(store, layered('Maskwork'), 'own.psd')).psd).toEqual({ layers: 4, groups: 0, maskworkResults: 2 });
    // Another program's: every layer is one.
    expect((await importImage(store, layered('Adobe Photoshop'), 'other.psd')).psd).toEqual({ layers: 4, groups: 0 });
  });
});

describe('PSDs Maskwork cannot open say why', () => {
  it('CMYK (ImageMagick) and Lab, Indexed, Bitmap, Duotone (patched headers): the message names the mode', async () => {
    const cmyk = join(tmp, 'cmyk.psd');
    execFileSync('/usr/bin/convert', [photo('coffee.png'), '-colorspace', 'CMYK', cmyk]);
    const e = await rejection(openImageFile(store, cmyk));
    expect(e.kind).toBe('bad-image');
    expect(e.message).toMatch(/^“cmyk\.psd” is a CMYK Color PSD\. Maskwork opens RGB and Grayscale PSDs/);
    const rgb = handmadePsd({ width: 4, height: 4, channels: 3, depth: 8, mode: 3, samples: new Uint8Array(48) });
    for (const [mode, name] of [
      [9, 'Lab Color'],
      [2, 'Indexed Color'],
      [0, 'Bitmap'],
      [8, 'Duotone'],
      [7, 'Multichannel'],
    ] as const) {
      const patched = Buffer.from(rgb);
      patched.writeUInt16BE(mode, 24);
      const err = await rejection(importImage(store, patched, 'mode.psd'));
      expect(err.message).toContain(`“mode.psd” is a ${name} PSD.`);
    }
  });

  it('a 32-bit PSD: the message says 32-bit', async () => {
    const psd = handmadePsd({ width: 4, height: 4, channels: 3, depth: 8, mode: 3, samples: new Uint8Array(48) });
    psd.writeUInt16BE(32, 22);
    const e = await rejection(importImage(store, psd, 'hdr.psd'));
    expect(e.message).toContain('“hdr.psd” is a 32-bit RGB Color PSD.');
  });

  it('a truncated PSD (in its merged image, in its layers) is damaged or incomplete; nothing is stored', async () => {
    const whole = await readFile(join(tmp, 'cups.psd'));
    const before = await storedAssets();
    for (const fraction of [0.9, 0.3]) {
      const e = await rejection(importImage(store, whole.subarray(0, Math.floor(whole.byteLength * fraction)), 'cut.psd'));
      expect(e.kind).toBe('bad-image');
      expect(e.message).toMatch(
        /^“cut\.psd” is damaged or incomplete and cannot be opened \(the file ends inside its (merged image|layer and mask information)\)\.$/,
      );
    }
    const rle = await readFile(join(tmp, 'coffee-im.psd'));
    const e = await rejection(importImage(store, rle.subarray(0, rle.byteLength - 5000), 'cut-rle.psd'));
    expect(e.message).toContain('is damaged or incomplete');
    expect(await storedAssets()).toEqual(before);
  });

  it('a header claiming 100000×100000 is refused before anything is decoded (too-large)', async () => {
    // No image data at all: a decoder would call it damaged; the limit answers first.
    const huge = handmadePsd({ width: 100_000, height: 100_000, channels: 3, depth: 8, mode: 3 });
    const e = await rejection(importImage(store, huge, 'huge.psd'));
    expect(e.kind).toBe('too-large');
    expect(e.message).toContain('“huge.psd” claims to be 100000×100000');
    expect(e.message).toContain('so it was not decoded');
  });

  it('without a merged image (“Maximize Compatibility” off, or the file ends after the layers): a message that says so', async () => {
    // Resource 1057 (version info): version 1, hasRealMergedData 0, writer and reader names (empty), file version 1.
    const versionInfo = Buffer.from([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const noMerged = handmadePsd({
      width: 8,
      height: 8,
      channels: 3,
      depth: 8,
      mode: 3,
      samples: new Uint8Array(8 * 8 * 3).fill(255),
      resources: [[1057, versionInfo]],
    });
    const e = await rejection(importImage(store, noMerged, 'layers-only.psd'));
    expect(e.kind).toBe('bad-image');
    expect(e.message).toMatch(/^“layers-only\.psd” has no merged image: it was saved with “Maximize PSD and PSB File Compatibility” off, /);
    const ends = handmadePsd({ width: 8, height: 8, channels: 3, depth: 8, mode: 3 });
    expect((await rejection(importImage(store, ends, 'ends.psd'))).message).toContain('has no merged image');
  });

  it('a PSB (Large Document Format) says it is not opened', async () => {
    const psb = handmadePsd({ width: 4, height: 4, channels: 3, depth: 8, mode: 3, samples: new Uint8Array(48) });
    psb.writeUInt16BE(2, 4);
    expect((await rejection(importImage(store, psb, 'big.psb'))).message).toContain('“big.psb” is a Large Document Format (PSB) file');
  });
});

describe('a PSD document in a project', () => {
  it('the original is saved as “x.psd.png” (it is the merged image as PNG) and the project opens again with it', async () => {
    const px = Uint8Array.from({ length: 16 * 8 * 3 }, (_, i) => (i * 31) % 256);
    const img = await importImage(store, handmadePsd({ width: 16, height: 8, channels: 3, depth: 8, mode: 3, samples: px }), 'hand.psd');
    const doc = {
      id: 'doc-psd',
      canvas: { width: 16, height: 8 },
      original: { assetId: img.assetId, name: img.name, width: 16, height: 8, x: 0, y: 0, hasIcc: false, hasExif: false },
      maskId: 'mask-1',
      layers: [],
      versions: [],
    };
    const { project, tiles } = oneStepProject(doc);
    const opts = { embed: true, app: 'test', savedAt: 1 };
    const { manifest } = await buildProject(store, JSON.parse(project), opts);
    expect(manifest.assets.find((a) => a.id === img.assetId)?.entry).toBe('original/hand.psd.png');
    const bytes = await projectBytes(store, JSON.parse(project), tiles, opts);
    const other = new AssetStore(join(tmp, 'assets-2'));
    const opened = await loadProject(other, bytes, 'hand.maskwork', undefined);
    expect(opened.assets[img.assetId].mime).toBe('image/png');
    expect(Buffer.compare((await samples8(await other.get(img.assetId))).data, Buffer.from(px))).toBe(0);
  });
});

describe('where PSDs are offered', () => {
  it('the Open dialog lists .psd files with the images', async () => {
    shown.length = 0;
    await electronDialogs(() => null).chooseImageToOpen();
    const filters = (shown[0] as { filters: { name: string; extensions: string[] }[] }).filters;
    expect(filters[0].extensions).toContain('psd');
  });

  it('the batch\'s "Add images" dialog lists them too (test/unit/batch/batch-psd.test.ts: a folder)', async () => {
    shown.length = 0;
    await electronDialogs(() => null).chooseImagesToOpen!();
    const filters = (shown[0] as { filters: { name: string; extensions: string[] }[] }).filters;
    expect(filters[0].extensions).toContain('psd');
  });
});
