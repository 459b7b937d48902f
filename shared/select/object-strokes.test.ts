/**
 * Object select's "this is the object" stroke (a Shift-click; it was Shift-paint) is a hint, not a
 * stamp: the cut decides what under the brush is the object. A Shift-click near an object's edge added the brush's whole
 * circle, background included, and a click on a part the rectangle left out added nothing.
 */
import { describe, expect, it } from 'vitest';
import { memorySource } from './rgba';
import { makeScene } from './test-scenes';
import { selectObject, withObjectStrokes } from './object-select';

// A yellow ellipse on dark grey: x 120..360, y 80..320 (centre 240, 200; radii 120).
const scene = makeScene({
  width: 480,
  height: 400,
  shape: 'ellipse',
  fg: [230, 200, 40],
  bg: [40, 40, 40],
  noise: 6,
  box: [0.25, 0.2, 0.75, 0.8],
});
const src = memorySource(scene.img);
const inObject = (x: number, y: number) => scene.truth[y * 480 + x] === 1;

function valueAt(res: ReturnType<typeof selectObject>, x: number, y: number): number {
  const r = res.region;
  if (x < r.x || y < r.y || x >= r.x + r.width || y >= r.y + r.height) return 0;
  return res.coverage.data[(y - r.y) * r.width + (x - r.x)];
}

/** Pixels within `radius` of (cx, cy): how many are selected on the object and on the background. */
function underBrush(res: ReturnType<typeof selectObject>, cx: number, cy: number, radius: number) {
  let object = 0;
  let objectIn = 0;
  let background = 0;
  let backgroundIn = 0;
  for (let y = cy - radius; y <= cy + radius; y++) {
    for (let x = cx - radius; x <= cx + radius; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius * radius) continue;
      const sel = valueAt(res, x, y) >= 128;
      if (inObject(x, y)) {
        object++;
        if (sel) objectIn++;
      } else {
        background++;
        if (sel) backgroundIn++;
      }
    }
  }
  return { object: objectIn / object, background: backgroundIn / background };
}

describe('object select: a Shift stroke ("object")', () => {
  it('a Shift-click across the edge adds the object under the brush, not the background: no circle stamped', () => {
    // The rectangle takes the whole ellipse and a wide margin of background; a click on its right
    // edge with a 60 px brush: half of the brush is background.
    const rect = { x: 90, y: 50, width: 300, height: 300 };
    const res = selectObject(src, { rect, maxSide: 200, strokes: [{ points: [{ x: 360, y: 200 }], size: 60, object: true }] });
    const b = underBrush(res, 360, 200, 28);
    expect(b.object).toBeGreaterThan(0.95);
    // Before: the whole circle was selected (background 1.0).
    expect(b.background).toBeLessThan(0.2);
    expect(valueAt(res, 385, 200)).toBe(0);
  });

  it('a Shift-click on a part the rectangle left out brings that part in (it was cut off at the rectangle)', () => {
    // The rectangle covers the top two thirds of the ellipse; the click is on its lower part.
    const rect = { x: 100, y: 60, width: 280, height: 180 };
    const first = selectObject(src, { rect, maxSide: 200 });
    expect(valueAt(first, 240, 280)).toBe(0);
    const res = selectObject(src, { rect, maxSide: 200, strokes: [{ points: [{ x: 240, y: 280 }], size: 40, object: true }] });
    expect(valueAt(res, 240, 280)).toBe(255);
    // Object around the click, beyond the brush, comes in too; the background below the ellipse stays out.
    expect(valueAt(res, 240, 300)).toBe(255);
    expect(valueAt(res, 200, 270)).toBe(255);
    expect(valueAt(res, 240, 335)).toBe(0);
    expect(underBrush(res, 240, 290, 40).background).toBeLessThan(0.15);
  });

  it('the area a stroke may add: the rectangle and, around object strokes, 1.5 brush widths or half its shorter side', () => {
    const r = { x: 100, y: 100, width: 50, height: 50 };
    expect(withObjectStrokes(r, [{ points: [{ x: 200, y: 120 }], size: 20, object: true }], 1000, 1000)).toEqual({
      x: 100,
      y: 90,
      width: 130,
      height: 60,
    });
    expect(withObjectStrokes(r, [{ points: [{ x: 200, y: 120 }], size: 20, object: false }], 1000, 1000)).toEqual(r);
    expect(withObjectStrokes(r, [{ points: [{ x: 5, y: 5 }], size: 20, object: true }], 1000, 1000)).toEqual({
      x: 0,
      y: 0,
      width: 150,
      height: 150,
    });
    // A big rectangle: half its shorter side (100) is more than 1.5 brush widths (30).
    const big = { x: 100, y: 100, width: 400, height: 200 };
    const far = withObjectStrokes(big, [{ points: [{ x: 300, y: 320 }], size: 20, object: true }], 1000, 1000);
    expect(far).toEqual({ x: 100, y: 100, width: 400, height: 320 });
  });
});
