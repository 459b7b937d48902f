/**
 * Photoshop keys for tools and commands Maskwork has not. They did nothing and said nothing; now the
 * first press in a session says, in one line, what Maskwork does instead (hintOncePerSession), and
 * later presses are quiet. Part of the one table in shortcuts.ts, so the `?` list finds them
 * ("healing", "clone", "transform"…).
 */
import type { Shortcut } from './shortcuts';
import { hintOncePerSession } from './shortcut-hints';
import { useEditor } from '../../commands/store/store';

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;

/** What each key says (exported for the unit test). */
export const PHOTOSHOP_KEY_HINTS = {
  V: 'V (Move) — Maskwork moves no pixels by hand: Space-drag or H pans the view; to move something, mask it and where it goes with the Brush (B) and say so in the prompt.',
  J: 'J (Spot Healing) — in Maskwork: paint over it with the Brush (B) and Generate (Ctrl+Enter) with Offline fill, free and offline.',
  S: 'S (Clone Stamp) — in Maskwork: paint over what should go with the Brush (B) and Generate (Ctrl+Enter); Offline fill is free and offline.',
  G: 'G (Gradient / Paint Bucket) — Maskwork paints no colour: mask the area with the Brush (B) and describe the fill in the prompt, then Generate.',
  T: 'T (Type) — Maskwork adds no text layers: mask where the words go with the Brush (B) and write them in the prompt, in quotes; Generate checks the text.',
  'Ctrl+T':
    'Ctrl+T (Free Transform) — Maskwork does not transform pixels: mask the part with the Brush (B) and describe the change in the prompt; the Extend tool (C) enlarges the canvas.',
  'Ctrl+R': 'Ctrl+R (Rulers) — Maskwork has no rulers: the status bar shows the photo’s size, and the Extend tool (C) its new size in px.',
  'Ctrl+N': 'Ctrl+N (New) — Maskwork edits a photo: Ctrl+O opens one, Ctrl+V pastes one from the clipboard.',
  'Ctrl+Shift+N':
    'Ctrl+Shift+N (New Layer) — Maskwork’s layers are the results you keep: after Generate (Ctrl+Enter), Keep as layer (Shift+Enter) adds one; Ctrl+J copies the masked part of the selected layer.',
  'Alt+Backspace':
    'Alt+Backspace (Fill with foreground colour) — here the mask is the selection, and Generate fills it: Shift+Backspace or Ctrl+Enter (Offline fill is free); Ctrl+A masks everything.',
  'Ctrl+Backspace':
    'Ctrl+Backspace (Fill with background colour) — here the mask is the selection, and Generate fills it: Shift+Backspace or Ctrl+Enter (Offline fill is free); Ctrl+D clears the mask.',
  'Ctrl+Shift+E':
    'Ctrl+Shift+E (Merge Visible) — Maskwork keeps its layers apart until you export: Ctrl+E merges the selected layer down; Export… (Ctrl+Alt+Shift+W) writes the visible layers into one file.',
  'Ctrl+Alt+I':
    'Ctrl+Alt+I (Image Size) — Maskwork does not resample the photo: Export… (Ctrl+Alt+Shift+W) writes it at its own size, and the Extend tool (C, or Ctrl+Alt+C) enlarges the canvas.',
  F: 'F (Screen Mode) — after a click on the canvas, Tab hides the panels and Shift+Tab the side panels only; the Hand (H) or Space-drag pans, Ctrl+0 fits the photo.',
  'Ctrl+Shift+Alt+E':
    'Ctrl+Shift+Alt+E (Stamp Visible) — Maskwork keeps its layers apart until you export: Export… (Ctrl+Alt+Shift+W) writes the visible layers into one file; Ctrl+E merges the selected layer down.',
} as const;

type HintKey = keyof typeof PHOTOSHOP_KEY_HINTS;

const hint = (keys: HintKey, label: string, match: (e: KeyboardEvent) => boolean): Shortcut => ({
  keys,
  label,
  match,
  run: () => {
    // One such hint at a time: J, V, S pressed in a row stacked three over the photo.
    const others = Object.values(PHOTOSHOP_KEY_HINTS).filter((m) => m !== PHOTOSHOP_KEY_HINTS[keys]);
    if (hintOncePerSession(keys, PHOTOSHOP_KEY_HINTS[keys])) useEditor.getState().dropMessages(others);
  },
});

const letter = (code: string) => (e: KeyboardEvent) => plain(e) && !e.shiftKey && e.code === code;
const ctrl = (code: string) => (e: KeyboardEvent) => mod(e) && !e.altKey && !e.shiftKey && e.code === code;

export const PHOTOSHOP_KEYS: Shortcut[] = [
  hint('V', 'Photoshop’s Move tool: says how to move the view or an object here', letter('KeyV')),
  hint('J', 'Photoshop’s Spot Healing brush: says to paint with the Brush and Generate', letter('KeyJ')),
  hint('S', 'Photoshop’s Clone Stamp: says to paint with the Brush and Generate', letter('KeyS')),
  hint('G', 'Photoshop’s Gradient / Paint Bucket: says to mask and describe the fill', letter('KeyG')),
  hint('T', 'Photoshop’s Type tool: says to mask and write the words in the prompt', letter('KeyT')),
  hint('Ctrl+T', 'Photoshop’s Free Transform: says what to do instead', ctrl('KeyT')),
  hint('Ctrl+R', 'Photoshop’s Rulers: says where the sizes are', ctrl('KeyR')),
  hint('Ctrl+N', 'Photoshop’s New document: says to open or paste a photo', ctrl('KeyN')),
  hint(
    'Ctrl+Shift+N',
    'Photoshop’s New Layer: says where layers come from here',
    (e) => mod(e) && e.shiftKey && !e.altKey && e.code === 'KeyN',
  ),
  hint(
    'Alt+Backspace',
    'Photoshop’s Fill with foreground colour: says how the mask is filled here',
    (e) => e.altKey && !mod(e) && !e.shiftKey && e.key === 'Backspace',
  ),
  hint(
    'Ctrl+Shift+E',
    'Photoshop’s Merge Visible: says how to merge down or export the visible layers',
    (e) => mod(e) && e.shiftKey && !e.altKey && e.code === 'KeyE',
  ),
  hint(
    'Ctrl+Alt+I',
    'Photoshop’s Image Size: says how the size is set here',
    (e) => mod(e) && e.altKey && !e.shiftKey && e.code === 'KeyI',
  ),
  hint('F', 'Photoshop’s Screen Mode: says how to hide the panels here', letter('KeyF')),
  hint(
    'Ctrl+Shift+Alt+E',
    'Photoshop’s Stamp Visible: says how to export the visible layers as one',
    (e) => mod(e) && e.shiftKey && e.altKey && e.code === 'KeyE',
  ),
  hint(
    'Ctrl+Backspace',
    'Photoshop’s Fill with background colour: says how the mask is filled here',
    (e) => mod(e) && !e.altKey && !e.shiftKey && e.key === 'Backspace',
  ),
];
