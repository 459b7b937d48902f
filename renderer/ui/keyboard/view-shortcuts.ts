/**
 * The view's zoom keys, as in Photoshop: Ctrl/⌘ 0 fits, Ctrl/⌘ 1 (and the older Ctrl/⌘ Alt 0) is
 * 100 %, Ctrl/⌘ + and − step. Part of the one table in shortcuts.ts (spliced in at their place). They
 * act between a polygon's clicks too (`view`).
 */
import { useEditor } from '../../commands/store/store';
import { fitOnScreen } from '../../commands/canvas-commands';
import type { Shortcut } from './shortcuts';
import { togglePanels, toggleExtras } from '../../commands/workspace-view';
import { canvasFocused } from './canvas-focus';
import { hintOnce, hintOncePerSession } from './shortcut-hints';
import { nudgeDocumentMask } from '../../commands/mask-nudge';
import type { ToolId } from '../../commands/store/tools-slice';

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

/**
 * Photoshop's Tab / Shift+Tab (hide the panels / the side panels) and Show Extras (workspace-view.ts).
 * Tab only while the canvas has the focus (canvas-focus.ts): anywhere else it moves the focus, so the
 * controls stay reachable with the keyboard. Ctrl+H is the Control key on macOS too: ⌘H is the
 * system's Hide Maskwork (the application menu's), which every Mac app keeps — Photoshop asks which
 * one ⌘H should be; here ⌃H is Show Extras and ⌘H hides the app.
 */
export const WORKSPACE_SHORTCUTS: Shortcut[] = [
  {
    keys: 'Tab',
    label: 'Hide / show the panels (after a click on the canvas; elsewhere Tab moves the focus)',
    match: (e) => e.key === 'Tab' && !mod(e) && !e.altKey && !e.shiftKey && canvasFocused(),
    run: () => togglePanels(false, (m) => hintOncePerSession('Tab', m)),
  },
  {
    keys: 'Shift+Tab',
    label: 'Hide / show the side panels (after a click on the canvas)',
    match: (e) => e.key === 'Tab' && !mod(e) && !e.altKey && e.shiftKey && canvasFocused(),
    run: () => togglePanels(true, (m) => hintOncePerSession('Tab', m)),
  },
  {
    keys: 'Ctrl+H',
    label: 'Hide / show extras: the mask overlay and the dashed outlines (macOS: ⌃H; ⌘H hides Maskwork)',
    match: (e) => e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && e.code === 'KeyH',
    run: () => toggleExtras(hintOnce),
  },
];

/** The tools whose arrows move the selection in Photoshop (the marquees, lassos, wand, object selection). */
const SELECTING: ReadonlySet<ToolId> = new Set(['rect', 'ellipse', 'lasso', 'wand', 'object', 'colorRange']);
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * ←/→/↑/↓ (Shift: 10 px) move the mask with a selection tool, as a selection is nudged in Photoshop;
 * not while candidates are staged (← / → step through them) or a control has the focus.
 */
export const NUDGE_SHORTCUTS: Shortcut[] = [
  {
    keys: '← / → / ↑ / ↓ / Shift+← / Shift+→ / Shift+↑ / Shift+↓',
    label: 'Nudge the mask 1 px (Shift: 10 px) with a selection tool',
    match: (e) =>
      !mod(e) &&
      !e.altKey &&
      e.key in ARROWS &&
      SELECTING.has(s().tool) &&
      !!s().doc &&
      s().staging.items.length === 0 &&
      !document.querySelector('[aria-modal="true"]') &&
      (document.activeElement === document.body || !document.activeElement),
    run: (e) => {
      const [dx, dy] = ARROWS[e.key];
      const k = e.shiftKey ? 10 : 1;
      nudgeDocumentMask(dx * k, dy * k);
    },
  },
];
