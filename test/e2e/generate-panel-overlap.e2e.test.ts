/**
 * Nothing in the Generate panel sits over another of its controls, at the window sizes the app
 * supports down to 1280×720, with a cloud model and with the offline engine. Found by hand: at
 * 1440×868 with gpt-image-2 the footer (cost line and Generate, then sticky at the panel's bottom)
 * half-covered "Grow mask by" until the panel was scrolled; the controls now scroll in their own box
 * and the footer is the next box down. Real mouse and keys for the user's steps; the boxes and what
 * is under each point are read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';
import { chooseOption } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1440, height: 868 }, env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001' } });
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'colorful-cups.jpg'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(page);
  await page.keyboard.press('b');
  await dragPath(page, [
    [400, 300],
    [520, 340],
  ]);
  await page.waitForFunction(() => (window as any).__maskworkTest.maskPixels() > 0);
}, 120_000);
afterAll(() => app?.close());

/**
 * Each shown control of the panel (field, list, box, button; and the footer's cost line and notes):
 * the part of it its scrolling boxes show, and whether anything else is over that part. A control
 * another one covers, or that overlaps another's shown part, is listed.
 */
function clashes(page: Page) {
  return page.getByRole('region', { name: 'Generate' }).evaluate((panel) => {
    type Box = { left: number; top: number; right: number; bottom: number };
    // The part of `r` that `e`'s ancestors which scroll or hide their overflow show.
    const clip = (e: Element, r: Box): Box | null => {
      let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowY === 'visible') continue;
        const q = a.getBoundingClientRect();
        box = {
          left: Math.max(box.left, q.left),
          top: Math.max(box.top, q.top),
          right: Math.min(box.right, q.right),
          bottom: Math.min(box.bottom, q.bottom),
        };
      }
      return box.right - box.left > 1 && box.bottom - box.top > 1 ? box : null;
    };
    const name = (e: Element) => e.getAttribute('aria-label') ?? e.getAttribute('data-testid') ?? (e.textContent ?? '').trim().slice(0, 30);
    const shownNow = (e: Element) => {
      const s = getComputedStyle(e);
      return s.visibility !== 'hidden' && s.display !== 'none' && e.getClientRects().length > 0;
    };
    const controls = [...panel.querySelectorAll('select, input, textarea, button')].filter(shownNow);
    // The footer's lines of text: their words' boxes (a block's own box spans the More cue floated beside it).
    const texts = [...panel.querySelectorAll('[data-testid="cost-usd"], [data-testid="generate-blocker"]')].filter(shownNow);
    const words = (e: Element) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return [...range.getClientRects()];
    };
    const seen = [
      ...controls.map((e) => ({ e, boxes: [clip(e, e.getBoundingClientRect())], control: true })),
      ...texts.map((e) => ({ e, boxes: words(e).map((r) => clip(e, r)), control: false })),
    ]
      .map((c) => ({ ...c, boxes: c.boxes.filter((b): b is Box => b !== null) }))
      .filter((c) => c.boxes.length > 0);
    const out: string[] = [];
    for (const { e, boxes, control } of seen) {
      if (!control) continue;
      const b = boxes[0];
      // What is under the middle of the part shown and 2 px in from the middle of each of its edges
      // (not its corners: a rounded button does not take a click there).
      const [mx, my] = [(b.left + b.right) / 2, (b.top + b.bottom) / 2];
      const pts = [
        [mx, my],
        [mx, b.top + 2],
        [mx, b.bottom - 2],
        [b.left + 2, my],
        [b.right - 2, my],
      ];
      for (const [x, y] of pts) {
        const hit = document.elementFromPoint(x, y);
        // A control's own label (a checkbox's) or its own parts are the control.
        if (hit && !e.contains(hit) && !hit.contains(e)) {
          out.push(`${name(e)} under ${hit.className || hit.tagName} at ${Math.round(x)},${Math.round(y)}`);
          break;
        }
      }
    }
    const meet = (a: Box, b: Box) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    for (let i = 0; i < seen.length; i++)
      for (let j = i + 1; j < seen.length; j++) {
        if (seen[i].e.contains(seen[j].e) || seen[j].e.contains(seen[i].e)) continue;
        if (seen[i].boxes.some((a) => seen[j].boxes.some((b) => meet(a, b)))) out.push(`${name(seen[i].e)} over ${name(seen[j].e)}`);
      }
    return { out, count: seen.length };
  });
}

describe('the Generate panel lays its controls out one after another', () => {
  for (const [width, height] of [
    [1440, 868],
    [1280, 720],
  ])
    for (const [model, label] of [
      ['gpt-image-2', 'a cloud model'],
      ['local', 'the offline engine'],
    ])
      it(`at ${width}×${height} with ${label}, scrolled to the top and to the end`, async () => {
        const page = app.page;
        await page.setViewportSize({ width, height });
        await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), model);
        await page.getByRole('heading', { name: 'Mask', exact: true }).click(); // a neutral click
        // The cost line shows (a mask is painted): the footer is at its tallest.
        await page.getByRole('region', { name: 'Generate' }).getByTestId('cost-estimate').waitFor();
        const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
        const at = (await prompt.boundingBox())!;
        for (const dy of [-5000, 5000]) {
          await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
          await page.mouse.wheel(0, dy);
          await page.waitForTimeout(200);
          const { out, count } = await clashes(page);
          expect(count).toBeGreaterThan(5); // the probe did see the panel's controls
          expect(out, `${width}×${height}, ${model}, wheel ${dy}`).toEqual([]);
        }
        await page.mouse.wheel(0, -5000);
        expect(app.errors).toEqual([]);
      });
});
