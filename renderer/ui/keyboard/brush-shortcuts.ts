/**
 * The brush's keys, as in Photoshop: [ and ] size it, Shift+[ and Shift+] set its hardness, and the
 * number keys its opacity (two typed quickly: that percentage) — with a tool that does not paint, the
 * selected layer's, as in Photoshop. Part of the one table in shortcuts.ts.
 */
import { opacityFromDigit, type DigitState } from '../../model/opacity-digits';
import { useEditor } from '../../commands/store/store';
import { nextBrushSize, nextHardness } from '../../commands/store/tools-slice';
import type { Shortcut } from './shortcuts';
import { hintOncePerSession } from './shortcut-hints';
import { targetLayer } from './layer-target';
import { setLayerOpacityFromKey } from '../../commands/layer-commands';

/** The number keys with a tool that does not paint and no kept layer selected. */
export const DIGITS_NO_LAYER =
  'The number keys set the brush’s opacity: choose the brush (B) or eraser (E) first — or, with this tool, select a kept layer to set its opacity.';

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
    label:
      'Opacity 10…100 %: the brush’s (brush or eraser chosen), else the selected layer’s; two digits quickly: that % (4 5 = 45 %, 0 5 = 5 %)',
    match: (e) => plain(e) && !e.shiftKey && /^Digit[0-9]$/.test(e.code),
    run: (e) => {
      const painting = s().tool === 'brush' || s().tool === 'eraser';
      // As in Photoshop, with a tool that does not paint they set the selected layer's opacity (they
      // only said to choose the brush). With no layer selected they say so: the brush's opacity
      // changed unseen, and the next stroke came out half-strength.
      const layer = painting ? null : targetLayer(e);
      if (!painting && !layer) return void hintOncePerSession('digits', DIGITS_NO_LAYER);
      const r = opacityFromDigit(lastDigit, Number(e.code.slice(5)), e.timeStamp);
      lastDigit = r.next;
      if (layer) setLayerOpacityFromKey(layer, Math.round(r.opacity * 100), r.next === null);
      else s().setBrush({ opacity: r.opacity });
    },
  },
];
