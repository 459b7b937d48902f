/**
 * Prompt tools in the real UI: presets fill the prompt box, a prompt saved as a draft preset makes
 * Auto pick the cheapest model, recent prompts come back (this photo's first), and the seed field
 * appears only for a model that takes a seed and makes the offline engine repeat itself exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { chooseOption, retype } from '../support/user-input';

let app: AppHarness;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers();
  ({ app } = cloud);
  await openAndPaint(app, 'coffee.png', 30, [
    [200, 150],
    [300, 150],
  ]);
});
afterAll(() => cloud?.close());

const promptBox = () => app.page.getByRole('textbox', { name: 'Prompt', exact: true });
const model = () => app.page.getByRole('combobox', { name: 'Model', exact: true });

async function generateAndKeepFirstPatch(): Promise<string> {
  const page = app.page;
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
  await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 60_000 });
  const staging = await page.evaluate(() => (window as any).__maskworkTest.staging());
  const assetId: string = staging.items[0].assetId;
  await page.getByRole('button', { name: 'Discard all' }).click();
  return assetId;
}

describe('prompt tools', () => {
  it('a seed field only where the model takes one; the same seed repeats the offline result exactly', async () => {
    const page = app.page;
    await chooseOption(page, model(), 'gpt-image-2');
    expect(await page.getByRole('spinbutton', { name: 'Seed' }).count()).toBe(0);
    await chooseOption(page, model(), 'local');
    await retype(page.getByRole('spinbutton', { name: 'Seed' }), '4242');
    await retype(promptBox(), 'remove the mark');
    const a = await generateAndKeepFirstPatch();
    const b = await generateAndKeepFirstPatch();
    const bytes = (id: string) => app.services.store.get(id);
    expect(Buffer.from(await bytes(a)).equals(Buffer.from(await bytes(b)))).toBe(true);
    await retype(page.getByRole('spinbutton', { name: 'Seed' }), '7');
    const c = await generateAndKeepFirstPatch();
    expect(Buffer.from(await bytes(a)).equals(Buffer.from(await bytes(c)))).toBe(false);
  });

  it('a blank seed is a fresh one each Generate, shown with the candidate; typed back in, it repeats that result', async () => {
    const page = app.page;
    const seedField = page.getByRole('spinbutton', { name: 'Seed' });
    await retype(seedField, '');
    expect(await seedField.getAttribute('placeholder')).toBe('random');
    const bytes = async (id: string) => Buffer.from(await app.services.store.get(id));
    /** Generate; the seed the candidate's details show (its tooltip), then Discard all. */
    const generateAndReadSeed = async () => {
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
      await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 60_000 });
      const title = (await page.getByRole('button', { name: /^Candidate 1:/ }).getAttribute('title')) ?? '';
      const seed = /\nseed (\d+)/.exec(title)?.[1];
      const assetId: string = (await page.evaluate(() => (window as any).__maskworkTest.staging())).items[0].assetId;
      await page.getByRole('button', { name: 'Discard all' }).click();
      return { seed, assetId };
    };
    const a = await generateAndReadSeed();
    const b = await generateAndReadSeed();
    expect(a.seed).toMatch(/^\d+$/);
    expect(b.seed).toMatch(/^\d+$/);
    expect(b.seed).not.toBe(a.seed);
    expect((await bytes(a.assetId)).equals(await bytes(b.assetId))).toBe(false);
    // The seed shown, typed in: the same patch again, and the same seed shown.
    await retype(seedField, a.seed!);
    const c = await generateAndReadSeed();
    expect(c.seed).toBe(a.seed);
    expect((await bytes(a.assetId)).equals(await bytes(c.assetId))).toBe(true);
    await retype(seedField, '');
  });

  it('brings recent prompts back, this photo’s first', async () => {
    const page = app.page;
    await retype(promptBox(), 'something else');
    const recent = page.getByRole('combobox', { name: 'Recent prompts' });
    const groups = await recent.evaluate((el: HTMLSelectElement) =>
      [...el.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)]),
    );
    expect(groups).toEqual([['This photo', ['remove the mark']]]);
    // The list is a menu: it goes back to "Recent prompts…" after each choice, so it is driven by keys here.
    await recent.click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await promptBox().inputValue()).toBe('remove the mark');
    const prefs = app.services.prefs.get();
    expect(prefs.history.global[0]).toBe('remove the mark');
    expect(Object.keys(prefs.history.byDoc)).toEqual(['coffee.png 600×400']);
  });

  it('presets fill the prompt; a prompt saved as a draft preset sends Auto to the cheapest model', async () => {
    const page = app.page;
    const presetSelect = page.getByRole('combobox', { name: 'Prompt preset' });
    await chooseOption(page, presetSelect, 'remove-object');
    expect(await promptBox().inputValue()).toBe('Remove the object and continue the background naturally, same light and texture');
    await chooseOption(page, presetSelect, 'change-text');
    expect(await promptBox().inputValue()).toContain('Change the text to "…"');
    // Its blank left as it is: Generate waits and says what to type (it was sent and charged).
    await chooseOption(page, model(), 'gpt-image-2');
    const generateButton = page.getByRole('button', { name: 'Generate', exact: true });
    await expect.poll(() => generateButton.isDisabled()).toBe(true);
    expect(await page.getByText('Type the text you want in place of “…” in the prompt').count()).toBe(1);
    await retype(promptBox(), 'Change the text to "SALE", keeping the font');
    await expect.poll(() => generateButton.isDisabled()).toBe(false);

    await retype(promptBox(), 'make the cup blue');
    await page.getByRole('button', { name: 'Save as preset…' }).click();
    await page.getByRole('textbox', { name: 'Preset name' }).pressSequentially('Blue cup');
    await page.getByRole('checkbox', { name: 'Draft' }).click();
    await page.getByRole('textbox', { name: 'Preset name' }).press('Enter');
    await expect.poll(() => presetSelect.inputValue()).toBe('blue-cup');
    expect(app.services.prefs.get().presets.at(-1)).toEqual({ id: 'blue-cup', name: 'Blue cup', prompt: 'make the cup blue', draft: true });

    await chooseOption(page, model(), 'auto');
    await expect
      .poll(() => page.getByRole('status', { name: 'Auto pick' }).textContent())
      .toMatch(/^Auto picked .+ — the draft preset “Blue cup” is used: the cheapest usable model \(\$0\.\d{3} a request\)$/);
    await chooseOption(page, presetSelect, '');
    await expect
      .poll(() => page.getByRole('status', { name: 'Auto pick' }).textContent())
      .toBe('Auto picked GPT Image 2 — no rule applies: your default model');
    await chooseOption(page, presetSelect, 'blue-cup');
    await page.getByRole('button', { name: 'Delete preset' }).click();
    await expect.poll(() => app.services.prefs.get().presets.some((p) => p.id === 'blue-cup')).toBe(false);
    expect(await presetSelect.inputValue()).toBe('');
  });
});
