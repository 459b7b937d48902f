/**
 * A retoucher's first ten minutes, typed end to end with real keys and mouse: Ctrl+O, a brush stroke
 * by mouse, a prompt typed key by key with spaces, quotes, brackets, a dash, accents and CJK, the
 * model picked from the "Model" list with the keyboard, three candidates, Ctrl+Enter, ←/→ through
 * the candidates, Keep, Ctrl+Shift+S. The local OpenAI protocol server must receive exactly the typed
 * prompt in the multipart `prompt` field, and typing must change no tool, history step, mask or
 * overlay state. (Playwright types characters that are not on the keyboard layout — —, é, 中, 文 —
 * as text input events, as an input method does; they arrive in the page like typed text.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, maskValue, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, retype } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

const PROMPT = "replace the label with 'V2.0' [keep] the font — café 中文";
const photo = join(PHOTOS, 'coffee.png'); // 600×400

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto({}));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** What typing must never change (read-only probes). */
async function editorState(page: Page) {
  const s = await summary(page);
  const probes = await page.evaluate(() => {
    const t = (window as any).__maskworkTest;
    return { maskPixels: t.maskPixels(), staged: t.staging().items.length, job: t.job()?.jobId ?? null };
  });
  return {
    tool: s.tool,
    history: s.historyLabels,
    label: s.label,
    canRedo: s.canRedo,
    layers: s.layers,
    maskVisible: s.maskVisible,
    brush: s.brush,
    scale: s.scale,
    offset: s.offset,
    ...probes,
  };
}

describe("a retoucher's first ten minutes", () => {
  it('open, paint, type the prompt, pick the model, generate, flip, keep, export', async () => {
    const page = app.page;

    // Ctrl+O: the open dialog answers with the photo.
    app.dialogs.opens.push(photo);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(page);
    expect((await summary(page)).original.name).toBe('coffee.png');

    // The brush from the toolbar, one stroke by mouse over the label area.
    await page.getByRole('button', { name: 'Brush (B)' }).click();
    await dragPath(page, [
      [200, 180],
      [380, 190],
    ]);
    expect(await maskValue(page, 290, 185)).toBe(255);
    const painted = await editorState(page);
    expect(painted.label).toBe('Brush stroke');
    expect(painted.tool).toBe('brush');

    // The prompt, typed key by key. Every key lands in the box; none reaches a shortcut.
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await prompt.pressSequentially(PROMPT);
    expect(await prompt.inputValue()).toBe(PROMPT);
    expect(await editorState(page)).toEqual(painted);

    // gpt-image-2 from the Model list by keyboard, three candidates typed into their field.
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '3');
    expect(await editorState(page)).toEqual(painted);
    expect(await prompt.inputValue()).toBe(PROMPT);

    // Ctrl+Enter generates from wherever the focus is.
    const sentBefore = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 60_000 });
    const sent = openai.requests.slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0].status).toBe(200);
    expect(sent[0].path).toBe('/v1/images/edits');
    expect(sent[0].fields.model).toBe('gpt-image-2');
    expect(Number(sent[0].fields.n)).toBe(3);
    // Exactly what was typed: not trimmed, not re-encoded, nothing lost to a shortcut.
    expect(sent[0].fields.prompt).toBe(PROMPT);

    // ←/→ through the candidates.
    const selected = async () => (await page.evaluate(() => (window as any).__maskworkTest.staging())).selected;
    expect(await selected()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe(2);
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe(1);

    // Keep: one history step, the version records the prompt as typed.
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    const kept = await summary(page);
    expect(kept.label).toBe('Keep GPT Image 2 result');
    expect(kept.historyLabels).toEqual([...painted.history, painted.label]);
    const versions = await page.evaluate(() => (window as any).__maskworkTest.versions());
    expect(versions).toHaveLength(1);
    expect(versions[0].prompt).toBe(PROMPT);
    // Keep cleared the mask in the same step, so the kept result shows and the next stroke starts the
    // next edit's mask; the overlay itself stays on (its eye says so).
    expect(kept.maskVisible).toBe(true);
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);

    // Ctrl+Shift+Alt+S (export again): the save dialog answers with a new file; the export has the photo's size.
    const out = join(app.tmp, 'coffee-v2.png');
    app.dialogs.saves.push(out);
    await page.keyboard.press('Control+Shift+Alt+S');
    await expect.poll(() => existsSync(out), { timeout: 20_000 }).toBe(true);
    await waitIdle(page);
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height]).toEqual([600, 400]);
    expect(app.dialogs.saves).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
