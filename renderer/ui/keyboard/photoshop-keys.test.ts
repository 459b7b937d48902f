import { describe, expect, it } from 'vitest';
import { PHOTOSHOP_KEY_HINTS, PHOTOSHOP_KEYS } from './photoshop-keys';
import { canvasHasFocus } from './canvas-focus';
import { useEditor } from '../../commands/store/store';

const infos = () =>
  useEditor
    .getState()
    .toasts.filter((t) => t.tone === 'info')
    .map((t) => t.message);
const ev = (key: string, code: string, mods: Partial<KeyboardEvent> = {}) =>
  ({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent;

describe('Photoshop keys Maskwork has not', () => {
  it('each says what Maskwork does instead, once per session', () => {
    const j = PHOTOSHOP_KEYS.find((s) => s.keys === 'J');
    expect(j?.match(ev('j', 'KeyJ'))).toBe(true);
    j?.run(ev('j', 'KeyJ'));
    expect(infos()).toContain(PHOTOSHOP_KEY_HINTS.J);
    useEditor.setState({ toasts: [] });
    j?.run(ev('j', 'KeyJ'));
    expect(infos()).toEqual([]);
    // Another key still has its say.
    const t = PHOTOSHOP_KEYS.find((s) => s.keys === 'Ctrl+T');
    expect(t?.match(ev('t', 'KeyT', { ctrlKey: true }))).toBe(true);
    t?.run(ev('t', 'KeyT', { ctrlKey: true }));
    expect(infos()).toEqual([PHOTOSHOP_KEY_HINTS['Ctrl+T']]);
    // One such hint at a time: the next key's takes the place of the one showing (they stacked three high).
    const v = PHOTOSHOP_KEYS.find((s) => s.keys === 'V');
    v?.run(ev('v', 'KeyV'));
    expect(infos()).toEqual([PHOTOSHOP_KEY_HINTS.V]);
  });

  it('cover V, J, S, G, T, Ctrl+T, Ctrl+R, Ctrl+N, Ctrl+Shift+N, Alt+Backspace, Ctrl+Shift+E, Ctrl+Alt+I, F, Ctrl+Shift+Alt+E and Ctrl+Backspace, each naming its key and a Maskwork key to use', () => {
    expect(PHOTOSHOP_KEYS.map((s) => s.keys)).toEqual([
      'V',
      'J',
      'S',
      'G',
      'T',
      'Ctrl+T',
      'Ctrl+R',
      'Ctrl+N',
      'Ctrl+Shift+N',
      'Alt+Backspace',
      'Ctrl+Shift+E',
      'Ctrl+Alt+I',
      'F',
      'Ctrl+Shift+Alt+E',
      'Ctrl+Backspace',
    ]);
    for (const [key, words] of Object.entries(PHOTOSHOP_KEY_HINTS)) {
      expect(words.startsWith(`${key} (`), key).toBe(true);
      expect(words, key).toMatch(/\((B|C|H|Ctrl\+Enter|Ctrl\+Alt\+Shift\+W)\)|Ctrl\+[OV]|Shift\+Backspace/);
    }
  });

  it('are not the letters with Ctrl, nor Ctrl+Alt+R (Refine edge), nor Ctrl+S', () => {
    const any = (e: KeyboardEvent) => PHOTOSHOP_KEYS.some((s) => s.match(e));
    expect(any(ev('s', 'KeyS', { ctrlKey: true }))).toBe(false);
    expect(any(ev('r', 'KeyR', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(any(ev('Backspace', 'Backspace', { shiftKey: true }))).toBe(false);
    expect(any(ev('Backspace', 'Backspace'))).toBe(false);
  });
});

describe('Tab hides the panels only while the canvas has the focus', () => {
  it('needs the focus on nothing, the last press on the canvas, and no dialog', () => {
    expect(canvasHasFocus({ focusOnNothing: true, lastPressOnCanvas: true, dialogOpen: false })).toBe(true);
    // At start (no click on the canvas): Tab moves into the controls, for keyboard users.
    expect(canvasHasFocus({ focusOnNothing: true, lastPressOnCanvas: false, dialogOpen: false })).toBe(false);
    expect(canvasHasFocus({ focusOnNothing: false, lastPressOnCanvas: true, dialogOpen: false })).toBe(false);
    expect(canvasHasFocus({ focusOnNothing: true, lastPressOnCanvas: true, dialogOpen: true })).toBe(false);
  });
});
