/**
 * Anchor for the `?` list (made from renderer/ui/keyboard/shortcuts.ts): the keys a row names are the
 * keys its handler takes, both ways. Each row's keys press its handler; and every chord a handler
 * takes (letters, digits, F-keys, Enter, Esc, Tab, Backspace, Delete, arrows, brackets… with every
 * mix of Ctrl, Alt and Shift) is named by its row — Ctrl+Alt+Z stepped backward unlisted, under the
 * row "Ctrl+Z". Shift on a tool letter is tolerated where listed below (TOLERATED), as in Photoshop,
 * where Shift+letter cycles a tool's group. Checked with nothing open, and with a candidate staged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORTCUTS, type Shortcut } from '../../../renderer/ui/keyboard/shortcuts';
import { useEditor } from '../../../renderer/commands/store/store';

interface Chord {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const NAMED: Record<string, { key: string; code: string }> = {
  Esc: { key: 'Escape', code: 'Escape' },
  Enter: { key: 'Enter', code: 'Enter' },
  Tab: { key: 'Tab', code: 'Tab' },
  Backspace: { key: 'Backspace', code: 'Backspace' },
  Delete: { key: 'Delete', code: 'Delete' },
  '←': { key: 'ArrowLeft', code: 'ArrowLeft' },
  '→': { key: 'ArrowRight', code: 'ArrowRight' },
  '↑': { key: 'ArrowUp', code: 'ArrowUp' },
  '↓': { key: 'ArrowDown', code: 'ArrowDown' },
  '[': { key: '[', code: 'BracketLeft' },
  ']': { key: ']', code: 'BracketRight' },
  '\\': { key: '\\', code: 'Backslash' },
  '/': { key: '/', code: 'Slash' },
  '+': { key: '=', code: 'Equal' },
  '-': { key: '-', code: 'Minus' },
};
for (let n = 1; n <= 12; n++) NAMED[`F${n}`] = { key: `F${n}`, code: `F${n}` };
for (let n = 0; n <= 9; n++) NAMED[String(n)] = { key: String(n), code: `Digit${n}` };
for (const l of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') NAMED[l] = { key: l.toLowerCase(), code: `Key${l}` };

/** The event a chord's keys send (US layout: Shift+/ is ?, Shift+letter a capital). */
function chord(base: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean }): Chord {
  const k = NAMED[base];
  if (!k) throw new Error(`unknown key ${base}`);
  let key = k.key;
  if (mods.shift && /^[a-z]$/.test(key)) key = key.toUpperCase();
  if (mods.shift && key === '/') key = '?';
  return { key, code: k.code, ctrlKey: !!mods.ctrl, altKey: !!mods.alt, shiftKey: !!mods.shift, metaKey: false };
}

const name = (c: Chord) =>
  `${c.ctrlKey ? 'Ctrl+' : ''}${c.altKey ? 'Alt+' : ''}${c.shiftKey ? 'Shift+' : ''}${Object.keys(NAMED).find((n) => NAMED[n].code === c.code)}`;

