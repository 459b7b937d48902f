/**
 * Keep clears the mask in its own undo step, so the next stroke starts a new mask: the next request
 * covers the new stroke only, not the area just kept (it used to grow over it). Ctrl+Z brings the
 * mask back with the candidates; Reselect (Ctrl+Shift+D, as in Photoshop) brings the mask alone back;
 * Keep as layer leaves the mask, since more candidates of it may be kept. Offline engine, keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, maskValue, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
type Page = AppHarness['page'];

beforeAll(async () => {
  app = await launchWithPhoto('building.jpg'); // 868×600
}, 120_000);
afterAll(() => app?.close());

const staged = (page: Page) =>
  page.evaluate(
    () => (window as any).__maskworkTest.staging().items as { region: { x: number; y: number; width: number; height: number } }[],
  );

/** A stroke across y, then Ctrl+Enter with the offline engine, waiting for the candidate. */
async function strokeAndGenerate(page: Page, y: number) {
  await page.keyboard.press('b');
  await dragPath(page, [
    [300, y],
    [560, y],
  ]);
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await staged(page)).length, { timeout: 90_000 }).toBe(1);
  await waitIdle(page);
}

describe('Keep and the mask', () => {
  it('Keep clears the mask in the same step: the next request covers only the new stroke', async () => {
    const page = app.page;
    await strokeAndGenerate(page, 120);
    expect(await maskValue(page, 430, 120)).toBe(255);
    await page.keyboard.press('Enter'); // Keep
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    let s = await summary(page);
    expect(s.label).toBe('Keep Offline fill result');
    expect(s.historyLabels).toEqual(['Open building.jpg', 'Brush stroke']);
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskBounds())).toBeNull();
    // The Mask row's eye tells the truth: Keep did not hide the overlay, it emptied the mask.
    expect(s.maskVisible).toBe(true);
    const layers = page.getByRole('region', { name: 'Layers' });
    expect(await layers.getByRole('button', { name: 'Hide mask overlay' }).getAttribute('data-visible')).toBe('true');
    // Generate says what comes next in words that fit the selection tools as well as the brush (it said
    // "Paint a mask first" to someone holding the marquee).
    await page.keyboard.press('m');
    const note = page.getByRole('region', { name: 'Generate' }).getByTestId('generate-blocker'); // the offline engine's line is a note too
    await expect.poll(() => note.textContent()).toBe('Paint a mask or select an area first');
    // The next stroke, lower down: its request is made around it alone, far from the kept area.
    await strokeAndGenerate(page, 480);
    const [c] = await staged(page);
    expect(c.region.y).toBeGreaterThan(200);
    expect(await maskValue(page, 430, 120)).toBe(0);
    await page.keyboard.press('Escape'); // discard
    await expect.poll(async () => (await staged(page)).length).toBe(0);
    s = await summary(page);
    expect(s.label).toBe('Brush stroke');
  });

  it('Ctrl+Z brings back the mask with the candidates; redo clears it again', async () => {
    const page = app.page;
    // The first Ctrl+Z brings back the candidate Esc discarded (not a document step)…
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await staged(page)).length).toBe(1);
    expect((await summary(page)).label).toBe('Brush stroke');
    // …the next undoes the second stroke, and the candidate made on it goes with it…
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await staged(page)).length).toBe(0);
    // …and the next undoes the Keep: the first stroke's mask and candidate come back.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).layers).toBe(0);
    expect(await maskValue(page, 430, 120)).toBe(255);
    await expect.poll(async () => (await staged(page)).length).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskBounds())).toBeNull();
  });

  it('Reselect (Ctrl+Shift+D, or the button) brings the mask Keep took away back as one step', async () => {
    const page = app.page;
    const reselect = page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Reselect' });
    expect(await reselect.isEnabled()).toBe(true);
    await page.keyboard.press('Control+Shift+d');
    expect(await maskValue(page, 430, 120)).toBe(255);
    const s = await summary(page);
    expect(s.label).toBe('Reselect');
    expect(s.layers).toBe(1); // the kept layer stays
    expect(await reselect.isEnabled()).toBe(false); // it is the mask now
    // Clear (Ctrl+D) takes it away; the button brings it back.
    await page.keyboard.press('Control+d');
    expect(await maskValue(page, 430, 120)).toBe(0);
    await reselect.click();
    expect(await maskValue(page, 430, 120)).toBe(255);
  });

  it('Keep as layer leaves the mask: more candidates of it may be kept', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    await strokeAndGenerate(page, 300);
    await page.keyboard.press('Shift+Enter'); // Keep as layer
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 2);
    expect(await maskValue(page, 430, 300)).toBe(255);
  });

  it('Keep on a candidate that is a layer already clears the mask too, as one step; Ctrl+Z and Reselect bring it back', async () => {
    const page = app.page;
    // The candidate kept as a layer above is still staged and selected: Keep (Enter) adds nothing…
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await staged(page)).length).toBe(0);
    let s = await summary(page);
    expect(s.layers).toBe(2);
    // …and clears the mask like any Keep, in one step of its own.
    expect(s.label).toBe('Keep Offline fill result (already a layer)');
    expect(s.toasts.at(-1).message).toMatch(/Nothing was added\. The mask was cleared \(Reselect, Ctrl\/⌘ Shift D, brings it back\)\.$/);
    expect(await maskValue(page, 430, 300)).toBe(0);
    expect(s.maskVisible).toBe(true);
    // Ctrl+Z: the mask and the strip come back together.
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, 430, 300)).toBe(255);
    await expect.poll(async () => (await staged(page)).length).toBe(1);
    s = await summary(page);
    expect(s.layers).toBe(2);
    // Redo, then Reselect brings the mask alone back.
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await staged(page)).length).toBe(0);
    expect(await maskValue(page, 430, 300)).toBe(0);
    await page.keyboard.press('Control+Shift+d');
    expect(await maskValue(page, 430, 300)).toBe(255);
    s = await summary(page);
    expect(s.label).toBe('Reselect');
    expect(s.layers).toBe(2);
    expect(app.errors).toEqual([]);
  });
});

