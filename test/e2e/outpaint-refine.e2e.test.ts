/**
 * "Refine with…" on an outpaint's candidate says what it is doing, as it does for an edit: the
 * Generate panel shows "Refine with GPT Image 2: …" with Cancel refine while the request is out (the
 * line lived in the "Several models" section, which an outpaint's panel leaves out, so a refine of an
 * extension showed nothing and could not be cancelled). 1280×800, offline engine for the fill, the
 * local OpenAI server for the refine, keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PHOTOS } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers } from '../support/cloud-app';
import { waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype } from '../support/user-input';

let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers();
  const page = cloud.app.page;
  cloud.app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(page);
}, 120_000);
afterAll(() => cloud?.close());

const staged = () => cloud!.app.page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

describe('refining an outpaint candidate', () => {
  it('shows the refine line with Cancel refine while the refine works, and drops it when the candidate arrives', async () => {
    const { app, openai } = cloud!;
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'local');
    await leaveField(page);
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    await page.keyboard.press('Enter');
    await waitIdle(page);
    await page.getByTestId('outpaint-section').waitFor();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(staged, { timeout: 90_000 }).toBe(1);

    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'more of the wooden table');
    await chooseOption(page, page.getByRole('combobox', { name: 'Refine with' }), 'gpt-image-2');
    let release = () => {};
    openai.script({ until: new Promise<void>((r) => (release = r)) });
    await page.getByRole('button', { name: 'Refine', exact: true }).click();
    const line = page.getByRole('status', { name: 'Refine' });
    await expect.poll(() => line.count(), { timeout: 30_000 }).toBe(1);
    expect(await line.textContent()).toMatch(/^Refine with GPT Image 2: (Starting|Waiting|Working)…/);
    expect(await line.getByRole('button', { name: 'Cancel refine' }).isVisible()).toBe(true);
    // Still the outpaint's panel: the refine line is not the "Several models" section coming back (its
    // box stays in its place, greyed out, while an extension is filled: extend-generate-rows.e2e).
    expect(await page.getByTestId('outpaint-section').isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Ask several models at once' }).isDisabled()).toBe(true);
    expect(await page.getByRole('status', { name: 'Models asked' }).count()).toBe(0);
    release();
    await expect.poll(staged, { timeout: 60_000 }).toBe(2);
    await expect.poll(() => line.count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('kept, the refined candidate is an extension: the next extension fills around it, not over it', async () => {
    const { app } = cloud!;
    const page = app.page;
    const selected = () =>
      page.evaluate(() => {
        const st = (window as any).__maskworkTest.staging();
        return st.items[st.selected].model as string;
      });
    for (let i = 0; i < 2 && (await selected()) !== 'gpt-image-2'; i++) await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('gpt-image-2');
    await page.keyboard.press('Enter'); // Keep the refined candidate
    await expect.poll(staged).toBe(0);
    await waitIdle(page);
    const canvas = await page.evaluate(() => (window as any).__maskworkTest.summary().canvas as { width: number; height: number });
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 9:16' }).click();
    await page.keyboard.press('Enter');
    await waitIdle(page);
    const section = page.getByTestId('outpaint-section');
    await section.waitFor();
    // It said "… around the 600×400 photo": the kept refinement was filled again, over it.
    await expect.poll(() => section.textContent()).toContain(`around the ${canvas.width}×${canvas.height} you kept`);
    expect(app.errors).toEqual([]);
  });
});
