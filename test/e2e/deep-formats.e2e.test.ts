/**
 * Issue 11 done-when, in the app with real keys and mouse: a 16-bit PNG and a 16-bit TIFF open (the
 * app says they are 16-bit), get a brush mask, an edit (the offline engine for one, gpt-image-2
 * against the local OpenAI protocol server for the other), Keep, and Export… as PNG, TIFF and PSD:
 * the files are 16-bit and every sample outside the kept result's band equals the source at 16 bits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPsd } from 'ag-psd';
import type { AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, retype, sliderTo } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { deepImage, type Deep } from '../fixtures/deep-images';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto({}));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

async function openDeep(format: 'png' | 'tiff'): Promise<{ deep: Deep; name: string }> {
  const deep = await deepImage(format, 'building.jpg', { width: 480, height: 320 });
  const name = `deep16.${format === 'png' ? 'png' : 'tif'}`;
  await writeFile(join(app.tmp, name), deep.bytes);
  app.dialogs.opens.push(join(app.tmp, name));
  const page = app.page;
  await page.keyboard.press('Control+o');
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().original?.name === n, name);
  await waitIdle(page);
  await page.locator('[data-testid="toast"]', { hasText: '16 bits per channel' }).first().waitFor();
  expect((await summary(page)).original.depth).toBe(16);
  // The depth stays in sight after the message goes, as Photoshop's title shows it.
  expect(await page.getByTestId('status-mode').textContent()).toBe('RGB/16');
  return { deep, name };
}

async function editAndKeep(model: string, prompt: string): Promise<void> {
  const page = app.page;
  await page.keyboard.press('b');
  await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '30');
  await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
  await dragPath(page, [
    [200, 150],
    [280, 170],
  ]);
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), model);
  await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), prompt);
  const before = (await summary(page)).layers;
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Keep', exact: true }).click({ timeout: 90_000 });
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n + 1, before);
}

async function exportAs(label: 'PNG' | 'TIFF' | 'PSD', file: string): Promise<string> {
  const page = app.page;
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: label, exact: true }).click();
  const out = join(app.tmp, file);
  app.dialogs.saves.push(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: file }).waitFor({ timeout: 60_000 });
  expect(await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: file }).textContent()).toContain('16-bit');
  return out;
}

/**
 * The last kept layer's pixels and alpha, from main's asset store (read-only): its own samples, in
 * the photo's colour space (Display P3 here) — not converted to sRGB, as the exports blend them.
 */
async function keptBand() {
  const layers = await app.page.evaluate(() => (window as any).__maskworkTest.docLayers());
  const top = layers[layers.length - 1];
  const { data, info } = await sharp(await app.services.store.get(top.assetId))
    .keepIccProfile()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { x: top.x as number, y: top.y as number, width: info.width, height: info.height, rgba: data };
}

/** Samples outside the band that differ from the source, samples inside the opaque core that differ from the patch × 257. */
function compare(got: Uint16Array, channels: number, src: Deep, band: Awaited<ReturnType<typeof keptBand>>) {
  let outside = 0;
  let checked = 0;
  let core = 0;
  let coreWrong = 0;
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      const px = x - band.x;
      const py = y - band.y;
      const inside = px >= 0 && py >= 0 && px < band.width && py < band.height;
      const a = inside ? band.rgba[(py * band.width + px) * 4 + 3] : 0;
      for (let c = 0; c < 3; c++) {
        const v = got[(y * src.width + x) * channels + c];
        if (a === 0) {
          checked++;
          if (v !== src.samples[(y * src.width + x) * 3 + c]) outside++;
        } else if (a === 255) {
          core++;
          if (v !== band.rgba[(py * band.width + px) * 4 + c] * 257) coreWrong++;
        }
      }
    }
  }
  return { outside, checked, core, coreWrong };
}

async function samples16(path: string) {
  expect((await sharp(path).metadata()).depth).toBe('ushort');
  const { data, info } = await sharp(path).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
  return { s: new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2), channels: info.channels };
}

describe('16-bit round trip in the app', () => {
  it('16-bit PNG → offline engine → Keep → PNG and TIFF exports: 16-bit, 0 samples changed outside the band', async () => {
    const { deep } = await openDeep('png');
    await editAndKeep('local', 'remove the window');
    const band = await keptBand();
    for (const [label, file] of [
      ['PNG', 'deep-local.png'],
      ['TIFF', 'deep-local.tif'],
    ] as const) {
      const { s, channels } = await samples16(await exportAs(label, file));
      const r = compare(s, channels, deep, band);
      expect(r.checked).toBeGreaterThan(deep.width * deep.height * 3 * 0.8);
      expect(r.outside).toBe(0);
      expect(r.core).toBeGreaterThan(100);
      expect(r.coreWrong).toBe(0);
    }
    // JPEG of a 16-bit document: the dialog says it is 8-bit before, the message after.
    const page = app.page;
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'JPEG', exact: true }).click();
    expect(await dialog.getByRole('note').textContent()).toContain('16-bit document; JPEG holds 8 bits per channel');
    app.dialogs.saves.push(join(app.tmp, 'deep-local.jpg'));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.locator('[data-testid="toast"]', { hasText: 'the export is 8-bit' }).waitFor();
    expect((await sharp(join(app.tmp, 'deep-local.jpg')).metadata()).depth).toBe('uchar');
  });

  it('16-bit TIFF → gpt-image-2 (local protocol server) → Keep → TIFF and PSD: 16-bit, 0 samples changed outside the band', async () => {
    const { deep } = await openDeep('tiff');
    await editAndKeep('gpt-image-2', 'a brass plaque');
    const band = await keptBand();
    const tif = await samples16(await exportAs('TIFF', 'deep-cloud.tif'));
    const r = compare(tif.s, tif.channels, deep, band);
    expect(r.checked).toBeGreaterThan(deep.width * deep.height * 3 * 0.8);
    expect(r.outside).toBe(0);
    expect(r.coreWrong).toBe(0);

    // Keep cleared the mask; Reselect brings it back, so the PSD carries it as its hidden mask layer.
    await app.page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Reselect' }).click();
    const psd = readPsd(await readFile(await exportAs('PSD', 'deep-cloud.psd')), { useImageData: true });
    expect(psd.bitsPerChannel).toBe(16);
    expect(psd.children?.map((l) => l.name)).toEqual(['Original', expect.stringContaining('GPT Image 2'), 'Mask (Maskwork)']);
    const merged = compare(psd.imageData!.data as Uint16Array, 4, deep, band);
    expect(merged.outside).toBe(0);
    expect(merged.coreWrong).toBe(0);

    // The PSD opens again (Ctrl+O): its flattened image, 16-bit, and the app says the layers stay behind.
    const page = app.page;
    app.dialogs.opens.push(join(app.tmp, 'deep-cloud.psd'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'deep-cloud.psd');
    await waitIdle(page);
    expect((await summary(page)).original.depth).toBe(16);
    expect(await page.getByTestId('status-mode').textContent()).toBe('RGB/16');
    await page.locator('[data-testid="toast"]', { hasText: 'deep-cloud.psd has 3 layers' }).first().waitFor();
    expect(await page.locator('[data-testid="toast"]', { hasText: 'deep-cloud.psd has' }).first().textContent()).toContain(
      // Its three layers, counted and named (it said "its layer is not imported" for them).
      'deep-cloud.psd has 3 layers (the Original, 1 kept result and the hidden mask); Maskwork opened the flattened image (its layers are not imported).',
    );
    expect(app.errors).toEqual([]);
  });
});
