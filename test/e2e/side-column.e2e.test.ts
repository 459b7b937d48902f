/**
 * The right-hand column at 1280×800 after a retoucher's usual start — two results kept with the
 * offline engine, then the canvas extended: History shows at least two steps (it gives the rest of its
 * room to Generate's Edge line) with every Layers row
 * still in view (two kept layers pushed History out of sight, header and all), and the outpaint's
 * cost line is never hidden under the sticky Generate button while the panel scrolls (at the top
 * of the panel it was wholly under it), the selected layer's Opacity and buttons are in sight with every
 * Layers row (they were below the panel's fold), and every Mask control is in sight between Generate and Layers
 * wherever Generate is scrolled (only the panel's name showed; at 1500×950 it was cut below
 * Grow/Shrink); its heading folds it, remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'colorful-cups.jpg')); // 2560×1600
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(page);
  await page.keyboard.press('b');
  for (const [i, y] of [500, 1100].entries()) {
    await dragPath(page, [
      [800, y],
      [1100, y + 100],
    ]);
    await page.keyboard.press('Control+Enter');
    const keep = page.getByRole('button', { name: 'Keep', exact: true });
    await keep.waitFor({ timeout: 120_000 });
    await keep.click();
    // Keep is not a busy step (waitIdle does not wait for it): it commits once the candidate's bitmap is there.
    await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, i + 1);
    await waitIdle(page);
  }
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Aspect 16:9' }).click();
  await page.keyboard.press('Enter');
  await waitIdle(page);
  expect((await page.evaluate(() => (window as any).__maskworkTest.summary())).layers).toBe(2);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

/**
 * How much of `el` the user sees: the part inside every scrolling ancestor and the window, and
 * whether the element itself is what is on top at its visible centre (nothing sticky over it).
 */
async function seen(page: Page, selector: string | Locator): Promise<{ fraction: number; onTop: boolean }[]> {
  return (typeof selector === 'string' ? page.locator(selector) : selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      let top = Math.max(r.top, 0);
      let bottom = Math.min(r.bottom, window.innerHeight);
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowY;
        if (o === 'visible') continue;
        const pr = p.getBoundingClientRect();
        top = Math.max(top, pr.top);
        bottom = Math.min(bottom, pr.bottom);
      }
      const fraction = r.height > 0 ? Math.max(0, bottom - top) / r.height : 0;
      const probes = [0.25, 0.5, 0.75].map((f) => {
        const hit = document.elementFromPoint(r.left + 8, r.top + r.height * f);
        return !!hit && (hit === el || el.contains(hit));
      });
      return { fraction, onTop: fraction > 0 && probes.every(Boolean) };
    }),
  );
}

