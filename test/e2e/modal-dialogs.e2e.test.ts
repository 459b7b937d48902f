/**
 * Modal dialogs behave as a keyboard-and-mouse retoucher expects: Tab and Shift+Tab wrap at the
 * dialog's last and first controls (they walked out of Export, the job-running prompt and the
 * Unsaved-changes prompt onto the editor behind them), Esc closes, and the focus goes back to what
 * opened the dialog (it fell to the page). Settings is named by its heading ("Settings"; it was
 * "Keys and gateways" beside a heading "Keys & gateways", for a dialog that also holds Auto's rules
 * and diagnostics), and the gateway form's fields have visible labels (only placeholders named
 * them, gone as soon as one typed). After a click beside Export or a prompt, Esc still answers it (it
 * reached the editor). Real keys and mouse; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Locator } from 'playwright-core';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';
import { leaveField } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-modal-'));
  ({ app, openai } = await launchWithStroke({ width: 1280, height: 800 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The focused element: its accessible name (aria-label, label or text) and whether it is inside `box` (read-only probe). */
async function focus(box: Locator): Promise<{ inside: boolean; name: string }> {
  const inside = await box.evaluate((b) => b.contains(document.activeElement));
  const name = await app.page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return '';
    return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
  });
  return { inside, name };
}

/**
 * Soft checks: a dialog that lets the focus out still closes with Esc afterwards, so the next test starts clean.
 * Shift+Tab from the first control reaches `last`, Tab from there `first`, and 12 Tabs and Shift+Tabs never leave `box`. */
async function wrapsInside(box: Locator, first: string, last: string): Promise<void> {
  const page = app.page;
  await expect.poll(() => focus(box)).toEqual({ inside: true, name: first });
  await page.keyboard.press('Shift+Tab');
  expect.soft(await focus(box)).toEqual({ inside: true, name: last });
  await page.keyboard.press('Tab');
  expect.soft(await focus(box)).toEqual({ inside: true, name: first });
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect.soft((await focus(box)).inside, `Tab ${i + 1}`).toBe(true);
  }
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    expect.soft((await focus(box)).inside, `Shift+Tab ${i + 1}`).toBe(true);
  }
}

/** A click beside `box`, on the dimmed backdrop: the focus leaves the dialog (keys still answer it, not the editor). */
async function clickBeside(box: Locator): Promise<void> {
  const b = (await box.boundingBox())!;
  await app.page.mouse.click(b.x + b.width + 40, b.y + 20);
  expect((await focus(box)).inside).toBe(false);
}

/** Esc closes `box` (soft check); if it did not (the focus had left it), its `fallback` button is clicked so the next test starts clean. */
async function escCloses(box: Locator, fallback: string): Promise<void> {
  await app.page.keyboard.press('Escape');
  const closed = await box
    .waitFor({ state: 'detached', timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
  expect.soft(closed, 'Esc closes the dialog').toBe(true);
  if (!closed) {
    await box.getByRole('button', { name: fallback, exact: true }).click();
    await box.waitFor({ state: 'detached' });
  }
}

describe('modal dialogs keep Tab inside, close on Esc and give the focus back', () => {
  it('Export…', async () => {
    const page = app.page;
    const opener = page.getByRole('button', { name: 'Export…', exact: true });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await wrapsInside(dialog, 'PNG', 'Cancel');
    await escCloses(dialog, 'Cancel');
    expect.soft(await opener.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('Settings: named by its heading, gateway fields labelled, Tab wraps, Esc gives the focus back to the ⚙', async () => {
    const page = app.page;
    const opener = page.getByRole('button', { name: 'Settings', exact: true });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    const heading = await dialog.evaluate((d) => document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.outerHTML ?? '');
    expect(heading).toMatch(/^<h3 [^>]*>Settings<\/h3>$/);
    // Each gateway field keeps a visible label while one types in it.
    const form = dialog.getByTestId('gateway-form');
    const id = form.getByRole('textbox', { name: 'Gateway id', exact: true });
    await id.click();
    await page.keyboard.type('my-gw');
    for (const name of ['Gateway id', 'Gateway name', 'Base URL', 'Model ids']) {
      const label = form.locator('label').filter({ has: page.getByRole('textbox', { name, exact: true }) });
      expect(await label.count(), name).toBe(1);
      expect((await label.innerText()).trim(), name).toBe(name);
      expect(await label.isVisible(), name).toBe(true);
    }
    expect(await form.getByRole('combobox', { name: 'Rules and prices of', exact: true }).count()).toBe(1);
    // Clear the id again (Backspace), so nothing half-typed stays in the form.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect.soft(await opener.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('the prompt when a file would open over a running job', async () => {
    const page = app.page;
    // Saved as a project first, so that after the job's result is kept it has unsaved changes (next test).
    app.dialogs.saves.push(join(dir, 'coffee.maskwork'));
    await leaveField(page);
    await page.keyboard.press('Control+Shift+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'coffee.maskwork');
    await waitIdle(page);
    const prompt = page.getByRole('textbox', { name: 'Prompt' });
    openai.script({ delayMs: 8000 });
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    // Back in the prompt while the job runs; Ctrl+O from there.
    await prompt.click();
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: /A job is running/ });
    await ask.waitFor();
    const last = "Don't open";
    const first = (await ask.getByRole('button', { name: 'Save', exact: true }).count()) ? 'Save' : 'Keep it running';
    await wrapsInside(ask, first, last);
    // Esc after a click beside it is the prompt's "Don't open" too: it cancelled the running job.
    await clickBeside(ask);
    await escCloses(ask, "Don't open");
    expect((await summary(page)).original.name).toBe('coffee.png');
    expect.soft(await prompt.evaluate((p) => p === document.activeElement)).toBe(true);
    // The job went on: its result comes.
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ timeout: 30_000 });
  });

  it('Unsaved changes', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(async () => (await summary(page)).unsaved).toBe(true);
    const prompt = page.getByRole('textbox', { name: 'Prompt' });
    await prompt.click();
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await ask.waitFor({ timeout: 10_000 });
    await wrapsInside(ask, 'Save', 'Cancel');
    await clickBeside(ask);
    await escCloses(ask, 'Cancel');
    expect((await summary(page)).original.name).toBe('coffee.png');
    expect.soft(await prompt.evaluate((p) => p === document.activeElement)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
