/**
 * Spot healing on a 24 MP photo (6000×4000): two brush dabs in opposite corners are two areas, one
 * request each at the small size a dab needs, not one request around the whole photo (GPT Image 2
 * got 2304×1536 for the 6000×4000 box, the fill landing at 38 % of the photo's resolution; the
 * offline engine filled the whole photo). The panel says "2 areas, 2 requests: ≈ $…" before
 * Generate; each candidate patches both areas. Driven with real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, settleView, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype, sliderTo } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
let dir: string;
type Page = AppHarness['page'];
const W = 6000;
const H = 4000;
/** The dabs' centres (document px): top-left and bottom-right corners. */
const DABS = [
  { x: 400, y: 400 },
  { x: 5600, y: 3600 },
];

const probe = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([f, a]) => (window as any).__maskworkTest[f as string](...(a as unknown[])), [fn, args] as const);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-areas-'));
  await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(W, H, { fit: 'fill' }).jpeg({ quality: 85 }).toFile(join(dir, 'big.jpg'));
  ({ app, openai } = await launchOpenAIWithPhoto({}));
  app.dialogs.opens.push(join(dir, 'big.jpg'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 60_000 });
  await settleView(app.page);
  // Two dabs of a hard 120 px brush, one in each corner.
  const page = app.page;
  await page.keyboard.press('b');
  await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '120');
  await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
  await leaveField(page);
  for (const d of DABS)
    await dragPath(page, [
      [d.x - 20, d.y],
      [d.x + 20, d.y],
    ]); // document px
  await waitIdle(page);
  for (const d of DABS) expect(await probe<number>(page, 'maskValue', d.x, d.y)).toBe(255);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await openai?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Waits for `count` staged candidates and returns them. */
async function staged(page: Page, count: number) {
  await page.waitForFunction((n) => (window as any).__maskworkTest.staging().items.length === n, count, { timeout: 120_000 });
  return (await probe<any>(page, 'staging')).items as {
    assetId: string;
    region: { x: number; y: number; width: number; height: number };
    costUsd: number;
  }[];
}

/** Every candidate's patch is opaque over both dabs. */
async function patchesBoth(page: Page, items: Awaited<ReturnType<typeof staged>>): Promise<void> {
  for (const c of items) {
    for (const d of DABS) {
      expect(c.region.x <= d.x && d.x < c.region.x + c.region.width && c.region.y <= d.y && d.y < c.region.y + c.region.height).toBe(true);
      const px = await probe<number[] | null>(page, 'bitmapPixel', c.assetId, d.x - c.region.x, d.y - c.region.y);
      expect(px?.[3]).toBe(255);
    }
  }
}

