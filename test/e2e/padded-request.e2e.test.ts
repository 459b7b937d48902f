/**
 * "Replace the whole background" with Nano Banana 2 on a photo whose shape Gemini does not make:
 * Ctrl+A on building.jpg (868×600 ≈ 1.45:1, between 4:3 and 3:2), a spot erased back out of the
 * mask, Generate. The request is padded past the photo's edges to 3:2 (the Gemini server enforces
 * the sizes), the estimate shows what is sent, the candidate is staged, kept, and the export is
 * bit-identical to the original outside the mask's feather band and changed inside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { exportPngByMouse } from '../support/real-input';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype, sliderTo } from '../support/user-input';
import { startGeminiServer } from '../servers';
import { featherBand } from '../../shared/pixels/patch';

let app: AppHarness;
let gemini: Awaited<ReturnType<typeof startGeminiServer>>;
const photo = join(PHOTOS, 'building.jpg'); // 868×600
const W = 868;
const H = 600;
const hooks = (page: AppHarness['page'], fn: string) => page.evaluate((f) => (window as any).__maskworkTest[f](), fn);

beforeAll(async () => {
  gemini = await startGeminiServer();
  app = await launchApp({
    env: { GEMINI_API_KEY: 'gm-e2e-test-key-0002', GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' },
  });
  app.dialogs.opens.push(photo);
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
});
afterAll(async () => {
  await app?.close();
  await gemini?.close();
});

describe('a whole-photo mask with Nano Banana 2 on a 1.45:1 photo', () => {
  it('is sent padded to 3:2, staged, kept, and exported unchanged outside the mask', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('Control+a');
    expect((await summary(page)).label).toBe('Select all');
    // A spot taken back out of the mask with the eraser, so the export has pixels outside it.
    await page.keyboard.press('e');
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '60');
    await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
    await leaveField(page);
    await dragPath(page, [
      [380, 280],
      [500, 300],
    ]);
    const mask: number[] = await page.evaluate(() => (window as any).__maskworkTest.maskValues());
    expect(mask.length).toBe(W * H);
    // Every edge of the photo is still masked: the region cannot grow.
    expect([mask[0], mask[W - 1], mask[(H - 1) * W], mask[H * W - 1]]).toEqual([255, 255, 255, 255]);
    expect(mask.filter((v) => v === 0).length).toBeGreaterThan(3000);

    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gemini-3.1-flash-image');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'replace the whole background with a clear blue sky');
    const est = await hooks(page, 'estimate');
    expect(est.error).toBeUndefined();
    expect(est.request).toMatchObject({ width: 1264, height: 848, aspect: '3:2', imageSize: '1K' });
    expect(est.region).toEqual({ x: 0, y: 0, width: W, height: H });
    expect(est.frame).toEqual({ x: -13, y: 0, width: 894, height: 600 });
    expect(await page.getByTestId('cost-size').textContent()).toBe(
      "1264×848 from a 868×600 region, padded to 894×600 past the photo's edges",
    );
    expect(await page.getByTestId('generate-blocker').count()).toBe(0);

    const sentBefore = gemini.requests.length;
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
    const sent = gemini.requests.slice(sentBefore);
    expect(sent.map((r) => r.status)).toEqual([200]);
    // What was sent is what the estimate showed.
    expect(sent[0]).toMatchObject({ aspectRatio: est.request.aspect, imageSize: est.request.imageSize });
    expect(sent[0].imageSizes.map((s) => `${s.width}x${s.height}`)).toEqual(['1264x848', '1264x848']);
    const staged = (await hooks(page, 'staging')).items[0];
    expect(staged.region).toEqual({ x: 0, y: 0, width: W, height: H });
    expect(staged.costUsd).toBeCloseTo(est.usd, 6);

    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    // Keep commits once the candidate's bitmap is there (a decode when it was let go): polled.
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    const versions = await hooks(page, 'versions');
    expect(versions[0]).toMatchObject({ model: 'gemini-3.1-flash-image', requestSize: { width: 1264, height: 848 } });
    expect(versions[0].region).toEqual({ x: 0, y: 0, width: W, height: H });

    const out = join(app.tmp, 'padded-kept.png');
    app.dialogs.saves.push(out);
    await exportPngByMouse(page);
    await waitIdle(page);
    const a = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(photo).raw().toBuffer({ resolveWithObject: true });
    expect([a.info.width, a.info.height, a.info.channels]).toEqual([b.info.width, b.info.height, b.info.channels]);
    const feather = Number(await page.getByTestId('feather').inputValue()); // read-only: in the folded Edge group
    const band = featherBand(feather) + 1;
    const near = new Uint8Array(W * H);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        if (!mask[y * W + x]) continue;
        for (let yy = Math.max(0, y - band); yy <= Math.min(H - 1, y + band); yy++)
          for (let xx = Math.max(0, x - band); xx <= Math.min(W - 1, x + band); xx++) near[yy * W + xx] = 1;
      }
    let outside = 0;
    let farPixels = 0;
    let inside = 0;
    let masked = 0;
    const ch = a.info.channels;
    for (let i = 0; i < W * H; i++) {
      const q = i * ch;
      const same = a.data[q] === b.data[q] && a.data[q + 1] === b.data[q + 1] && a.data[q + 2] === b.data[q + 2];
      if (!near[i]) farPixels++;
      if (!near[i] && !same) outside++;
      if (mask[i] === 255) masked++;
      if (mask[i] === 255 && !same) inside++;
    }
    expect(farPixels).toBeGreaterThan(1000);
    expect(outside).toBe(0);
    expect(inside).toBeGreaterThan(0.95 * masked);
    expect(app.errors).toEqual([]);
  });
});
