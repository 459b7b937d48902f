import { describe, expect, it } from 'vitest';
import { movesPreview, stepPick, undoPick } from './prompt-pick';

const rows = [
  { value: '', label: 'No preset' },
  { value: 'remove-object', label: 'Remove object' },
  { value: 'change-text', label: 'Change text to …' },
  { value: 'extend', label: 'Extend the background' },
  { value: 'draft', label: 'Draft (cheapest model)' },
];

describe('prompt list preview keys', () => {
  it('↑/↓, Home/End and PageUp/PageDown move within the list', () => {
    expect(stepPick(rows, '', 'ArrowDown')).toBe('remove-object');
    expect(stepPick(rows, 'remove-object', 'ArrowUp')).toBe('');
    expect(stepPick(rows, '', 'ArrowUp')).toBe('');
    expect(stepPick(rows, 'draft', 'ArrowDown')).toBe('draft');
    expect(stepPick(rows, 'change-text', 'Home')).toBe('');
    expect(stepPick(rows, '', 'End')).toBe('draft');
    expect(stepPick(rows, '', 'PageDown')).toBe('draft');
    expect(stepPick(rows, 'draft', 'PageUp')).toBe('');
    expect(stepPick([], '', 'ArrowDown')).toBeNull();
  });

  it('a letter goes to the next row starting with it, round the list', () => {
    expect(stepPick(rows, '', 'd')).toBe('draft');
    expect(stepPick(rows, '', 'E')).toBe('extend');
    expect(stepPick(rows, 'draft', 'r')).toBe('remove-object');
    expect(stepPick(rows, '', 'q')).toBeNull();
  });

  it('the moving keys and letters preview; Enter, Esc, Space, Tab do not', () => {
    for (const k of ['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'a', '1']) expect(movesPreview(k), k).toBe(true);
    for (const k of ['Enter', 'Escape', ' ', 'Tab', 'F4', 'Shift']) expect(movesPreview(k), k).toBe(false);
  });
});

describe('undo of a pick', () => {
  const before = { prompt: 'a red mug', presetId: null };
  const after = { prompt: 'Remove the object', presetId: 'remove-object' };
  const rec = { before, after, undone: false };

  it('undo puts the typed prompt back, redo the pick', () => {
    const u = undoPick(rec, after, false);
    expect(u?.set).toEqual(before);
    expect(u?.rec.undone).toBe(true);
    const r = undoPick(u?.rec ?? null, before, true);
    expect(r?.set).toEqual(after);
    expect(r?.rec.undone).toBe(false);
  });

  it('nothing to undo: no pick, already undone, or the prompt changed since', () => {
    expect(undoPick(null, after, false)).toBeNull();
    expect(undoPick({ ...rec, undone: true }, after, false)).toBeNull();
    expect(undoPick(rec, { prompt: 'Remove the object!', presetId: 'remove-object' }, false)).toBeNull();
    expect(undoPick(rec, after, true)).toBeNull();
  });
});