describe('two dabs in opposite corners of a 24 MP photo', () => {
  it('GPT Image 2: two requests of the small size, priced and said as 2 areas; each candidate patches both', async () => {
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '2');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'remove the spot');
    await leaveField(page);
    const est = await probe<any>(page, 'estimate');
    expect(est.error).toBeUndefined();
    expect(est.areas).toHaveLength(2);
    const cost = (await page.getByTestId('cost-usd').textContent()) ?? '';
    expect(cost).toMatch(/^2 areas, 2 requests: ≈ \$\d\.\d{3} \(GPT Image 2/);
    expect(await page.getByTestId('cost-size').textContent()).toMatch(/^2 areas, one request each: /);

    const before = openai.requests.length;
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const items = await staged(page, 2);
    const sent = openai.requests.slice(before);
    expect(sent).toHaveLength(2);
    for (const [i, r] of sent.entries()) {
      const [w, h] = String(r.outputSize).split('x').map(Number);
      // Small: far less than the 2304×1536 the whole photo was sent at.
      expect(w * h).toBeLessThanOrEqual(1024 * 1024);
      expect(est.areas.map((a: any) => `${a.request.width}x${a.request.height}`)).toContain(r.outputSize);
      expect(i).toBeLessThan(2);
    }
    await patchesBoth(page, items);
    // The renderer was sent each area's pixels, not the 5520×3480 box between them (77 MB before).
    const trace = (await probe<any[]>(page, 'editTimings')).at(-1);
    const sentPixels = trace.spans.filter((s: any) => s.name.startsWith('transport ← main (pixels')).map((s: any) => s.bytes);
    expect(sentPixels.length).toBeGreaterThan(0);
    for (const b of sentPixels)
      expect(b).toBeLessThanOrEqual(est.areas.reduce((t: number, a: any) => t + a.region.width * a.region.height * 4, 0));
    // The two candidates together cost what the panel said (two requests of two images each).
    expect(items.reduce((t, c) => t + c.costUsd, 0)).toBeCloseTo(est.usd, 6);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 0);
  }, 240_000);

  it("one area's request failing fails the edit at once: the other is stopped, nothing staged, the document unchanged, and it says so", async () => {
    const page = app.page;
    const before = await summary(page);
    // One fails as soon as the other has reached the server; the other would take a minute.
    let reached = () => {};
    const other = new Promise<void>((r) => {
      reached = r;
    });
    openai.script(
      { status: 500, shouldRetry: false, until: other },
      {
        match: () => {
          reached();
          return true;
        },
        delayMs: 60_000,
      },
    );
    const sent = openai.requests.length;
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(() => openai.requests.length, { timeout: 30_000 }).toBe(sent + 2);
    await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 20_000 });
    const toast = page.locator('.toast.error').last();
    await expect
      .poll(() => toast.textContent(), { timeout: 10_000 })
      .toMatch(/^Area [12] of 2: .+\. Nothing was changed; 1 other area's request was stopped\./);
    // The slow one's connection was closed by the app, not answered.
    await expect.poll(() => openai.requests[sent + 1].aborted, { timeout: 5000 }).toBe(true);
    expect((await probe<any>(page, 'staging')).items).toHaveLength(0);
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.layers).toBe(before.layers);
    openai.clearScript();
  }, 120_000);

  it('the offline engine: each dab filled at full resolution in its own small region', async () => {
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'local');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
    await leaveField(page);
    const est = await probe<any>(page, 'estimate');
    expect(est.areas).toHaveLength(2);
    for (const a of est.areas) expect(a.region.width * a.region.height).toBeLessThan(1_000_000);
    expect(await page.getByTestId('cost-usd').textContent()).toMatch(/^\$0\.000 — free \(offline\), 2 areas/);
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const items = await staged(page, 1);
    await patchesBoth(page, items);
    const versionsBefore = (await summary(page)).layers;
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    // Keep is not a busy step (waitIdle does not wait for it): it commits once the candidate's bitmap
    // is there (a decode when it was let go), so the layer count is polled.
    await waitIdle(page);
    await expect.poll(async () => (await summary(page)).layers).toBe(versionsBefore + 1);
    // Filled at the areas' own size (no 24 MP, no resampling): the request is the first area's (the
    // offline engine's mask is grown by a few px before it is sent, which the estimate leaves out).
    const [kept] = await probe<any[]>(page, 'versions');
    expect(kept.requestSize.width * kept.requestSize.height).toBeLessThan(1_000_000);
    expect(kept.requestSize.width - est.areas[0].request.width).toBeLessThanOrEqual(64);
    // Exported, the photo is the original's pixels everywhere outside the two areas' regions.
    const out = join(dir, 'kept.png');
    app.dialogs.saves.push(out);
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'PNG' }).click();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'kept.png' }).waitFor({ timeout: 120_000 });
    const [a, b] = await Promise.all(
      [join(dir, 'big.jpg'), out].map((f) => sharp(f).removeAlpha().raw().toBuffer({ resolveWithObject: true })),
    );
    expect([b.info.width, b.info.height]).toEqual([W, H]);
    const regions = est.areas.map((r: any) => r.region as { x: number; y: number; width: number; height: number });
    let outside = 0;
    let changedOutside = 0;
    let changedInside = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 3;
        const same = a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2];
        const inside = regions.some((r: any) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);
        if (inside) changedInside += same ? 0 : 1;
        else {
          outside++;
          changedOutside += same ? 0 : 1;
        }
      }
    expect(outside).toBeGreaterThan(W * H * 0.9);
    expect(changedOutside).toBe(0);
    expect(changedInside).toBeGreaterThan(1000);
  }, 240_000);
});
