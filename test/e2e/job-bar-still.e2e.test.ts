/**
 * A running job's bar leaves the picture where it is. Counted into the dock's height, the bar that
 * appears at Ctrl+Enter made a fitted view fit again: the picture moved up (and, where the room's
 * height limits it, shrank) at every Ctrl+Enter and back at the result, and the stage drew every
 * layer again — the photo included — while main was making the request (issue 16: the renderer took
 * about half a core then). Now the bar lies over the version strip's head row, in its height.
 * 1500×800, sign-sports-centre.jpg (1280×960: the room's height limits the fit); real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { dragPath, settleView, summary } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;

const view = async (page: Page) => {
  const s = await summary(page);
  return { scale: s.scale as number, offset: s.offset as { x: number; y: number }, fitted: s.fitted as boolean };
};
const pictureDraws = (page: Page) =>
  page.evaluate(() => ((window as any).__maskworkBench.drawStats() as Record<string, { draws: number }>).picture?.draws ?? 0);

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto('sign-sports-centre.jpg', { width: 1500, height: 800 }));
  await chooseWithKeys(app.page, app.page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
  await typeInto(app.page, app.page.getByRole('textbox', { name: 'Prompt' }), 'plain wall');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe("a running job's bar", () => {
  it('neither moves nor redraws a fitted picture at Ctrl+Enter; the result is staged above the dock as before', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [600, 300],
      [700, 320],
    ]);
    await page.keyboard.press('Control+0');
    await settleView(page);
    const before = await view(page);
    expect(before.fitted).toBe(true);
    const dockBefore = (await summary(page)).dockHeight as number;
    await pictureDraws(page); // starts counting
    const drawsBefore = await pictureDraws(page);
    openai.script({ delayMs: 2500 });
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('job-progress').waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    await settleView(page);
    // While the model works: the same view, and the photo's layer was not drawn again.
    expect(await view(page)).toEqual(before);
    expect(await pictureDraws(page)).toBe(drawsBefore);
    // The bar lies over the version strip's head, in its height: the dock is as tall as before, and
    // the whole picture is still above it.
    const bar = (await page.getByTestId('job-progress').boundingBox())!;
    const dockNow = (await page.getByTestId('staging-dock').boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(dockNow.y - 0.5);
    expect(bar.y + bar.height).toBeLessThanOrEqual(dockNow.y + dockNow.height + 0.5);
    expect((await summary(page)).dockHeight).toBe(dockBefore);
    const st = (await page.getByTestId('stage').boundingBox())!;
    expect(st.y + before.offset.y + (await summary(page)).canvas.height * before.scale).toBeLessThanOrEqual(dockNow.y + 0.5);
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await page
      .getByRole('button', { name: /^Candidate 1/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await settleView(page);
    // The candidates' strip does count: a fitted view fits above it (fit-room.e2e.test.ts).
    const staged = await view(page);
    expect(staged.fitted).toBe(true);
    const dock = (await page.getByTestId('staging-dock').boundingBox())!;
    const stage = (await page.getByTestId('stage').boundingBox())!;
    const s = await summary(page);
    expect(stage.y + s.offset.y + s.canvas.height * s.scale).toBeLessThanOrEqual(dock.y + 1);
  });

  it('with a kept version in the open strip, covers the head row and none of the version cards', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    const items = page.getByTestId('version-strip').locator('.versions-items');
    await items.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('b');
    await dragPath(page, [
      [600, 250],
      [700, 270],
    ]);
    openai.script({ delayMs: 2500 });
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('job-progress').waitFor({ state: 'visible', timeout: 10_000 });
    const bar = (await page.getByTestId('job-progress').boundingBox())!;
    const head = (await page.getByTestId('version-strip').locator('.versions-head').boundingBox())!;
    const cards = (await items.boundingBox())!;
    const cancel = (await page.getByRole('button', { name: 'Cancel job' }).boundingBox())!;
    // The head row is under the bar; the cards' tops are not (the bar cut 6 px off them).
    expect(bar.y).toBeLessThanOrEqual(head.y + 0.5);
    expect(bar.y + bar.height).toBeGreaterThanOrEqual(head.y + head.height - 0.5);
    expect(bar.y + bar.height).toBeLessThanOrEqual(cards.y + 0.5);
    // And the bar's own row fits in it.
    expect(cancel.y + cancel.height).toBeLessThanOrEqual(bar.y + bar.height + 0.5);
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 30_000 });
  });
});
