/** A PSD made with Maskwork's own PSD export (one layer, "Original", and its merged image) from an image file. */
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
