/**
 * What a retoucher met in a 1280×800 window, driven by keys and mouse: the extend tool's pixel fields
 * show their whole value ("142" showed as "14"); a preset proposal not applied yet makes the Generate
 * panel say "Apply the extension first" (it said "Paint a mask first"); a running object selection
 * does not make the options bar taller; the staging strip's action row (Keep … Before, the Reveal
 * slider) stays on one line and in view with "Kept" and text-check badges on the candidates; the Model list and Export… say in their tooltips what is cut
 * or left out on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype } from '../support/user-input';
import { join } from 'node:path';

let app: AppHarness;
let openai: OpenAIServer;
type Page = AppHarness['page'];

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto({
    photo: 'colorful-cups.jpg', // 2560×1600
    viewport: { width: 1280, height: 800 },
    // A Gemini key too (no request goes there): the strip's Refine list then offers Nano Banana Pro, whose
    // long name pushes the Reveal slider onto a second row.
    env: { GEMINI_API_KEY: 'gm-e2e-test-key-0002' },
  }));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** Each pixel field of the extend bar: its value and whether the value is wider than the box. */
async function extendFields(page: Page) {
  return page.locator('header.options-bar input[type="number"]').evaluateAll((els) =>
    (els as HTMLInputElement[]).map((e) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const cs = getComputedStyle(e);
      ctx.font = cs.font;
      const room = e.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight);
      // The spin buttons, when shown, take their width out of the text's room.
      const spin = cs.appearance === 'textfield' ? 0 : 15;
      return { name: e.getAttribute('aria-label'), value: e.value, cut: ctx.measureText(e.value).width > room - spin };
    }),
  );
}

