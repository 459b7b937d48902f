import { describe, expect, it } from 'vitest';
import { filterShortcuts, GESTURE_ROWS, shortcutRows } from './shortcut-list';

const table = [
  { keys: 'B', label: 'Brush' },
  { keys: 'Ctrl+0', label: 'Fit on screen' },
  { keys: 'Ctrl++', label: 'Zoom in' },
  { keys: 'Esc', label: 'Cancel' },
  { keys: 'Esc', label: 'Cancel' },
];

describe('the shortcuts list', () => {
  it('is the table in its order without repeats, then the gestures', () => {
    const rows = shortcutRows(table);
    expect(rows.slice(0, 4).map((r) => r.keys)).toEqual(['B', 'Ctrl+0', 'Ctrl++', 'Esc']);
    expect(rows.slice(4)).toEqual(GESTURE_ROWS);
  });

  it('keeps the rows holding every typed word, in keys or label, any case', () => {
    const rows = shortcutRows(table);
    expect(filterShortcuts(rows, '').length).toBe(rows.length);
    // "zoom" finds Fit on screen too (a retoucher looking for the fit key searched "zoom").
    expect(filterShortcuts(rows, '  ZOOM ').map((r) => r.label)).toEqual([
      'Fit on screen',
      'Zoom in',
      'Zoom in / out one step at the clicked point (as in Photoshop)',
      'Zoom about the cursor (a trackpad pinch zooms smoothly)',
      'Fit on screen',
    ]);
    expect(filterShortcuts(rows, 'ctrl zoom').map((r) => r.keys)).toEqual([
      'Ctrl+0',
      'Ctrl++',
      'Ctrl+Space / Alt+Space + click',
      'Mouse wheel, Ctrl+wheel',
    ]);
    // Photoshop's names for the mask commands.
    const mask = shortcutRows([
      { keys: 'Ctrl+A', label: 'Mask everything' },
      { keys: 'Ctrl+D', label: 'Clear mask' },
    ]);
    expect(filterShortcuts(mask, 'select all').map((r) => r.keys)).toEqual(['Ctrl+A']);
    expect(filterShortcuts(mask, 'deselect').map((r) => r.keys)).toEqual(['Ctrl+D']);
    expect(filterShortcuts(rows, 'ctrl+0').map((r) => r.label)).toEqual(['Fit on screen']);
    expect(filterShortcuts(rows, 'nothing like this')).toEqual([]);
    // Photoshop's words for Edit › Fill… find the fill keys.
    const fill = shortcutRows([{ keys: 'Shift+Backspace / Shift+F5', label: 'Fill the mask: Generate' }]);
    expect(filterShortcuts(fill, 'content-aware').map((r) => r.keys)).toEqual(['Shift+Backspace / Shift+F5']);
  });
});
