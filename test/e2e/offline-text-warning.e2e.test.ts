/**
 * The offline engine with a prompt that asks for text: under the Model list, before Generate, the panel
 * says it cannot write text and to choose GPT Image 2 (Ctrl+Enter smeared the sign with no hint;
 * hands-on H3). A removal prompt, or another model, says nothing. Real keys and mouse at 1280×720.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';

let app: AppHarness;
const SAID = 'Offline fill cannot write text: it continues the texture around the mask. Choose GPT Image 2 for text.';

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1280, height: 720 });
});
afterAll(async () => app?.close());

describe('the offline engine and a text prompt', () => {
  it('says before Generate that it cannot write text; a removal prompt or GPT Image 2 says nothing', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 200],
      [320, 210],
    ]);
    const model = page.getByRole('combobox', { name: 'Model' });
    // From the panel's heading (the keys that choose in the list may scroll the panel a little).
    const heading = page.getByRole('region', { name: 'Generate' }).getByRole('heading', { name: 'Generate' });
    const modelY = async () => Math.round((await model.boundingBox())!.y - (await heading.boundingBox())!.y);
    const still = await modelY();
    await chooseWithKeys(page, model, 'local');
    const prompt = page.getByRole('textbox', { name: 'Prompt' });
    const note = page.getByRole('note', { name: 'The offline engine cannot write text' });
    await typeInto(page, prompt, 'change the text to "SALE 20%"');
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.textContent()).toBe(SAID);
    // In view, right under the Model list it is about, which stays where it was: above it, the note
    // pushed the list 54 px down as Offline fill was chosen, and back up as GPT Image 2 was.
    const n = (await note.boundingBox())!;
    const m = (await model.boundingBox())!;
    expect(await modelY()).toBe(still);
    expect(n.y).toBeGreaterThanOrEqual(m.y + m.height);
    expect(n.y + n.height).toBeLessThanOrEqual(720);

    await typeInto(page, prompt, 'remove the cup');
    await expect.poll(() => note.count()).toBe(0);
    await typeInto(page, prompt, 'add the label "SALE"');
    await expect.poll(() => note.count()).toBe(1);
    await chooseWithKeys(page, model, 'gpt-image-2');
    await expect.poll(() => note.count()).toBe(0);
    expect(await modelY()).toBe(still);
    expect(app.errors).toEqual([]);
  });
});