describe('a 1280×800 window', () => {
  it('the Seed field shows "random" whole, on the Candidates row', async () => {
    const page = app.page;
    const seed = page.getByRole('spinbutton', { name: 'Seed' });
    const look = await seed.evaluate((e: HTMLInputElement) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const cs = getComputedStyle(e);
      ctx.font = cs.font;
      const room = e.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight);
      const spin = cs.appearance === 'textfield' ? 0 : 15;
      return { placeholder: e.placeholder, fits: ctx.measureText(e.placeholder).width <= room - spin };
    });
    expect(look).toEqual({ placeholder: 'random', fits: true });
    const n = await page.getByRole('spinbutton', { name: 'Candidates' }).boundingBox();
    const s = await seed.boundingBox();
    expect(Math.abs(s!.y - n!.y)).toBeLessThanOrEqual(2);
  });

  it('the extend bar shows whole pixel values, and Generate asks to apply a preset proposal first', async () => {
    const page = app.page;
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    let fields = await extendFields(page);
    // 142 px would centre it exactly; a JPEG original goes on its 16-px block grid (144).
    expect(fields.find((f) => f.name === 'Extend left (px)')).toEqual({ name: 'Extend left (px)', value: '144', cut: false });
    await page.getByRole('button', { name: 'Aspect 8:1' }).click();
    await page.getByRole('radio', { name: 'Anchor right' }).click();
    fields = await extendFields(page);
    expect(fields.filter((f) => f.cut)).toEqual([]);
    expect(fields.find((f) => f.name === 'Extend left (px)')?.value).toBe('10240');
    const overflow = await page.locator('header.options-bar').evaluate((b) => b.scrollWidth - b.clientWidth);
    expect(overflow).toBe(0);
    const panel = page.getByRole('region', { name: 'Generate' });
    await expect.poll(() => panel.textContent()).toContain('Apply the extension first (Enter), then Generate');
    expect(await panel.textContent()).not.toContain('Paint a mask or select an area first');
    // Esc drops the proposal; the extend tool is still in hand, so the panel says how to make one.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.textContent()).toContain('Pick a size above or drag an edge, then Enter (or paint a mask)');
    expect(await panel.textContent()).not.toContain('Paint a mask or select an area first');
    await page.keyboard.press('b');
    await expect.poll(() => panel.textContent()).toContain('Paint a mask or select an area first');
    await page.keyboard.press('Control+0');
  });

  it('a running object selection leaves the options bar one row', async () => {
    const page = app.page;
    await page.keyboard.press('o');
    const idle = await page.locator('header.options-bar').evaluate((b) => Math.round(b.getBoundingClientRect().height));
    // Read-only probe: the bar's height at every change of its content while the selection runs.
    await page.locator('header.options-bar').evaluate((bar) => {
      const seen: { height: number; running: boolean }[] = [];
      (window as any).__barSeen = seen;
      new MutationObserver(() =>
        seen.push({ height: Math.round(bar.getBoundingClientRect().height), running: !!bar.querySelector('[role="status"]') }),
      ).observe(bar, { subtree: true, childList: true, characterData: true });
    });
    await dragPath(page, [
      [1000, 900],
      [1750, 1450],
    ]);
    await page.waitForFunction(() => (window as any).__maskworkTest.maskBounds());
    await waitIdle(page);
    const seen: { height: number; running: boolean }[] = await page.evaluate(() => (window as any).__barSeen);
    expect(seen.some((s) => s.running)).toBe(true);
    expect(seen.filter((s) => s.running).map((s) => s.height)).toEqual(seen.filter((s) => s.running).map(() => idle));
    await page.keyboard.press('Control+d');
  });

  it('the Model list and Export… tell in their tooltips what the screen leaves out', async () => {
    const page = app.page;
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    await chooseOption(page, model, 'gemini-3.1-flash-image');
    expect(await model.getAttribute('title')).toBe('Nano Banana 2 (Gemini 3.1 Flash Image) — key set');
    expect(await page.getByRole('button', { name: 'Export…' }).getAttribute('title')).toMatch(/PNG, JPEG, WebP, TIFF or a layered PSD/);
  });

  it('Export… shows each option on its own row (JPEG: prompts, then quality)', async () => {
    const page = app.page;
    await leaveField(page, 'Generate');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'JPEG' }).click();
    const prompts = await dialog.getByText("Include prompts in the file's metadata").boundingBox();
    const quality = await dialog.getByRole('slider', { name: 'Quality' }).boundingBox();
    expect(quality!.y).toBeGreaterThanOrEqual(prompts!.y + prompts!.height);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('the staging strip keeps its Reveal row in view with Kept and text-check badges', async () => {
    const page = app.page;
    await leaveField(page, 'Generate'); // the Model list had the focus: B would go to it
    await page.keyboard.press('b');
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '80');
    await dragPath(page, [
      [900, 1050],
      [1300, 1200],
    ]);
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '3');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a cup with the text "SALE 50%" printed on it');
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 90_000 });
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 2);
    await expect.poll(() => page.getByTestId('text-badge').count()).toBe(3);
    const box = await page.locator('.staging-dock').evaluate((dock) => {
      const reveal = dock.querySelector('.staging-actions')!.getBoundingClientRect();
      return { dockBottom: dock.getBoundingClientRect().bottom, revealBottom: reveal.bottom, scrolled: dock.scrollTop };
    });
    expect(box.scrolled).toBe(0);
    expect(box.revealBottom).toBeLessThanOrEqual(box.dockBottom);
    // The action row does not wrap: Keep … Before, the Refine list and the Reveal slider share one
    // line (the slider went to a second one), each whole and in view.
    const strip = page.getByRole('region', { name: 'Candidates' });
    const names = ['Keep', 'Keep as layer', 'Discard', 'Discard all', 'Compare…', 'Refine', 'Before'];
    const boxes = await Promise.all(names.map((name) => strip.getByRole('button', { name, exact: true }).boundingBox()));
    const refineWith = strip.getByRole('combobox', { name: 'Refine with' });
    expect(await refineWith.getAttribute('title')).toBe('Nano Banana Pro (Gemini 3 Pro Image)');
    boxes.push(await refineWith.boundingBox(), await strip.getByRole('slider', { name: 'Reveal candidate' }).boundingBox());
    const dock = (await page.locator('.staging-dock').boundingBox())!;
    const middles = boxes.map((b) => b!.y + b!.height / 2);
    expect(Math.max(...middles) - Math.min(...middles), `middles ${middles.join(', ')}`).toBeLessThanOrEqual(2);
    for (const b of boxes) {
      expect(b!.x).toBeGreaterThanOrEqual(dock.x);
      expect(b!.x + b!.width).toBeLessThanOrEqual(dock.x + dock.width);
      expect(b!.y + b!.height).toBeLessThanOrEqual(dock.y + dock.height);
    }
  });

  it('a long original file name stays on one line in the Layers panel (… and a tooltip)', async () => {
    const page = app.page;
    await page.keyboard.press('Escape'); // the candidates still staged
    app.dialogs.opens.push(join(PHOTOS, 'sign-sports-centre.jpg'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'sign-sports-centre.jpg');
    const layers = page.getByRole('region', { name: 'Layers' });
    const rows = await layers.locator('li').evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().height)));
    expect(rows).toHaveLength(2); // the mask and the original
    expect(rows[1]).toBeLessThanOrEqual(rows[0]);
    expect(await layers.locator('li[data-layer="original"] [title]').last().getAttribute('title')).toBe(
      'sign-sports-centre.jpg (original, locked)',
    );
  });

  it('Batch…: the close button sits at the right of the title bar, Start batch on a row of its own', async () => {
    const page = app.page;
    await leaveField(page, 'Generate');
    await page.getByRole('button', { name: 'Batch…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Batch' });
    const box = (await dialog.boundingBox())!;
    const close = (await dialog.getByRole('button', { name: 'Close batch' }).boundingBox())!;
    expect(box.x + box.width - (close.x + close.width)).toBeLessThanOrEqual(24);
    // On Generate's Offline fill: the line saying it has no Batch API, where the Batch API box is for Nano Banana.
    const check = (await dialog.getByRole('note', { name: 'Batch API' }).boundingBox())!;
    const start = (await dialog.getByRole('button', { name: 'Start batch' }).boundingBox())!;
    expect(start.y).toBeGreaterThanOrEqual(check.y + check.height);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('Save as preset… takes the typed name (the letters do not switch tools); the preset list tells its whole choice', async () => {
    const page = app.page;
    await leaveField(page, 'Generate');
    await page.keyboard.press('b');
    await page.getByRole('button', { name: 'Save as preset…' }).click();
    await page.keyboard.type('bold look');
    expect(await page.getByRole('textbox', { name: 'Preset name' }).inputValue()).toBe('bold look');
    expect((await page.evaluate(() => (window as any).__maskworkTest.summary())).tool).toBe('brush');
    await page.keyboard.press('Enter');
    const presets = page.getByRole('combobox', { name: 'Prompt preset' });
    await expect.poll(() => presets.locator('option', { hasText: 'bold look' }).count()).toBe(1);
    await chooseOption(page, presets, (await presets.locator('option', { hasText: 'Remove object' }).getAttribute('value'))!);
    expect(await presets.getAttribute('title')).toBe('Remove object');
  });

  it('the preset list shows the chosen preset name whole ("Remove obj…" was cut)', async () => {
    const page = app.page;
    const presets = page.getByRole('combobox', { name: 'Prompt preset' });
    const recent = await page.getByRole('combobox', { name: 'Recent prompts' }).boundingBox();
    for (const name of ['Remove object', 'Change text to …', 'Extend the background', 'Draft (cheapest model)']) {
      await chooseOption(page, presets, (await presets.locator('option', { hasText: name }).getAttribute('value'))!);
      // Read-only probe: the chosen option's text against the room the closed list gives it (less the arrow).
      const look = await presets.evaluate((e: HTMLSelectElement) => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        const cs = getComputedStyle(e);
        ctx.font = cs.font;
        const room = e.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight) - 20;
        const text = e.selectedOptions[0].textContent ?? '';
        return { text, fits: ctx.measureText(text).width <= room };
      });
      expect(look).toEqual({ text: name, fits: true });
    }
    // Still two rows: the preset list with ✕ (Delete preset), then Save as preset… with Recent….
    const side = (await page.getByRole('region', { name: 'Generate' }).boundingBox())!;
    const del = (await page.getByRole('button', { name: 'Delete preset' }).boundingBox())!;
    const save = (await page.getByRole('button', { name: 'Save as preset…' }).boundingBox())!;
    const list = (await presets.boundingBox())!;
    const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
    expect(Math.abs(middle(del) - middle(list))).toBeLessThanOrEqual(2);
    expect(Math.abs(middle(save) - middle(recent!))).toBeLessThanOrEqual(2);
    expect(save.y).toBeGreaterThanOrEqual(list.y + list.height);
    for (const b of [list, del, save, recent!]) expect(b.x + b.width).toBeLessThanOrEqual(side.x + side.width);
  });
});
