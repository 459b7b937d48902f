/**
 * An empty prompt with a cloud model is Photoshop's Generative Fill with no prompt: remove what is
 * masked and continue the surroundings. It was refused ("Type a prompt"); now the Generate panel says
 * what an empty prompt does before Generate (in the empty prompt box, so nothing moves: a line under
 * the box pushed the Model list 55 px down as it was picked, and the rows below jumped at the first
 * key typed and back when the box was emptied), the price is the same, and main sends REMOVE_PROMPT —
 * with one model (Generate, Ctrl+Enter, Shift+Backspace) and with several at once. Real keys and mouse;
 * the SDKs talk to the local protocol servers. Read-only probes.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { chooseOption, leaveField, retype } from '../support/user-input';
import type { GeminiServer, OpenAIServer } from '../servers';
import { EMPTY_PROMPT_PLACEHOLDER, REMOVE_PROMPT } from '../../shared/prompts/remove-prompt';

let app: AppHarness;
let openai: OpenAIServer;
let gemini: GeminiServer;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers();
  ({ app, openai, gemini } = cloud);
  await openAndPaint(app, 'coffee.png', 30, [
    [200, 150],
    [300, 150],
  ]);
});
afterAll(() => cloud?.close());

const staged = () => app.page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);
const promptBox = () => app.page.getByRole('textbox', { name: 'Prompt', exact: true });
/** What the empty prompt box says (its placeholder). */
const note = () => promptBox().getAttribute('placeholder');
/** The top of a control on the page, in CSS px (a read-only probe). */
const top = async (l: Locator) => (await l.boundingBox())?.y ?? Number.NaN;

async function stagedThenDiscard(count: number): Promise<void> {
  await expect.poll(staged, { timeout: 60_000 }).toBe(count);
  await app.page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 60_000 });
  await app.page.getByRole('button', { name: 'Discard all' }).click();
  await expect.poll(staged).toBe(0);
}

describe('an empty prompt with a cloud model', () => {
  it('one model: said before Generate, same price, REMOVE_PROMPT sent by Generate, Ctrl+Enter and Shift+Backspace', async () => {
    const page = app.page;
    // The offline engine never reads a prompt: nothing to say.
    expect(await note()).not.toBe(EMPTY_PROMPT_PLACEHOLDER);
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    const modelTop = await top(model);
    await chooseOption(page, model, 'gpt-image-2');
    await expect.poll(note).toBe(EMPTY_PROMPT_PLACEHOLDER);
    // Picked with the mouse or the keys, the list stays where it was.
    expect(await top(model)).toBe(modelTop);
    const candidates = page.getByRole('spinbutton', { name: 'Candidates', exact: true });
    const candidatesTop = await top(candidates);
    expect(await page.getByTestId('generate-blocker').count()).toBe(0);
    const generate = page.getByRole('button', { name: 'Generate', exact: true });
    expect(await generate.isEnabled()).toBe(true);
    const emptyCost = await page.getByTestId('cost-usd').textContent();
    // A typed prompt takes the line away, and the price does not change with it.
    await retype(promptBox(), 'a glass vase');
    // Typed, the rows under the box stay put (they jumped 55 px up at the first key).
    expect(await top(candidates)).toBe(candidatesTop);
    expect(await page.getByTestId('cost-usd').textContent()).toBe(emptyCost);
    await retype(promptBox(), '');
    expect(await note()).toBe(EMPTY_PROMPT_PLACEHOLDER);
    expect(await top(candidates)).toBe(candidatesTop);

    const before = openai.requests.length;
    await generate.click();
    await stagedThenDiscard(1);
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await stagedThenDiscard(1);
    await page.keyboard.press('Shift+Backspace');
    await stagedThenDiscard(1);
    expect(openai.requests.slice(before).map((r) => r.fields.prompt)).toEqual([REMOVE_PROMPT, REMOVE_PROMPT, REMOVE_PROMPT]);
  });

  it('several models at once: said, not refused, each cloud model sent REMOVE_PROMPT', async () => {
    const page = app.page;
    await page.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    await retype(page.getByRole('spinbutton', { name: 'Nano Banana 2 (Gemini 3.1 Flash Image) candidates' }), '1');
    await retype(page.getByRole('spinbutton', { name: 'GPT Image 2 candidates' }), '1');
    await leaveField(page);
    await expect.poll(note).toBe(EMPTY_PROMPT_PLACEHOLDER);
    expect(await page.getByTestId('generate-blocker').count()).toBe(0);
    const o = openai.requests.length;
    const g = gemini.requests.length;
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(staged, { timeout: 60_000 }).toBe(2);
    expect(openai.requests.slice(o).map((r) => r.fields.prompt)).toEqual([REMOVE_PROMPT]);
    expect(gemini.requests.slice(g).map((r) => JSON.stringify(r.body).includes(REMOVE_PROMPT))).toEqual([true]);
  });
});
