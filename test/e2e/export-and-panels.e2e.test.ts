/**
 * The small things, at 1600×1000 with real keys and mouse: the Export dialog (format, JPEG/WebP
 * quality, remembered, used again by Ctrl+Shift+S), a tooltip on every button, no two "100%"
 * labels, the options bar in one row with the Extend tool, eye toggles that say Show/Hide, short
 * layer names, and a History panel with the open photo's steps only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { typeInto } from '../support/real-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1600, height: 1000 }); // 600×400
});
afterAll(async () => {
  await app?.close();
});

describe('export dialog', () => {
  it('JPEG at a chosen quality, remembered: the dialog and Ctrl+Shift+Alt+S use it again', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    // The format radios have a visible label (it was only an accessible name), and it names their group.
    const label = dialog.getByText('Format', { exact: true });
    expect(await label.isVisible()).toBe(true);
    const formats = dialog.getByRole('group', { name: 'Format', exact: true });
    expect(await formats.getByRole('radio').count()).toBe(5);
    const [labelBox, pngBox] = [await label.boundingBox(), await formats.getByRole('radio', { name: 'PNG' }).boundingBox()];
    // It leads the radios on their row, as "Quality" leads its slider.
    expect(labelBox!.x + labelBox!.width).toBeLessThanOrEqual(pngBox!.x);
    expect(Math.abs(labelBox!.y + labelBox!.height / 2 - (pngBox!.y + pngBox!.height / 2))).toBeLessThanOrEqual(4);
    // The chosen format says the bit depth it writes (TIFF said nothing; it follows the original, 8-bit here).
    const depth = dialog.getByTestId('export-depth-note');
    await dialog.getByRole('radio', { name: 'TIFF' }).click();
    expect(await depth.textContent()).toBe('TIFF: 8 bits per channel, as the original (a 16-bit original gives 16).');
    await dialog.getByRole('radio', { name: 'PSD' }).click();
    expect(await depth.textContent()).toBe('PSD: 8 bits per channel, as the original (a 16-bit original gives 16).');
    await dialog.getByRole('radio', { name: 'PNG' }).click();
    expect(await depth.textContent()).toBe('PNG: 8 bits per channel, as the original (a 16-bit original gives 16).');
    // A lossy format that encodes the whole photo says so (a PNG original: no JPEG data to keep).
    const lossy = dialog.getByTestId('export-lossy-note');
    expect(await lossy.count()).toBe(0);
    await dialog.getByRole('radio', { name: 'WebP' }).click();
    expect(await lossy.textContent()).toMatch(/^WebP below quality 100 encodes every pixel again/);
    await dialog.getByRole('radio', { name: 'JPEG' }).click();
    expect(await lossy.textContent()).toMatch(/^This JPEG is encoded whole/);
    expect(await depth.textContent()).toBe('JPEG: 8 bits per channel.');
    const quality = dialog.getByRole('slider', { name: 'Quality' });
    // Tab from the format choice to the slider, as a keyboard user would.
    const focused = () => quality.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 6 && !(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    const start = Number(await quality.inputValue());
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
    expect(Number(await quality.inputValue())).toBe(start - 12);
    const out1 = join(app.tmp, 'first.jpg');
    app.dialogs.saves.push(out1);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'first.jpg' }).waitFor();
    expect((await sharp(out1).metadata()).format).toBe('jpeg');

    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    expect(await dialog.getByRole('radio', { name: 'JPEG' }).isChecked()).toBe(true);
    expect(Number(await dialog.getByRole('slider', { name: 'Quality' }).inputValue())).toBe(start - 12);
    // The focus starts on the chosen format (it was on PNG, not chosen: → then picked JPEG, not WebP).
    const jpeg = dialog.getByRole('radio', { name: 'JPEG' });
    await expect.poll(() => jpeg.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await dialog.getByRole('radio', { name: 'WebP' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await jpeg.isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const out2 = join(app.tmp, 'again.jpg');
    app.dialogs.saves.push(out2);
    await page.keyboard.press('Control+Shift+Alt+S');
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'again.jpg' }).waitFor();
    expect((await sharp(out2).metadata()).format).toBe('jpeg');
  });
});

describe('panels and bars', () => {
  it('every visible button has a tooltip; no two "100%" labels; one options row with the Extend tool', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [250, 200],
      [330, 200],
    ]);
    await typeInto(page, page.getByRole('textbox', { name: 'Prompt' }), 'a clean brick wall behind the cup');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ timeout: 60_000 });

    const untitled = () =>
      page
        .locator('button:visible')
        .evaluateAll((bs) =>
          bs
            .filter((b) => !(b.getAttribute('title') ?? '').trim())
            .map((b) => b.getAttribute('aria-label') || b.textContent?.trim() || b.outerHTML.slice(0, 80)),
        );
    expect((await untitled()).join(' | ')).toBe('');

    const bar = page.locator('header.options-bar');
    expect(((await bar.innerText()).match(/100\s?%/g) ?? []).length).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    // Keep is not a busy step (waitIdle does not wait for it): it commits once the candidate's bitmap is
    // there, and an Esc before that discarded the candidate instead.
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    await waitIdle(page);

    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).waitFor();
    // The Extend tool's buttons too (the aspect presets had none).
    expect((await untitled()).join(' | ')).toBe('');
    const rows = await bar.evaluate((el) => {
      const tops = new Set<number>();
      for (const c of Array.from(el.querySelectorAll('button, input, select, label'))) {
        const r = (c as HTMLElement).getBoundingClientRect();
        if (r.width && r.height) tops.add(Math.round(r.top + r.height / 2));
      }
      return { height: el.getBoundingClientRect().height, centres: [...tops], overflow: el.scrollWidth - el.clientWidth };
    });
    expect(rows.overflow).toBeLessThanOrEqual(0);
    expect(rows.height).toBeLessThanOrEqual(48);
    expect(Math.max(...rows.centres) - Math.min(...rows.centres)).toBeLessThanOrEqual(8);
    await page.keyboard.press('Escape');
    await page.keyboard.press('b');
  });

  it('eye toggles say Show or Hide for what they will do; layers get short names', async () => {
    const page = app.page;
    const layers = page.getByRole('region', { name: 'Layers' });
    const names = await layers.locator('.layer-name:not(.original-name)').allInnerTexts();
    // The offline engine does not read the prompt: its layer is named for what made it.
    expect(names.join('|')).toBe('Offline fill');
    const hideLayer = layers.getByRole('button', { name: `Hide layer ${names[0]}` });
    await hideLayer.click();
    expect((await page.evaluate(() => (window as any).__maskworkTest.layerList()))[0].hidden).toBe(true);
    await layers.getByRole('button', { name: `Show layer ${names[0]}` }).click();
    expect((await page.evaluate(() => (window as any).__maskworkTest.layerList()))[0].hidden).toBe(false);

    // Keep emptied the mask and left the overlay on: its eye offers to hide it.
    expect((await summary(page)).maskVisible).toBe(true);
    await layers.getByRole('button', { name: 'Hide mask overlay' }).click();
    expect((await summary(page)).maskVisible).toBe(false);
    await layers.getByRole('button', { name: 'Show mask overlay' }).click();
    expect((await summary(page)).maskVisible).toBe(true);
    await layers.getByRole('button', { name: 'Hide mask overlay' }).click();
    expect((await summary(page)).maskVisible).toBe(false);
    await layers.getByRole('button', { name: 'Show mask overlay' }).click();
    expect((await summary(page)).maskVisible).toBe(true);
    await layers.getByRole('button', { name: 'Hide original' }).click();
    await layers.getByRole('button', { name: 'Show original' }).click();
  });

  it('the History panel lists the open photo’s steps only', async () => {
    const page = app.page;
    const history = page.getByTestId('history');
    const before = await history.locator('li').allInnerTexts();
    expect(before[0]).toBe('Open coffee.png');
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('building.jpg');
    expect(await history.locator('li').allInnerTexts()).toEqual(['Open building.jpg']);
    expect(await page.getByTestId('history-others').innerText()).toMatch(
      /^\d+ steps? on other photos before these \(Ctrl\/⌘ Z goes back to them\)$/,
    );
    await page.keyboard.press('Control+z');
    await expect.poll(() => history.locator('li').allInnerTexts()).toEqual(before);
    // Back on coffee.png, building.jpg's step is a redo step: Ctrl/⌘ Shift Z reaches it, not Ctrl/⌘ Z.
    expect(await page.getByTestId('history-others').count()).toBe(0);
    expect(await page.getByTestId('history-others-after').innerText()).toBe(
      '1 step on other photos after these (Ctrl/⌘ Shift Z goes forward to them; after a new change here, Ctrl/⌘ Z reaches them)',
    );
    // A brush stroke on coffee.png: building.jpg's step is not dropped with the redo steps — it moves
    // behind the stroke, a message says so, and Ctrl/⌘ Z reaches it after the stroke.
    await page.keyboard.press('b');
    await dragPath(page, [
      [120, 120],
      [180, 140],
    ]);
    await page.locator('[data-testid="toast"]', { hasText: 'Your step on building.jpg is kept' }).waitFor();
    expect(await page.getByTestId('history-others-after').count()).toBe(0);
    expect(await page.getByTestId('history-others').innerText()).toBe('1 step on other photos before these (Ctrl/⌘ Z goes back to them)');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('building.jpg');
    expect(app.errors).toEqual([]);
  });
});

// Last: it makes the photo a project, which changes how the steps above see opening another photo.
describe('Save As', () => {
  it('Ctrl+Shift+S is Save As, as in Photoshop: it asks where and writes a project, not an image', async () => {
    const page = app.page;
    const project = join(app.tmp, 'as-photoshop.maskwork');
    app.dialogs.saves.push(project);
    await page.keyboard.press('Control+Shift+S');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'as-photoshop.maskwork');
    expect(existsSync(project)).toBe(true);
    expect(app.dialogs.saves).toEqual([]);
  });
});
