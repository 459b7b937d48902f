/**
 * The rows of the Keyboard shortcuts list (`?`): every key of the editor's shortcut table, in its
 * order, plus what the canvas, the tools and the fields do with the mouse and keys that the table
 * does not hold. Pure: the dialog filters them as the retoucher types.
 */

export interface ShortcutRow {
  keys: string;
  label: string;
}

/** What is not in the shortcut table (the canvas's and the tools' own keys and gestures). */
export const GESTURE_ROWS: readonly ShortcutRow[] = [
  { keys: 'Space (hold) + drag', label: 'Pan (hand), from any tool' },
  { keys: 'Ctrl+Space / Alt+Space + click', label: 'Zoom in / out one step at the clicked point (as in Photoshop)' },
  { keys: 'Middle-button drag', label: 'Pan' },
  { keys: 'Mouse wheel, Ctrl+wheel', label: 'Zoom about the cursor (a trackpad pinch zooms smoothly)' },
  { keys: 'Shift+wheel', label: 'Scroll sideways' },
  { keys: 'Double-click the Hand', label: 'Fit on screen' },
  { keys: 'Click, then Shift+click', label: 'Brush, eraser: a straight stroke from where the last stroke ended' },
  { keys: 'Alt+drag', label: 'Brush: erase the mask; eraser: paint it (as a Lightroom mask brush)' },
  {
    keys: 'Alt+right-drag, Ctrl+Alt+drag (macOS: ⌃⌥ drag)',
    label: 'Brush, eraser: left / right sizes the brush, up / down sets its hardness (as in Photoshop; paints nothing)',
  },
  { keys: 'Shift / Alt while selecting', label: 'Add to / subtract from the mask' },
  { keys: 'Alt-drag a handle', label: 'Extend tool: resize about the centre' },
  {
    keys: 'Alt+click an eye (Layers)',
    label: 'Show that layer alone (the original hidden too); again: what was shown before comes back (one step each)',
  },
  {
    keys: 'Ctrl/⌘+click a thumbnail (Layers)',
    label: "Load the layer's pixels as the mask; +Shift adds them, +Alt subtracts them (as Photoshop loads a selection)",
  },
  { keys: 'Enter, double-click · Backspace', label: 'Lasso polygon: close it · remove the last point' },
  { keys: 'Ctrl+V', label: 'Paste an image as a new photo (in a text field it pastes text)' },
  { keys: '↑ / ↓ · Shift+↑ / ↓', label: 'Number fields: step by one · by ten' },
  { keys: '← → ↑ ↓ · Enter in Compare', label: "Compare view: ring another pane (↑ ↓ in 4-up) · keep the ringed pane's candidate" },
  { keys: 'Enter · Esc in a number field', label: 'Apply the value · put it back; either gives the keys back to the editor' },
  {
    keys: 'Drag the border above Layers · ↑ / ↓, Home / End on it',
    label: 'Share the right-hand column between Generate and Layers (double-click: the default split)',
  },
  {
    keys: 'Drag the border above History · ↑ / ↓, Home / End on it',
    label: 'Share the room between Layers and History (double-click: the default)',
  },
];

/** The table's rows (duplicates of keys and label dropped), then the gestures. */
export function shortcutRows(table: readonly ShortcutRow[]): ShortcutRow[] {
  const seen = new Set<string>();
  const out: ShortcutRow[] = [];
  for (const r of [...table, ...GESTURE_ROWS]) {
    const key = `${r.keys}\u0000${r.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ keys: r.keys, label: r.label });
  }
  return out;
}

/**
 * Words a retoucher searches by that a row's label does not hold: "zoom" for Fit on screen (it was
 * not found), Photoshop's names for the mask commands ("select all", "deselect", "inverse"), its
 * "brush size", "hardness", "step backward", "canvas size" and "save for web".
 */
const ALSO: readonly [RegExp, string][] = [
  [/^fit on screen$/i, 'zoom view'],
  [/^hand \(pan\)$|^pan\b/i, 'move scroll view'],
  [/^mask everything$/i, 'select all selection'],
  [/^clear mask$/i, 'deselect selection'],
  [/^invert mask$/i, 'inverse selection'],
  [/^reselect/i, 'selection'],
  [/^undo$/i, 'history step backward'],
  [/^redo$/i, 'history step forward'],
  [/^export \(/i, 'save as jpeg png tiff psd save for web'],
  [/^export…/i, 'export as file'],
  [/^(smaller|larger) brush$/i, 'brush size diameter'],
  [/^(softer|harder) brush$/i, 'brush hardness'],
  [/^extend canvas/i, 'canvas size crop'],
  [/^fill the mask/i, 'content-aware fill edit'],
  [/^hide \/ show the (side )?panels/i, 'hide panels workspace screen mode'],
];

function alsoFoundBy(label: string): string {
  return ALSO.filter(([re]) => re.test(label))
    .map(([, words]) => words)
    .join(' ');
}

/** The rows that hold every word of `query` (in their keys or label, any case); all rows for an empty query. */
export function filterShortcuts(rows: readonly ShortcutRow[], query: string): ShortcutRow[] {
  // Photoshop's menus are in US English ("Color Range", "Gray"); the labels here are British.
  const words = query.toLowerCase().replace(/color/g, 'colour').replace(/gray/g, 'grey').split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((r) => {
    const text = `${r.keys} ${r.label} ${alsoFoundBy(r.label)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
