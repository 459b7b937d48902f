/**
 * A key pressed while typing belongs to the field (renderer/ui/keyboard/field-focus.ts): with three
 * candidates staged and the second selected, every editor shortcut — tools, brush size/hardness/
 * opacity, overlay, Space-to-pan, staging ←/→/Enter/Y/Delete/Esc, Ctrl+A/D/Z, zoom — is pressed with
 * focus in the prompt box, in a number field and in the Model select. Each key does what the field
 * does (a space is typed, ↑ steps the number, ↓ picks the next model) and changes no tool, history
 * step, mask, overlay, staging selection, brush setting or view (Enter and Esc in the number field
 * apply or put back its value and leave it, doing nothing else) — except Ctrl/Cmd chords in the
 * select, which are the editor's there (Ctrl+Z right after picking a model undoes the document; it
 * used to run the browser's undo on the prompt). Control: the same keys with focus on the page do
 * act, so the checks can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary } from '../support/page-helpers';
import { holdChord, leaveField, retype } from '../support/user-input';

let app: AppHarness;

/** Everything a shortcut could change (read-only probes), including the stage cursor while a key is held. */
async function appState(page: Page) {
  return page.evaluate(() => {
    const t = (window as any).__maskworkTest;
    const s = t.summary();
    const st = t.staging();
    return {
      tool: s.tool,
      history: s.historyLabels,
      label: s.label,
      canRedo: s.canRedo,
      layers: s.layers,
      maskVisible: s.maskVisible,
      maskShown: s.maskShown,
      maskPixels: t.maskPixels(),
      brush: s.brush,
      scale: s.scale,
      offset: s.offset,
      staged: st.items.map((i: { key: string }) => i.key),
      selected: st.selected,
      compare: st.compare,
      job: t.job()?.jobId ?? null,
      extend: t.extendPreview(),
      stageCursor: (document.querySelector('[data-testid="stage"]') as HTMLElement).style.cursor,
    };
  });
}

/** The focused element's value and caret (read-only). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
    const text = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text');
    return {
      label: el?.getAttribute('aria-label') ?? null,
      value: el && 'value' in el ? el.value : null,
      start: text ? (el as HTMLTextAreaElement).selectionStart : null,
      end: text ? (el as HTMLTextAreaElement).selectionEnd : null,
    };
  });
}

type Field = Awaited<ReturnType<typeof focused>>;

/**
 * One row per editor shortcut. `text`: what the key types into a text field; `textarea`/`number`/
 * `select`: what the field itself does with the key, given the field before (null = the value is
 * the field's business, only the editor state is checked).
 */
interface Row {
  chord: string;
  shortcut: string;
  text?: string;
  textarea?: (before: Field, after: Field) => void;
  number?: (before: Field, after: Field) => void;
  select?: (before: Field, after: Field, options: string[]) => void;
  /** The key opens the select's list; Escape closes it again. */
  opensList?: boolean;
  /**
   * In a number field the key applies (Enter) or puts back (Esc) the value and gives the keys back
   * to the editor, as in Photoshop: the focus leaves the field, the key does nothing else.
   */
  leavesNumber?: boolean;
  /** The key leaves the prompt box too (its text kept), the keys the editor's again. */
  leavesTextarea?: boolean;
}

const typed = (ch: string) => (b: Field, a: Field) => {
  expect(a.value).toBe(b.value!.slice(0, b.start!) + ch + b.value!.slice(b.start!));
  expect(a.start).toBe(b.start! + ch.length);
};
const unchanged = (b: Field, a: Field) => expect(a.value).toBe(b.value);
const numberTyped = (ch: string) => (b: Field, a: Field) => expect(a.value).toBe(`${b.value}${ch}`);
const selectSame = (b: Field, a: Field) => expect(a.value).toBe(b.value);