describe('the side column at 1280×800', () => {
  it('History shows at least two steps, with the current one, and every Layers row stays in view', async () => {
    const page = app.page;
    const history = await seen(page, '[data-testid="history"] li');
    expect(history.length).toBeGreaterThanOrEqual(6); // open, 2 × (stroke, keep), extend
    // Two, not four: Generate's Edge line was under its footer here, and History gives its room for it
    // (generate-room-one-layer.e2e); Layers keeps every row.
    expect(history.filter((r) => r.fraction === 1 && r.onTop).length).toBeGreaterThanOrEqual(2);
    expect(await seen(page, page.getByRole('region', { name: 'Generate' }).getByRole('button', { name: /^Edge/ }))).toEqual([
      { fraction: 1, onTop: true },
    ]);
    const current = await seen(page, '[data-testid="history"] li.current');
    expect(current).toEqual([{ fraction: 1, onTop: true }]);
    // The mask, the two kept layers and the original.
    const layers = await seen(page, 'section[aria-label="Layers"] ul.layers > li');
    expect(layers).toHaveLength(4);
    expect(layers.every((r) => r.fraction === 1 && r.onTop)).toBe(true);
  });

  it("the selected layer's Opacity, Rename, Duplicate and Merge down are in sight with every Layers row", async () => {
    const page = app.page;
    const layers = page.getByRole('region', { name: 'Layers' });
    const opacity = layers.getByRole('spinbutton', { name: /^Opacity of / });
    const buttons = layers.getByRole('group', { name: /^Selected layer: / }).getByRole('button');
    expect(await buttons.allTextContents()).toEqual(['Rename', 'Duplicate', 'Merge down']);
    // They were below the Layers panel's fold (Opacity half in sight, the buttons not at all).
    expect(await seen(page, opacity)).toEqual([{ fraction: 1, onTop: true }]);
    expect((await seen(page, buttons)).every((r) => r.fraction === 1 && r.onTop)).toBe(true);
    const rows = await seen(page, 'section[aria-label="Layers"] ul.layers > li');
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.fraction === 1 && r.onTop)).toBe(true);
    // And they act on the selected layer from there: a click on Duplicate makes a third layer.
    await buttons.getByText('Duplicate', { exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.summary().layers)).toBe(3);
    // With three, the list scrolls between them: Opacity and the buttons stay in sight (once the
    // panel has laid out the new row: under load the first read came before it).
    await expect.poll(() => seen(page, opacity)).toEqual([{ fraction: 1, onTop: true }]);
    await expect
      .poll(async () =>
        (await seen(page, layers.getByRole('group', { name: /^Selected layer: / }).getByRole('button'))).every(
          (r) => r.fraction === 1 && r.onTop,
        ),
      )
      .toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.summary().layers)).toBe(2);
  });

  it("the outpaint's cost line is in view whenever the Generate button is, wherever the panel is scrolled", async () => {
    const page = app.page;
    const panel = page.locator('.generate-scroll');
    const box = (await panel.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, -5000);
    const room = await panel.evaluate((e) => e.scrollHeight - e.clientHeight);
    expect(room).toBeGreaterThan(0); // the panel does scroll here: the case that hid the line
    let checked = 0;
    for (let step = 0; step < 40; step++) {
      const [button] = await seen(page, '[data-testid="generate"]');
      if (button.fraction === 1) {
        const [cost] = await seen(page, '[data-testid="outpaint-estimate"]');
        const at = await panel.evaluate((e) => Math.round(e.scrollTop));
        expect(cost, `scrolled ${at} px`).toEqual({ fraction: 1, onTop: true });
        checked++;
      }
      const before = await panel.evaluate((e) => e.scrollTop);
      await page.mouse.wheel(0, 60);
      await expect
        .poll(() => panel.evaluate((e, b) => e.scrollTop !== b || e.scrollTop >= e.scrollHeight - e.clientHeight - 1, before))
        .toBe(true);
      if (await panel.evaluate((e) => e.scrollTop >= e.scrollHeight - e.clientHeight - 1)) break;
    }
    expect(checked).toBeGreaterThan(0);
    // One cost line: the footer holds it, the panel above does not say it again.
    expect(
      await page
        .getByRole('region', { name: 'Generate' })
        .getByText(/^1 candidate · \$0\.000 — free/)
        .count(),
    ).toBe(1);
  });

  it('the Mask panel shows all its controls wherever Generate is scrolled, with the prompt in sight above it', async () => {
    const page = app.page;
    const top = page.locator('.generate-scroll');
    const box = (await top.boundingBox())!;
    const mask = page.getByRole('region', { name: 'Mask' });
    const controls = mask.locator('button, input');
    expect(await controls.count()).toBeGreaterThanOrEqual(14);
    for (const dir of [-1, 1]) {
      await page.mouse.move(box.x + box.width / 2, box.y + 40);
      await page.mouse.wheel(0, dir * 5000);
      await expect
        .poll(() => top.evaluate((e, d) => (d < 0 ? e.scrollTop === 0 : e.scrollTop >= e.scrollHeight - e.clientHeight - 1), dir))
        .toBe(true);
      // Every Mask control whole and on top (with Generate at its top only the panel's name showed, and
      // at 1500×950 it was cut below Grow/Shrink).
      expect(
        (await seen(page, controls)).every((r) => r.fraction === 1 && r.onTop),
        `scrolled ${dir}`,
      ).toBe(true);
      // Generate's button and cost line stay whole and on top above it.
      expect(await seen(page, '[data-testid="generate"]')).toEqual([{ fraction: 1, onTop: true }]);
      expect(await seen(page, '[data-testid="outpaint-estimate"]')).toEqual([{ fraction: 1, onTop: true }]);
    }
    await page.mouse.wheel(0, -5000);
    await expect.poll(() => top.evaluate((e) => e.scrollTop)).toBe(0);
    expect(await seen(page, page.getByRole('textbox', { name: 'Prompt', exact: true }))).toEqual([{ fraction: 1, onTop: true }]);
    expect(app.errors).toEqual([]);
  });

  it('its heading folds the Mask panel (more room for Generate), and a new window remembers it', async () => {
    const page = app.page;
    const fold = page.getByRole('button', { name: 'Mask', exact: true });
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    // A click on the heading beside its name is a neutral click (tests and people use it to leave a field).
    await page.getByRole('heading', { name: 'Mask', exact: true }).click();
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    const room = () => page.locator('.side-top').evaluate((e) => e.clientHeight);
    const before = await room();
    await fold.click();
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Invert' }).count()).toBe(0);
    expect(await room()).toBeGreaterThan(before + 100);
    const other = await app.openPage();
    const again = other.getByRole('button', { name: 'Mask', exact: true });
    expect(await again.getAttribute('aria-expanded')).toBe('false');
    await again.click();
    expect(await other.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Invert' }).isVisible()).toBe(true);
    await other.close();
    await fold.click(); // unfolded again here too
    expect(await room()).toBe(before);
    expect(app.errors).toEqual([]);
  });
});

