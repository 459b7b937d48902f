import { describe, expect, it } from 'vitest';
import { marqueeBox } from './rect-tool';

describe('marquee box', () => {
  it('is the dragged box, a square with Shift, centred on the start with Alt', () => {
    expect(marqueeBox({ x: 10, y: 10 }, { x: 40, y: 20 }, false, false)).toEqual({ x0: 10, y0: 10, x1: 40, y1: 20 });
    expect(marqueeBox({ x: 10, y: 10 }, { x: 40, y: 20 }, true, false)).toEqual({ x0: 10, y0: 10, x1: 40, y1: 40 });
    expect(marqueeBox({ x: 10, y: 10 }, { x: -20, y: 20 }, true, false)).toEqual({ x0: -20, y0: 10, x1: 10, y1: 40 });
    expect(marqueeBox({ x: 100, y: 100 }, { x: 130, y: 110 }, false, true)).toEqual({ x0: 70, y0: 90, x1: 130, y1: 110 });
    expect(marqueeBox({ x: 100, y: 100 }, { x: 130, y: 110 }, true, true)).toEqual({ x0: 70, y0: 70, x1: 130, y1: 130 });
  });
});
