/**
 * Settings → Spend cap, as a retoucher sets it: a daily cap typed in Settings, the dialog closed, a
 * mask painted and Ctrl+Enter — the Generate panel says what is left and warns, main refuses the
 * request (nothing reaches the local OpenAI server, the document and the ledger unchanged) with
 * "This request (≈ $…) would take today's spend to $…, above your $… daily cap. …"; the cap
 * raised, the same Generate goes through. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithStroke } from '../support/stroke-app';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { dragPath, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1400, height: 900 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** Opens Settings, clears the daily cap field and types `amount` into it, closes with Esc. */
async function setDailyCap(amount: string) {
  const page = app.page;
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await dialog.waitFor();
  const field = dialog.getByRole('textbox', { name: 'Spend cap per day (USD)' });
  await field.click();
  await field.press('Control+a');
  await field.press('Delete');
  await field.pressSequentially(amount);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

const hooks = (name: string) => app.page.evaluate((n) => (window as any).__maskworkTest[n](), name);

describe('Settings → Spend cap', () => {
  it('refuses a Generate above the daily cap before anything is sent; raised, the same Generate goes through', async () => {
    const page = app.page;
    await setDailyCap('0.01');
    // The panel shows what is left and warns before Generate, in main's words.
    await expect.poll(() => page.getByTestId('spend-cap-left').textContent()).toBe('Spend cap: $0.010 left today');
    const warning = page.getByTestId('spend-cap-warning');
    await expect
      .poll(() => warning.textContent())
      .toMatch(/^This request \(≈ \$0\.\d+\) would take today's spend to \$0\.\d+, above your \$0\.010 daily cap\./);

    const sent = openai.requests.length;
    const layers = (await hooks('summary')).layers;
    await page.keyboard.press('Control+Enter');
    const toast = page.locator('.toast.error', { hasText: 'above your $0.010 daily cap' });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toContain('Raise the cap in Settings → Spend cap, or use Offline fill (free).');
    await waitIdle(page);
    expect(openai.requests.length).toBe(sent);
    expect((await hooks('staging')).items.length).toBe(0);
    expect((await hooks('summary')).layers).toBe(layers);
    expect(await page.getByTestId('spend').getAttribute('data-today')).toBe('0');
    // It stays while nothing is done (it went under the later messages' stack); the next action takes it
    // away, as other transient messages go — the panel's warning still says it for the Generate as it is.
    await page.waitForTimeout(6000);
    expect(await toast.count()).toBe(1);
    await dragPath(page, [
      [150, 150],
      [200, 160],
    ]);
    await toast.waitFor({ state: 'detached' });
    await expect.poll(() => warning.textContent()).toMatch(/above your \$0\.010 daily cap/);

    // Raised: the warning goes and the same Generate reaches the server.
    await setDailyCap('5');
    await expect.poll(() => page.getByTestId('spend-cap-left').textContent()).toBe('Spend cap: $5.00 left today');
    expect(await warning.count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length > 0, null, { timeout: 60_000 });
    expect(openai.requests.length).toBe(sent + 1);
    await expect.poll(async () => Number(await page.getByTestId('spend').getAttribute('data-today'))).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
  });

  it('a monthly cap too: the tighter limit is the one said; a value that is not an amount is said so and the cap in use stays', async () => {
    const page = app.page;
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await dialog.waitFor();
    const month = dialog.getByRole('textbox', { name: 'Spend cap per month (USD)' });
    await month.click();
    await month.pressSequentially('2x');
    await expect
      // The field's own status line (the dialog's Messages region is a status too).
      .poll(() => dialog.getByRole('region', { name: 'Spend cap' }).getByRole('status').textContent())
      .toBe('Not an amount in dollars (up to $100,000); the cap in use is unchanged.');
    await page.keyboard.press('Tab'); // left: the field shows the cap in use, $2 (typed before the x)
    expect(await month.inputValue()).toBe('2');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // $5 a day, $2 a month, some cents spent: the month is the tighter.
    await expect.poll(() => page.getByTestId('spend-cap-left').textContent()).toMatch(/^Spend cap: \$1\.\d+ left this month$/);
  });
});
