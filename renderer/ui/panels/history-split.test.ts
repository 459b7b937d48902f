/** History's splitter (history-split.ts) and the Layers list's floor (layers-floor.ts): pure parts. */
import { describe, expect, it } from 'vitest';
import { clampHistory, HISTORY_STEP_PX, historyForKey } from './history-split';
import { layersListFloor } from './layers-floor';

describe("History's height", () => {
  const room = { min: 75, max: 300 };
  it('stays within its room; a room too small keeps the floor', () => {
    expect(clampHistory(10, room)).toBe(75);
    expect(clampHistory(500, room)).toBe(300);
    expect(clampHistory(120.4, room)).toBe(120);
    expect(clampHistory(200, { min: 75, max: 40 })).toBe(75);
  });
  it('moves a step with ↑ / ↓ and to the limits with Home / End; other keys are not its', () => {
    expect(historyForKey('ArrowUp', 100, room)).toBe(100 + HISTORY_STEP_PX);
    expect(historyForKey('ArrowDown', 100, room)).toBe(100 - HISTORY_STEP_PX);
    expect(historyForKey('ArrowDown', 80, room)).toBe(75);
    expect(historyForKey('Home', 100, room)).toBe(300);
    expect(historyForKey('End', 100, room)).toBe(75);
    expect(historyForKey('a', 100, room)).toBeNull();
  });
});

describe("the Layers list's floor", () => {
  it('is the three tallest rows, or all of them when fewer', () => {
    expect(layersListFloor([27, 40, 27, 49, 27])).toBe(49 + 40 + 27);
    expect(layersListFloor([27, 27])).toBe(54);
    expect(layersListFloor([])).toBe(0);
  });
});
