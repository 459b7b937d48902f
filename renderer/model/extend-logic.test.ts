import { describe, expect, it } from 'vitest';
import { extendToAspect } from '../../shared/geometry';
import {
  draggedInward,
  dragSideKeepingAspect,
  MAX_CANVAS_SIDE,
  ZERO_SIDES,
  dragSide,
  frameRect,
  handleCentres,
  hitSide,
  isZeroSides,
  newAreaStrips,
  presetSides,
  proposalFor,
  sideCursor,
  withSide,
  gridSplitNote,
} from './extend-logic';

const poster = { width: 540, height: 960 };

describe('presets', () => {
  it('21:9 centred around a 9:16 poster: the canvas is 21:9 and the original sits in the middle', () => {
    const s = presetSides(poster, '21:9', 'centre');
    expect(s.top).toBe(0);
    expect(s.bottom).toBe(0);
    const p = proposalFor(poster, { x: 0, y: 0 }, s);
    expect(p.canvas.height).toBe(960);
    expect(p.canvas.width).toBe(Math.round((960 * 21) / 9));
    expect(Math.abs(s.left - s.right)).toBeLessThanOrEqual(1);
    expect(p.originalAt).toEqual(extendToAspect(poster, '21:9', 'centre').originalAt);
  });

  it('anchors: left keeps the photo at the left, bottom at the bottom, a cross-axis anchor centres', () => {
    expect(presetSides(poster, '16:9', 'left')).toMatchObject({ left: 0, top: 0, bottom: 0 });
    expect(presetSides(poster, '16:9', 'right')).toMatchObject({ right: 0 });
    const tall = presetSides({ width: 1000, height: 500 }, '1:4', 'bottom');
    expect(tall).toEqual({ left: 0, right: 0, top: 3500, bottom: 0 });
    const crossed = presetSides(poster, '16:9', 'top');
    expect(Math.abs(crossed.left - crossed.right)).toBeLessThanOrEqual(1);
  });

  it('a canvas already at the aspect proposes nothing; a wider one grows in height', () => {
    expect(isZeroSides(presetSides(poster, '9:16', 'centre'))).toBe(true);
    expect(isZeroSides(presetSides({ width: 1500, height: 500 }, '3:1', 'centre'))).toBe(true);
    expect(presetSides({ width: 2000, height: 500 }, '3:1', 'centre')).toEqual({ left: 0, right: 0, top: 83, bottom: 84 });
  });

  it('every preset only grows and reaches its aspect within a pixel', () => {
    for (const a of ['1:1', '4:5', '3:2', '16:9', '21:9', '3:1', '4:1', '8:1', '9:16', '1:4']) {
      const s = presetSides({ width: 1200, height: 900 }, a, 'centre');
      for (const v of Object.values(s)) expect(v).toBeGreaterThanOrEqual(0);
      const p = proposalFor({ width: 1200, height: 900 }, { x: 0, y: 0 }, s);
      const [w, h] = a.split(':').map(Number);
      if (!isZeroSides(s)) expect(Math.abs(p.canvas.width - (p.canvas.height * w) / h)).toBeLessThanOrEqual(1);
    }
  });
});

describe('presets around a JPEG original (its 16-px block grid)', () => {
  const grid = (x = 0, y = 0) => ({ at: { x, y }, step: 16 });

  it('a centred preset lands the original on the grid, within 8 px of the centre, the canvas unchanged', () => {
    // rocket.jpg, 640×427, to 9:16: 355 / 356 px exactly centred (355 is off the grid); 352 / 359 on it.
    const exact = presetSides({ width: 640, height: 427 }, '9:16', 'centre');
    expect(exact).toEqual({ left: 0, right: 0, top: 355, bottom: 356 });
    expect(presetSides({ width: 640, height: 427 }, '9:16', 'centre', grid())).toEqual({ left: 0, right: 0, top: 352, bottom: 359 });
    for (const a of ['1:1', '4:5', '3:2', '16:9', '21:9', '3:1', '4:1', '8:1', '9:16', '1:4']) {
      for (const size of [
        { width: 1200, height: 900 },
        { width: 640, height: 427 },
        { width: 540, height: 960 },
        { width: 4033, height: 3025 },
      ]) {
        const plain = presetSides(size, a, 'centre');
        const s = presetSides(size, a, 'centre', grid());
        expect(s.left + s.right, `${a} ${size.width}×${size.height}`).toBe(plain.left + plain.right);
        expect(s.top + s.bottom).toBe(plain.top + plain.bottom);
        expect(s.left % 16).toBe(0);
        expect(s.top % 16).toBe(0);
        expect(Math.abs(s.left - plain.left)).toBeLessThanOrEqual(8);
        expect(Math.abs(s.top - plain.top)).toBeLessThanOrEqual(8);
      }
    }
  });

  it('an original already moved by an earlier extension is put on the grid where it lands', () => {
    // 700×427 to 16:9: 59 px to add sideways; the original is at x = 30 already, so 34 px go left (30 + 34 = 64).
    expect(presetSides({ width: 700, height: 427 }, '16:9', 'centre', grid(30, 0))).toEqual({ left: 34, right: 25, top: 0, bottom: 0 });
    const tall = presetSides({ width: 700, height: 427 }, '1:1', 'centre', grid(30, 5));
    expect((5 + tall.top) % 16).toBe(0);
    expect(tall.top + tall.bottom).toBe(273);
  });

  it('an anchored side keeps what the aspect gives; the cross axis is still put on the grid; too small a growth to reach it is left alone', () => {
    expect(presetSides({ width: 640, height: 427 }, '9:16', 'bottom', grid())).toEqual(
      presetSides({ width: 640, height: 427 }, '9:16', 'bottom'),
    );
    const crossed = presetSides({ width: 540, height: 960 }, '16:9', 'top', grid());
    expect(crossed.left % 16).toBe(0);
    // 5 px to share, original at x = 3: neither 0 nor 16 − 3 = 13 fits in 0…5, so the even split stays.
    expect(presetSides({ width: 1595, height: 900 }, '16:9', 'centre', grid(3, 0))).toEqual(
      presetSides({ width: 1595, height: 900 }, '16:9', 'centre'),
    );
  });
});

