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
    const r = { x: 100, y: 340, width: 200, height: 100 }; // screen 520..670: wholly under the dock from 500
    const v = revealRegion(view, r, room)!;
    expect(v.scale).toBe(1.5);
    expect(v.offsetX).toBe(20);
    const box = screenBox(v, r);
    expect(box.bottom).toBe(room.height - REVEAL_PAD);
    expect(box.top).toBeGreaterThanOrEqual(REVEAL_PAD);
  });

  it('leaves a region taller than the room and in sight above the dock alone: the zoom and the place the user looks at stay', () => {
    const view = { scale: 2, offsetX: 0, offsetY: 0 };
    // A tall mask seen zoomed in on its upper part: 200..1000 on screen, 500 px of room.
    expect(revealRegion(view, { x: 100, y: 100, width: 200, height: 400 }, room)).toBeNull();
    // Its lower end in sight above the dock: a third of the room.
    expect(revealRegion(view, { x: 100, y: -200, width: 200, height: 400 }, room)).toBeNull(); // -400..400
  });

  it('pans a region taller than the room and (nearly) out of sight under the dock until its top shows, at the same zoom', () => {
    const view = { scale: 2, offsetX: 30, offsetY: 0 };
    const r = { x: 100, y: 200, width: 200, height: 400 }; // 400..1200 on screen: 100 of 500 px of room
    const v = revealRegion(view, r, room)!;
    expect(v.scale).toBe(2);
    expect(v.offsetX).toBe(30);
    expect(screenBox(v, r).top).toBe(REVEAL_PAD);
  });

  it('pans a region that fits the room whole above the dock, however much of it showed', () => {
    const view = { scale: 1, offsetX: 0, offsetY: 0 };
    const r = { x: 100, y: 420, width: 200, height: 100 }; // 80 px above the dock, 20 under it
    const v = revealRegion(view, r, room)!;
    expect(screenBox(v, r).bottom).toBe(room.height - REVEAL_PAD);
  });
});
