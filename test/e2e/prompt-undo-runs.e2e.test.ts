/**
 * Ctrl+Z in the prompt box takes back typing as a plain text box in Chromium does: the whole run typed
 * since the caret was last put somewhere, not one letter (real keys and mouse). Found by hand: after
 * typing "red mug on a desk", Ctrl+Z left "red mug on a des". React's controlled textarea wrote the text
 * into the element's defaultValue after every key, which ends Chromium's typing run
 * (renderer/ui/TypingTextarea.tsx). The document's undo is never touched from the box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1600, height: 1000 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
});
afterAll(async () => {
  await app?.close();
});

describe('Ctrl+Z in the prompt box', () => {
  it('takes back the typed run, not one letter; Ctrl+Shift+Z and Ctrl+Y put it back; the document stays', async () => {
    const page = app.page;
    // Something on the document's undo list, so a Ctrl+Z that reached it would show.
    await page.keyboard.press('b');
    await dragPath(page, [
      [500, 300],
      [560, 340],
    ]);
    await expect.poll(async () => (await summary(page)).label).toBe('Brush stroke');
    const before = (await summary(page)).historyLabels;

    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await prompt.pressSequentially('red mug on a desk');
    await page.keyboard.press('Control+z');
    expect(await prompt.inputValue()).toBe('');
    await page.keyboard.press('Control+Shift+z');
    expect(await prompt.inputValue()).toBe('red mug on a desk');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await prompt.inputValue()).toBe('red mug on a desk');

    // A run ends where the caret is moved: Home, End, then more typing is a run of its own.
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    await prompt.pressSequentially(', morning light');
    await page.keyboard.press('Control+z');
    expect(await prompt.inputValue()).toBe('red mug on a desk');
    // The store (what Generate sends) follows the box.
    const after = await summary(page);
    expect(after.prompt).toBe('red mug on a desk');
    expect(after.historyLabels).toEqual(before);
    expect(after.futureLabels).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