const ROWS: Row[] = [
  ...(
    [
      ['KeyB', 'b', 'Brush'],
      ['KeyE', 'e', 'Eraser'],
      ['KeyX', 'x', 'Swap brush and eraser'],
      ['KeyM', 'm', 'Rectangle'],
      ['KeyL', 'l', 'Lasso'],
      ['KeyC', 'c', 'Extend canvas'],
      ['KeyH', 'h', 'Hand'],
      ['KeyY', 'y', 'Hold to compare'],
    ] as const
  ).map(([chord, text, shortcut]) => ({
    chord,
    shortcut,
    text,
    textarea: typed(text),
    // A number field takes no letters ('e' is exponent syntax: its value is the field's business).
    number: text === 'e' ? undefined : unchanged,
    select: selectSame,
  })),
  { chord: 'BracketLeft', shortcut: 'Smaller brush', text: '[', textarea: typed('['), number: unchanged, select: selectSame },
  { chord: 'BracketRight', shortcut: 'Larger brush', text: ']', textarea: typed(']'), number: unchanged, select: selectSame },
  { chord: 'Shift+BracketLeft', shortcut: 'Softer brush', textarea: typed('{'), number: unchanged, select: selectSame },
  { chord: 'Shift+BracketRight', shortcut: 'Harder brush', textarea: typed('}'), number: unchanged, select: selectSame },
  ...['1', '5', '0'].map((d) => ({
    chord: `Digit${d}`,
    shortcut: `Opacity ${d}`,
    textarea: typed(d),
    number: numberTyped(d),
    select: selectSame,
  })),
  { chord: 'Backslash', shortcut: 'Toggle overlay', textarea: typed('\\'), number: unchanged, select: selectSame },
  { chord: 'KeyQ', shortcut: 'Quick Mask', text: 'q', textarea: typed('q'), number: unchanged, select: selectSame },
  { chord: 'Space', shortcut: 'Space-to-pan', textarea: typed(' '), number: unchanged, opensList: true },
  {
    chord: 'ArrowLeft',
    shortcut: 'Previous candidate',
    textarea: (b, a) => {
      expect(a.value).toBe(b.value);
      expect(a.start).toBe(b.start! - 1);
    },
    number: unchanged,
    select: (b, a, options) => expect(a.value).toBe(options[options.indexOf(b.value!) - 1]),
  },
  {
    chord: 'ArrowRight',
    shortcut: 'Next candidate',
    textarea: (b, a) => {
      expect(a.value).toBe(b.value);
      expect(a.start).toBe(b.start); // already at the end
    },
    number: unchanged,
    select: (b, a, options) => expect(a.value).toBe(options[options.indexOf(b.value!) + 1]),
  },
  {
    chord: 'ArrowUp',
    shortcut: '(none: field only)',
    textarea: unchanged,
    number: (b, a) => expect(Number(a.value)).toBe(Number(b.value) + 1),
    select: (b, a, options) => expect(a.value).toBe(options[options.indexOf(b.value!) - 1]),
  },
  {
    chord: 'ArrowDown',
    shortcut: '(none: field only)',
    textarea: unchanged,
    number: (b, a) => expect(Number(a.value)).toBe(Number(b.value) - 1),
    select: (b, a, options) => expect(a.value).toBe(options[options.indexOf(b.value!) + 1]),
  },
  { chord: 'Enter', shortcut: 'Keep', textarea: typed('\n'), leavesNumber: true, opensList: true },
  { chord: 'Shift+Enter', shortcut: 'Keep as layer', textarea: typed('\n'), leavesNumber: true },
  {
    chord: 'Delete',
    shortcut: 'Discard candidate',
    textarea: unchanged, // the caret is at the end: nothing after it to delete
    number: unchanged,
    select: selectSame,
  },
  { chord: 'Backspace', shortcut: 'Polygon: remove a point', textarea: (b, a) => expect(a.value).toBe(b.value!.slice(0, -1)) },
  // Esc leaves the prompt box too (its text kept): the next key is the editor's.
  { chord: 'Escape', shortcut: 'Discard all candidates', leavesTextarea: true, leavesNumber: true, select: selectSame },
  {
    chord: 'Control+KeyA',
    shortcut: 'Mask everything',
    textarea: (b, a) => {
      expect(a.value).toBe(b.value);
      expect([a.start, a.end]).toEqual([0, b.value!.length]);
    },
    select: selectSame,
  },
  { chord: 'Control+KeyD', shortcut: 'Clear mask', textarea: unchanged, select: selectSame },
  { chord: 'Control+Shift+KeyI', shortcut: 'Invert mask', textarea: unchanged, select: selectSame },
  {
    chord: 'Control+KeyZ',
    shortcut: 'Undo',
    // The field's own undo: its last edit is taken back.
    textarea: (b, a) => expect(a.value).not.toBe(b.value),
  },
  { chord: 'Control+Shift+KeyZ', shortcut: 'Redo', textarea: (b, a) => expect(a.value).not.toBe(b.value) },
  { chord: 'Control+KeyY', shortcut: 'Redo', select: selectSame },
  { chord: 'Control+Digit0', shortcut: 'Fit', textarea: unchanged, select: selectSame },
  { chord: 'Control+Digit1', shortcut: 'Zoom 100 %', textarea: unchanged, select: selectSame },
  { chord: 'Control+Equal', shortcut: 'Zoom in', textarea: unchanged, select: selectSame },
  { chord: 'Control+Minus', shortcut: 'Zoom out', textarea: unchanged, select: selectSame },
];

