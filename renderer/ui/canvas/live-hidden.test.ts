import { describe, expect, it } from 'vitest';
import { createFullMask, getMaskValue, invertMask, TILE_SIZE } from '../../../shared/mask';
import { beginLiveHidden, dropLiveHidden, liveHiddenPart } from './live-hidden';

describe('the overlay view of a layer mask being painted', () => {
  it('holds 255 − value inside each frame’s rectangle, copies only the tiles it touches, and never changes the mask it started from', () => {
    const size = { width: 600, height: 300 };
    const before = invertMask(createFullMask(size.width, size.height)); // a full mask hides nothing
    const view = beginLiveHidden('layer-a', 'mask-1', before, size);
    expect(liveHiddenPart('layer-a', 'mask-1')).toBe(before);
    const r = { x: 250, y: 10, width: 20, height: 40 };
    const values = new Uint8Array(r.width * r.height);
    for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) values[y * r.width + x] = (r.x + x + r.y + y) % 200;
    view.update(r, values);
    const now = liveHiddenPart('layer-a', 'mask-1')!;
    for (const [x, y] of [
      [250, 10],
      [269, 49],
      [260, 30],
    ])
      expect(getMaskValue(now, x, y)).toBe(255 - ((x + y) % 200));
    expect(getMaskValue(now, 249, 10)).toBe(0);
    expect(getMaskValue(now, 270, 10)).toBe(0);
    // Tiles 0 and 1 of the first row are touched (x 250–269 crosses 256); the others are shared.
    const changed = now.tiles.flatMap((t, i) => (t !== before.tiles[i] ? [i] : []));
    expect(changed).toEqual([0, 1]);
    expect(TILE_SIZE).toBe(256);
    expect(before.tiles.every((t) => t === 0)).toBe(true);
    // Another layer, or this layer with another mask (the stroke committed, or undone past): not this view.
    expect(liveHiddenPart('layer-b', 'mask-1')).toBeUndefined();
    expect(liveHiddenPart('layer-a', 'mask-2')).toBeUndefined();
    expect(liveHiddenPart('layer-a', 'mask-1')).toBeUndefined();
  });

  it('a layer without a mask starts from hiding nothing; cancel and the commit drop the view', () => {
    const view = beginLiveHidden('layer-a', undefined, null, { width: 100, height: 100 });
    view.update({ x: 0, y: 0, width: 10, height: 10 }, new Uint8Array(100));
    expect(getMaskValue(liveHiddenPart('layer-a', undefined)!, 5, 5)).toBe(255);
    expect(getMaskValue(liveHiddenPart('layer-a', undefined)!, 50, 50)).toBe(0);
    view.cancel();
    expect(liveHiddenPart('layer-a', undefined)).toBeUndefined();
    beginLiveHidden('layer-a', undefined, null, { width: 100, height: 100 });
    dropLiveHidden();
    expect(liveHiddenPart('layer-a', undefined)).toBeUndefined();
  });
});
