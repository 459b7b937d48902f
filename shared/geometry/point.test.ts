import { describe, expect, it } from 'vitest';
import { type DocPoint, docPoint, docToScreen, type ScreenPoint, screenPoint, screenToDoc } from './point';

describe('document and screen points', () => {
  const view = { scale: 0.25, offsetX: 40, offsetY: -12 };

  it('convert through the view both ways', () => {
    expect(docToScreen(docPoint(400, 800), view)).toEqual({ x: 140, y: 188 });
    expect(screenToDoc(screenPoint(140, 188), view)).toEqual({ x: 400, y: 800 });
    for (const [x, y] of [
      [0, 0],
      [-3.5, 17.25],
      [1234, 5678],
    ]) {
      const back = screenToDoc(docToScreen(docPoint(x, y), view), view);
      expect(back.x).toBeCloseTo(x, 9);
      expect(back.y).toBeCloseTo(y, 9);
    }
  });

  it('are distinct types: a screen point is not accepted where a document point is expected', () => {
    const takesDoc = (p: DocPoint) => p.x;
    const s: ScreenPoint = screenPoint(1, 2);
    // @ts-expect-error a ScreenPoint is not a DocPoint
    expect(takesDoc(s)).toBe(1);
    // @ts-expect-error a bare {x, y} is neither
    expect(takesDoc({ x: 1, y: 2 })).toBe(1);
    expect(takesDoc(screenToDoc(s, { scale: 1, offsetX: 0, offsetY: 0 }))).toBe(1);
  });
});
