/**
 * What you see is what export writes: layer order, opacity and layer masks (electron/main/services/
 * layer-pixels.ts through image-export.ts, edit/region-pixels.ts and edit/merge-layers.ts). Each
 * export is compared with an independent composite computed here in floating point from the decoded
 * original, the patches and the masks: straight-alpha "over", alpha × mask/255 × opacity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { renderExport } from '../../../electron/main/services/image-export';
import { renderRegion } from '../../../electron/main/edit/region-pixels';
import { mergeLayers } from '../../../electron/main/edit/merge-layers';
import type { PlacedPatch } from '../../../electron/main/services/layer-pixels';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
let original: { assetId: string; width: number; height: number };
let base: Float64Array; // RGB of the original, 868×600

interface TestPatch {
  x: number;
  y: number;
  w: number;
  h: number;
  rgba: Uint8Array;
  mask: Uint8Array | null;
  opacity: number;
  placed: PlacedPatch;
}

async function makePatch(x: number, y: number, w: number, h: number, seed: number, opacity: number, withMask: boolean): Promise<TestPatch> {
  const rgba = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const px = i % w;
    const py = Math.floor(i / w);
    rgba[i * 4] = (px * 7 + seed * 40) & 255;
    rgba[i * 4 + 1] = (py * 5 + seed * 90) & 255;
    rgba[i * 4 + 2] = (px + py + seed * 17) & 255;
    rgba[i * 4 + 3] = Math.min(255, 40 + ((px * 3 + py * 2) % 240)); // feathered-looking alpha
  }
  const mask = withMask ? new Uint8Array(w * h) : null;
  if (mask) for (let i = 0; i < w * h; i++) mask[i] = i % w < w / 3 ? 0 : Math.round((255 * (i % w)) / (w - 1)); // hidden band + ramp
  const png = new Uint8Array(
    await sharp(rgba, { raw: { width: w, height: h, channels: 4 } })
      .png()
      .toBuffer(),
  );
  const assetId = await store.put(png, 'patch');
  let maskAssetId: string | undefined;
  if (mask) {
    const grey = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) grey.fill(mask[i], i * 3, i * 3 + 3);
    maskAssetId = await store.put(
      new Uint8Array(
        await sharp(grey, { raw: { width: w, height: h, channels: 3 } })
          .png()
          .toBuffer(),
      ),
      'mask',
    );
  }
  return {
    x,
    y,
    w,
    h,
    rgba,
    mask,
    opacity,
    placed: { assetId, x, y, ...(opacity < 1 ? { opacity } : {}), ...(maskAssetId ? { maskAssetId } : {}) },
  };
}

/** The reference: the original with each patch composited over it, in order, in floating point. */
function reference(patches: TestPatch[], honour = true): Float64Array {
  const out = base.slice();
  const W = original.width;
  for (const p of patches) {
    for (let y = 0; y < p.h; y++) {
      for (let x = 0; x < p.w; x++) {
        const i = y * p.w + x;
        const a = (p.rgba[i * 4 + 3] / 255) * (honour ? ((p.mask ? p.mask[i] : 255) / 255) * p.opacity : 1);
        const q = ((p.y + y) * W + p.x + x) * 3;
        for (let c = 0; c < 3; c++) out[q + c] = out[q + c] * (1 - a) + p.rgba[i * 4 + c] * a;
      }
    }
  }
  return out;
}

