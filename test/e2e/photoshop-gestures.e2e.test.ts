/**
 * Photoshop gestures a retoucher uses without thinking, which did nothing and said nothing (found by
 * hand): Shift+Backspace / Shift+F5 (Edit › Fill…) fill the mask as Generate does; Alt+right-drag
 * (⌃⌥-drag on macOS) sizes the brush (left/right) and sets its hardness (up/down); Alt+click on a
 * layer's eye shows that layer alone, and again brings the others back. Real keys and
 * mouse; the offline engine (the default model). Read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, dragPath, paintGenerateKeep, settleView, summary, waitIdle } from '../support/page-helpers';
import { leaveField } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 60_000);
afterAll(() => app?.close());

const staged = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);
const infos = async (page: Page): Promise<string[]> =>
  (await summary(page)).toasts.filter((t: { tone: string }) => t.tone === 'info').map((t: { message: string }) => t.message);

describe('Shift+Backspace and Shift+F5 (Photoshop’s Edit › Fill…)', () => {
  it('with no mask say to paint one; in the prompt box Shift+Backspace deletes a letter; with a mask each fills it as Generate', async () => {
    const page = app.page;
    await page.keyboard.press('Shift+Backspace');
    await expect.poll(() => infos(page)).toContain('Paint a mask or select an area first');
    expect(await staged(page)).toBe(0);

    // Typing: the key is the prompt box's.
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await prompt.pressSequentially('ab');
    await page.keyboard.press('Shift+Backspace');
    expect(await prompt.inputValue()).toBe('a');
    await leaveField(page);

    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 150],
      [300, 150],
    ]);
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('Shift+Backspace');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length > 0, null, { timeout: 90_000 });
    await waitIdle(page);
    // Nothing else happened: no history step, the mask is still there (Backspace alone says how to fill it).
    expect((await summary(page)).historyLabels.length).toBe(steps);
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);

    await page.keyboard.press('Shift+F5');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length > 0, null, { timeout: 90_000 });
    await waitIdle(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

const brush = async (page: Page): Promise<{ size: number; hardness: number }> => (await summary(page)).brush;
const maskPixels = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.maskPixels() as number);
/** The brush circle's on-screen width and centre (a read-only look at the drawn outline). */
const circle = async (page: Page) => {
  const box = await page.locator('.brush-cursor').boundingBox();
  return box && { width: box.width, x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe('Alt+right-drag and Ctrl+Alt-drag (Photoshop’s brush HUD)', () => {
  it('left/right sizes the brush and up/down sets its hardness, with the circle shown where the drag began; nothing is painted', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    await page.keyboard.press('b');
    await settleView(page);
    const { scale } = await summary(page);
    const before = await brush(page);
    const steps = (await summary(page)).historyLabels.length;
    const mask = await maskPixels(page);
    const at = await docToClient(page, 200, 220);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Alt');
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(at.x + 40, at.y, { steps: 5 });
    // While dragging: the circle stays where the drag began and is the new size.
    const mid = await brush(page);
    expect(mid.size).toBe(Math.round(before.size + (2 * 40) / scale));
    const c = await circle(page);
    expect(c).not.toBeNull();
    expect(Math.abs(c!.x - at.x)).toBeLessThan(2);
    expect(Math.abs(c!.width - mid.size * scale)).toBeLessThan(2);
    await page.mouse.move(at.x + 40, at.y - 50, { steps: 5 }); // up: softer
    await page.mouse.up({ button: 'right' });
    await page.keyboard.up('Alt');
    const after = await brush(page);
    expect(after.size).toBe(mid.size);
    expect(after.hardness).toBeLessThan(before.hardness);
    expect((await summary(page)).historyLabels.length).toBe(steps);
    expect(await maskPixels(page)).toBe(mask);

    // macOS's chord, with the eraser: Ctrl+Alt and the left button; left is smaller, down is harder.
    await page.keyboard.press('e');
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    await page.keyboard.down('Alt');
    await page.mouse.down();
    await page.mouse.move(at.x - 30, at.y + 40, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await page.keyboard.up('Control');
    const mac = await brush(page);
    expect(mac.size).toBe(Math.round(after.size - (2 * 30) / scale));
    expect(mac.hardness).toBeGreaterThan(after.hardness);
    expect((await summary(page)).historyLabels.length).toBe(steps);
    expect(await maskPixels(page)).toBe(mask);

    // A plain drag afterwards paints as always, at the new size.
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 300],
      [250, 300],
    ]);
    expect((await summary(page)).historyLabels.length).toBe(steps + 1);
    expect(app.errors).toEqual([]);
  });
});

describe('a brush resize drag the browser cancels', () => {
  it('ends at the size of its last move: later moves neither size the brush nor hold the circle where the drag began', async () => {
    // A real mouse cannot make a pointercancel (the browser sends it when it takes the pointer away
    // mid-drag, e.g. the window losing it), so that one event is dispatched on the stage; every other
    // step is the real mouse and keys.
    const page = app.page;
    await page.keyboard.press('b');
    await settleView(page);
    const steps = (await summary(page)).historyLabels.length;
    const mask = await maskPixels(page);
    const at = await docToClient(page, 200, 220);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Alt');
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(at.x + 30, at.y + 20, { steps: 5 });
    const last = await brush(page);
    await page.dispatchEvent('[data-testid="stage"]', 'pointercancel', { pointerId: 1, pointerType: 'mouse', isPrimary: true });
    await page.keyboard.up('Alt');
    // The pointer goes on moving (no pointerup came): the brush stays as the drag left it (it went on
    // growing with every move), and the circle follows the pointer again (it stayed where the drag began).
    const to = { x: at.x + 150, y: at.y - 60 };
    await page.mouse.move(to.x, to.y, { steps: 8 });
    expect(await brush(page)).toEqual(last);
    const c = await circle(page);
    expect(c).not.toBeNull();
    expect(Math.abs(c!.x - to.x)).toBeLessThan(2);
    expect(Math.abs(c!.y - to.y)).toBeLessThan(2);
    await page.mouse.up({ button: 'right' });
    expect(await brush(page)).toEqual(last);
    expect((await summary(page)).historyLabels.length).toBe(steps);
    expect(await maskPixels(page)).toBe(mask);
    // Nothing is stuck: a plain drag paints one stroke.
    await dragPath(page, [
      [150, 340],
      [250, 340],
    ]);
    expect((await summary(page)).historyLabels.length).toBe(steps + 1);
    expect(app.errors).toEqual([]);
  });
});

