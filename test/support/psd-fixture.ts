/** A PSD made with Maskwork's own PSD export (one layer, "Original", and its merged image) from an image file. */
import { writePsd } from 'ag-psd';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetStore } from '../../electron/main/services/asset-store';
import { importImage } from '../../electron/main/services/image-import';
import { exportToFile } from '../../electron/main/services/image-files';

export async function writePsdOf(image: string, out: string): Promise<{ width: number; height: number }> {
  const tmp = await mkdtemp(join(tmpdir(), 'maskwork-psd-fixture-'));
  try {
    const store = new AssetStore(join(tmp, 'assets'));
    const img = await importImage(store, new Uint8Array(await readFile(image)), 'source.png');
    const canvas = { width: img.width, height: img.height };
    await exportToFile(store, { canvas, layers: [{ assetId: img.assetId, x: 0, y: 0 }], format: 'psd' }, out);
    return canvas;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * A PSD as another program writes it (ag-psd, no Maskwork version info): `layers` plain layers over a
 * merged image of the same grey, 0 for a file with only its merged image (Photoshop's "Background" alone).
 */
export function foreignPsd(layers: number, width = 64, height = 48): Uint8Array {
  const grey = (v: number) => {
    const data = new Uint8ClampedArray(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : v));
    return { width, height, data, colorSpace: 'srgb' } as ImageData;
  };
  const children = Array.from({ length: layers }, (_, i) => ({ name: `Layer ${i + 1}`, top: 0, left: 0, imageData: grey(120) }));
  return new Uint8Array(writePsd({ width, height, imageData: grey(120), children }, { generateThumbnail: false }));
}
