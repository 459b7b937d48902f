/**
 * An outpaint tile's request mask is made before its pre-fill, and its wire form (OpenAI's PNG,
 * deflated on libuv's pool) started then, so it is made while the pre-fill holds main's thread
 * instead of after it; the request's bytes are the same either way.
 */
import { describe, expect, it } from 'vitest';
import { encodeTileRequest, PREFILLS, type Prefill } from '../../../electron/main/edit/outpaint-tile-steps';
import { alphaMaskPng, alphaMaskPngOff } from '../../../electron/main/providers/alpha-mask-png';
import { makeMaskAhead } from '../../../electron/main/providers/mask-encoding';
import type { OutpaintTile } from '../../../shared/geometry';

function tilePixels(W: number, H: number) {
  const rgba = new Uint8Array(W * H * 4);
  const unknown = new Uint8Array(W * H);
  const ask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (x < 40 || x >= W - 40) unknown[i] = 255;
      else rgba.set([(x * 5) & 255, (y * 9) & 255, 90, 255], i * 4);
      if (x < 48 || x >= W - 48) ask[i] = 255;
    }
  return { width: W, height: H, rgba, unknown, ask };
}

const tile = { rect: { x: 0, y: 0, width: 300, height: 120 }, request: { width: 240, height: 96 } } as OutpaintTile;

/** The order of the steps, and the request made. */
async function run(maskFirst: boolean) {
  const order: string[] = [];
  const prefill: Prefill = async (p, signal, owned) => {
    order.push('prefill');
    return PREFILLS.smooth(p, signal, owned);
  };
  const made: Promise<Buffer>[] = [];
  const prepareMask = async (mask: Uint8Array, size: { width: number; height: number }) => {
    await Promise.resolve(); // as the provider's wrapper does
    order.push('wire mask');
    made.push(makeMaskAhead('alpha', mask, size));
    await made[0];
  };
  const q = await encodeTileRequest(tile, tilePixels(300, 120), prefill, new AbortController().signal, { prepareMask, maskFirst });
  return { order, q, png: await made[0] };
}

describe('the request mask before the pre-fill', () => {
  it('starts the wire mask before the pre-fill, and the request is the same as with the mask after it', async () => {
    const first = await run(true);
    const after = await run(false);
    expect(first.order).toEqual(['wire mask', 'prefill']);
    expect(after.order).toEqual(['prefill', 'wire mask']);
    expect(Buffer.from(first.q.requestImage).equals(Buffer.from(after.q.requestImage))).toBe(true);
    expect(Buffer.from(first.q.requestMask).equals(Buffer.from(after.q.requestMask))).toBe(true);
    expect(first.png.equals(after.png)).toBe(true);
  });

  it('deflated off the thread: the same PNG as alphaMaskPng, several at once', async () => {
    const masks = [1, 2, 3].map((k) => {
      const m = new Uint8Array(200 * 90);
      for (let i = 0; i < m.length; i++) if (i % 200 < 30 * k || (i * k) % 97 === 0) m[i] = 255;
      return m;
    });
    const off = await Promise.all(masks.map((m) => alphaMaskPngOff(m, 200, 90)));
    for (const [k, m] of masks.entries()) expect(off[k].equals(alphaMaskPng(m, 200, 90))).toBe(true);
  });
});
