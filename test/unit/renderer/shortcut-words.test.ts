/**
 * The shortcuts list (?) finds the editor's shortcuts by the words a Photoshop user searches with:
 * its menu names, in US spelling too. Run over the real table (renderer/ui/keyboard/shortcuts.ts).
 */
import { describe, expect, it } from 'vitest';
import { filterShortcuts, shortcutRows } from '../../../renderer/model/shortcut-list';
import { SHORTCUTS } from '../../../renderer/ui/keyboard/shortcuts';

const rows = shortcutRows(SHORTCUTS);
const keysFor = (query: string) => filterShortcuts(rows, query).map((r) => r.keys);

describe("the shortcuts list finds Photoshop's words", () => {
  it('brush size and hardness find [ ] and Shift+[ ]', () => {
    expect(keysFor('brush size')).toEqual(expect.arrayContaining(['[', ']']));
    expect(keysFor('size')).toEqual(expect.arrayContaining(['[', ']']));
    expect(keysFor('hardness')).toEqual(expect.arrayContaining(['Shift+[', 'Shift+]']));
    expect(keysFor('hardness')).not.toContain('[');
  });

  it('"color range" (US) finds the colour range rows', () => {
    const us = filterShortcuts(rows, 'color range').map((r) => r.label);
    expect(us.length).toBeGreaterThan(0);
    expect(us).toEqual(filterShortcuts(rows, 'colour range').map((r) => r.label));
  });

  it('step backward / forward, canvas size, save for web', () => {
    expect(keysFor('step backward')).toEqual(['Ctrl+Z', 'Ctrl+Alt+Z']);
    expect(keysFor('step forward')).toEqual(expect.arrayContaining(['Ctrl+Shift+Z', 'Ctrl+Y']));
    expect(keysFor('canvas size')).toEqual(filterShortcuts(rows, 'extend canvas').map((r) => r.keys));
    expect(keysFor('canvas size').length).toBeGreaterThan(0);
    expect(keysFor('save for web')).toEqual(['Ctrl+Shift+Alt+S']);
  });

  it('"quick mask" finds Q, which switches the mask overlay as \\ does', () => {
    expect(keysFor('quick mask')).toEqual(['Q']);
    const label = (keys: string) => rows.find((r) => r.keys === keys)?.label ?? '';
    expect(label('Q')).toMatch(/mask overlay/i);
  });

  it('"export as" finds Ctrl+Alt+Shift+W, which opens Export…', () => {
    expect(keysFor('export as')).toContain('Ctrl+Alt+Shift+W');
    expect(keysFor('Ctrl+Alt+Shift+W')).toEqual(['Ctrl+Alt+Shift+W']);
  });

  it("Photoshop's tools Maskwork has not, Show Extras and hiding the panels are found by their names", () => {
    expect(keysFor('spot healing')).toEqual(['J']);
    expect(keysFor('clone stamp')).toEqual(['S']);
    expect(keysFor('free transform')).toEqual(['Ctrl+T']);
    expect(keysFor('extras')).toEqual(['Ctrl+H']);
    expect(keysFor('hide panels')).toEqual(expect.arrayContaining(['Tab']));
    expect(keysFor('screen mode')).toEqual(expect.arrayContaining(['Tab', 'Shift+Tab']));
  });
});
