import { describe, expect, it } from 'vitest';
import { REVEAL_PAD, revealRegion } from './reveal-region';

const room = { width: 900, height: 500 }; // the stage above the dock
const screenBox = (v: { scale: number; offsetX: number; offsetY: number }, r: { x: number; y: number; width: number; height: number }) => ({
  top: r.y * v.scale + v.offsetY,
  bottom: (r.y + r.height) * v.scale + v.offsetY,
  left: r.x * v.scale + v.offsetX,
});

describe('revealRegion', () => {
  it('leaves a region above the dock alone', () => {
    const view = { scale: 1, offsetX: 20, offsetY: 10 };
    expect(revealRegion(view, { x: 100, y: 100, width: 200, height: 100 }, room)).toBeNull();
    expect(revealRegion(view, { x: 100, y: 390, width: 200, height: 100 }, room)).toBeNull(); // bottom exactly at 500
  });

  it('pans a region under the dock up just enough, at the same zoom and across-position', () => {
    const view = { scale: 1.5, offsetX: 20, offsetY: 10 };
    const r = { x: 100, y: 300, width: 200, height: 100 }; // screen 460..610: under the dock from 500
    const v = revealRegion(view, r, room)!;
    expect(v.scale).toBe(1.5);
    expect(v.offsetX).toBe(20);
    const box = screenBox(v, r);
    expect(box.bottom).toBe(room.height - REVEAL_PAD);
    expect(box.top).toBeGreaterThanOrEqual(REVEAL_PAD);
  });

  it('zooms out only as far as needed when the region is taller than the room above the dock', () => {
    const view = { scale: 2, offsetX: 0, offsetY: 0 };
    const r = { x: 100, y: 100, width: 200, height: 400 }; // 800 px tall on screen, 500 px of room
    const v = revealRegion(view, r, room)!;
    expect(v.scale).toBeCloseTo((room.height - 2 * REVEAL_PAD) / 400, 10);
    const box = screenBox(v, r);
    expect(box.top).toBeCloseTo(REVEAL_PAD, 6);
    expect(box.bottom).toBeCloseTo(room.height - REVEAL_PAD, 6);
    // The region's centre stays where it was across the screen.
    expect(200 * v.scale + v.offsetX).toBeCloseTo(200 * 2, 6);
  });
});
