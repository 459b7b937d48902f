/**
 * The prompt box belongs to its photo (real keys and mouse). Found by hand: the prompt and the Text of
 * one photo stayed in the box when the next photo opened, and the next photo's paid edit was sent the
 * last photo's words. Another photo starts with an empty box, as each Generative Fill does in
 * Photoshop; Ctrl+Z back to the first photo brings its prompt and Text back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import { leaveField } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { REMOVE_PROMPT } from '../../shared/prompts/remove-prompt';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto('sign-sports-centre.jpg', { width: 1600, height: 1000 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('each photo has its own prompt box', () => {
  it('another photo opens with an empty prompt and Text; Ctrl+Z back brings them back; its edit is not sent the old words', async () => {
    const page = app.page;
    await chooseWithKeys(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
    const panel = page.getByRole('region', { name: 'Generate' });
    const prompt = panel.getByRole('textbox', { name: 'Prompt' });
    const text = panel.getByRole('textbox', { name: 'Text', exact: true });
    await typeInto(page, prompt, 'change the name to "Wivenhoe Park"');
    await typeInto(page, text, 'Wivenhoe Park');
    expect(await prompt.inputValue()).toBe('change the name to "Wivenhoe Park"');

    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await leaveField(page);
    await page.keyboard.press('Control+o');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('coffee.png');
    expect(await prompt.inputValue()).toBe('');
    expect(await text.inputValue()).toBe('');

    // A paid edit of the new photo is sent its own (empty → removal) prompt, not the sign's.
    await page.keyboard.press('b');
    await dragPath(page, [
      [420, 300],
      [470, 330],
    ]);
    await expect.poll(async () => (await summary(page)).label).toBe('Brush stroke');
    await panel.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ state: 'visible', timeout: 90_000 });
    const sent = openai.requests.filter((r) => r.path.endsWith('/images/edits'));
    expect(sent.length).toBe(1);
    expect(sent[0].fields.prompt).toBe(REMOVE_PROMPT);
    await page.keyboard.press('Escape'); // the candidate is dropped

    // Back to the sign: its prompt and Text are there again.
    await leaveField(page);
    for (let i = 0; i < 4 && (await summary(page)).original?.name !== 'sign-sports-centre.jpg'; i++) await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('sign-sports-centre.jpg');
    expect(await prompt.inputValue()).toBe('change the name to "Wivenhoe Park"');
    expect(await text.inputValue()).toBe('Wivenhoe Park');
  });
});
