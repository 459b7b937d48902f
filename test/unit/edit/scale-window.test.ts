/** scaleToRegion with a window: only the patch's part of a provider image is scaled, to the same values. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { scaleToRegion } from '../../../electron/main/edit/request-pixels';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');

describe('scaleToRegion with a window', () => {
  it('gives the full scale’s pixels inside the window and 0 outside', async () => {
    const requested = { width: 576, height: 456 };
    const answer = new Uint8Array(
      await sharp(await readFile(resolve(PHOTOS, 'coffee.png')))
        .resize(requested.width, requested.height, { fit: 'fill' })
        .png({ compressionLevel: 1 })
        .toBuffer(),
    );
    const region = { x: 40, y: 30, width: 600, height: 475 };
    const window = { x0: 101, y0: 77, x1: 433, y1: 390 };
    const full = await scaleToRegion(answer, region, 'test model', requested);
    const part = await scaleToRegion(answer, region, 'test model', requested, window);
    expect(part).toHaveLength(full.length);
    let inside = 0;
    let outside = 0;
    for (let y = 0; y < region.height; y++)
      for (let x = 0; x < region.width; x++) {
        const i = (y * region.width + x) * 4;
        const inWin = x >= window.x0 && x < window.x1 && y >= window.y0 && y < window.y1;
        for (let c = 0; c < 4; c++) {
          if (inWin) inside += Math.abs(part[i + c] - full[i + c]);
          else outside += part[i + c];
        }
      }
    expect(inside).toBe(0);
    expect(outside).toBe(0);
    // The full scale is not 0 there: the window really left that part out.
    expect(full.subarray(0, 400).some((v) => v > 0)).toBe(true);
  });

  it('scales everything when the window is the whole region', async () => {
    const requested = { width: 64, height: 48 };
    const answer = new Uint8Array(
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } })
        .png()
        .toBuffer(),
    );
    const region = { x: 0, y: 0, width: 80, height: 60 };
    const full = await scaleToRegion(answer, region, 'test model', requested);
    const same = await scaleToRegion(answer, region, 'test model', requested, { x0: 0, y0: 0, x1: 80, y1: 60 });
    expect(Buffer.from(same).equals(Buffer.from(full))).toBe(true);
  });
});
