/**
 * A batch item whose mask reaches every edge of a photo Gemini has no aspect for (building.jpg,
 * 868×600) is prepared like a live edit — the request padded past the photo to 3:2 — and its Batch
 * API answer is cropped back to the photo before the patch is built.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMain, type MainHarness } from '../../support/main-harness';
import { synthesize } from '../../servers/images';
import { batchRequestOf, openItem, patchFromAnswer, prepareItem } from '../../../electron/main/batch/batch-item';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
let main: MainHarness;
beforeAll(async () => {
  main = await startMain({ GEMINI_API_KEY: 'gm-test-gemini-key-5678' });
});
afterAll(async () => {
  await main?.close();
});

describe('a padded batch item', () => {
  it('sends the padded 3:2 request and crops the answer back to the photo', async () => {
    const maskPath = join(main.tmp, 'all.png');
    await writeFile(
      maskPath,
      await sharp({ create: { width: 868, height: 600, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    const item = await openItem(
      main.svc,
      { image: join(PHOTOS, 'building.jpg'), mask: maskPath },
      { prompt: 'a clear blue sky', model: 'gemini-3.1-flash-image', featherPx: 6, colorMatch: false },
    );
    const prep = await prepareItem(main.svc, item.req);
    expect(prep.region).toEqual({ x: 0, y: 0, width: 868, height: 600 });
    expect(prep.frame).toEqual({ x: -13, y: 0, width: 894, height: 600 });
    const req = await batchRequestOf('k', prep, 'a clear blue sky');
    expect([req.aspectRatio, req.imageSize]).toEqual(['3:2', '1K']);
    const [image, mask] = req.parts.slice(1).map((p) => Buffer.from(p.inlineData!.data!, 'base64'));
    expect(await sharp(image).metadata()).toMatchObject({ width: 1264, height: 848 });
    // The answer the service would give: the white area painted, the rest the sent image brightened.
    const colour: [number, number, number] = [0, 128, 255];
    const answer = await synthesize({ width: 1264, height: 848, base: image, mask, maskMode: 'white', fit: 'cover', colour });
    const r = await patchFromAnswer(main.svc, item.req, prep, { bytes: new Uint8Array(answer), mime: 'image/png' }, 0.0335);
    expect(r.region).toEqual(prep.region);
    const patch = await sharp(await main.svc.store.get(r.assetId))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([patch.info.width, patch.info.height]).toEqual([868, 600]);
    for (const y of [20, 300, 580])
      for (const x of [3, 6, 9, 12, 855, 858, 861, 864]) {
        const p = (y * 868 + x) * 4;
        expect([...patch.data.subarray(p, p + 3)], `(${x},${y})`).toEqual(colour);
      }
  });
});
