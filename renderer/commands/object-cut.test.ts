import { describe, expect, it } from 'vitest';
import { withinCut } from './object-cut';

describe('withinCut', () => {
  it('keeps the smaller value where the rects overlap and nothing outside the previous cut', () => {
    const prev = { rect: { x: 1, y: 0, width: 2, height: 2 }, data: Uint8Array.from([255, 100, 255, 255]) };
    const next = { rect: { x: 0, y: 0, width: 3, height: 2 }, data: Uint8Array.from([255, 200, 255, 9, 255, 0]) };
    const out = withinCut(next, prev);
    expect(out.rect).toEqual(next.rect);
    expect(Array.from(out.data)).toEqual([0, 200, 100, 0, 255, 0]);
  });
});
