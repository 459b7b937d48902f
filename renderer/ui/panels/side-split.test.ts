import { describe, expect, it } from 'vitest';
import { bottomForKey, bottomLimits, clampBottom, SPLIT_STEP_PX } from './side-split';

// 884 px column, a 187 px Mask panel, Generate's floor 150, Layers' floor 105 (1500×950, one kept layer).
const room = { column: 884, fixed: 187, minTop: 150, minBottom: 105 };

describe('side column split', () => {
  it('keeps both floors', () => {
    expect(bottomLimits(room)).toEqual({ min: 105, max: 884 - 187 - 150 });
    expect(clampBottom(10, room)).toBe(105);
    expect(clampBottom(2000, room)).toBe(547);
    expect(clampBottom(300.4, room)).toBe(300);
  });

  it("a column too short for both gives Generate's floor up first", () => {
    expect(bottomLimits({ ...room, column: 300 })).toEqual({ min: 105, max: 105 });
  });

  it('moves by a step with the arrows and to the limits with Home / End', () => {
    expect(bottomForKey('ArrowDown', 300, room)).toBe(300 - SPLIT_STEP_PX);
    expect(bottomForKey('ArrowUp', 300, room)).toBe(300 + SPLIT_STEP_PX);
    expect(bottomForKey('ArrowDown', 110, room)).toBe(105);
    expect(bottomForKey('Home', 300, room)).toBe(547);
    expect(bottomForKey('End', 300, room)).toBe(105);
    expect(bottomForKey('ArrowLeft', 300, room)).toBeNull();
  });
});
