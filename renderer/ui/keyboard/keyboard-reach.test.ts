import { afterEach, describe, expect, it } from 'vitest';
import { fieldOwnsKey } from './field-focus';
import { installKeyboardReach, reachedByKeyboard } from './keyboard-reach';

/** A control that is its own event target: keys, focus and pointer presses are dispatched on it. */
const control = (tagName: string, type?: string) => Object.assign(new EventTarget(), { tagName, type });
const key = (k: string) => Object.assign(new Event('keydown'), { key: k });
const tick = () => new Promise((r) => setTimeout(r, 0));

let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** Tab pressed, and the focus arriving at `el` while that keydown is handled. */
function tabTo(el: EventTarget) {
  el.dispatchEvent(key('Tab'));
  el.dispatchEvent(new Event('focusin'));
}

describe('a button reached with Tab', () => {
  it('is pressed by Enter, Shift+Enter and Space, not by the editor’s Keep or hand', async () => {
    const discard = control('BUTTON');
    stop = installKeyboardReach(discard);
    tabTo(discard);
    await tick();
    expect(reachedByKeyboard(discard)).toBe(true);
    expect(fieldOwnsKey({ target: discard, key: 'Enter' })).toBe(true);
    expect(fieldOwnsKey({ target: discard, key: 'Enter', shiftKey: true })).toBe(true);
    expect(fieldOwnsKey({ target: discard, key: ' ' })).toBe(true);
    // Ctrl+Enter (generate) and the other keys stay the editor's.
    expect(fieldOwnsKey({ target: discard, key: 'Enter', ctrlKey: true })).toBe(false);
    expect(fieldOwnsKey({ target: discard, key: 'Delete' })).toBe(false);
    expect(fieldOwnsKey({ target: discard, key: 'ArrowRight' })).toBe(false);
  });

  it('a checkbox reached with Tab takes Space, and Enter stays the editor’s', async () => {
    const box = control('INPUT', 'checkbox');
    stop = installKeyboardReach(box);
    tabTo(box);
    await tick();
    expect(fieldOwnsKey({ target: box, key: ' ' })).toBe(true);
    expect(fieldOwnsKey({ target: box, key: 'Enter' })).toBe(false);
  });

  it('forgets it once a pointer is pressed anywhere', async () => {
    const keep = control('BUTTON');
    stop = installKeyboardReach(keep);
    tabTo(keep);
    await tick();
    keep.dispatchEvent(new Event('pointerdown'));
    expect(reachedByKeyboard(keep)).toBe(false);
    expect(fieldOwnsKey({ target: keep, key: 'Enter' })).toBe(false);
  });
});

describe('a button focused otherwise leaves Enter to the editor', () => {
  it('clicked with the mouse, or given the focus by code (a dialog closing), even right after other keys', async () => {
    const exportButton = control('BUTTON');
    stop = installKeyboardReach(exportButton);
    exportButton.dispatchEvent(new Event('pointerdown'));
    exportButton.dispatchEvent(new Event('focusin'));
    expect(fieldOwnsKey({ target: exportButton, key: 'Enter' })).toBe(false);
    // Tab pressed somewhere, and later (another task) the focus comes back to the button by code.
    exportButton.dispatchEvent(key('Tab'));
    await tick();
    exportButton.dispatchEvent(key('ArrowRight'));
    exportButton.dispatchEvent(new Event('focusin'));
    expect(reachedByKeyboard(exportButton)).toBe(false);
    expect(fieldOwnsKey({ target: exportButton, key: 'Enter' })).toBe(false);
    expect(fieldOwnsKey({ target: exportButton, key: ' ' })).toBe(false);
  });

  it('without the recorder installed (Node, no DOM) no button owns a key', () => {
    expect(fieldOwnsKey({ target: control('BUTTON'), key: 'Enter' })).toBe(false);
  });
});
