/**
 * What a retoucher trips on in Settings (⚙) and around it, with real keys and clicks:
 * - Tab and Shift+Tab stay inside the Settings and Batch dialogs (Shift+Tab from Settings' × used
 *   to reach "Batch…" in the status bar behind it, and Enter there opened the Batch dialog under
 *   Settings).
 * - after Add gateway the focus is on the new gateway's key field (the next thing it needs), after
 *   a key's Remove on its field, after Edit on the form, after a gateway's Remove back on the form;
 *   each time it fell to the page as the button pressed went away or turned off.
 * - Auto's words that mean text read whole at 1280×800 (the field cut them: "… logo, typogra").
 * - Auto's outpaint ratio refused (0.5) shows the ratio in use again and says why; 0.5 stayed in
 *   the field while the rule kept 3:1, without a word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from '../support/app-harness';
import { typeInto } from '../support/real-input';

let app: AppHarness;
beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => app?.close());

/** The focused element's accessible name or text, and whether it is inside the dialog named `dialog` (read-only probe). */
const focused = (dialog: string) =>
  app.page.evaluate((name) => {
    const el = document.activeElement as HTMLInputElement | null;
    const box = el?.closest('[role="dialog"]');
    // The dialog's name: its aria-label, or the text of what it is labelled by (Settings: its heading).
    const boxName = box?.getAttribute('aria-label') ?? document.getElementById(box?.getAttribute('aria-labelledby') ?? '')?.textContent;
    return {
      inside: boxName === name,
      name: (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim(),
    };
  }, dialog);

describe('Settings and Batch keep the keyboard inside', () => {
  it('Shift+Tab from the first control and Tab from the last wrap around inside Settings', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    // The dialog has the focus; Tab reaches its first control, the ×.
    await page.keyboard.press('Tab');
    expect(await focused('Settings')).toEqual({ inside: true, name: 'Close settings' });
    // Shift+Tab from there goes round to the dialog's last control, not to the page behind.
    await page.keyboard.press('Shift+Tab');
    const last = await focused('Settings');
    expect(last.inside).toBe(true);
    expect(last.name).toMatch(/Log edit timings/);
    // And Tab from the last comes back to the ×.
    await page.keyboard.press('Tab');
    expect(await focused('Settings')).toEqual({ inside: true, name: 'Close settings' });
    // Many Shift+Tabs never leave it (and Enter on what they reach opens nothing behind it).
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused('Settings')).inside, `Shift+Tab ${i + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('Shift+Tab from the Batch dialog goes to its last control, Tab from there back to its ×', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Batch' });
    await dialog.waitFor();
    await expect.poll(async () => (await focused('Batch')).inside).toBe(true);
    await page.keyboard.press('Shift+Tab');
    const last = await focused('Batch');
    expect(last.inside).toBe(true);
    // Start batch is off with no images, and the dialog is on Generate's model (Offline fill), which
    // has no Batch API box: the model list is the last control.
    expect(last.name).toBe('Batch model');
    await page.keyboard.press('Tab');
    expect(await focused('Batch')).toEqual({ inside: true, name: 'Close batch' });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused('Batch')).toMatchObject({ inside: true });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  });

  it('the focus follows a gateway: its key field after Add gateway and after Remove, the form after Edit and after its removal', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    await typeInto(page, dialog.getByRole('textbox', { name: 'Gateway id' }), 'my-gw');
    await page.keyboard.press('Tab');
    await page.keyboard.type('My Gateway');
    await page.keyboard.press('Tab');
    await page.keyboard.type('http://127.0.0.1:9/v1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('gpt-image-2');
    await page.keyboard.press('Enter');
    await dialog.getByTestId('gateway').waitFor();
    // The next thing the gateway needs is its key: the focus is there, so the key is typed straight in.
    await expect.poll(() => focused('Settings')).toEqual({ inside: true, name: 'My Gateway API key' });
    // The key's row says what it is (the gateway's name alone, under the gateway's line, read as a second gateway).
    expect(await dialog.getByTestId('key-gateway:my-gw').locator('.key-head strong').textContent()).toBe('My Gateway API key');
    await page.keyboard.type('gw-key-12345678');
    await page.keyboard.press('Enter');
    const status = dialog.getByTestId('key-status-gateway:my-gw');
    await expect.poll(() => status.textContent()).toMatch(/^set · …5678/);

    // Remove the key: the button turns off; the focus goes to the key field, not the page.
    await dialog.getByTestId('key-remove-gateway:my-gw').click();
    await expect.poll(() => status.textContent()).toBe('not set');
    await expect.poll(() => focused('Settings')).toEqual({ inside: true, name: 'My Gateway API key' });

    // Edit: the form below is filled and takes the focus (its name field; the id cannot change).
    await dialog.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => focused('Settings')).toEqual({ inside: true, name: 'Gateway name' });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => focused('Settings')).toEqual({ inside: true, name: 'Gateway id' });

    // Removing the gateway takes its row away: the focus goes to the form, still in the dialog.
    await dialog.getByRole('button', { name: 'Remove gateway My Gateway' }).click();
    await expect.poll(() => dialog.getByTestId('gateway').count()).toBe(0);
    await expect.poll(() => focused('Settings')).toEqual({ inside: true, name: 'Gateway id' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  });

  it('a refused outpaint ratio is put back and the reason said; a valid one is saved', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    const ratio = dialog.getByRole('spinbutton', { name: 'Outpaint wider than (ratio)' });
    await typeInto(page, ratio, '0.5');
    await page.keyboard.press('Enter');
    const rule = dialog.getByTestId('rule-wide-outpaint');
    await expect.poll(() => rule.getByRole('status').textContent()).toBe('A ratio is 1 to 100; still 3:1');
    expect(await ratio.inputValue()).toBe('3');
    expect(app.services.prefs.get().routing.rules.find((r) => r.id === 'wide-outpaint')?.when).toMatchObject({ ratio: 3 });
    // A valid ratio is saved, and the message goes.
    await typeInto(page, ratio, '4');
    await page.keyboard.press('Enter');
    await expect.poll(() => app.services.prefs.get().routing.rules.find((r) => r.id === 'wide-outpaint')?.when).toMatchObject({ ratio: 4 });
    expect(await rule.getByRole('status').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  });

  it('the words that mean text read whole at 1280×800', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    const words = dialog.getByRole('textbox', { name: 'Words that mean text' });
    expect(await words.inputValue()).toBe('text, label, font, logo, typography, lettering, caption, headline');
    // Read-only probe: the text fits the field (nothing scrolled out of sight).
    const [client, scroll] = await words.evaluate((el: HTMLInputElement) => [el.clientWidth, el.scrollWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('its title and × stay in view while the dialog scrolls to its end (they scrolled away)', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 400);
    // Read-only probes: the dialog did scroll, and the × is inside its visible box, on top.
    await expect.poll(() => dialog.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
    const close = dialog.getByRole('button', { name: 'Close settings' });
    const c = (await close.boundingBox())!;
    expect(c.y).toBeGreaterThanOrEqual(box.y);
    expect(c.y + c.height).toBeLessThanOrEqual(box.y + 60);
    const onTop = await close.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(onTop).toBe(true);
    await close.click();
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  });
});
