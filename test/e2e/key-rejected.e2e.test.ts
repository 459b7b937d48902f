/**
 * A key the service refuses (401) shows as refused in Settings → Keys too — "rejected by OpenAI at
 * 18:02 · …9999" in the error colour, not "set" in green — until a new key is saved; and Save says
 * why it stays off for a key shorter than 8 characters. Real keys and mouse against the local OpenAI
 * server, which accepts one key only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { startOpenAIServer } from '../servers';
import { strokeAndPrompt } from '../support/stroke-app';

const GOOD = 'sk-e2e-good-key-0001';
let app: AppHarness;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;

beforeAll(async () => {
  openai = await startOpenAIServer({ acceptedKeys: [GOOD] });
  app = await launchApp({ env: { OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

async function saveKey(key: string) {
  const row = app.page.getByTestId('key-openai');
  await row.getByRole('textbox', { name: 'OpenAI API key' }).pressSequentially(key);
  await row.getByRole('button', { name: 'Save', exact: true }).click();
}

describe('a rejected key in Settings → Keys', () => {
  it('shows as rejected (error colour, when, which key) until a new key is saved', async () => {
    const page = app.page;
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    const status = page.getByTestId('key-status-openai');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await dialog.waitFor();
    await saveKey('sk-e2e-wrong-key-9999');
    await expect.poll(() => status.textContent()).toMatch(/^set · …9999/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await strokeAndPrompt(page);
    await page.keyboard.press('Control+Enter');
    await page.locator('.toast.error', { hasText: 'key was rejected' }).waitFor({ timeout: 15_000 });

    // Opening Settings reads the keys again: the refusal stays with the same key.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await dialog.waitFor();
    await expect.poll(() => status.textContent()).toMatch(/^rejected by OpenAI at \d\d:\d\d · …9999 · /);
    expect(await status.getAttribute('class')).toBe('rejected');
    const colour = await status.evaluate((e) => getComputedStyle(e).color);
    expect(colour).toBe('rgb(229, 72, 77)'); // --danger

    // A new key: no longer marked.
    await saveKey(GOOD);
    await expect.poll(() => status.textContent()).toMatch(/^set · …0001/);
    expect(await status.getAttribute('class')).toBe('ok');
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });

  it('Save says why it stays off for a key shorter than 8 characters', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const row = page.getByTestId('key-openai');
    const field = row.getByRole('textbox', { name: 'OpenAI API key' });
    await field.pressSequentially('sk-12');
    expect(await row.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => row.getByRole('status').count()).toBe(1);
    expect(await row.getByRole('status').textContent()).toBe('A key is at least 8 characters');
    await field.pressSequentially('345');
    expect(await row.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(false);
    expect(await row.getByRole('status').count()).toBe(0);
    await field.press('Control+a');
    await field.press('Delete');
    await page.keyboard.press('Escape');
  });
});