describe('proposal geometry', () => {
  it('moves the original by left/top, already-extended canvases included', () => {
    const p = proposalFor({ width: 800, height: 600 }, { x: 100, y: 0 }, { left: 30, right: 5, top: 7, bottom: 0 });
    expect(p).toEqual({ canvas: { width: 835, height: 607 }, originalAt: { x: 130, y: 7 }, offset: { x: 30, y: 7 } });
  });

  it('frame, strips and handles are in current document px', () => {
    const s = { left: 10, right: 20, top: 0, bottom: 40 };
    const f = frameRect({ width: 100, height: 50 }, s);
    expect(f).toEqual({ x: -10, y: 0, width: 130, height: 90 });
    const strips = newAreaStrips({ width: 100, height: 50 }, s);
    expect(strips).toEqual([
      { side: 'bottom', x: -10, y: 50, width: 130, height: 40 },
      { side: 'left', x: -10, y: 0, width: 10, height: 50 },
      { side: 'right', x: 100, y: 0, width: 20, height: 50 },
    ]);
    const area = strips.reduce((a, r) => a + r.width * r.height, 0);
    expect(area).toBe(130 * 90 - 100 * 50);
    expect(handleCentres(f).right).toEqual({ x: 120, y: 45 });
    expect(handleCentres(f).top).toEqual({ x: 55, y: 0 });
  });
});

describe('handles', () => {
  const frame = { x: 100, y: 100, width: 400, height: 300 };

  it('grabs the nearest side within the tolerance, anywhere along it', () => {
    expect(hitSide(frame, { x: 103, y: 250 })).toBe('left');
    expect(hitSide(frame, { x: 506, y: 120 })).toBe('right');
    expect(hitSide(frame, { x: 300, y: 95 })).toBe('top');
    expect(hitSide(frame, { x: 300, y: 404 })).toBe('bottom');
    expect(hitSide(frame, { x: 300, y: 250 })).toBeNull();
    expect(hitSide(frame, { x: 80, y: 250 })).toBeNull();
    expect(hitSide(frame, { x: 103, y: 600 })).toBeNull();
  });

  it('drags snap to whole px, never inward past the canvas, and respect the size limit', () => {
    const canvas = { width: 540, height: 960 };
    expect(dragSide(ZERO_SIDES, canvas, 'right', { x: 540, y: 10 }, { x: 640.6, y: 30 })).toEqual({ ...ZERO_SIDES, right: 101 });
    expect(dragSide(ZERO_SIDES, canvas, 'left', { x: 0, y: 10 }, { x: -50.2, y: 10 })).toEqual({ ...ZERO_SIDES, left: 50 });
    expect(dragSide({ ...ZERO_SIDES, top: 20 }, canvas, 'top', { x: 0, y: -20 }, { x: 0, y: 200 })).toEqual(ZERO_SIDES);
    expect(dragSide(ZERO_SIDES, canvas, 'bottom', { x: 0, y: 960 }, { x: 0, y: 1e9 }).bottom).toBe(MAX_CANVAS_SIDE - 960);
    expect(withSide({ ...ZERO_SIDES, left: 29_000 }, canvas, 'right', 5000).right).toBe(MAX_CANVAS_SIDE - 540 - 29_000);
    // Alt-drag: the opposite side moves as much (about the centre), within the same limits.
    expect(dragSide({ ...ZERO_SIDES, left: 10 }, canvas, 'right', { x: 540, y: 10 }, { x: 640.6, y: 30 }, true)).toEqual({
      ...ZERO_SIDES,
      left: 111,
      right: 101,
    });
    const far = dragSide(ZERO_SIDES, canvas, 'bottom', { x: 0, y: 960 }, { x: 0, y: 1e9 }, true);
    expect(far.top).toBe(far.bottom);
    expect(far.top + far.bottom + 960).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(withSide(ZERO_SIDES, canvas, 'top', Number.NaN).top).toBe(0);
  });

  it('resize cursors', () => {
    expect(sideCursor('left')).toBe('ew-resize');
    expect(sideCursor('bottom')).toBe('ns-resize');
    expect(sideCursor(null)).toBeNull();
  });
});

