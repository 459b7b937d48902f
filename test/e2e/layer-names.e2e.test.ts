/**
 * Layer names a retoucher can read: the offline engine's layers are named for what made it ("Offline
 * fill", "Offline fill 2"), not after a prompt it does not read; a row shows a long name on up to two
 * lines with the whole of it in its tooltip and its accessible name, and the row still fits the
 * column. 1280×800, offline engine, keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { paintGenerateKeep } from '../support/page-helpers';
import { leaveField } from '../support/user-input';
import { typeInto } from '../support/real-input';

let app: AppHarness;
type Page = AppHarness['page'];

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png'); // 600×400
}, 120_000);
afterAll(() => app?.close());

const panel = (page: Page) => page.getByRole('region', { name: 'Layers' });

/** What of a layer row's name is cut off: any part of the name button whose content overflows its box. */
function clipped(page: Page, name: string) {
  return panel(page)
    .getByRole('button', { name: `Select layer ${name}`, exact: true })
    .evaluate((el) =>
      [el, ...Array.from(el.querySelectorAll('*'))].some((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight),
    );
}

describe('layer names', () => {
  it('the offline engine names its layers "Offline fill", "Offline fill 2", whatever the prompt says', async () => {
    const page = app.page;
    await typeInto(page, page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a shiny red sports car on the table');
    await leaveField(page);
    await paintGenerateKeep(page, 100, 1);
    await paintGenerateKeep(page, 300, 2);
    const names: string[] = await page.evaluate(() => (window as any).__maskworkTest.docLayers().map((l: { name: string }) => l.name));
    expect(names).toEqual(['Offline fill', 'Offline fill 2']);
    await panel(page).getByRole('button', { name: 'Select layer Offline fill 2', exact: true }).waitFor();
    // The version still records the prompt as typed: only the name leaves it out.
    const versions = await page.evaluate(() => (window as any).__maskworkTest.versions());
    expect(versions[0].prompt).toBe('a shiny red sports car on the table');
  });

  it("a kept result's name of ~30 characters shows whole; a longer one ends in … with all of it in the tooltip", async () => {
    const page = app.page;
    const layers = panel(page);
    // Rename the top layer as a cloud result would be named (typed: Rename, Ctrl+A, the name, Enter).
    const typical = 'A glass vase 2 · GPT Image 2';
    await layers.getByRole('button', { name: 'Select layer Offline fill 2', exact: true }).click();
    await layers.getByRole('button', { name: 'Rename layer Offline fill 2', exact: true }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(typical);
    await page.keyboard.press('Enter');
    await layers.getByRole('button', { name: `Select layer ${typical}`, exact: true }).waitFor();
    expect(await clipped(page, typical)).toBe(false);

    const long = 'Replace the faded label on the left jar with a clean paper one · Nano Banana Pro';
    await layers.getByRole('button', { name: `Rename layer ${typical}`, exact: true }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(long);
    await page.keyboard.press('Enter');
    const row = layers.getByRole('button', { name: `Select layer ${long}`, exact: true }); // the accessible name is whole
    await row.waitFor();
    expect(await clipped(page, long)).toBe(true);
    expect(await row.getAttribute('title')).toContain(long);
    // The pointer over the name rests on an element whose tooltip is the whole name.
    const box = (await row.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[title]')?.getAttribute('title'), [
      box.x + box.width / 2,
      box.y + box.height / 2,
    ] as const);
    expect(tip).toContain(long);
    // The row keeps to the column: at most two lines tall, no sideways overflow, its buttons inside.
    const fit = await row.locator('xpath=ancestor::li[1]').evaluate((li) => {
      const box = li.getBoundingClientRect();
      const buttons = Array.from(li.querySelectorAll('button')).map((b) => b.getBoundingClientRect());
      const text = li.querySelector('.layer-name-text') ?? li;
      const line = Number.parseFloat(getComputedStyle(text).lineHeight) || 16;
      return {
        height: box.height,
        line,
        overflow: li.scrollWidth - li.clientWidth,
        right: Math.max(...buttons.map((b) => b.right)) - box.right,
      };
    });
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(0);
    expect(fit.height).toBeLessThanOrEqual(2 * fit.line + 12);
    // The two-line name shows more than the one-line row did (~17 characters): the visible text
    // holds at least the first 30 characters of the name.
    const shown = await row.evaluate((el) => {
      const t = el.querySelector('.layer-name-text') ?? el;
      const range = document.createRange();
      range.selectNodeContents(t);
      const clip = t.getBoundingClientRect();
      const node = t.firstChild as Text;
      let n = 0;
      for (let i = 0; i < (node?.length ?? 0); i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.bottom <= clip.bottom + 0.5 && r.right <= clip.right + 0.5) n = i + 1;
        else break;
      }
      return n;
    });
    expect(shown).toBeGreaterThanOrEqual(30);
    expect(app.errors).toEqual([]);
  });

  it('Enter or Esc in the name field gives the focus back to the row: ↑ goes on to the row above', async () => {
    const page = app.page;
    const layers = panel(page);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
    await layers.getByRole('button', { name: 'Select layer Offline fill', exact: true }).dblclick();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Wall patch');
    await page.keyboard.press('Enter');
    await layers.getByRole('button', { name: 'Select layer Wall patch', exact: true }).waitFor();
    expect(await focused()).toBe('Select layer Wall patch'); // it was BODY: the keys started from nowhere
    await layers.getByRole('button', { name: 'Select layer Wall patch', exact: true }).dblclick();
    await page.keyboard.type('not this');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('Select layer Wall patch');
    await page.keyboard.press('ArrowUp'); // on to the layer above, selected
    expect(await focused()).toMatch(/^Select layer Replace the faded label/);
    expect(await layers.getByRole('group', { name: /^Selected layer: Replace the faded label/ }).count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
