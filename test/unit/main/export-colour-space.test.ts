/**
 * A photo with a wide-gamut profile (Display P3): its patches are stored in its colour space
 * (edit/colour-space.ts), and every export path must blend them over the original's samples as
 * they are — no conversion of either to sRGB on the way. Found broken on the paths that decode
 * patches in TypeScript (TIFF, PSD, the kept-data JPEG, layers with opacity): libvips converted the
 * patch's samples to sRGB, so a red patch came out as sRGB values in a P3 file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPsd } from 'ag-psd';
import { psdImageDataInNode } from '../../support/psd-read';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { renderExport, type ExportRequest } from '../../../electron/main/services/image-export';
import { encodePatchPng } from '../../../electron/main/edit/colour-space';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  psdImageDataInNode();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-colour-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The file's own samples (no conversion to sRGB), RGB. */
const samples = async (b: Uint8Array | Buffer) => sharp(b).keepIccProfile().removeAlpha().raw().toBuffer({ resolveWithObject: true });

describe('exports of a Display P3 photo keep the patches in its colour space', () => {
  let req: Omit<ExportRequest, 'format'>;
  let want: { opaque: number[]; half: number[] };
  const at = { opaque: { x: 130, y: 130 }, half: { x: 330, y: 130 } };
  beforeAll(async () => {
    const src = new Uint8Array(
      await sharp(photo('desk-stuff.jpg')).withIccProfile('p3').jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer(),
    );
    const img = await importImage(store, src, 'p3.jpg');
    const iccPath = join(tmp, 'p3.icc');
    await writeFile(iccPath, (await sharp(src).metadata()).icc!);
    // A saturated red, as a model answers it in sRGB, stored the way the app stores results.
    const S = 96;
    const rgba = new Uint8Array(S * S * 4);
    for (let i = 0; i < S * S; i++) rgba.set([220, 40, 40, 255], i * 4);
    const png = await encodePatchPng(rgba, S, S, iccPath);
    const patch = await store.put(png, 'patch');
    const red = [...(await samples(png)).data.subarray(0, 3)];
    // The red in P3 samples differs from the sRGB triple: the test can tell the two apart.
    expect(Math.abs(red[0] - 220) + Math.abs(red[1] - 40)).toBeGreaterThan(20);
    const base = await samples(src);
    const px = (p: { x: number; y: number }) => [...base.data.subarray((p.y * img.width + p.x) * 3, (p.y * img.width + p.x) * 3 + 3)];
    want = { opaque: red, half: red.map((v, c) => Math.round((v + px(at.half)[c]) / 2)) };
    req = {
      canvas: { width: img.width, height: img.height },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: patch, x: 100, y: 100 },
        { assetId: patch, x: 300, y: 100, opacity: 0.5 },
      ],
    };
  });

  const cases: { name: string; format: ExportRequest['format']; extra?: Partial<ExportRequest>; tolerance: number }[] = [
    { name: 'JPEG, original data kept', format: 'jpeg', tolerance: 4 },
    { name: 'JPEG, re-encoded whole', format: 'jpeg', extra: { jpegKeepOriginal: false }, tolerance: 4 },
    { name: 'PNG', format: 'png', tolerance: 2 },
    { name: 'TIFF', format: 'tiff', tolerance: 2 },
    { name: 'WebP, lossless', format: 'webp', extra: { quality: 100 }, tolerance: 2 },
  ];
  for (const c of cases)
    it(`${c.name}: the opaque and the half-opaque patch are the original's colour space samples`, async () => {
      const out = await renderExport(store, { ...req, format: c.format, ...c.extra });
      expect((await sharp(out.bytes).metadata()).icc?.length).toBeGreaterThan(100);
      const got = await samples(out.bytes);
      for (const k of ['opaque', 'half'] as const) {
        const i = (at[k].y * got.info.width + at[k].x) * 3;
        const px = [...got.data.subarray(i, i + 3)];
        for (let ch = 0; ch < 3; ch++)
          expect(Math.abs(px[ch] - want[k][ch]), `${k} channel ${ch}: ${px} vs ${want[k]}`).toBeLessThanOrEqual(c.tolerance);
      }
    });

  it('PSD: the result layer and the merged image hold the P3 samples', async () => {
    const out = await renderExport(store, { ...req, format: 'psd' });
    const path = join(tmp, 'out.psd');
    await writeFile(path, out.bytes);
    const psd = readPsd(await readFile(path), { useImageData: true });
    const layer = psd.children![1].imageData!;
    expect([...layer.data.subarray(0, 3)]).toEqual(want.opaque);
    const merged = psd.imageData!;
    for (const k of ['opaque', 'half'] as const) {
      const i = (at[k].y * merged.width + at[k].x) * 4;
      const px = [...merged.data.subarray(i, i + 3)];
      for (let ch = 0; ch < 3; ch++) expect(Math.abs(px[ch] - want[k][ch]), `${k}: ${px} vs ${want[k]}`).toBeLessThanOrEqual(2);
    }
  });
});