/** The chords a row's `keys` names: "Ctrl+Shift+Alt+S", "Shift+Backspace / Shift+F5", "1…0", "Y (hold)", "?", "Ctrl++". */
function parse(keys: string): Chord[] {
  if (keys === '1…0') return '1234567890'.split('').map((d) => chord(d, {}));
  if (keys === '?') return [chord('/', { shift: true })];
  return keys.split(' / ').map((alt) => {
    const text = alt.replace(/ \(hold\)$/, '');
    const parts = text.endsWith('++') ? [...text.slice(0, -2).split('+'), '+'] : text.split('+');
    const base = parts.pop() ?? '';
    return chord(base, { ctrl: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift') });
  });
}

/** Every chord checked: the keys above with every mix of Ctrl, Alt and Shift. */
const UNIVERSE: Chord[] = Object.keys(NAMED).flatMap((base) =>
  [0, 1, 2, 3, 4, 5, 6, 7].map((m) => chord(base, { ctrl: !!(m & 1), alt: !!(m & 2), shift: !!(m & 4) })),
);

/** Chords a row takes beyond the ones it names, and why. */
const TOLERATED: Record<string, string[]> = {
  // Tool letters: Shift+letter picks the same tool (Photoshop's Shift+letter cycles the tool's group).
  B: ['Shift+B'],
  E: ['Shift+E'],
  L: ['Shift+L'],
  C: ['Shift+C'],
  H: ['Shift+H'],
  '\\': ['Shift+\\'],
  // View and file keys take the extra modifiers a hurried hand adds (Ctrl+Shift+= is Ctrl++ on a US keyboard).
  'Ctrl+1': ['Ctrl+Shift+1', 'Ctrl+Alt+1', 'Ctrl+Alt+Shift+1'],
  'Ctrl++': ['Ctrl+Shift++', 'Ctrl+Alt++', 'Ctrl+Alt+Shift++'],
  'Ctrl+-': ['Ctrl+Shift+-', 'Ctrl+Alt+-', 'Ctrl+Alt+Shift+-'],
  'Ctrl+0': ['Ctrl+Shift+0'],
  'Ctrl+Alt+0': ['Ctrl+Alt+Shift+0'],
  'Ctrl+Shift+Z': ['Ctrl+Alt+Shift+Z'],
  'Ctrl+Y': ['Ctrl+Shift+Y', 'Ctrl+Alt+Y', 'Ctrl+Alt+Shift+Y'],
  'Ctrl+O': ['Ctrl+Shift+O', 'Ctrl+Alt+O', 'Ctrl+Alt+Shift+O'],
  'Ctrl+Alt+R': ['Ctrl+Alt+Shift+R'],
  'Ctrl+Shift+I': ['Ctrl+Alt+Shift+I'],
  'Ctrl+Shift+D': ['Ctrl+Alt+Shift+D'],
  // Esc cancels whatever runs, with any modifier held.
  Esc: UNIVERSE.filter((c) => c.code === 'Escape').map(name),
  // The arrows and Delete with Shift still flip or discard (no Shift chord means anything else there).
  // Ctrl+Alt+A and Ctrl+Alt+D are no longer tolerated: Photoshop's Select All Layers and (old) Feather
  // masked everything and cleared the mask.
  '← / →': ['Shift+←', 'Shift+→'],
  Delete: ['Shift+Delete'],
};

const ev = (c: Chord) => ({ ...c, target: null, preventDefault() {} }) as unknown as KeyboardEvent;
const takes = (s: Shortcut, c: Chord) => s.match(ev(c));

function unlisted(): string[] {
  const out: string[] = [];
  for (const s of SHORTCUTS) {
    const named = new Set([...parse(s.keys).map(name), ...(TOLERATED[s.keys] ?? [])]);
    for (const c of UNIVERSE) if (takes(s, c) && !named.has(name(c))) out.push(`${name(c)} → row "${s.keys}" (${s.label})`);
  }
  return out;
}

beforeAll(() => {
  // Tab's rule reads the focus (canvas-focus.ts): nothing focused, no click on the canvas yet.
  (globalThis as { document?: unknown }).document = {
    activeElement: null,
    body: {},
    documentElement: {},
    querySelector: () => null,
  };
});
afterAll(() => {
  delete (globalThis as { document?: unknown }).document;
});

describe('the ? list names the keys its handlers take', () => {
  it('every row’s keys parse', () => {
    for (const s of SHORTCUTS) expect(parse(s.keys).length, s.keys).toBeGreaterThan(0);
  });

  it('every chord a handler takes, with nothing open, is named by its row', () => {
    expect(unlisted()).toEqual([]);
  });

  it('every chord a handler takes, with a candidate staged, is named by its row', () => {
    const before = useEditor.getState().staging;
    useEditor.setState({ staging: { ...before, items: [{ id: 'c1' } as never] } });
    try {
      expect(unlisted()).toEqual([]);
    } finally {
      useEditor.setState({ staging: before });
    }
  });

  it('each row’s keys press its handler (rows that need a photo, a selection or the canvas’s focus aside)', () => {
    const NEEDS_STATE = /Enter|Esc|Delete|Backspace|← \/ →|Y \(hold\)|Tab|Shift\+F6|Ctrl\+\[|Alt\+\[/;
    const silent = SHORTCUTS.filter((s) => !NEEDS_STATE.test(s.keys)).flatMap((s) =>
      parse(s.keys)
        .filter((c) => !takes(s, c))
        .map((c) => `${name(c)} (${s.label})`),
    );
    expect(silent).toEqual([]);
  });

  it('Ctrl+Alt+Z is listed as Photoshop’s Step Backward, and steps back', () => {
    const row = SHORTCUTS.find((s) => s.keys === 'Ctrl+Alt+Z');
    expect(row?.label).toMatch(/step backward/i);
    expect(row && takes(row, chord('Z', { ctrl: true, alt: true }))).toBe(true);
    const ctrlZ = SHORTCUTS.find((s) => s.keys === 'Ctrl+Z');
    expect(ctrlZ && takes(ctrlZ, chord('Z', { ctrl: true, alt: true }))).toBe(false);
  });
});
