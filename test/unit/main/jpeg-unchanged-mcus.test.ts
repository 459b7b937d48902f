/**
 * JPEG → JPEG export: the MCUs a layer reaches but leaves as they were keep the original's data
 * (electron/main/export/jpeg/unchanged-mcus.ts). The offline engine's outpaint layer covers the band
 * into the photo with the photo's own pixels; those blocks were encoded again, so the band moved by
 * a few levels in the JPEG while the PNG of the same edit kept it exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { renderExport } from '../../../electron/main/services/image-export';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-jpeg-unchanged-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const rgb = async (b: Uint8Array | Buffer) => sharp(b).removeAlpha().raw().toBuffer({ resolveWithObject: true });
const blocks = (notes: string[]) => {
  const m = /(\d+) of (\d+) blocks/.exec(notes.join(' '));
  return m ? { changed: Number(m[1]), total: Number(m[2]) } : null;
};

/** An RGBA layer of w×h: the original's decoded pixels where `own(x, y)` (frame coordinates), a colour ramp elsewhere. */
async function layerAsset(
  before: { data: Buffer; info: { width: number } },
  at: { x: number; y: number; w: number; h: number },
  own: (x: number, y: number) => boolean,
): Promise<string> {
  const px = new Uint8Array(at.w * at.h * 4);
  for (let y = 0; y < at.h; y++)
    for (let x = 0; x < at.w; x++) {
      const fx = at.x + x;
      const fy = at.y + y;
      const o = (y * at.w + x) * 4;
      if (own(fx, fy)) {
        const i = (fy * before.info.width + fx) * 3;
        px.set([before.data[i], before.data[i + 1], before.data[i + 2], 255], o);
      } else px.set([(x * 7) & 255, 40 + (y & 127), 200 - (x & 127), 255], o);
    }
  const png = await sharp(px, { raw: { width: at.w, height: at.h, channels: 4 } })
    .png()
    .toBuffer();
  return store.put(new Uint8Array(png), 'patch');
}

describe('JPEG export: blocks a layer covers with the same pixels keep the original data', () => {
  it('a layer holding the photo’s own pixels re-encodes none of its blocks; only the changed ones are', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg'))); // 868×600, MCUs of 16×16
    const img = await importImage(store, bytes, 'building.jpg');
    const before = await rgb(bytes);
    const same = await layerAsset(before, { x: 0, y: 0, w: 160, h: 160 }, () => true);
    const ramp = await layerAsset(before, { x: 320, y: 320, w: 32, h: 32 }, () => false);
    const out = await renderExport(store, {
      canvas: { width: 868, height: 600 },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: same, x: 0, y: 0 },
        { assetId: ramp, x: 320, y: 320 },
      ],
      format: 'jpeg',
    });
    // The ramp's 2×2 MCUs; the 10×10 MCUs of the photo's own pixels were encoded again too (104).
    expect(blocks(out.notes)).toEqual({ changed: 4, total: 55 * 38 });
    const got = await rgb(out.bytes);
    let differ = 0;
    for (let y = 0; y < 160; y++)
      for (let x = 0; x < 160; x++)
        for (let k = 0; k < 3; k++) if (got.data[(y * 868 + x) * 3 + k] !== before.data[(y * 868 + x) * 3 + k]) differ++;
    expect(differ).toBe(0);
  });

  it('an offline outpaint: the band into the photo stays bit for bit, only the new area is encoded', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const img = await importImage(store, bytes, 'building.jpg');
    const before = await rgb(bytes);
    // 160 px added on the right; the layer covers the new area and a 32-px band of the photo's own pixels.
    const canvas = { width: 868 + 160, height: 600 };
    const at = { x: 868 - 32, y: 0, w: 32 + 160, h: 600 };
    const layer = await layerAsset(before, at, (x) => x < 868);
    const out = await renderExport(store, {
      canvas,
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: layer, x: at.x, y: at.y },
      ],
      format: 'jpeg',
    });
    // Columns 54–64 (x ≥ 864: the photo's last, partial MCU column and the new area), 38 rows, and
    // the photo's last, partial MCU row (54 MCUs: on an extended canvas a partial MCU is encoded
    // again); the band's two columns (52, 53) in the other 37 rows were encoded again too (546).
    expect(blocks(out.notes)).toEqual({ changed: 11 * 38 + 54, total: 65 * 38 });
    const got = await rgb(out.bytes);
    let differ = 0;
    let checked = 0;
    // The band, a pixel short of the encoded MCUs (the decoder blends chroma across their edge).
    for (let y = 0; y < 591; y++)
      for (let x = at.x; x < 863; x++) {
        checked++;
        for (let k = 0; k < 3; k++) if (got.data[(y * canvas.width + x) * 3 + k] !== before.data[(y * 868 + x) * 3 + k]) differ++;
      }
    expect(checked).toBe(27 * 591);
    expect(differ).toBe(0);
  });
});
