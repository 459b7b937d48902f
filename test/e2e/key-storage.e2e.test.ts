/**
 * Without secure OS storage the settings say so plainly: keys cannot be stored securely, a key typed
 * in is kept for this session only (never "in the keychain"), environment variables still work.
 * The e2e harness's key backend encrypts nothing, like a Linux machine without a keyring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from '../support/app-harness';

let app: AppHarness;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => app?.close());

describe('key storage without a keyring', () => {
  it('the settings warn, and a saved key shows as "for this session only"', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/cannot be stored securely.*Environment\s+variables .* still work/s);
    const row = page.getByTestId('key-openai');
    await row.getByRole('textbox').pressSequentially('sk-e2e-session-only-1234');
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    const status = page.getByTestId('key-status-openai');
    await expect.poll(() => status.textContent()).toMatch(/set · …1234 · for this session only/);
    expect(await status.textContent()).not.toMatch(/keychain/);
    expect(await row.getByRole('alert').textContent()).toMatch(/Not stored/);
    expect(await app.services.keys.status('openai')).toMatchObject({ isSet: true, source: 'memory' });
  });
});