const NEW_AFTER_KEEP =
  'New selection: the mask Keep as layer left was replaced, as a new selection replaces one in Photoshop. Hold Shift to add to it instead; Ctrl+Z brings it back.';

describe('a selection after Keep as layer, with Add chosen in the options bar', () => {
  it('starts a new mask (as a new selection does in Photoshop) and says so; Shift adds, Ctrl+Z brings the mask back', async () => {
    const page = app.page;
    // A plain selection makes a new selection by default (as in Photoshop); these tests are about a
    // user who chose Add for plain selections (the default until 2026-12-06): Add stays chosen in them.
    await page.keyboard.press('m');
    await page.getByRole('radiogroup', { name: 'Selection mode' }).getByRole('radio', { name: 'Add', exact: true }).click();
    await page.keyboard.press('Control+d');
    await strokeAndGenerate(page, 200);
    await page.keyboard.press('Shift+Enter'); // Keep as layer: the mask stays
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 3);
    expect(await maskValue(page, 430, 200)).toBe(255);
    // A rectangle elsewhere, no modifier: the next request covers it alone, not the area just kept.
    await page.keyboard.press('m');
    await dragPath(page, [
      [600, 440],
      [720, 520],
    ]);
    await expect.poll(() => maskValue(page, 660, 480)).toBe(255);
    expect(await maskValue(page, 430, 200)).toBe(0);
    const told = async () => ((await summary(page)).toasts as { message: string }[]).filter((t) => t.message === NEW_AFTER_KEEP).length;
    expect(await told()).toBe(1);
    // "Ctrl+Z brings it back" holds while the new selection is the last step: a Shift-added rectangle
    // takes the message away (it stayed up, and one Ctrl+Z then undid the rectangle, not the selection).
    await page.keyboard.down('Shift');
    await dragPath(page, [
      [100, 300],
      [160, 360],
    ]);
    await page.keyboard.up('Shift');
    await expect.poll(() => maskValue(page, 130, 330)).toBe(255);
    expect(await told()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskValue(page, 130, 330)).toBe(0);
    // Ctrl+Z: the kept mask is back; Shift+drag adds to it.
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskValue(page, 430, 200)).toBe(255);
    expect(await maskValue(page, 660, 480)).toBe(0);
    await page.keyboard.down('Shift');
    await dragPath(page, [
      [600, 440],
      [720, 520],
    ]);
    await page.keyboard.up('Shift');
    await expect.poll(() => maskValue(page, 660, 480)).toBe(255);
    expect(await maskValue(page, 430, 200)).toBe(255);
    // The mask has changed since Keep as layer: a plain rectangle adds again, as Add is chosen.
    await dragPath(page, [
      [100, 440],
      [200, 520],
    ]);
    await expect.poll(() => maskValue(page, 150, 480)).toBe(255);
    expect(await maskValue(page, 430, 200)).toBe(255);
    expect(await maskValue(page, 660, 480)).toBe(255);
    expect(app.errors).toEqual([]);
  });

  it('the options bar shows New in effect over that mask; a click on Add then adds to it', async () => {
    const page = app.page;
    await page.keyboard.press('Escape'); // the strip the last test left open
    await expect.poll(async () => (await staged(page)).length).toBe(0);
    await page.keyboard.press('Control+d');
    await strokeAndGenerate(page, 120);
    await page.keyboard.press('Shift+Enter'); // Keep as layer: the mask stays
    await expect.poll(() => maskValue(page, 430, 120)).toBe(255);
    await page.keyboard.press('m');
    const modes = page.getByRole('radiogroup', { name: 'Selection mode' });
    const pressed = () => modes.locator('[role="radio"].active').innerText();
    // Add is chosen (the test above), but over the mask Keep as layer left a plain selection starts a new mask.
    await expect.poll(pressed).toBe('New');
    await modes.getByRole('radio', { name: 'Add', exact: true }).click();
    await expect.poll(pressed).toBe('Add');
    await dragPath(page, [
      [600, 440],
      [720, 520],
    ]);
    await expect.poll(() => maskValue(page, 660, 480)).toBe(255);
    expect(await maskValue(page, 430, 120)).toBe(255); // added to, not replaced
    expect(app.errors).toEqual([]);
  });

  it('also once the kept layer was merged down (Ctrl+E): the mask is as spent', async () => {
    const page = app.page;
    await page.keyboard.press('Escape'); // the strip the last test left open
    await expect.poll(async () => (await staged(page)).length).toBe(0);
    const layers = (await summary(page)).layers as number;
    await page.keyboard.press('Control+d');
    await strokeAndGenerate(page, 350);
    await page.keyboard.press('Shift+Enter'); // Keep as layer
    await expect.poll(async () => (await summary(page)).layers).toBe(layers + 1);
    await page.keyboard.press('Control+e'); // merged into the layer below
    await expect.poll(async () => (await summary(page)).layers).toBe(layers);
    expect(await maskValue(page, 430, 350)).toBe(255);
    await page.keyboard.press('m');
    await dragPath(page, [
      [600, 440],
      [720, 520],
    ]);
    await expect.poll(() => maskValue(page, 660, 480)).toBe(255);
    expect(await maskValue(page, 430, 350)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
