/**
 * Ctrl+O pressed while typing the prompt (it works there, as in any field): the photo that opens gets
 * the keys. The focus used to stay in the prompt box, so the first Ctrl+Z on the new photo took the
 * prompt's last letter ("a small brass ke") instead of a document step. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
});
afterAll(() => app?.close());

describe('opening a file from the prompt box', () => {
  it('gives the keys to the new photo: Ctrl+Z undoes a document step, not the prompt’s typing', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 150],
      [300, 150],
    ]);
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await prompt.pressSequentially('a small brass key');
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'building.jpg');
    expect(await prompt.evaluate((el) => el === document.activeElement)).toBe(false);
    // The first Ctrl+Z is the document's: back to the photo before the open, the prompt as typed.
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    expect(await prompt.inputValue()).toBe('a small brass key');
    expect((await summary(page)).original?.name).toBe('coffee.png');
  });
});
