/**
 * The Generate panel scrolls above its cost line; on a 1280×800 window its last lines — the offline
 * engine's "it does not draw new objects or text", the region and the expected time (now the
 * references' line) — were below the fold. A scrollbar was the only cue, and macOS hides it until one scrolls: a "More ▾" cue shows while
 * part of the panel is below, and a click on it scrolls there; at the end it reads "Prompt ▴" and takes
 * one back up to the prompt. Keys and mouse only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';

/** How much of `el`'s height shows inside the side column's scrolling top part (0…1). */
const shown = (el: Locator) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const box = e.closest('.side-top')!.getBoundingClientRect();
    const foot = e.closest('.side-top')!.querySelector('.generate-foot')!.getBoundingClientRect();
    const visible = Math.min(r.bottom, box.bottom, foot.top) - Math.max(r.top, box.top);
    return Math.max(0, visible) / r.height;
  });

// 1280×720: at 1280×800 only the references' line is below the fold now, too little to scroll the
// prompt away. 1280×680: the footer's cue sat over the Edge row's button.
describe.each([720, 680])('the Generate panel on a 1280×%i window', (height) => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1280, height } });
    app.dialogs.opens.push(join(PHOTOS, 'colorful-cups.jpg'));
    await app.page.keyboard.press('Control+o');
    await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says there is more below the fold, and a click shows it', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    const more = panel.getByRole('button', { name: 'More ▾' });
    await page.keyboard.press('b');
    await dragPath(page, [
      [400, 300],
      [520, 360],
    ]);
    // The panel's last line, the references' (the offline engine's note, once the last, is one line under the Model list now).
    const hint = panel.getByRole('button', { name: /^Add reference/ });
    await hint.waitFor({ state: 'attached' });
    expect(await shown(hint)).toBeLessThan(1); // cut at the fold
    await more.waitFor({ state: 'visible' });
    // The cue sits in the footer, beside the cost line's words, over nothing: set over the footer's
    // edge it hid words of a long hint, and set above it, the Model list's arrow.
    const clash = await more.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const foot = (b.parentElement as Element).getBoundingClientRect();
      // A control scrolled wholly under the footer shows nothing (its visible rectangle is 0 px tall):
      // at 1280×680 the Edge row's button, clipped away just below the fold, counted as under the cue.
      const hits = (q: DOMRect) =>
        q.width > 0 && q.height > 0 && q.left < r.right && r.left < q.right && q.top < r.bottom && r.top < q.bottom;
      // The rectangles of the words themselves (a block's own box spans the float).
      const words: DOMRect[] = [];
      const walk = document.createTreeWalker(b.nextElementSibling as Element, NodeFilter.SHOW_TEXT);
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(t);
        words.push(...range.getClientRects());
      }
      const panel = b.closest('section') as Element;
      const controls = [...panel.querySelectorAll('select, input, textarea, button')].filter((e) => e !== b);
      // What of a control shows: a part scrolled under the footer is clipped by the scrolling box, not under the cue.
      const box = panel.querySelector('.generate-scroll')!.getBoundingClientRect();
      const visible = (e: Element) => {
        const q = e.getBoundingClientRect();
        if (!e.closest('.generate-scroll')) return q;
        const top = Math.max(q.top, box.top);
        const bottom = Math.min(q.bottom, box.bottom);
        return new DOMRect(q.left, top, q.width, Math.max(0, bottom - top));
      };
      return {
        outsideFooter: r.top < foot.top - 0.5,
        overWords: words.some(hits),
        overControls: controls.filter((e) => hits(visible(e))).map((e) => e.getAttribute('aria-label') ?? e.textContent),
      };
    });
    expect(clash).toEqual({ outsideFooter: false, overWords: false, overControls: [] });
    const prompt = panel.getByRole('textbox', { name: 'Prompt' });
    expect(await shown(prompt)).toBe(1);
    await more.click();
    await expect.poll(() => shown(hint)).toBe(1);
    await more.waitFor({ state: 'hidden' });
    // At the end the panel is scrolled down (at 1280×720 the prompt's top lines went out of view
    // before History gave Generate room with its earlier steps): the same place now takes one back up
    // to the top (it stayed scrolled there with no cue but the wheel).
    const scrolled = () => panel.locator('.generate-scroll').evaluate((e) => e.scrollTop);
    expect(await scrolled()).toBeGreaterThan(0);
    const back = panel.getByRole('button', { name: 'Prompt ▴' });
    await back.click();
    await expect.poll(scrolled).toBe(0);
    expect(await shown(prompt)).toBe(1);
    await back.waitFor({ state: 'hidden' });
    await more.waitFor({ state: 'visible' });
    // Down with the wheel to the end, the way back shows too.
    await page.mouse.move(1150, 200);
    await page.mouse.wheel(0, 600);
    await back.waitFor({ state: 'visible' });
    // Scrolled back up with the wheel, the cue is back.
    await page.mouse.move(1150, 200);
    await page.mouse.wheel(0, -600);
    await more.waitFor({ state: 'visible' });
  });
});
