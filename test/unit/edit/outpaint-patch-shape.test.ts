import { describe, expect, it } from 'vitest';
import { patchPixels, patchShape } from '../../../electron/main/edit/outpaint-patch-shape';
import { outpaintAlpha, outpaintHole, patchInPlace } from '../../../shared/pixels/outpaint-masks';
import { alphaBounds } from '../../../shared/pixels/alpha-bounds';
import { cropRgba, packPieces, piecesAround } from '../../../shared/ipc/patch-pixels';

/** The patch's pixels for the renderer as the job made them from the built patch itself. */
function fromPatch(patch: Uint8Array, W: number, H: number, hole: ReturnType<typeof outpaintHole>) {
  const opaque = alphaBounds(patch, W, H);
  const rect = opaque ?? { x: 0, y: 0, width: 1, height: 1 };
  const pieces = piecesAround(rect, hole);
  return pieces.length === 1 && pieces[0] === rect
    ? { opaque, rect, rgba: cropRgba(patch, W, rect) }
    : { opaque, rect, rgba: packPieces(patch, W, pieces), pieces };
}

describe('patchShape + patchPixels (worked out before the tiles answer)', () => {
  const cases = [
    { name: 'centre, both sides', canvas: { width: 300, height: 90 }, original: { x: 100, y: 0, width: 100, height: 90 } },
    { name: 'from the left edge', canvas: { width: 400, height: 60 }, original: { x: 0, y: 0, width: 80, height: 60 } },
    { name: 'every side', canvas: { width: 160, height: 140 }, original: { x: 30, y: 20, width: 90, height: 70 } },
    { name: 'narrower than the band', canvas: { width: 120, height: 50 }, original: { x: 50, y: 0, width: 20, height: 50 } },
  ];
  for (const { name, canvas, original } of cases)
    it(`${name}: the same rect, pieces and bytes as from the built patch, with or without a buffer given`, () => {
      const W = canvas.width;
      const H = canvas.height;
      const working = new Uint8Array(W * H * 4);
      for (let i = 0; i < working.length; i++) working[i] = (i * 2654435761) >>> 24;
      const band = 16;
      const patch = patchInPlace(working.slice(), outpaintAlpha(canvas, original, band), W, outpaintHole(canvas, original, band));
      const want = fromPatch(patch, W, H, outpaintHole(canvas, original, band));
      const shape = patchShape(canvas, original, band);
      expect(shape.opaque).toEqual(want.opaque);
      const got = patchPixels(patch, W, shape);
      expect(got.rect).toEqual(want.rect);
      expect(got.pieces).toEqual(want.pieces);
      expect(Buffer.from(got.rgba).equals(Buffer.from(want.rgba))).toBe(true);
      if (want.rgba === patch) {
        // The rect is the whole canvas: the patch itself is sent, nothing is copied.
        expect(shape.copyBytes).toBe(0);
        expect(got.rgba).toBe(patch);
        return;
      }
      expect(shape.copyBytes).toBe(want.rgba.length);
      const into = new Uint8Array(shape.copyBytes);
      const inBuffer = patchPixels(patch, W, shape, into);
      expect(inBuffer.rgba).toBe(into);
      expect(Buffer.from(into).equals(Buffer.from(want.rgba))).toBe(true);
    });

  it('a buffer of the wrong size is refused, not written past', () => {
    const canvas = { width: 300, height: 90 };
    const shape = patchShape(canvas, { x: 100, y: 0, width: 100, height: 90 }, 16);
    expect(() => patchPixels(new Uint8Array(300 * 90 * 4), 300, shape, new Uint8Array(shape.copyBytes - 4))).toThrow(RangeError);
  });
});
