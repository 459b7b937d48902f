/**
 * The view's zoom keys, as in Photoshop: Ctrl/⌘ 0 fits, Ctrl/⌘ 1 (and the older Ctrl/⌘ Alt 0) is
 * 100 %, Ctrl/⌘ + and − step. Part of the one table in shortcuts.ts (spliced in at their place). They
 * act between a polygon's clicks too (`view`).
 */
import { useEditor } from '../../commands/store/store';
import { fitOnScreen } from '../../commands/canvas-commands';
import type { Shortcut } from './shortcuts';

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const s = () => useEditor.getState();

export const VIEW_SHORTCUTS: Shortcut[] = [
  {
    keys: 'Ctrl+0',
    label: 'Fit on screen',
    match: (e) => mod(e) && !e.altKey && (e.code === 'Digit0' || e.code === 'Numpad0'),
    run: () => fitOnScreen(),
    view: true,
  },
  // Photoshop's older "Actual Pixels" key; it used to fall through to Ctrl+0 and fit instead.
  {
    keys: 'Ctrl+Alt+0',
    label: 'Zoom 100 % (actual pixels)',
    match: (e) => mod(e) && e.altKey && (e.code === 'Digit0' || e.code === 'Numpad0'),
    run: () => s().zoomTo(1),
    view: true,
  },
  {
    keys: 'Ctrl+1',
    label: 'Zoom 100 %',
    match: (e) => mod(e) && (e.code === 'Digit1' || e.code === 'Numpad1'),
    run: () => s().zoomTo(1),
    view: true,
  },
  {
    keys: 'Ctrl++',
    label: 'Zoom in',
    match: (e) => mod(e) && (e.code === 'Equal' || e.code === 'NumpadAdd'),
    run: () => s().zoomStep(1),
    view: true,
  },
  {
    keys: 'Ctrl+-',
    label: 'Zoom out',
    match: (e) => mod(e) && (e.code === 'Minus' || e.code === 'NumpadSubtract'),
    run: () => s().zoomStep(-1),
    view: true,
  },
];