describe('a pan or a stroke the browser cancels', () => {
  // As above, the pointercancel alone is dispatched (a real mouse cannot make one); the rest is the
  // real mouse and keys. The mouse stays down after it, as a pointer the browser took away would
  // (no pointerup comes): the moves that follow must belong to no gesture.
  const cancel = (page: Page) =>
    page.dispatchEvent('[data-testid="stage"]', 'pointercancel', { pointerId: 1, pointerType: 'mouse', isPrimary: true });
  const offset = async (page: Page) => (await summary(page)).offset as { x: number; y: number };

  it('a Space-drag stops panning at the cancel; later moves pan nothing and paint nothing', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await settleView(page);
    const steps = (await summary(page)).historyLabels.length;
    const mask = await maskPixels(page);
    const at = await docToClient(page, 200, 200);
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(at.x + 40, at.y + 30, { steps: 4 });
    const panned = await offset(page);
    await cancel(page);
    await page.keyboard.up('Space');
    await page.mouse.move(at.x + 140, at.y - 50, { steps: 6 });
    expect(await offset(page)).toEqual(panned);
    await page.mouse.up();
    expect(await offset(page)).toEqual(panned);
    expect((await summary(page)).historyLabels.length).toBe(steps);
    expect(await maskPixels(page)).toBe(mask);
  });

  it('a brush stroke is finished as drawn at the cancel, one step; later moves add nothing to it', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    await settleView(page);
    const steps = (await summary(page)).historyLabels.length;
    const from = await docToClient(page, 120, 260);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 80, from.y, { steps: 6 });
    await cancel(page);
    await expect.poll(async () => (await summary(page)).historyLabels.length).toBe(steps + 1);
    const drawn = await maskPixels(page);
    expect(drawn).toBeGreaterThan(0);
    // The button is still down: these moves and the release paint nothing more and make no step.
    await page.mouse.move(from.x + 80, from.y + 120, { steps: 6 });
    await page.mouse.up();
    expect(await maskPixels(page)).toBe(drawn);
    expect((await summary(page)).historyLabels.length).toBe(steps + 1);
    expect((await summary(page)).label).toMatch(/^Brush stroke/);
    expect(app.errors).toEqual([]);
  });
});

describe('Alt+click on a layer’s eye (as in Photoshop)', () => {
  it('shows that layer alone (the original hidden too), one step; Alt+click again brings back what was shown, one step; undo and redo follow', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    await paintGenerateKeep(page, 150, 1);
    await paintGenerateKeep(page, 300, 2);
    const layers = page.getByRole('region', { name: 'Layers' });
    const eye = (verb: 'Hide' | 'Show', name: string) => layers.getByRole('button', { name: `${verb} layer ${name}`, exact: true });
    const original = (verb: 'Hide' | 'Show') => layers.getByRole('button', { name: `${verb} original`, exact: true });
    // The lower layer hidden by a plain click first: Alt+click twice must bring back this, not "all shown".
    await eye('Hide', 'Offline fill').click();
    await eye('Show', 'Offline fill').waitFor();
    const steps = (await summary(page)).historyLabels.length;

    // Alt+click on the hidden layer's eye: it alone is shown.
    await eye('Show', 'Offline fill').click({ modifiers: ['Alt'] });
    await original('Show').waitFor();
    await eye('Hide', 'Offline fill').waitFor();
    await eye('Show', 'Offline fill 2').waitFor();
    expect((await summary(page)).historyLabels.length).toBe(steps + 1);
    expect((await summary(page)).label).toBe('Show layer Offline fill alone');

    await eye('Hide', 'Offline fill').click({ modifiers: ['Alt'] });
    await original('Hide').waitFor();
    await eye('Hide', 'Offline fill 2').waitFor();
    await eye('Show', 'Offline fill').waitFor();
    expect((await summary(page)).historyLabels.length).toBe(steps + 2);

    // Undo goes back to the layer alone, the original hidden with it; again, to before; redo the same way.
    await page.keyboard.press('Control+z');
    await original('Show').waitFor();
    await page.keyboard.press('Control+z');
    await original('Hide').waitFor();
    expect((await summary(page)).historyLabels.length).toBe(steps);
    await page.keyboard.press('Control+Shift+z');
    await original('Show').waitFor();
    await page.keyboard.press('Control+Shift+z');
    await original('Hide').waitFor();

    // The original's eye: the original alone, every layer hidden.
    await original('Hide').click({ modifiers: ['Alt'] });
    await eye('Show', 'Offline fill 2').waitFor();
    await eye('Show', 'Offline fill').waitFor();
    await original('Hide').waitFor();
    expect(app.errors).toEqual([]);
  });
});
