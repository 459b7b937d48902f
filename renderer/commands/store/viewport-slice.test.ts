import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyMask } from '../../../shared/mask';
import { putMask } from '../blob-store';
import { useEditor } from './store';
import { OPEN_MAX_ZOOM, wheelFactor, wheelPan, wheelZoom } from './viewport-slice';

const st = () => useEditor.getState();

beforeEach(() => {
  st().setStageSize(1000, 700);
  st().openDocument({
    id: `doc-${Math.random()}`,
    canvas: { width: 640, height: 480 },
    original: { assetId: 'asset-original', name: 'desk.jpg', width: 640, height: 480, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(640, 480)),
    layers: [],
    versions: [],
  });
  st().fitToScreen();
});

describe('stage size', () => {
  it('a resized window re-fits a fitted view', () => {
    const before = st().scale;
    st().setStageSize(1000, 600);
    expect(st().scale).toBeLessThan(before);
    expect(st().fitted).toBe(true);
  });

  it('a bar that grew above the stage (same window) keeps the photo where it was on screen, at the same zoom', () => {
    const { scale, offsetX, offsetY } = st();
    // The options bar wrapped to a second row: the stage starts 26 px lower and is 26 px shorter.
    st().setStageSize(1000, 674, { dx: 0, dy: 26 });
    expect(st().scale).toBe(scale);
    // Stage coordinates moved down by 26: the photo's window position (stage top + offset) is unchanged.
    expect(st().offsetY).toBe(offsetY - 26);
    expect(st().offsetX).toBe(offsetX);
    st().setStageSize(1000, 700, { dx: 0, dy: -26 });
    expect(st().scale).toBe(scale);
    expect(st().offsetY).toBe(offsetY);
    // Still "fit on screen" for the next real window resize.
    expect(st().fitted).toBe(true);
  });
});

describe('the fit and the dock', () => {
  it('a fitted view fits again when the dock grows or shrinks, in the same change; a zoomed one stays', () => {
    st().setDockHeight(36);
    st().fitToScreen();
    const open = { scale: st().scale, offsetY: st().offsetY };
    const seen: number[] = [];
    const off = useEditor.subscribe((s, prev) => {
      if (s.dockHeight !== prev.dockHeight) seen.push(s.scale);
    });
    st().setDockHeight(180); // the staging strip
    off();
    expect(seen).toEqual([st().scale]); // listeners never see the new dock over the old fit
    expect(st().scale).toBeLessThan(open.scale);
    expect(st().offsetY + 480 * st().scale).toBeLessThanOrEqual(700 - 180);
    expect(st().fitted).toBe(true);
    st().setDockHeight(36);
    expect({ scale: st().scale, offsetY: st().offsetY }).toEqual(open);
    st().zoomTo(0.5);
    const zoomed = { scale: st().scale, offsetX: st().offsetX, offsetY: st().offsetY };
    st().setDockHeight(180);
    expect({ scale: st().scale, offsetX: st().offsetX, offsetY: st().offsetY }).toEqual(zoomed);
  });

  it('the fit a photo opens with stops at 100 % and keeps that cap when the room changes; Fit on screen goes up to 400 %', () => {
    st().setDockHeight(36);
    st().setStageSize(2000, 1400);
    st().fitToScreen(OPEN_MAX_ZOOM);
    expect(st().scale).toBe(1);
    st().setDockHeight(120);
    expect(st().scale).toBe(1);
    st().setStageSize(2100, 1400);
    expect(st().scale).toBe(1);
    st().fitToScreen();
    expect(st().scale).toBeGreaterThan(2);
  });
});

describe('the pixel grid', () => {
  it('a fit, 100 % and a zoom about the cursor put the picture on whole screen pixels', () => {
    // An odd room: centring 640 px in 1001 px put the origin at x.5 (every pixel a blend of two at 100 %).
    st().setStageSize(1001, 701);
    st().fitToScreen();
    expect([Number.isInteger(st().offsetX), Number.isInteger(st().offsetY)]).toEqual([true, true]);
    st().zoomTo(1);
    expect([st().scale, Number.isInteger(st().offsetX), Number.isInteger(st().offsetY)]).toEqual([1, true, true]);
    st().zoomTo(2.37, { x: 333.3, y: 251.7 });
    expect([Number.isInteger(st().offsetX), Number.isInteger(st().offsetY)]).toEqual([true, true]);
    st().setView({ scale: 1, offsetX: 10.5, offsetY: -3.4 });
    expect([st().offsetX, st().offsetY]).toEqual([11, -3]);
  });
  it('a pan by sub-pixel steps (a trackpad) still moves, on whole pixels', () => {
    st().setView({ scale: 1, offsetX: 0, offsetY: 0 });
    for (let i = 0; i < 10; i++) st().panBy(0.3, -0.3);
    expect([st().offsetX, st().offsetY]).toEqual([3, -3]);
  });
});

describe('wheel zoom', () => {
  it('stops at 100 % when a step crosses it or lands near it, and moves on from there', () => {
    expect(wheelZoom(0.95, 1.06)).toBe(1);
    expect(wheelZoom(1.05, 0.94)).toBe(1);
    expect(wheelZoom(0.985, 1.0)).toBe(1);
    expect(wheelZoom(1, 1.01)).toBeCloseTo(1.01, 9);
    expect(wheelZoom(0.5, 1.1)).toBeCloseTo(0.55, 9);
    expect(wheelZoom(2, 0.9)).toBeCloseTo(1.8, 9);
  });
});

describe('wheel factor', () => {
  it('zooms a mouse notch ×1.16 with or without Ctrl; only small Ctrl steps (a pinch) zoom faster', () => {
    const notch = Math.exp(0.15);
    expect(wheelFactor({ deltaY: -100 })).toBeCloseTo(notch, 9);
    expect(wheelFactor({ deltaY: -100, ctrlKey: true })).toBeCloseTo(notch, 9);
    expect(wheelFactor({ deltaY: 100, ctrlKey: true })).toBeCloseTo(1 / notch, 9);
    expect(wheelFactor({ deltaY: -120, ctrlKey: true })).toBeCloseTo(Math.exp(0.18), 9);
    // Lines (3 a notch) and pages, with or without Ctrl.
    expect(wheelFactor({ deltaY: -3, deltaMode: 1, ctrlKey: true })).toBeCloseTo(notch, 9);
    expect(wheelFactor({ deltaY: 3, deltaMode: 1 })).toBeCloseTo(1 / notch, 9);
    expect(wheelFactor({ deltaY: -1, deltaMode: 2 })).toBeCloseTo(notch, 9);
    // A trackpad pinch: Ctrl+wheel in small pixel steps.
    expect(wheelFactor({ deltaY: -4.5, ctrlKey: true })).toBeCloseTo(Math.exp(0.045), 9);
    expect(wheelFactor({ deltaY: -4.5 })).toBeCloseTo(Math.exp(0.00675), 9);
  });
});

describe('wheelPan', () => {
  it('takes the larger of deltaY (as sent) and deltaX (turned sideways by Chromium), lines as 33 px', () => {
    expect(wheelPan({ deltaX: 0, deltaY: 100 })).toBe(100);
    expect(wheelPan({ deltaX: -100, deltaY: 0 })).toBe(-100);
    expect(wheelPan({ deltaX: 0, deltaY: 3, deltaMode: 1 })).toBeCloseTo(100, 6);
  });
});
