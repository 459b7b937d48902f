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
    expect(filterShortcuts(rows, '  ZOOM ').map((r) => r.label)).toEqual([
      'Zoom in',
      'Zoom about the cursor (a trackpad pinch zooms smoothly)',
    ]);
    expect(filterShortcuts(rows, 'ctrl zoom').map((r) => r.keys)).toEqual(['Ctrl++', 'Mouse wheel, Ctrl+wheel']);
    expect(filterShortcuts(rows, 'ctrl+0').map((r) => r.label)).toEqual(['Fit on screen']);
    expect(filterShortcuts(rows, 'nothing like this')).toEqual([]);
  });
});