beforeAll(async () => {
  app = await launchApp();
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await page.keyboard.press('b');
  await dragPath(page, [
    [250, 200],
    [330, 200],
  ]);
  // Three candidates from the offline engine (the default model), the second one selected.
  await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '3');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 60_000 });
  await leaveField(page);
  await page.keyboard.press('ArrowRight');
  expect((await app.page.evaluate(() => (window as any).__maskworkTest.staging())).selected).toBe(1);
});
afterAll(async () => {
  await app?.close();
});

async function checkRows(field: Locator, kind: 'textarea' | 'number' | 'select', focus: () => Promise<void>) {
  const page = app.page;
  const options: string[] = kind === 'select' ? await field.evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.value)) : [];
  const base = await appState(page);
  expect(base.staged).toHaveLength(3);
  for (const row of ROWS) {
    // A select owns no Ctrl chord: those are the editor's there (the last test).
    if (kind === 'select' && row.chord.startsWith('Control+')) continue;
    await focus();
    const before = await focused(page);
    expect(before.label, row.chord).toBe(await field.getAttribute('aria-label'));
    await holdChord(page, row.chord, async () => {
      // While the key is held: no pan armed, no compare, nothing else.
      expect(await appState(page), `${kind}: ${row.chord} (${row.shortcut}) held`).toEqual(base);
    });
    if (kind === 'select' && row.opensList) await page.keyboard.press('Escape'); // close the list it opened
    const after = await focused(page);
    if ((kind === 'number' && row.leavesNumber) || (kind === 'textarea' && row.leavesTextarea)) {
      expect(after.label, `${kind}: ${row.chord} gives the keys back to the editor`).toBeNull();
      expect(await field.inputValue(), `${kind}: ${row.chord} keeps the value`).toBe(before.value);
      expect(await appState(page), `${kind}: ${row.chord} (${row.shortcut})`).toEqual(base);
      continue;
    }
    expect(after.label, `${kind}: focus stays in the field after ${row.chord}`).toBe(before.label);
    expect(await appState(page), `${kind}: ${row.chord} (${row.shortcut})`).toEqual(base);
    const own = row[kind];
    if (own) {
      try {
        own(before, after, options);
      } catch (e) {
        throw new Error(`${kind}: ${row.chord} did not do the field's own thing: ${(e as Error).message}`);
      }
    }
  }
}

