/**
 * A 350 ppi original exports at 350 ppi in every format: TIFF (libvips wrote 25.4 dpi, its 1 px/mm
 * default for raw pixels), PSD (no resolution resource: Photoshop opened it at 72 ppi), 8- and 16-bit
 * PNG. Found by hand: a print retoucher's file lost its resolution in TIFF and PSD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPsd } from 'ag-psd';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { renderExport } from '../../../electron/main/services/image-export';
import { psdImageDataInNode } from '../../support/psd-read';

let tmp: string;
let store: AssetStore;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-dpi-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const picture = (bits: 8 | 16) => {
  const img = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } });
  return (bits === 16 ? img.toColourspace('rgb16').png() : img.jpeg({ quality: 90 })).withMetadata({ density: 350 }).toBuffer();
};

async function exported(bits: 8 | 16, format: 'png' | 'tiff' | 'psd') {
  const name = bits === 16 ? 'print16.png' : 'print.jpg';
  const { assetId } = await importImage(store, new Uint8Array(await picture(bits)), name);
  return renderExport(store, { canvas: { width: 64, height: 48 }, layers: [{ assetId, x: 0, y: 0 }], format });
}

describe('the original resolution in every export', () => {
  it('TIFF and PNG, 8 and 16 bits, say 350 ppi', async () => {
    for (const [bits, format] of [
      [8, 'tiff'],
      [16, 'tiff'],
      [8, 'png'],
      [16, 'png'],
    ] as const) {
      const r = await exported(bits, format);
      const meta = await sharp(r.bytes).metadata();
      expect([bits, format, Math.round(meta.density ?? 0)]).toEqual([bits, format, 350]);
    }
  });

  it('PSD carries a ResolutionInfo of 350 ppi', async () => {
    psdImageDataInNode();
    const r = await exported(8, 'psd');
    const psd = readPsd(Buffer.from(r.bytes), { skipLayerImageData: true, skipCompositeImageData: true });
    const info = psd.imageResources?.resolutionInfo;
    expect(info?.horizontalResolution).toBeCloseTo(350, 3);
    expect(info?.verticalResolution).toBeCloseTo(350, 3);
    expect(info?.horizontalResolutionUnit).toBe('PPI');
  });
});
