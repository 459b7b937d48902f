/**
 * The options bar is one row for every tool at 1280 px wide — the brush painting a layer mask, colour
 * range, the extend tool with a proposal — so switching tools never moves the photo; and where the bar
 * does wrap (a narrower window), a tool switch still leaves the photo where it was on screen (no re-fit,
 * no zoom change). Tools chosen with their keys, the layer mask with the mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { docToClient, settleView, summary } from '../support/page-helpers';
import { launchWithBandLayers } from '../support/band-layers';

let app: AppHarness;
let launched: Awaited<ReturnType<typeof launchWithBandLayers>> | undefined;

beforeAll(async () => {
  launched = await launchWithBandLayers({ width: 1280, height: 800 });
  app = launched.app;
});
afterAll(() => launched?.close());

type Page = AppHarness['page'];

/** The bar's height, how far its content overflows, the controls outside it and the spread of their vertical centres. */
async function barLayout(page: Page) {
  return page.locator('header.options-bar').evaluate((bar) => {
    const b = bar.getBoundingClientRect();
    const centres: number[] = [];
    const outside: string[] = [];
    for (const c of Array.from(bar.querySelectorAll('button, input, select, label'))) {
      const r = (c as HTMLElement).getBoundingClientRect();
      if (!r.width || !r.height) continue;
      centres.push(r.top + r.height / 2);
      if (r.right > b.right + 0.5 || r.left < b.left - 0.5) outside.push(c.getAttribute('aria-label') || (c.textContent ?? '').trim());
    }
    return {
      height: Math.round(b.height),
      overflow: bar.scrollWidth - bar.clientWidth,
      outside,
      spread: Math.round(Math.max(...centres) - Math.min(...centres)),
    };
  });
}

/** Where a document point is on screen, and the zoom. */
async function photoPlace(page: Page) {
  await settleView(page);
  const p = await docToClient(page, 300, 200);
  return { x: Math.round(p.x), y: Math.round(p.y), scale: (await summary(page)).scale };
}

describe('options bar', () => {
  it('is one row for every tool at 1280 px, and switching tools never moves the photo', async () => {
    const page = app.page;
    await page.keyboard.press('Control+0'); // fit on screen: the state in which a resized stage re-fits
    const place = await photoPlace(page);
    const seen: Record<string, Awaited<ReturnType<typeof barLayout>>> = {};
    const check = async (name: string, samePlace = true) => {
      const bar = await barLayout(page);
      seen[name] = bar;
      expect({ name, overflow: bar.overflow, outside: bar.outside }).toEqual({ name, overflow: 0, outside: [] });
      expect(bar.spread, name).toBeLessThanOrEqual(8);
      if (samePlace) expect(await photoPlace(page), name).toEqual(place);
    };
    for (const key of ['b', 'e', 'm', 'Shift+M', 'l', 'w', 'i', 'o', 'c', 'h']) {
      await page.keyboard.press(key);
      await check(key);
    }
    // The extend tool with a proposal (its size line shows the proposed canvas too); the view fits the
    // proposal on purpose, so only the bar is checked.
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 21:9' }).click();
    await check('extend proposal', false);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+0');
    expect(await photoPlace(page)).toEqual(place);
    // Painting a layer mask: the brush's options with the layer's name.
    await page.keyboard.press('b');
    await page
      .getByRole('region', { name: 'Layers' })
      .getByRole('button', { name: /^Paint the layer mask of / })
      .first()
      .click();
    await page.getByRole('status', { name: /^Painting: layer mask of / }).waitFor();
    await check('layer mask');
    const heights = new Set(Object.values(seen).map((b) => b.height));
    expect([...heights]).toHaveLength(1);
    await page.getByRole('button', { name: 'Document mask', exact: true }).click();
  });

  it('where the bar wraps (1100 px), a tool switch leaves the photo where it was, at the same zoom', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.keyboard.press('m');
    await page.keyboard.press('Control+0');
    const place = await photoPlace(page);
    const oneRow = (await barLayout(page)).height;
    await page.keyboard.press('b');
    // The brush's options need two rows here: the stage gets shorter…
    expect((await barLayout(page)).height).toBeGreaterThan(oneRow);
    // …but the photo does not move or change size.
    expect(await photoPlace(page)).toEqual(place);
    await page.keyboard.press('m');
    expect((await barLayout(page)).height).toBe(oneRow);
    expect(await photoPlace(page)).toEqual(place);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('labels and lists in the bar and the side column are not cut or run together at 1280 px', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await page
      .getByRole('region', { name: 'Layers' })
      .getByRole('button', { name: /^Select layer / })
      .first()
      .click();
    const look = await page.evaluate(() => {
      const range = document.createRange();
      const textRect = (n: Node) => {
        range.selectNodeContents(n);
        return range.getBoundingClientRect();
      };
      // "Painting:" and "Document mask" apart (they ran together as "Painting:Document mask").
      const chip = document.querySelector('[aria-label="Painting: document mask"]')!;
      const lead = Array.from(chip.childNodes).find((n) => n.textContent?.includes('Painting:'))!;
      const gap = chip.querySelector('strong')!.getBoundingClientRect().left - textRect(lead).right;
      // The two lists above the prompt show their whole first line ("Recent promp" was cut).
      const cut: string[] = [];
      const ctx = document.createElement('canvas').getContext('2d')!;
      for (const name of ['Prompt preset', 'Recent prompts']) {
        const sel = document.querySelector(`select[aria-label="${name}"]`) as HTMLSelectElement;
        ctx.font = getComputedStyle(sel).font;
        // Room for the text: the box less its padding and the arrow (about 20 px).
        if (ctx.measureText(sel.options[sel.selectedIndex].text).width > sel.clientWidth - 24) cut.push(name);
      }
      // The layer's opacity: "%" on the input's line (it sat under it).
      const opacity = document.querySelector('input[aria-label^="Opacity of "]')!;
      const percent = Array.from(opacity.parentElement!.querySelectorAll('span')).find((e) => e.textContent === '%')!;
      const centre = (r: DOMRect) => r.top + r.height / 2;
      const percentOff = Math.abs(centre(percent.getBoundingClientRect()) - centre(opacity.getBoundingClientRect()));
      const buttons = ['Duplicate', 'Merge down'].map((t) =>
        Math.round(
          Array.from(document.querySelectorAll('fieldset.layer-actions button'))
            .find((b) => b.textContent === t)!
            .getBoundingClientRect().height,
        ),
      );
      return { gap, cut, percentOff, buttons };
    });
    expect({ apart: look.gap >= 3, cut: look.cut, percentOnLine: look.percentOff <= 4 }).toEqual({
      apart: true,
      cut: [],
      percentOnLine: true,
    });
    expect(Math.max(...look.buttons)).toBeLessThanOrEqual(28);
  });
});
