import { describe, expect, it } from 'vitest';
import { anchorAfterKey } from './AnchorGroup';

describe('anchorAfterKey', () => {
  it("moves along centre, left, right, top, bottom, wrapping; Home and End jump; other keys are not the group's", () => {
    expect(anchorAfterKey('centre', 'ArrowRight')).toBe('left');
    expect(anchorAfterKey('centre', 'ArrowDown')).toBe('left');
    expect(anchorAfterKey('bottom', 'ArrowRight')).toBe('centre');
    expect(anchorAfterKey('centre', 'ArrowLeft')).toBe('bottom');
    expect(anchorAfterKey('right', 'ArrowUp')).toBe('left');
    expect(anchorAfterKey('top', 'Home')).toBe('centre');
    expect(anchorAfterKey('left', 'End')).toBe('bottom');
    for (const key of ['Enter', ' ', 'Tab', 'b']) expect(anchorAfterKey('left', key)).toBeNull();
  });
});
