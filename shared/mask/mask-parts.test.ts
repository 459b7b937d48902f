import { describe, expect, it } from 'vitest';
import { maskParts, valuesParts } from './mask-parts';
import { maskFromArray } from './mask-region';

describe('mask parts', () => {
  const W = 700;
  const H = 500;
  const values = new Uint8Array(W * H);
  const paint = (x0: number, y0: number, w: number, h: number, v = 255) => {
    for (let y = y0; y < y0 + h; y++) values.fill(v, y * W + x0, y * W + x0 + w);
  };
  paint(10, 20, 30, 40); // part 1
  paint(600, 400, 50, 20); // part 2
  paint(300, 250, 5, 5, 100); // below the threshold: not a part
  paint(250, 255, 40, 3); // part 3 crossing a tile edge (256)

  it('finds each separate part with its exact box (flat values)', () => {
    expect(valuesParts(values, { x: 0, y: 0, width: W, height: H }, { width: W, height: H })).toEqual([
      { x: 10, y: 20, width: 30, height: 40 },
      { x: 250, y: 255, width: 40, height: 3 },
      { x: 600, y: 400, width: 50, height: 20 },
    ]);
  });

  it('finds the same parts in a tiled mask, and in values over a sub-rect', () => {
    const mask = maskFromArray(W, H, values);
    expect(maskParts(mask)).toEqual(valuesParts(values, { x: 0, y: 0, width: W, height: H }, { width: W, height: H }));
    const sub = values.slice(0); // values of the rect x 5.., y 10..
    const rect = { x: 5, y: 10, width: W - 5, height: H - 10 };
    const cut = new Uint8Array(rect.width * rect.height);
    for (let y = 0; y < rect.height; y++) cut.set(sub.subarray((y + 10) * W + 5, (y + 11) * W), y * rect.width);
    expect(valuesParts(cut, rect, { width: W, height: H })[0]).toEqual({ x: 10, y: 20, width: 30, height: 40 });
  });
});
