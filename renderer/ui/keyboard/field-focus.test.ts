import { describe, expect, it } from 'vitest';
import { fieldOwnsKey, isEditableField, LIST_DISMISSED, TEXT_KEYS } from './field-focus';
import { SHORTCUTS } from './shortcuts';

describe('isEditableField', () => {
  it.each([
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'SELECT' }, true],
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'INPUT' }, true], // no type attribute = text
    [{ tagName: 'INPUT', type: 'number' }, true],
    [{ tagName: 'INPUT', type: 'search' }, true],
    [{ tagName: 'INPUT', type: 'password' }, true],
    [{ tagName: 'INPUT', type: 'url' }, true],
    [{ tagName: 'input', type: 'TEXT' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'INPUT', type: 'radio' }, false],
    [{ tagName: 'INPUT', type: 'range' }, false],
    [{ tagName: 'INPUT', type: 'color' }, false],
    [{ tagName: 'INPUT', type: 'file' }, false],
    [{ tagName: 'BUTTON' }, false],
    [{ tagName: 'DIV' }, false],
    [{ tagName: 'BODY' }, false],
  ])('%o → %s', (el, want) => {
    expect(isEditableField(el)).toBe(want);
  });

  it('nothing focused, or not an element, is not a field', () => {
    expect(isEditableField(null)).toBe(false);
    expect(isEditableField(undefined)).toBe(false);
    expect(isEditableField({} as never)).toBe(false);
  });
});

describe('fieldOwnsKey', () => {
  it('a text field, number field or select owns every key', () => {
    for (const target of [{ tagName: 'TEXTAREA' }, { tagName: 'INPUT', type: 'number' }, { tagName: 'SELECT' }])
      for (const key of [' ', 'b', 'Enter', 'ArrowLeft', 'Delete', 'Escape', '1', '['])
        expect(fieldOwnsKey({ target, key }), `${target.tagName} ${key}`).toBe(true);
  });

  it("a select owns no Ctrl/Cmd chord: Ctrl+Z there is the document's undo", () => {
    const target = { tagName: 'SELECT' };
    for (const key of ['z', 'Z', 'y', 's']) {
      expect(fieldOwnsKey({ target, key, ctrlKey: true }), `Ctrl+${key}`).toBe(false);
      expect(fieldOwnsKey({ target, key, metaKey: true }), `Cmd+${key}`).toBe(false);
    }
    // A text field keeps its own Ctrl+Z (the typing's undo).
    expect(fieldOwnsKey({ target: { tagName: 'TEXTAREA' }, key: 'z', ctrlKey: true })).toBe(true);
  });

  it("a prompt list (TEXT_KEYS) keeps undo and redo, the prompt's; other chords are the editor's", () => {
    const target = { tagName: 'SELECT', getAttribute: (n: string) => (n === TEXT_KEYS ? '' : null) };
    expect(fieldOwnsKey({ target, key: 'z', code: 'KeyZ', ctrlKey: true })).toBe(true);
    expect(fieldOwnsKey({ target, key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(fieldOwnsKey({ target, key: 'y', code: 'KeyY', metaKey: true })).toBe(true);
    expect(fieldOwnsKey({ target, key: 'z', ctrlKey: true })).toBe(true);
    for (const key of ['s', 'o', 'a'])
      expect(fieldOwnsKey({ target, key, code: `Key${key.toUpperCase()}`, ctrlKey: true }), key).toBe(false);
    // Any other select: Ctrl+Z is the document's.
    expect(fieldOwnsKey({ target: { tagName: 'SELECT', getAttribute: () => null }, key: 'z', code: 'KeyZ', ctrlKey: true })).toBe(false);
  });

  it('a select whose list Esc closed unpicked owns only the keys that work a closed select', () => {
    const target = { tagName: 'SELECT', getAttribute: (n: string) => (n === LIST_DISMISSED ? '' : null) };
    for (const key of ['b', ' ', 'Enter', 'ArrowLeft', 'ArrowRight', 'Escape', '[']) expect(fieldOwnsKey({ target, key }), key).toBe(false);
    for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'F4'])
      expect(fieldOwnsKey({ target, key }), key).toBe(true);
    expect(fieldOwnsKey({ target: { tagName: 'SELECT', getAttribute: () => null }, key: 'b' })).toBe(true);
  });

  it('a slider owns only the keys that move it', () => {
    const target = { tagName: 'INPUT', type: 'range' };
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'])
      expect(fieldOwnsKey({ target, key }), key).toBe(true);
    for (const key of ['b', ' ', 'Enter', 'Delete', '['].concat('\\')) expect(fieldOwnsKey({ target, key }), key).toBe(false);
  });

  it('a focused separator (the side column splitter) owns only the keys that move it', () => {
    const target = { tagName: 'DIV', getAttribute: (n: string) => (n === 'role' ? 'separator' : null) };
    for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End']) expect(fieldOwnsKey({ target, key }), key).toBe(true);
    for (const key of ['ArrowLeft', 'ArrowRight', 'b', ' ', 'Enter', 'Delete', 'Tab'])
      expect(fieldOwnsKey({ target, key }), key).toBe(false);
    expect(fieldOwnsKey({ target, key: 'ArrowUp', ctrlKey: true })).toBe(false);
    // Another element's role does not count.
    expect(fieldOwnsKey({ target: { tagName: 'DIV', getAttribute: () => 'region' }, key: 'ArrowUp' })).toBe(false);
  });

  it("a focused radio (the extend tool's Anchor group) owns the arrows, Home and End that move the choice", () => {
    const target = { tagName: 'BUTTON', getAttribute: (n: string) => (n === 'role' ? 'radio' : null) };
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])
      expect(fieldOwnsKey({ target, key }), key).toBe(true);
    for (const key of ['b', 'Escape', 'Delete', 'Tab']) expect(fieldOwnsKey({ target, key }), key).toBe(false);
    expect(fieldOwnsKey({ target, key: 'ArrowLeft', ctrlKey: true })).toBe(false);
    expect(fieldOwnsKey({ target: { tagName: 'INPUT', type: 'radio' }, key: 'ArrowDown' })).toBe(true);
  });

  it('no field owns Tab: it moves the focus on (a dialog keeps it among its controls)', () => {
    for (const target of [
      { tagName: 'TEXTAREA' },
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'SELECT' },
      { tagName: 'INPUT', type: 'range' },
    ])
      expect(fieldOwnsKey({ target, key: 'Tab' }), target.tagName).toBe(false);
  });

  it('the canvas, the page and buttons own no key', () => {
    for (const target of [{ tagName: 'BODY' }, { tagName: 'DIV' }, { tagName: 'BUTTON' }, { tagName: 'INPUT', type: 'checkbox' }, null])
      expect(fieldOwnsKey({ target, key: 'b' })).toBe(false);
  });
});

describe('shortcuts that fire while typing', () => {
  it('are only the ones with no meaning in a field: generate, open, save, save as, export, export as, revert', () => {
    expect(
      SHORTCUTS.filter((s) => s.global)
        .map((s) => s.keys)
        .sort(),
    ).toEqual(['Ctrl+Alt+Shift+W', 'Ctrl+Enter', 'Ctrl+O', 'Ctrl+S', 'Ctrl+Shift+Alt+S', 'Ctrl+Shift+S', 'F12']);
  });
});