function maxDiff(a: Float64Array, b: Uint8Array | Buffer, channelsB = 3): number {
  let m = 0;
  for (let i = 0, j = 0; i < a.length; i += 3, j += channelsB) for (let c = 0; c < 3; c++) m = Math.max(m, Math.abs(a[i + c] - b[j + c]));
  return m;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-layer-export-'));
  store = new AssetStore(join(tmp, 'assets'));
  original = await importImage(store, new Uint8Array(await readFile(photo('building.jpg'))), 'building.jpg');
  const { data } = await sharp(photo('building.jpg')).autoOrient().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  base = Float64Array.from(data);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function exportPng(patches: TestPatch[]) {
  const r = await renderExport(store, {
    canvas: { width: original.width, height: original.height },
    layers: [{ assetId: original.assetId, x: 0, y: 0 }, ...patches.map((p) => p.placed)],
    format: 'png',
  });
  return sharp(r.bytes).removeAlpha().raw().toBuffer();
}

describe('export honours layer order, opacity and layer masks', () => {
  it('equals an independent composite of the original and two overlapping masked, translucent layers', async () => {
    const lower = await makePatch(100, 100, 240, 160, 1, 0.7, true);
    const upper = await makePatch(200, 150, 180, 200, 2, 0.45, true);
    const out = await exportPng([lower, upper]);
    // ≤ 2 levels: the scaled alpha is stored in 8 bits and libvips rounds each composite step.
    expect(maxDiff(reference([lower, upper]), out)).toBeLessThanOrEqual(2);
    // The reference is sensitive to what is being tested: ignoring opacity and masks is far off.
    expect(maxDiff(reference([lower, upper], false), out)).toBeGreaterThan(40);
  });

  it('layer order matters: the swapped stack is a different image, equal to its own reference', async () => {
    const a = await makePatch(300, 200, 200, 150, 3, 0.8, false);
    const b = await makePatch(350, 220, 200, 150, 4, 1, true);
    const ab = await exportPng([a, b]);
    const ba = await exportPng([b, a]);
    expect(maxDiff(reference([a, b]), ab)).toBeLessThanOrEqual(2);
    expect(maxDiff(reference([b, a]), ba)).toBeLessThanOrEqual(2);
    expect(maxDiff(reference([a, b]), ba)).toBeGreaterThan(40);
  });

  it('an opacity-0 layer and a layer whose mask hides everything leave the original bit for bit', async () => {
    const gone = await makePatch(10, 10, 100, 100, 5, 0, false);
    const r = await exportPng([gone]);
    const orig = await sharp(photo('building.jpg')).autoOrient().removeAlpha().raw().toBuffer();
    expect(Buffer.compare(r, orig)).toBe(0);
  });

  it('the region sent to a model is the same composite', async () => {
    const lower = await makePatch(100, 100, 240, 160, 6, 0.6, true);
    const upper = await makePatch(150, 120, 180, 200, 7, 0.9, true);
    const region = { x: 80, y: 90, width: 320, height: 260 };
    const rgba = await renderRegion(store, [{ assetId: original.assetId, x: 0, y: 0 }, lower.placed, upper.placed], region);
    const ref = reference([lower, upper]);
    let m = 0;
    for (let y = 0; y < region.height; y++)
      for (let x = 0; x < region.width; x++)
        for (let c = 0; c < 3; c++)
          m = Math.max(m, Math.abs(ref[((region.y + y) * original.width + region.x + x) * 3 + c] - rgba[(y * region.width + x) * 4 + c]));
    expect(m).toBeLessThanOrEqual(2); // the region composites in 8-bit steps, layer by layer
  });

  it('merge down: the merged layer exported alone equals the two layers exported', async () => {
    const lower = await makePatch(100, 100, 240, 160, 8, 0.75, true);
    const upper = await makePatch(220, 180, 160, 120, 9, 0.5, true);
    const merged = await mergeLayers(store, original.assetId, lower.placed, upper.placed);
    expect(merged).toMatchObject({ x: 100, y: 100, width: 280, height: 200 });
    const two = await exportPng([lower, upper]);
    const r = await renderExport(store, {
      canvas: { width: original.width, height: original.height },
      layers: [
        { assetId: original.assetId, x: 0, y: 0 },
        { assetId: merged.assetId, x: merged.x, y: merged.y },
      ],
      format: 'png',
    });
    const one = await sharp(r.bytes).removeAlpha().raw().toBuffer();
    let m = 0;
    for (let i = 0; i < one.length; i++) m = Math.max(m, Math.abs(one[i] - two[i]));
    expect(m).toBeLessThanOrEqual(2);
  });

  it('a layer mask of the wrong size is refused with a clear message', async () => {
    const p = await makePatch(0, 0, 50, 40, 10, 1, false);
    const wrong = await makePatch(0, 0, 20, 20, 11, 1, true);
    const e = await renderExport(store, {
      canvas: { width: original.width, height: original.height },
      layers: [
        { assetId: original.assetId, x: 0, y: 0 },
        { ...p.placed, maskAssetId: wrong.placed.maskAssetId },
      ],
      format: 'png',
    }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/layer mask is 20×20, its layer 50×40/);
  });
});
