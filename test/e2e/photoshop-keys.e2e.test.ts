/**
 * Photoshop keys that did nothing, silently: Tab / Shift+Tab (hide the panels — after a click on the
 * canvas only, so Tab still moves the focus for keyboard users), Ctrl+H (hide the extras: the mask
 * overlay and the dashed outline), and the keys of tools Maskwork has not (J: a message once per
 * session saying what to do instead). Real keys and mouse; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, settleView, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png'); // 600×400, at 1280×800
}, 120_000);
afterAll(() => app?.close());

const tools = () => app.page.getByRole('navigation', { name: 'Tools' });
const sideShown = () => app.page.locator('.side-panels').isVisible();
const barShown = () => app.page.locator('.options-bar').isVisible();
const infos = async () => ((await summary(app.page)).toasts as { tone: string; message: string }[]).filter((t) => t.tone === 'info');
const focusOn = () => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);

describe('Photoshop keys', () => {
  it('Tab before any click on the canvas moves the focus into the controls; the panels stay', async () => {
    const page = app.page;
    await page.keyboard.press('Tab');
    expect(await focusOn()).not.toBe('BODY');
    expect(await tools().isVisible()).toBe(true);
    expect(await sideShown()).toBe(true);
  });

  it('after a click on the canvas: Tab hides the panels (the canvas grows), Tab brings them back; Shift+Tab hides the side panels only', async () => {
    const page = app.page;
    await page.keyboard.press('h'); // the hand: the click paints nothing
    await settleView(page);
    const box = (await page.locator('.canvas-host').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const width = (await page.locator('.canvas-host').boundingBox())!.width;
    await page.keyboard.press('Tab');
    await expect.poll(() => tools().isVisible()).toBe(false);
    expect(await sideShown()).toBe(false);
    expect(await barShown()).toBe(false);
    expect((await page.locator('.canvas-host').boundingBox())!.width).toBeGreaterThan(width + 200);
    expect((await infos()).map((t) => t.message)).toEqual([expect.stringMatching(/^Panels hidden: Tab shows them again/)]);
    expect(await focusOn()).toBe('BODY');
    await page.keyboard.press('Tab');
    await expect.poll(() => tools().isVisible()).toBe(true);
    expect(await sideShown()).toBe(true);
    expect(await barShown()).toBe(true);

    await page.keyboard.press('Shift+Tab');
    await expect.poll(sideShown).toBe(false);
    expect(await tools().isVisible()).toBe(true);
    expect(await barShown()).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(sideShown).toBe(true);
  });

  it("with the brush, Tab leaves no outline away from the pointer, and 'Panels hidden' goes once they are back", async () => {
    const page = app.page;
    await page.keyboard.press('h');
    const box = (await page.locator('.canvas-host').boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('b');
    await page.mouse.move(at.x + 5, at.y + 5);
    await page.mouse.move(at.x, at.y);
    // Read-only probe: the outline's centre on screen, or null while it is hidden.
    const outline = () =>
      page.locator('.brush-cursor').evaluate((el) => {
        if ((el as HTMLElement).style.display === 'none') return null;
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
    const near = (o: { x: number; y: number } | null) => o === null || (Math.abs(o.x - at.x) < 2 && Math.abs(o.y - at.y) < 2);
    expect(await outline()).not.toBeNull();
    await page.keyboard.press('Tab');
    await expect.poll(() => tools().isVisible()).toBe(false);
    expect(near(await outline())).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => tools().isVisible()).toBe(true);
    expect(near(await outline())).toBe(true);
    expect((await infos()).map((t) => t.message)).not.toContainEqual(expect.stringMatching(/^Panels hidden/));
    await page.keyboard.press('h'); // the hand again, as the tests below expect
  });

  it('Tab in the prompt box moves the focus on, as in any field; the panels stay', async () => {
    const page = app.page;
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await page.keyboard.press('Tab');
    expect(await prompt.evaluate((el) => el === document.activeElement)).toBe(false);
    expect(await sideShown()).toBe(true);
    expect(await tools().isVisible()).toBe(true);
  });

  it('a middle-button pan while typing the prompt leaves the focus in it (only a left click on the canvas takes it)', async () => {
    const page = app.page;
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await page.keyboard.type('a red ');
    const box = (await page.locator('.canvas-host').boundingBox())!;
    await page.mouse.move(box.x + 300, box.y + 300);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(box.x + 340, box.y + 320, { steps: 4 });
    await page.mouse.up({ button: 'middle' });
    await page.keyboard.type('bike');
    expect(await prompt.inputValue()).toBe('a red bike');
    expect((await summary(page)).tool).toBe('pan');
    // Typed words go: Ctrl+A, Delete in the field.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
  });

  it('Ctrl+H hides the mask overlay and the dashed outline; Ctrl+H again shows them', async () => {
    const page = app.page;
    // A click on the canvas (the hand still chosen) gives the keys back to the editor.
    const box = (await page.locator('.canvas-host').boundingBox())!;
    await page.mouse.click(box.x + 10, box.y + 10);
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 200],
      [320, 210],
    ]);
    const band = () => page.evaluate(() => (window as any).__maskworkTest.featherBandDrawn() as boolean);
    const overlay = async () => (await summary(page)).maskShown as boolean;
    await expect.poll(overlay).toBe(true);
    expect(await band()).toBe(true);
    await page.keyboard.press('Control+h');
    await expect.poll(overlay).toBe(false);
    expect(await band()).toBe(false);
    expect((await infos()).some((t) => t.message.startsWith('Extras hidden'))).toBe(true);
    await page.keyboard.press('Control+h');
    await expect.poll(overlay).toBe(true);
    expect(await band()).toBe(true);
  });

  it('J (Spot Healing) says once what Maskwork does instead; the second press is quiet', async () => {
    const page = app.page;
    const said = async () => (await infos()).filter((t) => t.message.startsWith('J (Spot Healing)')).length;
    const tool = (await summary(page)).tool;
    await page.keyboard.press('j');
    await expect.poll(said).toBe(1);
    const toasts = page.getByTestId('toasts');
    expect(await toasts.textContent()).toContain('paint over it with the Brush (B)');
    // Closed with its ×, then J again: nothing more is said this session.
    await toasts.getByTestId('toast').filter({ hasText: 'J (Spot Healing)' }).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(said).toBe(0);
    await page.keyboard.press('j');
    await page.waitForTimeout(300);
    expect(await said()).toBe(0);
    // Another key still has its say.
    await page.keyboard.press('Control+t');
    await expect.poll(async () => (await infos()).some((t) => t.message.startsWith('Ctrl+T (Free Transform)'))).toBe(true);
    expect((await summary(page)).tool).toBe(tool);
  });

  it('Ctrl+Alt+C (Canvas Size) chooses the Extend tool; Ctrl+Alt+I, F and Ctrl+Shift+Alt+E say what to do instead', async () => {
    const page = app.page;
    const said = async (start: string) => (await infos()).some((t) => t.message.startsWith(start));
    for (const [key, start] of [
      ['Control+Alt+i', 'Ctrl+Alt+I (Image Size)'],
      ['f', 'F (Screen Mode)'],
      ['Control+Shift+Alt+e', 'Ctrl+Shift+Alt+E (Stamp Visible)'],
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => said(start)).toBe(true);
    }
    await page.keyboard.press('Control+Alt+c');
    await expect.poll(async () => (await summary(page)).tool).toBe('extend');
    await page.keyboard.press('Escape');
    await page.keyboard.press('h');
  });
});
