/**
 * The brush's keys, as in Photoshop: [ and ] size it, Shift+[ and Shift+] set its hardness, and the
 * number keys its opacity (two typed quickly: that percentage). Part of the one table in shortcuts.ts.
 */
import { opacityFromDigit, type DigitState } from '../../model/opacity-digits';
import { useEditor } from '../../commands/store/store';
import { nextBrushSize, nextHardness } from '../../commands/store/tools-slice';
import type { Shortcut } from './shortcuts';
import { hintOncePerSession } from './shortcut-hints';

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const s = () => useEditor.getState();
/** The last number key, for two typed quickly (opacity-digits.ts). */
let lastDigit: DigitState | null = null;

export const BRUSH_SHORTCUTS: Shortcut[] = [
  {
    keys: '[',
    label: 'Smaller brush',
    match: (e) => plain(e) && !e.shiftKey && e.code === 'BracketLeft',
    run: () => s().setBrush({ size: nextBrushSize(s().brush.size, -1) }),
  },
  {
    keys: ']',
    label: 'Larger brush',
    match: (e) => plain(e) && !e.shiftKey && e.code === 'BracketRight',
    run: () => s().setBrush({ size: nextBrushSize(s().brush.size, 1) }),
  },
  {
    keys: 'Shift+[',
    label: 'Softer brush',
    match: (e) => plain(e) && e.shiftKey && e.code === 'BracketLeft',
    run: () => s().setBrush({ hardness: nextHardness(s().brush.hardness, -1) }),
  },
  {
    keys: 'Shift+]',
    label: 'Harder brush',
    match: (e) => plain(e) && e.shiftKey && e.code === 'BracketRight',
    run: () => s().setBrush({ hardness: nextHardness(s().brush.hardness, 1) }),
  },
  {
    keys: '1…0',
    label: 'Brush opacity 10…100 % (brush or eraser chosen); two digits quickly: that % (4 5 = 45 %, 0 5 = 5 %)',
    match: (e) => plain(e) && !e.shiftKey && /^Digit[0-9]$/.test(e.code),
    run: (e) => {
      // With another tool the brush's opacity changed unseen, and the next stroke came out half-strength.
      if (s().tool !== 'brush' && s().tool !== 'eraser')
        return void hintOncePerSession('digits', 'The number keys set the brush’s opacity: choose the brush (B) or eraser (E) first.');
      const r = opacityFromDigit(lastDigit, Number(e.code.slice(5)), e.timeStamp);
      lastDigit = r.next;
      s().setBrush({ opacity: r.opacity });
    },
  },
];
