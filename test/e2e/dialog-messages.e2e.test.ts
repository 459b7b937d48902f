/**
 * A message shown while a modal dialog is open is inside the dialog's accessible tree: a screen reader
 * kept inside an aria-modal dialog reaches only the dialog, and the app's messages sat outside it (top
 * of the canvas), so the error of a key typed in Settings was never read there. Each dialog holds a
 * live region, "Messages", that repeats the messages on screen (an error as an alert); the visible
 * message stays where it was. Real keys and mouse; controls and messages found by role and name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from '../support/app-harness';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
});
afterAll(() => app?.close());

describe('messages inside an open dialog', () => {
  it('Settings: a key refused by main is said inside the dialog, as an alert in its Messages region', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.waitFor();
    const field = settings.getByRole('textbox', { name: 'OpenAI API key' }).or(settings.getByLabel('OpenAI API key'));
    await field.click();
    await field.pressSequentially('sk-test key-with-a-space');
    await page.keyboard.press('Enter');
    const said = 'That does not look like an API key (too short or contains spaces).';
    const messages = settings.getByRole('status', { name: 'Messages' });
    await expect.poll(() => messages.textContent(), { timeout: 10_000 }).toContain(said);
    expect(await messages.getByRole('alert').textContent()).toContain(said);
    // The message on screen is still the app's one (not shown twice to the eye).
    expect(await page.getByTestId('toast').count()).toBe(1);
    expect(await messages.evaluate((el) => getComputedStyle(el).clip !== 'auto' || el.getBoundingClientRect().width <= 1)).toBe(true);
    // The dialog keeps the focus: Esc closes it.
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
  });
});
