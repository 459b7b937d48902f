/**
 * An independent outpaint tile of whole rows or columns is pre-filled from the full-size tile while
 * libvips scales its colour (shared/pixels/along-prefill.ts, issue 16): its known pixels are the
 * scale's bytes as before, its unknown pixels close to the push–pull fill of the scaled request, its
 * request mask the bytes `scaleRequestMask` makes, and a prepared tile gets the same request.
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeTileRequest, PREFILLS } from '../../../electron/main/edit/outpaint-tile-steps';
import { tileCut } from '../../../electron/main/edit/outpaint-prepare';
import { alongCut, cutAlong, tileAtRequest } from '../../../electron/main/edit/tile-at-request';
import { scaleRequestMask } from '../../../electron/main/edit/request-pixels';
import { pushPullFill } from '../../../shared/pixels/push-pull-fill';
import { unknownCanvas } from '../../../shared/pixels/outpaint-masks';
import type { OutpaintTile } from '../../../shared/geometry';
import { PHOTOS } from '../../support/app-harness';

type Rect = { x: number; y: number; width: number; height: number };
let photo: { rgba: Uint8Array; width: number; height: number };
beforeAll(async () => {
  const { data, info } = await sharp(resolve(PHOTOS, 'colorful-cups.jpg')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  photo = { rgba: new Uint8Array(data), width: info.width, height: info.height };
});

/** A canvas with the photo (scaled to `o`'s size) at `o` and nothing elsewhere. */
async function canvasOf(width: number, height: number, o: Rect) {
  const scaled = await sharp(photo.rgba, { raw: { width: photo.width, height: photo.height, channels: 4 } })
    .resize(o.width, o.height, { fit: 'fill' })
    .raw()
    .toBuffer();
  const working = new Uint8Array(width * height * 4);
  for (let y = 0; y < o.height; y++) working.set(scaled.subarray(y * o.width * 4, (y + 1) * o.width * 4), ((o.y + y) * width + o.x) * 4);
  return { working, unknownMap: unknownCanvas({ width, height }, o) };
}

const cases: [string, number, number, Rect, number, number][] = [
  ['sides, 21:9', 1400, 600, { x: 220, y: 0, width: 960, height: 600 }, 1092, 468],
  ['left only', 1200, 500, { x: 300, y: 0, width: 900, height: 500 }, 912, 380],
  ['shrunk more than 2×', 3000, 800, { x: 900, y: 0, width: 1200, height: 800 }, 900, 240],
  ['above and below', 600, 1400, { x: 0, y: 220, width: 600, height: 960 }, 468, 1092],
];

describe('the along pre-fill, made while the colour is scaled', () => {
  for (const [name, W, H, o, rw, rh] of cases)
    it(`${name}: the known pixels as before, the unknown ones close to push–pull, the request mask as scaleRequestMask makes it`, async () => {
      const canvas = await canvasOf(W, H, o);
      const rect = { x: 0, y: 0, width: W, height: H };
      const tile = { rect, request: { width: rw, height: rh } } as OutpaintTile;
      const cut = cutAlong(canvas, W, tile, 32, o)!;
      const before = await tileAtRequest(cut.rgba, rect, cut.along.along, 32, tile.request);
      const want = pushPullFill(before.rgba, before.unknown, rw, rh);
      const ask = before.ask.slice();
      before.release();
      let handed: Uint8Array | undefined;
      const got = await tileAtRequest(cut.rgba, rect, cut.along.along, 32, tile.request, {
        prefill: true,
        onRequestMask: (m) => (handed = m),
      });
      expect(got.prefilled).toBe(true);
      expect(handed).toBe(got.requestMask);
      const region = { x: 0, y: 0, width: rw, height: rh };
      expect(Buffer.from(got.requestMask!).equals(Buffer.from(await scaleRequestMask(ask, region, tile.request)))).toBe(true);
      let unknownCount = 0;
      let opaque = 0;
      let sum = 0;
      let worstFar = 0;
      // How far a request pixel is from the known part, along the axis its unknown part lies on.
      const cols = cut.along.along.axis === 'columns';
      const flags = got.unknown;
      const distance = (x: number, y: number) => {
        let d = 0;
        if (cols) while (d < rw && flags[y * rw + Math.min(rw - 1, x + d)] && flags[y * rw + Math.max(0, x - d)]) d++;
        else while (d < rh && flags[Math.min(rh - 1, y + d) * rw + x] && flags[Math.max(0, y - d) * rw + x]) d++;
        return d;
      };
      for (let i = 0; i < rw * rh; i++) {
        if (!got.unknown[i]) {
          // Known: the scale's own bytes.
          if (got.rgba[i * 4] !== want[i * 4] || got.rgba[i * 4 + 1] !== want[i * 4 + 1] || got.rgba[i * 4 + 2] !== want[i * 4 + 2])
            throw new Error(`known pixel ${i % rw},${Math.floor(i / rw)} differs`);
          continue;
        }
        unknownCount++;
        if (got.rgba[i * 4 + 3] === 255) opaque++;
        const far = distance(i % rw, Math.floor(i / rw)) > 8;
        for (let c = 0; c < 3; c++) {
          const d = Math.abs(got.rgba[i * 4 + c] - want[i * 4 + c]);
          sum += d;
          if (far) worstFar = Math.max(worstFar, d);
        }
      }
      expect(unknownCount).toBeGreaterThan(0);
      expect(opaque).toBe(unknownCount);
      // A cell's mean instead of a 2×2's: softer within a few pixels of the known edge, the same smooth
      // continuation beyond (the whole difference is well under one level on average).
      expect(sum / (3 * unknownCount)).toBeLessThan(0.5);
      expect(worstFar).toBeLessThan(12);
      got.release();
    });

  it('a prepared tile (its full-size masks, told how its unknown part lies) gets the same request bytes as one made after Ctrl+Enter', async () => {
    const [, W, H, o, rw, rh] = cases[0];
    const canvas = await canvasOf(W, H, o);
    const tile = { rect: { x: 0, y: 0, width: W, height: H }, request: { width: rw, height: rh } } as OutpaintTile;
    const signal = new AbortController().signal;
    const prepared = await encodeTileRequest(
      tile,
      { width: W, height: H, ...tileCut(canvas, W, tile, 32), along: alongCut(tile, o, 32) ?? undefined },
      PREFILLS.smooth,
      signal,
    );
    const now = await encodeTileRequest(tile, { width: W, height: H, ...cutAlong(canvas, W, tile, 32, o)! }, PREFILLS.smooth, signal);
    expect(Buffer.from(prepared.requestImage).equals(Buffer.from(now.requestImage))).toBe(true);
    expect(Buffer.from(prepared.requestMask).equals(Buffer.from(now.requestMask))).toBe(true);
  });
});
