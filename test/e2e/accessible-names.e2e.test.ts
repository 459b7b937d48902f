/**
 * Every control has an accessible name that says what it is, so a screen reader and the tests find
 * the same things. The app is walked through its states (empty, a photo open with each tool, the
 * extend options and the outpaint section, candidates staged, a result kept with its layer and
 * version, an error message, the settings dialog) and Chromium's accessibility tree is read in each:
 * no button, field, select, slider, checkbox or radio may be unnamed or named by a glyph alone.
 * The names the tests and the README rely on are checked by role and exact name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { axControls, saysWhatItIs, unnamedControls } from '../support/a11y';
import { dragPath, waitIdle } from '../support/page-helpers';
import { leaveField } from '../support/user-input';

let app: AppHarness;
const seen = new Map<string, string[]>();

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

/** Records the state's unnamed controls; the test fails at the end with every one listed. */
async function walk(state: string) {
  const bad = await unnamedControls(app.context, app.page);
  seen.set(state, bad);
  // Something was actually read (a broken walk must not pass as "nothing unnamed").
  expect((await axControls(app.context, app.page)).length, state).toBeGreaterThan(5);
}

describe('accessible names', () => {
  it('the rule: a name without a letter (a glyph, "100%") does not say what the control is', () => {
    expect(['', '−', '+', '⚙', '100%', '◼', ' '].filter(saysWhatItIs)).toEqual([]);
    expect(['Zoom out', 'Brush (B)', 'Aspect 21:9', 'Prompt'].every(saysWhatItIs)).toBe(true);
  });

  it('every control says what it is, in every state of the app', async () => {
    const page = app.page;
    await walk('empty window');

    app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(page);
    for (const key of ['b', 'e', 'm', 'l', 'h']) {
      await page.keyboard.press(key);
      await walk(`photo open, tool ${key.toUpperCase()}`);
    }
    await page.keyboard.press('b');
    await dragPath(page, [
      [250, 200],
      [330, 200],
    ]);
    await walk('after a brush stroke');

    await page.keyboard.press('Control+Enter'); // the offline engine (default model)
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ timeout: 60_000 });
    await walk('a candidate staged');
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await waitIdle(page);
    await walk('a result kept (layer, version)');

    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    await walk('extend tool with a preview');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.getByRole('group', { name: 'Outpaint', exact: true }).waitFor();
    await walk('canvas extended (outpaint section)');

    await writeFile(join(app.tmp, 'not-a-photo.png'), 'plain text, not an image');
    app.dialogs.opens.push(join(app.tmp, 'not-a-photo.png'));
    await page.keyboard.press('Control+o');
    await page.getByRole('button', { name: 'Dismiss' }).first().waitFor();
    await walk('an error message');

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('dialog', { name: 'Settings', exact: true }).waitFor();
    await walk('settings dialog');

    const failures = [...seen].filter(([, bad]) => bad.length).map(([state, bad]) => `${state}: ${bad.join(', ')}`);
    expect(failures).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('the names people and tests rely on', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Close settings' }).click();
    await leaveField(page);
    const named = async (role: Parameters<typeof page.getByRole>[0], name: string) =>
      expect(await page.getByRole(role, { name, exact: true }).count(), `${role} "${name}"`).toBe(1);
    await named('textbox', 'Prompt');
    await named('combobox', 'Model');
    await named('spinbutton', 'Candidates');
    await named('button', 'Generate');
    await named('button', 'Open…');
    await named('button', 'Export…');
    await named('button', 'Undo');
    await named('button', 'Redo');
    await named('button', 'Zoom in');
    await named('button', 'Zoom out');
    await named('button', 'Zoom to 100 %');
    await named('button', 'Settings');
    for (const tool of ['Brush (B)', 'Eraser (E)', 'Rectangle marquee (M)', 'Extend canvas (outpaint crop) (C)'])
      await named('button', tool);
    await page.keyboard.press('b');
    await named('spinbutton', 'Brush size');
    await named('slider', 'Brush size');
    await named('slider', 'Hardness');
    await named('slider', 'Opacity');
  });
});
