import { describe, expect, it } from 'vitest';
import { ASPECT_PRESETS, centredOnGrid, extendBySides, extendToAspect, originalRect, parseAspect, splitOnGrid } from './outpaint-extend';

describe('extendToAspect', () => {
  it('grows a square sideways for wide presets, splitting evenly around the centre', () => {
    expect(extendToAspect({ width: 1000, height: 1000 }, '3:1')).toEqual({
      canvas: { width: 3000, height: 1000 },
      originalAt: { x: 1000, y: 0 },
    });
    expect(extendToAspect({ width: 1000, height: 1000 }, '16:9')).toEqual({
      canvas: { width: 1778, height: 1000 },
      originalAt: { x: 389, y: 0 },
    });
  });

  it('grows downwards and upwards for tall presets', () => {
    expect(extendToAspect({ width: 1000, height: 1000 }, '1:4')).toEqual({
      canvas: { width: 1000, height: 4000 },
      originalAt: { x: 0, y: 1500 },
    });
  });

  it('turns a 9:16 poster into 21:9', () => {
    expect(extendToAspect({ width: 1080, height: 1920 }, '21:9')).toEqual({
      canvas: { width: 4480, height: 1920 },
      originalAt: { x: 1700, y: 0 },
    });
  });

  it('honours the anchor on the growing axis and centres otherwise', () => {
    const o = { width: 1000, height: 1000 };
    expect(extendToAspect(o, '3:1', 'left').originalAt).toEqual({ x: 0, y: 0 });
    expect(extendToAspect(o, '3:1', 'right').originalAt).toEqual({ x: 2000, y: 0 });
    expect(extendToAspect(o, '1:4', 'top').originalAt).toEqual({ x: 0, y: 0 });
    expect(extendToAspect(o, '1:4', 'bottom').originalAt).toEqual({ x: 0, y: 3000 });
    expect(extendToAspect(o, '3:1', 'top').originalAt).toEqual({ x: 1000, y: 0 });
  });

  it('never crops: every preset keeps the original inside and reaches the aspect', () => {
    for (const original of [
      { width: 1000, height: 1000 },
      { width: 1080, height: 1920 },
      { width: 6000, height: 4000 },
    ]) {
      for (const preset of ASPECT_PRESETS) {
        const ext = extendToAspect(original, preset);
        const o = originalRect(original, ext);
        expect(ext.canvas.width).toBeGreaterThanOrEqual(original.width);
        expect(ext.canvas.height).toBeGreaterThanOrEqual(original.height);
        expect(o.x + o.width).toBeLessThanOrEqual(ext.canvas.width);
        expect(o.y + o.height).toBeLessThanOrEqual(ext.canvas.height);
        const { w, h } = parseAspect(preset);
        // Only one axis grows, by rounding to whole px, unless the original is already wider/taller.
        const grown = ext.canvas.width > original.width || ext.canvas.height > original.height;
        if (grown)
          expect(Math.abs(ext.canvas.width / ext.canvas.height - w / h)).toBeLessThan(1 / Math.min(ext.canvas.width, ext.canvas.height));
        expect(ext.canvas.width === original.width || ext.canvas.height === original.height).toBe(true);
      }
    }
  });

  it('returns the original unchanged at its own aspect', () => {
    expect(extendToAspect({ width: 1080, height: 1920 }, '9:16')).toEqual({
      canvas: { width: 1080, height: 1920 },
      originalAt: { x: 0, y: 0 },
    });
  });
});

describe('extendBySides', () => {
  it('adds exact pixels per side', () => {
    expect(extendBySides({ width: 800, height: 600 }, { left: 10, top: 20, bottom: 5 })).toEqual({
      canvas: { width: 810, height: 625 },
      originalAt: { x: 10, y: 20 },
    });
  });

  it('refuses negative or fractional sides', () => {
    expect(() => extendBySides({ width: 8, height: 8 }, { left: -1 })).toThrow(/left/);
    expect(() => extendBySides({ width: 8, height: 8 }, { top: 1.5 })).toThrow(/top/);
  });
});

describe('parseAspect', () => {
  it('reads W:H and rejects anything else', () => {
    expect(parseAspect('21:9')).toEqual({ w: 21, h: 9 });
    expect(parseAspect(' 2.35 : 1 ')).toEqual({ w: 2.35, h: 1 });
    expect(() => parseAspect('16x9')).toThrow(RangeError);
    expect(() => parseAspect('0:1')).toThrow(RangeError);
  });
});

describe('a JPEG original on its block grid', () => {
  it('splitOnGrid moves the split by at most half a step so that the original lands on the grid', () => {
    expect(splitOnGrid(355, 356, 0, 16)).toEqual([352, 359]);
    expect(splitOnGrid(28, 28, 0, 16)).toEqual([32, 24]);
    expect(splitOnGrid(29, 30, 30, 16)).toEqual([34, 25]); // already at x = 30: 30 + 34 = 64
    expect(splitOnGrid(0, 0, 5, 16)).toEqual([0, 0]);
    expect(splitOnGrid(2, 3, 3, 16)).toEqual([2, 3]); // 0…5 cannot reach a multiple of 16 from 3
  });

  it('centredOnGrid keeps the canvas and moves only a centred axis', () => {
    const size = { width: 640, height: 427 };
    const ext = extendToAspect(size, '9:16', 'centre');
    expect(centredOnGrid(ext, size, 'centre')).toEqual({ canvas: ext.canvas, originalAt: { x: 0, y: 352 } });
    const anchored = extendToAspect(size, '9:16', 'bottom');
    expect(centredOnGrid(anchored, size, 'bottom')).toEqual(anchored);
  });
});
