/**
 * A streaming edit's partial images on the canvas (issue 16), with real keys and mouse: GPT Image 2
 * streams two partial images a couple of seconds apart (the local OpenAI server paints candidate 0's
 * colour into the mask, blurred); the latest is drawn over the edit's region, cut out by the mask —
 * the masked area shows the model's colour, the context around it the photo as it was — and gives
 * way to the candidate when it comes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { docToClient, dragPath, settleView, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype, sliderTo } from '../support/user-input';
import { paletteColour, startOpenAIServer } from '../servers';

let app: AppHarness;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;

beforeAll(async () => {
  openai = await startOpenAIServer({ streamFrameDelayMs: 2500 });
  app = await launchApp({
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '1' },
  });
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** The colour on screen at document point (x, y) (read-only: a one-pixel screenshot). */
async function screenColour(x: number, y: number): Promise<number[]> {
  const p = await docToClient(app.page, x, y);
  const png = await app.page.screenshot({ clip: { x: Math.round(p.x), y: Math.round(p.y), width: 1, height: 1 } });
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [data[0], data[1], data[2]];
}

const near = (a: number[], b: readonly number[], tol: number) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

describe('partial images on the canvas', () => {
  it('the latest partial shows inside the mask over its region while the request streams, then the candidate', async () => {
    const page = app.page;
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    await leaveField(page);
    await page.keyboard.press('m');
    await dragPath(page, [
      [200, 120],
      [330, 230],
    ]);
    await page.keyboard.press('\\'); // overlay off: the screen shows the photo itself
    await page.waitForFunction(() => !(window as any).__maskworkTest.summary().maskVisible);
    const inside = { x: 265, y: 175 };
    const outside = { x: 188, y: 175 }; // 12 px left of the mask: inside the edit's region, outside the mask
    const beforeInside = await screenColour(inside.x, inside.y);
    const beforeOutside = await screenColour(outside.x, outside.y);

    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.partialShown() !== null, null, { timeout: 30_000 });
    const shown = (await page.evaluate(() => (window as any).__maskworkTest.partialShown())) as {
      count: number;
      region: { x: number; y: number; width: number; height: number };
    };
    const r = shown.region;
    expect(r.x).toBeLessThan(outside.x);
    expect(r.x + r.width).toBeGreaterThanOrEqual(330);
    // Still streaming: no candidate yet.
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(0);
    const colour = paletteColour(0);
    expect(near(beforeInside, colour, 60)).toBe(false); // the photo there is not the model's colour already
    await expect.poll(() => screenColour(inside.x, inside.y), { timeout: 5_000 }).toSatisfy((c: number[]) => near(c, colour, 40));
    // Around the mask, inside the region, the photo as it was: the partial is cut out by the mask.
    expect(near(await screenColour(outside.x, outside.y), beforeOutside, 6)).toBe(true);

    // The candidate comes and takes over; the partial view is gone.
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.evaluate(() => (window as any).__maskworkTest.partialShown())).toBeNull();
    expect(app.errors).toEqual([]);
  });

  it("an edit in areas: each area's latest partial shows in its own place while the requests stream", async () => {
    const page = app.page;
    const dir = await mkdtemp(join(tmpdir(), 'maskwork-partial-areas-'));
    try {
      await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(6000, 4000, { fit: 'fill' }).jpeg({ quality: 85 }).toFile(join(dir, 'big.jpg'));
      await page.keyboard.press('Escape'); // the last test's candidate, discarded
      await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 0);
      app.dialogs.opens.push(join(dir, 'big.jpg'));
      await page.keyboard.press('Control+o');
      await page.waitForFunction(() => (window as any).__maskworkTest.summary().canvas?.width === 6000, null, { timeout: 60_000 });
      await settleView(page);
      await page.keyboard.press('b');
      await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '120');
      await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
      await leaveField(page);
      const dabs = [
        { x: 400, y: 400 },
        { x: 5600, y: 3600 },
      ];
      for (const d of dabs)
        await dragPath(page, [
          [d.x - 20, d.y],
          [d.x + 20, d.y],
        ]);
      await waitIdle(page);
      await page.keyboard.press('\\');
      await page.waitForFunction(() => !(window as any).__maskworkTest.summary().maskVisible);
      expect((await page.evaluate(() => (window as any).__maskworkTest.estimate())).areas).toHaveLength(2);
      const before = await Promise.all(dabs.map((d) => screenColour(d.x, d.y)));

      await page.keyboard.press('Control+Enter');
      await page.waitForFunction(() => ((window as any).__maskworkTest.partialShown()?.regions.length ?? 0) === 2, null, {
        timeout: 30_000,
      });
      const regions = (await page.evaluate(() => (window as any).__maskworkTest.partialShown().regions)) as {
        x: number;
        y: number;
        width: number;
        height: number;
      }[];
      // One over each dab, each the size of its area (not the box around both).
      for (const d of dabs) expect(regions.some((r) => r.x <= d.x && d.x < r.x + r.width && r.y <= d.y && d.y < r.y + r.height)).toBe(true);
      for (const r of regions) expect(r.width * r.height).toBeLessThan(1_000_000);
      expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(0);
      const colour = paletteColour(0);
      for (const [i, d] of dabs.entries()) {
        expect(near(before[i], colour, 60)).toBe(false);
        await expect.poll(() => screenColour(d.x, d.y), { timeout: 5_000 }).toSatisfy((c: number[]) => near(c, colour, 40));
      }
      await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
      expect(await page.evaluate(() => (window as any).__maskworkTest.partialShown())).toBeNull();
      expect(app.errors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
