import { describe, expect, it } from 'vitest';
import type { DocState } from '../model/document-types';
import { waitingNote } from './waiting-note';

const doc = (id: string) => ({ id }) as unknown as DocState;

describe('waitingNote', () => {
  const [a, b, c, now] = [doc('p'), doc('p'), doc('p'), doc('p')];
  const s = {
    doc: now,
    past: [{ doc: a, label: 'Brush stroke' }],
    future: [
      { doc: b, label: 'Layer opacity 60 %' },
      { doc: c, label: 'Brush stroke' },
    ],
  };

  it('is null with nothing waiting, or only on states the history no longer holds', () => {
    expect(waitingNote(s as never, [])).toBeNull();
    expect(waitingNote(s as never, [{ at: doc('p'), items: [1] }])).toBeNull();
  });

  it('counts every waiting candidate, shows the nearest way on the bar and every step in the tooltip', () => {
    const note = waitingNote(s as never, [
      { at: c, items: [1, 2] },
      { at: a, items: [3] },
    ]);
    expect(note?.short).toBe('3 candidates waiting: undo once');
    expect(note?.full).toBe(
      'A candidate is waiting on the step “Brush stroke”, one step back: undo (Ctrl/⌘ Z) once to see it.\n' +
        '2 candidates are waiting on the step “Brush stroke”, 2 steps ahead: redo (Ctrl/⌘ Shift Z) twice to see them.',
    );
  });
});
