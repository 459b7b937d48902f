/**
 * A chained tile's fill made ahead goes before background work (critical-work.ts): while it runs, a
 * critical stretch is open, so an earlier tile's scale to full size and the canvas's faulting wait
 * for it instead of taking the two cores it needs before the next answer comes; the stretch closes
 * when it ends, filled or stopped. Without `critical` (MASKWORK_BACKGROUND_YIELDS=0) none is held.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { afterCritical } from '../../../electron/main/edit/critical-work';
import { fillFromRequests } from '../../../electron/main/edit/chain-copies';
import type { ChainedAhead } from '../../../electron/main/edit/chain-ahead';
import type { OutpaintTile } from '../../../shared/geometry';

/** Whether a critical stretch is open (afterCritical still pending after 30 ms). */
const held = () => Promise.race([afterCritical().then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 30))]);

// Large enough that decoding what it was sent (the stand-in) takes longer than `held` waits.
const tile = { rect: { x: 0, y: 0, width: 3000, height: 2000 }, request: { width: 3000, height: 2000 } } as OutpaintTile;

/** Whether a stretch is open while the fill ahead of a tile behind `tile` (whose request is `image`) runs; it stops after its stand-ins. */
async function heldWhileFilling(image: Uint8Array, critical: boolean | undefined): Promise<boolean> {
  const filled = fillFromRequests(
    {} as ChainedAhead,
    new Uint8Array(4),
    [{ tile, request: { requestImage: image, requestMask: new Uint8Array(1) }, weight: () => new Uint8Array(1) }],
    { modelName: 'GPT Image 2', canvas: () => null, canvasWidth: 3000, rect: tile.rect, stop: () => true, critical },
  );
  const whileRunning = await held();
  expect(await filled).toBeUndefined(); // stopped
  return whileRunning;
}

describe('a fill made ahead', () => {
  it('holds a critical stretch while it runs, and closes it when it ends', async () => {
    const image = new Uint8Array(
      await sharp({
        create: { width: 3000, height: 2000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
      })
        .jpeg()
        .toBuffer(),
    );
    expect(await heldWhileFilling(image, true)).toBe(true);
    expect(await held()).toBe(false); // closed once it stopped
    expect(await heldWhileFilling(image, false)).toBe(false);
  });
});
