/**
 * A fit fits the room the dock leaves, and keeps fitting it: a hands-on pass found a project picked
 * from the ▾ menu "fitted at 25 %" with its bottom ~100 px under the version strip (the fit was made
 * before the strip appeared; Ctrl+0 then fitted at 21.9 %), and the same after the first Keep opened
 * the strip on a fitted photo, and after "Restore your last session". Now a fitted view fits again whenever the dock grows or shrinks; a
 * view the user zoomed stays. And a photo opens at 100 % at most, as in Photoshop (a 640×427 photo
 * opened at 179 %); Ctrl+0 still fills the window, Ctrl+1 is 100 %. 1500×800, keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { docToClient, paintGenerateKeep, settleView, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let dir: string;
type Page = AppHarness['page'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-fit-room-'));
  app = await launchApp({ viewport: { width: 1500, height: 800 } });
  await open(app.page, 'sign-sports-centre.jpg'); // 1280×960: the room's height limits the fit
}, 120_000);
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(page: Page, name: string) {
  app.dialogs.opens.push(join(PHOTOS, name));
  await page.keyboard.press('Control+o');
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().original?.name === n, name, { timeout: 30_000 });
  await waitIdle(page);
}

/** Once the dock and the view have settled: the picture's bottom and the dock's top on screen, the zoom. */
async function room(page: Page) {
  // The view knows the dock's height (it reports it from a ResizeObserver).
  await expect
    .poll(async () => Math.ceil((await page.getByTestId('staging-dock').boundingBox())!.height) - (await summary(page)).dockHeight, {
      timeout: 10_000,
    })
    .toBe(0);
  await settleView(page);
  const s = await summary(page);
  const bottom = (await docToClient(page, 0, s.canvas.height)).y;
  const dock = (await page.getByTestId('staging-dock').boundingBox())!;
  return { bottom, dockTop: dock.y, dockHeight: dock.height, scale: s.scale as number };
}

/** The zoom Ctrl+0 gives now (pressed by the caller's leave: the view is then fitted by the user). */
async function ctrl0Scale(page: Page): Promise<number> {
  await page.keyboard.press('Control+0');
  await settleView(page);
  return (await summary(page)).scale;
}

describe('the fit and the room above the dock', () => {
  it('the first Keep opens the version strip on a fitted photo: the view fits again above it', async () => {
    const page = app.page;
    await page.keyboard.press('Control+0');
    const before = await room(page);
    expect(before.dockHeight).toBeLessThan(60);
    await paintGenerateKeep(page, 400, 1, 700); // an edit in the middle: nothing to reveal
    await page.getByRole('region', { name: 'Versions' }).getByRole('button', { name: 'Version 1: Offline fill' }).waitFor();
    await expect.poll(async () => (await room(page)).dockHeight, { timeout: 10_000 }).toBeGreaterThan(80);
    const after = await room(page);
    expect(after.bottom).toBeLessThanOrEqual(after.dockTop);
    expect(after.scale).toBeLessThan(before.scale);
    expect(await ctrl0Scale(page)).toBe(after.scale); // what Ctrl+0 gives: it was fitted already
  });

  it('a project picked from the ▾ menu opens fitted above its version strip, at what Ctrl+0 gives', async () => {
    const page = app.page;
    app.dialogs.saves.push(join(dir, 'sign.maskwork'));
    await page.keyboard.press('Control+Shift+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'sign.maskwork');
    await waitIdle(page);
    await open(page, 'building.jpg'); // no versions: the dock is its head only
    expect((await room(page)).dockHeight).toBeLessThan(60);
    await page.getByRole('button', { name: 'Project menu' }).click();
    const menu = page.getByRole('menu', { name: 'Project menu' });
    await menu.getByRole('menuitem', { name: 'sign.maskwork', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'sign-sports-centre.jpg');
    await waitIdle(page);
    await expect.poll(async () => (await room(page)).dockHeight, { timeout: 10_000 }).toBeGreaterThan(80);
    const opened = await room(page);
    expect(opened.bottom).toBeLessThanOrEqual(opened.dockTop);
    expect((await summary(page)).fitted).toBe(true);
    expect(await ctrl0Scale(page)).toBe(opened.scale);
  });

  it('collapsing the version strip fits a fitted view again; a view zoomed by hand stays as it is', async () => {
    const page = app.page;
    const head = page.getByRole('button', { name: /Versions \(1\)/ });
    const open = await room(page);
    await head.click(); // collapse
    await expect.poll(async () => (await room(page)).dockHeight, { timeout: 10_000 }).toBeLessThan(60);
    const folded = await room(page);
    expect(folded.scale).toBeGreaterThan(open.scale);
    expect(folded.bottom).toBeLessThanOrEqual(folded.dockTop);
    await page.keyboard.press('Control+Minus'); // zoomed by the user: not the fitted view any more
    await settleView(page);
    const zoomed = await summary(page);
    await head.click(); // open again
    await expect.poll(async () => (await room(page)).dockHeight, { timeout: 10_000 }).toBeGreaterThan(80);
    const s = await summary(page);
    expect({ scale: s.scale, offset: s.offset }).toEqual({ scale: zoomed.scale, offset: zoomed.offset });
  });

  it('a small photo opens at 100 % (it opened at 179 %); Ctrl+0 fills the window, Ctrl+1 is 100 %', async () => {
    const page = app.page;
    await open(page, 'rocket.jpg'); // 640×427
    await settleView(page);
    expect((await summary(page)).scale).toBe(1);
    expect(await ctrl0Scale(page)).toBeGreaterThan(1.5);
    await page.keyboard.press('Control+1');
    await settleView(page);
    expect((await summary(page)).scale).toBe(1);
  });

  it('a restored session ("Restore your last session") opens fitted above its version strip', async () => {
    const old = app.page;
    await old.getByRole('button', { name: 'Project menu' }).click();
    await old.getByRole('menu', { name: 'Project menu' }).getByRole('menuitem', { name: 'sign.maskwork', exact: true }).click();
    await old.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'sign-sports-centre.jpg');
    await waitIdle(old);
    await paintGenerateKeep(old, 200, 2, 500); // a change for the autosave: a second version
    await old.waitForFunction(
      () => {
        const a = (window as any).__maskworkTest.autosave();
        return !a.pending && a.saves > 0;
      },
      null,
      { timeout: 15_000 },
    );
    await old.close({ runBeforeUnload: false }); // a crash
    const page = await app.openPage();
    const banner = page.getByRole('region', { name: 'Restore session' });
    await banner.waitFor({ timeout: 15_000 });
    await banner.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'sign-sports-centre.jpg');
    await waitIdle(page);
    await expect.poll(async () => (await room(page)).dockHeight, { timeout: 10_000 }).toBeGreaterThan(80);
    const restored = await room(page);
    expect(restored.bottom).toBeLessThanOrEqual(restored.dockTop);
    expect(await ctrl0Scale(page)).toBe(restored.scale);
    expect(app.errors).toEqual([]);
  });
});
