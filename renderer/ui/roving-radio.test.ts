import { describe, expect, it } from 'vitest';
import { radioAfterKey } from './roving-radio';

const ANCHORS = ['centre', 'left', 'right', 'top', 'bottom'] as const;

describe('radioAfterKey', () => {
  it("moves along the group, wrapping; Home and End jump; other keys are not the group's", () => {
    expect(radioAfterKey(ANCHORS, 'centre', 'ArrowRight')).toBe('left');
    expect(radioAfterKey(ANCHORS, 'centre', 'ArrowDown')).toBe('left');
    expect(radioAfterKey(ANCHORS, 'bottom', 'ArrowRight')).toBe('centre');
    expect(radioAfterKey(ANCHORS, 'centre', 'ArrowLeft')).toBe('bottom');
    expect(radioAfterKey(ANCHORS, 'right', 'ArrowUp')).toBe('left');
    expect(radioAfterKey(ANCHORS, 'top', 'Home')).toBe('centre');
    expect(radioAfterKey(ANCHORS, 'left', 'End')).toBe('bottom');
    for (const key of ['Enter', ' ', 'Tab', 'b', 'constructor', 'toString']) expect(radioAfterKey(ANCHORS, 'left', key)).toBeNull();
  });
});
