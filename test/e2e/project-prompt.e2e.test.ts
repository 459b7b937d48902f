/**
 * The Generate panel comes back with its project: a prompt, a Text and a reference image given to
 * coffee.png (gpt-image-2, local protocol server), Ctrl+S, then a RESTARTED app (a new harness: new
 * main services, a new browser) with another photo open, Ctrl+O of the project — the prompt box holds
 * the words typed for it, the Text its text, the reference is there. Found by hand: the prompt box
 * came back empty (it lived only in the session's memory), so the retoucher's wording for the next try
 * was gone the next day; and the project's reference images, which it does save, were put in before
 * the document changed, so the new document's empty panel (prompt-per-photo.ts) replaced them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { strokeAndSaveProject } from '../support/stroke-app';
import { summary, waitIdle } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import { startOpenAIServer } from '../servers';
import { leaveField } from '../support/user-input';

let first: AppHarness | null = null;
let second: AppHarness | null = null;
let dir: string;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
const env = () => ({ OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0' });
const WORDS = 'a plain oak table top, no cup';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-project-prompt-'));
  openai = await startOpenAIServer();
  first = await launchApp({ viewport: { width: 1400, height: 900 }, env: env() });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await openai?.close();
  await rm(dir, { recursive: true, force: true });
});

async function openWithKeys(app: AppHarness, path: string, name: string): Promise<void> {
  app.dialogs.opens.push(path);
  await app.page.keyboard.press('Control+o');
  await expect.poll(async () => (await summary(app.page)).original?.name).toBe(name);
  await waitIdle(app.page);
}

const panel = (app: AppHarness) => app.page.getByRole('region', { name: 'Generate' });
const promptBox = (app: AppHarness) => panel(app).getByRole('textbox', { name: 'Prompt' });
const textBox = (app: AppHarness) => panel(app).getByRole('textbox', { name: 'Text', exact: true });
const references = (app: AppHarness) => panel(app).getByTestId('reference');

describe('the prompt box is saved with the project', () => {
  it('typed, Ctrl+S, a restarted app with another photo open, Ctrl+O: the same words, Text and reference', async () => {
    const app = first!;
    await openWithKeys(app, join(PHOTOS, 'coffee.png'), 'coffee.png');
    await chooseWithKeys(app.page, app.page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await typeInto(app.page, promptBox(app), WORDS);
    await typeInto(app.page, textBox(app), 'OAK');
    const chooser = app.page.waitForEvent('filechooser');
    await panel(app).getByRole('button', { name: 'Add reference…' }).click();
    await (await chooser).setFiles(join(PHOTOS, 'cork-texture.png'));
    await expect.poll(() => references(app).count()).toBe(1);
    await leaveField(app.page);
    await strokeAndSaveProject(app, dir, 'coffee-work');
    expect(app.errors).toEqual([]);
    await app.close();
    first = null;

    second = await launchApp({ viewport: { width: 1400, height: 900 }, env: env() });
    await openWithKeys(second, join(PHOTOS, 'building.jpg'), 'building.jpg');
    await chooseWithKeys(second.page, second.page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    expect(await promptBox(second).inputValue()).toBe('');
    await openWithKeys(second, join(dir, 'coffee-work.maskwork'), 'coffee.png');
    expect((await summary(second.page)).project?.name).toBe('coffee-work.maskwork');
    expect(await promptBox(second).inputValue()).toBe(WORDS);
    expect(await textBox(second).inputValue()).toBe('OAK');
    expect(await references(second).count()).toBe(1);
    // Opening the project changed nothing in it: it has no unsaved changes.
    expect((await summary(second.page)).unsaved).toBe(false);
    expect(second.errors).toEqual([]);
  });
});