describe('a handle dragged inside the canvas (a crop)', () => {
  const zero = { left: 0, right: 0, top: 0, bottom: 0 };
  it('is told from a click or an outward drag, past a few screen px of slack', () => {
    // Right side at 0, dragged 100 doc px inward at 50 %: 50 screen px inside.
    expect(draggedInward(zero, 'right', { x: 500, y: 10 }, { x: 400, y: 10 }, 0.5)).toBe(true);
    expect(draggedInward(zero, 'left', { x: 0, y: 10 }, { x: 100, y: 10 }, 0.5)).toBe(true);
    // A click's jitter, an outward drag, a proposal shrunk but not past 0: nothing to say.
    expect(draggedInward(zero, 'right', { x: 500, y: 10 }, { x: 496, y: 10 }, 1)).toBe(false);
    expect(draggedInward(zero, 'top', { x: 10, y: 0 }, { x: 10, y: -80 }, 1)).toBe(false);
    expect(draggedInward({ ...zero, bottom: 200 }, 'bottom', { x: 10, y: 700 }, { x: 10, y: 550 }, 1)).toBe(false);
  });
});

describe('dragSideKeepingAspect', () => {
  const canvas = { width: 2560, height: 1600 };
  const ratioOf = (s: { left: number; right: number; top: number; bottom: number }) =>
    (canvas.width + s.left + s.right) / (canvas.height + s.top + s.bottom);

  it('a bottom drag with 16:9 chosen (centred) grows the width evenly to match', () => {
    const start = presetSides(canvas, '16:9', 'centre');
    const next = dragSideKeepingAspect(start, canvas, 'bottom', { x: 0, y: 1600 }, { x: 0, y: 1798 }, false, '16:9', 'centre');
    expect(next.bottom).toBe(198);
    expect(next.top).toBe(0);
    expect(Math.abs(ratioOf(next) - 16 / 9)).toBeLessThan(0.001);
    expect(Math.abs(next.left - next.right)).toBeLessThanOrEqual(1);
  });

  it('the anchor holding the other axis gets none of its growth; the dragged axis never goes below the preset', () => {
    const start = presetSides(canvas, '16:9', 'left');
    const down = dragSideKeepingAspect(start, canvas, 'bottom', { x: 0, y: 1600 }, { x: 0, y: 1700 }, false, '16:9', 'left');
    expect(down.left).toBe(0);
    expect(Math.abs(ratioOf(down) - 16 / 9)).toBeLessThan(0.001);
    // The right side dragged inward past what 16:9 needs: it stays at the preset.
    const inward = dragSideKeepingAspect(start, canvas, 'right', { x: 2844, y: 0 }, { x: 2700, y: 0 }, false, '16:9', 'left');
    expect(inward).toEqual(start);
  });

  it('Alt: both sides of the dragged axis move, the other axis follows', () => {
    const start = presetSides(canvas, '16:9', 'centre');
    const next = dragSideKeepingAspect(start, canvas, 'right', { x: 2702, y: 0 }, { x: 2802, y: 0 }, true, '16:9', 'centre');
    expect(next.right - start.right).toBe(100);
    expect(next.left - start.left).toBe(100);
    expect(Math.abs(ratioOf(next) - 16 / 9)).toBeLessThan(0.001);
    expect(next.top + next.bottom).toBeGreaterThan(0);
  });

  it('a JPEG original stays on its block grid across the other axis', () => {
    const start = presetSides(canvas, '16:9', 'centre', { at: { x: 0, y: 0 }, step: 16 });
    const next = dragSideKeepingAspect(start, canvas, 'bottom', { x: 0, y: 1600 }, { x: 0, y: 1800 }, false, '16:9', 'centre', {
      at: { x: 0, y: 0 },
      step: 16,
    });
    expect(next.left % 16).toBe(0);
    expect(Math.abs(ratioOf(next) - 16 / 9)).toBeLessThan(0.001);
  });
});

describe('gridSplitNote', () => {
  it('says why a centred JPEG proposal is split unevenly, and nothing otherwise', () => {
    const sides = { left: 96, right: 103, top: 0, bottom: 0 };
    expect(gridSplitNote(sides, 'centre', true, 16)).toMatch(
      /^L 96 \/ R 103: not split evenly on purpose — the photo stays on its JPEG's 16-px block grid/,
    );
    expect(gridSplitNote(sides, 'left', true, 16)).toBeNull();
    expect(gridSplitNote(sides, 'centre', false, 16)).toBeNull();
    expect(gridSplitNote({ left: 100, right: 100, top: 0, bottom: 0 }, 'centre', true, 16)).toBeNull();
    expect(gridSplitNote({ left: 0, right: 0, top: 352, bottom: 359 }, 'centre', true, 16)).toMatch(/^T 352 \/ B 359: /);
  });
});
