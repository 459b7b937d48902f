/**
 * The mask overlay's tile canvases are bounded: the tiles the last paint drew plus a few spare ones,
 * however many masks the undo history keeps alive. A minimal stand-in for the DOM canvas counts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCoverage, createEmptyMask, rasterizeRect, type TiledMask } from '../../../shared/mask';
import { MaskOverlayPainter, SPARE_TILE_CANVASES, overlayTileCanvases } from './mask-overlay';

interface FakeCanvas {
  width: number;
  height: number;
  getContext(): unknown;
}

let drawn: FakeCanvas[] = [];
const ctx2d = {
  createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
  putImageData() {},
};
const g = globalThis as { document?: unknown };
const before = g.document;

beforeAll(() => {
  g.document = {
    createElement: (): FakeCanvas => ({ width: 0, height: 0, getContext: () => ctx2d }),
  };
});
afterAll(() => {
  g.document = before;
});

/** A stage context: identity transform, records the canvases drawn. */
function stageContext() {
  return {
    getTransform: () => ({ a: 1, d: 1, e: 0, f: 0 }),
    save() {},
    restore() {},
    setTransform() {},
    fillRect() {},
    drawImage(c: FakeCanvas) {
      drawn.push(c);
    },
    globalAlpha: 1,
    imageSmoothingEnabled: true,
    imageSmoothingQuality: 'low',
    fillStyle: '',
  } as unknown as CanvasRenderingContext2D;
}

/** A 700×700 rectangle at x,y: 12 partial tiles around 4 full ones (edges off the 256 grid). */
const rectMask = (x: number, y: number): TiledMask =>
  applyCoverage(createEmptyMask(6000, 4000), rasterizeRect({ x, y, width: 700, height: 700 }), 'add');

describe('mask overlay tile canvases', () => {
  it('stay bounded as masks (kept alive by history) come and go, and a repaint reuses them', () => {
    const painter = new MaskOverlayPainter();
    const ctx = stageContext();
    const visible = { x: 0, y: 0, width: 6000, height: 4000 };
    const masks: TiledMask[] = []; // what an undo history keeps alive
    for (let i = 0; i < 20; i++) {
      const m = rectMask(130 + (i % 10) * 560, 130 + Math.floor(i / 10) * 1330);
      masks.push(m);
      drawn = [];
      painter.paint(ctx, m, 0.5, visible, 0.2);
      expect(drawn.length).toBeGreaterThan(0);
      expect(painter.cachedTiles).toBeLessThanOrEqual(drawn.length + SPARE_TILE_CANVASES);
    }
    expect(overlayTileCanvases()).toBe(painter.cachedTiles);
    // Painting the last mask again draws the very same canvases (no rebuild).
    const last = drawn;
    drawn = [];
    painter.paint(ctx, masks[masks.length - 1], 0.5, visible, 0.2);
    expect(drawn).toEqual(last);
    // Released canvases give their pixels back at once.
    expect(last.every((c) => c.width === 256)).toBe(true);
  });
});