describe('the side column at 1500×950', () => {
  it('shows every Mask control with two kept layers, Generate scrolled to its top', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1500, height: 950 });
    const top = page.locator('.generate-scroll');
    const box = (await top.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, -5000);
    await expect.poll(() => top.evaluate((e) => e.scrollTop)).toBe(0);
    const controls = page.getByRole('region', { name: 'Mask' }).locator('button, input');
    await expect.poll(async () => (await seen(page, controls)).every((r) => r.fraction === 1 && r.onTop)).toBe(true);
    const layers = await seen(page, 'section[aria-label="Layers"] ul.layers > li');
    expect(layers.every((r) => r.fraction === 1 && r.onTop)).toBe(true);
  });

  it("History gives up its room first: with ten steps the selected layer's Opacity, Rename, Duplicate and Merge down stay in sight", async () => {
    const page = app.page;
    const layers = page.getByRole('region', { name: 'Layers' });
    // Four more steps (hide and show each layer): ten in all, more than History shows at once.
    for (const name of ['Offline fill', 'Offline fill 2']) {
      await layers.getByRole('button', { name: `Hide layer ${name}`, exact: true }).click();
      await layers.getByRole('button', { name: `Show layer ${name}`, exact: true }).click();
    }
    const history = await seen(page, '[data-testid="history"] li');
    expect(history.length).toBeGreaterThanOrEqual(10);
    const actions = layers.getByRole('group', { name: /^Selected layer: / }).getByRole('button');
    expect(await actions.count()).toBeGreaterThanOrEqual(3);
    // Read once the column has laid out the last step (under load the first read came before it).
    await expect.poll(() => seen(page, layers.getByRole('spinbutton', { name: /^Opacity of / }))).toEqual([{ fraction: 1, onTop: true }]);
    // They were below the Layers panel's fold (History kept ten steps in view).
    await expect.poll(async () => (await seen(page, actions)).every((r) => r.fraction === 1 && r.onTop)).toBe(true);
    await expect
      .poll(async () => (await seen(page, 'section[aria-label="Layers"] ul.layers > li')).every((r) => r.fraction === 1 && r.onTop))
      .toBe(true);
    // History still shows at least four whole steps, the current one among them.
    expect(history.filter((r) => r.fraction === 1 && r.onTop).length).toBeGreaterThanOrEqual(4);
    expect(await seen(page, '[data-testid="history"] li.current')).toEqual([{ fraction: 1, onTop: true }]);
    expect(app.errors).toEqual([]);
  });
});

describe('the side column at 1024×600', () => {
  it("the Layers panel is too short for its rows: the list keeps a row, and a scroll of the panel brings the layer's buttons in sight", async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1024, height: 600 });
    const layers = page.getByRole('region', { name: 'Layers' });
    const rows = await seen(page, 'section[aria-label="Layers"] ul.layers > li');
    expect(rows.filter((r) => r.fraction === 1).length).toBeGreaterThanOrEqual(1);
    const box = (await layers.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10); // over the heading line, not the list
    await page.mouse.wheel(0, 400);
    const buttons = layers.getByRole('group', { name: /^Selected layer: / }).getByRole('button');
    // They were cut off at the panel's foot with nothing to scroll.
    await expect.poll(async () => (await seen(page, buttons)).every((r) => r.fraction === 1 && r.onTop)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