describe('editor shortcuts do not fire while typing', () => {
  it('in the prompt box every key types, moves the caret or edits the text — and changes nothing else', async () => {
    const prompt = app.page.getByRole('textbox', { name: 'Prompt', exact: true });
    await checkRows(prompt, 'textarea', async () => {
      await prompt.click();
      await prompt.press('Control+End');
    });
    // The space bug that started it: a sentence with spaces types as it reads.
    await prompt.press('Control+a');
    await prompt.pressSequentially('a b  c ');
    expect(await prompt.inputValue()).toBe('a b  c ');
    // Esc leaves the prompt with its text, and the next letter is the editor's (Esc then E typed an "e").
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('e');
    expect(await prompt.inputValue()).toBe('a b  c ');
    expect((await app.page.evaluate(() => (window as any).__maskworkTest.summary())).tool).toBe('eraser');
    await app.page.keyboard.press('b');
  });

  it('in a number field', async () => {
    // Candidates: a field whose Enter only applies (the Mask panel's px fields also grow, feather or refine on Enter).
    const count = app.page.getByRole('spinbutton', { name: 'Candidates', exact: true });
    await checkRows(count, 'number', async () => {
      await count.click();
      await count.press('Control+a');
      await count.pressSequentially('3');
    });
  });

  it('in the Model select', async () => {
    const page = app.page;
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    // Start in the middle of the list so ↑ and ↓ both have somewhere to go.
    const options: string[] = await model.evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.value));
    expect(options.length).toBeGreaterThan(3);
    const mid = options.indexOf(await model.inputValue()) + 1;
    await model.click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(options.indexOf(await model.inputValue())).toBe(mid);
    await checkRows(model, 'select', async () => {
      await model.click(); // opens the list…
      await page.keyboard.press('Escape'); // …closed again, focus stays on the select
      // Esc without a pick gives the editor its keys (select-pick-keys.e2e); ↑/↓ on the select make
      // them its own again. ↑/↓ rows move the choice: bring it back to the middle, by the keys.
      const at = options.indexOf(await model.inputValue());
      if (at !== mid) {
        await page.keyboard.press(at > mid ? 'ArrowUp' : 'ArrowDown');
      } else {
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowUp');
      }
    });
  });

  it('control: the same keys with focus on the page do act', async () => {
    const page = app.page;
    await leaveField(page);
    const s0 = await appState(page);
    await page.keyboard.press('ArrowLeft');
    expect((await appState(page)).selected).toBe(s0.selected - 1);
    await holdChord(page, 'Space', async () => expect((await appState(page)).stageCursor).toBe('grab'));
    await holdChord(page, 'KeyY', async () => expect((await appState(page)).compare.held).toBe(true));
    // \ switches the overlay as drawn (over the staged candidates here, where it starts hidden).
    await page.keyboard.press('Backslash');
    expect((await appState(page)).maskShown).toBe(!s0.maskShown);
    // Q (Photoshop's Quick Mask) switches it back.
    await page.keyboard.press('KeyQ');
    expect((await appState(page)).maskShown).toBe(s0.maskShown);
    await page.keyboard.press('BracketRight');
    expect((await appState(page)).brush.size).toBeGreaterThan(s0.brush.size);
    await page.keyboard.press('Digit5');
    expect((await appState(page)).brush.opacity).toBe(0.5);
    await page.keyboard.press('KeyE');
    expect((await appState(page)).tool).toBe('eraser');
    await page.keyboard.press('Delete');
    expect((await appState(page)).staged).toHaveLength(2);
    await page.keyboard.press('Enter');
    // Keep commits once the candidate's bitmap is there (a decode when it was let go): polled.
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    const kept = await summary(page);
    expect(kept.layers).toBe(1);
    expect(kept.historyLabels).toHaveLength(s0.history.length + 1);
    await page.keyboard.press('Control+z');
    expect((await summary(page)).layers).toBe(0);
    // Undoing the Keep brings its candidates back; Esc discards them all.
    expect((await appState(page)).staged).toHaveLength(2);
    await page.keyboard.press('Escape');
    expect((await appState(page)).staged).toHaveLength(0);
    await page.keyboard.press('Control+a');
    expect((await appState(page)).maskPixels).toBe(600 * 400);
    expect(app.errors).toEqual([]);
  });

  it('after extending the canvas, the one Prompt takes spaces and every other key too', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await box.waitFor();
    const before = await appState(page);
    await box.click();
    await box.press('Control+a');
    const text = 'more sky [soft] \\ clouds 1 2 3 — x e m l c h y';
    await box.pressSequentially(text);
    await box.press('Control+a');
    await box.press('Delete');
    await box.pressSequentially(text);
    expect(await box.inputValue()).toBe(text);
    expect(await appState(page)).toEqual(before);
    expect(app.errors).toEqual([]);
  });

  it('a click on the canvas gives the keys back to the editor', async () => {
    const page = app.page;
    const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await box.click();
    await page.keyboard.press('b');
    expect((await appState(page)).tool).toBe('extend'); // typed into the box
    const stage = (await page.getByTestId('stage').boundingBox())!;
    await page.mouse.click(stage.x + stage.width / 2, stage.y + stage.height / 2);
    const before = await appState(page);
    await page.keyboard.press('b');
    expect((await appState(page)).tool).toBe('brush');
    expect((await appState(page)).history).toEqual(before.history);
  });

  it("Ctrl+Z right after a model is picked in the list with the keys undoes the document, not the prompt's typing", async () => {
    const page = app.page;
    await dragPath(page, [
      [200, 150],
      [260, 150],
    ]);
    const drawn = await appState(page);
    const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await box.click();
    await box.press('Control+End');
    await box.pressSequentially(' on the table');
    const prompt = await box.inputValue();
    expect(prompt.endsWith(' on the table')).toBe(true);
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    // Picked with the keys (the list opened and closed, then ↓), so the focus stays on the select: a
    // pick made in the open list gives the keys back to the editor (select-pick-keys.e2e).
    await model.click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).label).toBe('Model');
    await page.keyboard.press('Control+z');
    // The brush stroke is undone; the prompt keeps every letter (the browser's undo took the last one).
    await expect.poll(async () => (await appState(page)).history.length).toBe(drawn.history.length - 1);
    expect(await box.inputValue()).toBe(prompt);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await appState(page)).history.length).toBe(drawn.history.length);
    expect(await box.inputValue()).toBe(prompt);
    expect(app.errors).toEqual([]);
  });
});
