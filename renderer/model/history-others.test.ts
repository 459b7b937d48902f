import { describe, expect, it } from 'vitest';
import { otherPhotoLines } from './history-others';

const steps = (ids: string) => [...ids].map((docId) => ({ docId }));

describe('otherPhotoLines', () => {
  it('sends the user back with Ctrl/⌘ Z to photos opened before this one', () => {
    // a a b b b: photo b is open, its last step current.
    expect(otherPhotoLines(steps('aabbb'), 4, 'b')).toEqual({
      before: '2 steps on other photos before these (Ctrl/⌘ Z goes back to them)',
      after: null,
    });
  });

  it('sends the user forward with Ctrl/⌘ Shift Z to a photo undone away from, and warns that a change drops it', () => {
    // a a b b b: undone back to photo a's last step; photo b's three steps are redo steps.
    expect(otherPhotoLines(steps('aabbb'), 1, 'a')).toEqual({
      before: null,
      after: '3 steps on other photos after these (Ctrl/⌘ Shift Z goes forward to them; after a new change here, Ctrl/⌘ Z reaches them)',
    });
  });

  it('counts both sides and says nothing when every step is this photo’s', () => {
    expect(otherPhotoLines(steps('abbc'), 2, 'b')).toEqual({
      before: '1 step on other photos before these (Ctrl/⌘ Z goes back to them)',
      after: '1 step on other photos after these (Ctrl/⌘ Shift Z goes forward to them; after a new change here, Ctrl/⌘ Z reaches them)',
    });
    expect(otherPhotoLines(steps('aaa'), 1, 'a')).toEqual({ before: null, after: null });
  });
});
