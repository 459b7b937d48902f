/**
 * A chained tile's pre-fill made ahead (electron/main/edit/chain-fill-ahead.ts): filled from what the
 * earlier tiles were sent while they are with the model, then only a band next to their answers is
 * filled again. Against the whole pre-fill made after the answers: the known pixels the same, the
 * pixels next to them as close, no step where the band meets the fill made ahead, and nothing beyond
 * the band touched by the answers — on a layout that shrinks a tile sideways and one that grows down.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { tileWaits, type OutpaintTile } from '../../../shared/geometry';
import { pushPullFill } from '../../../shared/pixels/push-pull-fill';
import { aheadCopy, chainedFromAnswers, prepareChained, type TileAnswer } from '../../../electron/main/edit/chain-ahead';
import { fillAhead, REFILL_REACH, refillPlan, refillWindow } from '../../../electron/main/edit/chain-fill-ahead';
import { tileCut } from '../../../electron/main/edit/outpaint-prepare';
import { tileBlendWeight } from '../../../shared/pixels/outpaint-masks';
import { CHAINED_LAYOUTS, outpaintLayout, PHOTOS } from '../../support/outpaint-layout';

const smooth = async (w: { width: number; height: number; rgba: Uint8Array; unknown: Uint8Array }) =>
  pushPullFill(w.rgba, w.unknown, w.width, w.height, w.rgba);

/** A photo at a tile's request size, as a model's answer (or what it was sent) decodes. */
async function photoAt(name: string, tile: OutpaintTile, tint: number) {
  const px = await sharp(join(PHOTOS, name))
    .resize(tile.request.width, tile.request.height, { fit: 'fill' })
    .modulate({ hue: tint })
    .ensureAlpha()
    .raw()
    .toBuffer();
  return { width: tile.request.width, height: tile.request.height, rgba: new Uint8Array(px) };
}

describe('refillPlan', () => {
  /** The definition, pixel by pixel: unknown, in a 16² block within ⌈reach/16⌉ blocks of a block holding a known pixel. */
  function brute(unknown: Uint8Array, w: number, h: number, reach: number) {
    const B = 16;
    const R = Math.ceil(reach / B);
    const bw = Math.ceil(w / B);
    const bh = Math.ceil(h / B);
    const known = new Uint8Array(bw * bh);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (!unknown[y * w + x]) known[((y / B) | 0) * bw + ((x / B) | 0)] = 1;
    const out = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        if (!unknown[y * w + x]) continue;
        const X = (x / B) | 0;
        const Y = (y / B) | 0;
        let near = false;
        for (let j = Math.max(0, Y - R); j <= Math.min(bh - 1, Y + R) && !near; j++)
          for (let i = Math.max(0, X - R); i <= Math.min(bw - 1, X + R); i++) if (known[j * bw + i]) near = true;
        if (near) out[y * w + x] = 1;
      }
    return out;
  }

  it('marks the unknown pixels near a known one, in a window that holds them all with the reach around them', () => {
    const w = 300;
    const h = 170;
    for (const shape of ['left strip', 'corner', 'specks']) {
      const unknown = new Uint8Array(w * h).fill(1);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const known =
            shape === 'left strip' ? x < 37 : shape === 'corner' ? x < 90 && y < 61 : (x * 7 + y * 13) % 997 === 0 && x > 100 && y > 40;
          if (known) unknown[y * w + x] = 0;
        }
      const reach = 40;
      const plan = refillPlan(unknown, w, h, reach)!;
      expect(plan).not.toBeNull();
      const want = brute(unknown, w, h, reach);
      const { x0, y0, x1, y1 } = plan.window;
      let marked = 0;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const inside = x >= x0 && x < x1 && y >= y0 && y < y1;
          const got = inside ? plan.band[(y - y0) * (x1 - x0) + (x - x0)] : 0;
          expect(got, `${shape} at ${x},${y}`).toBe(want[y * w + x]);
          marked += got;
          if (want[y * w + x]) {
            // The window reaches `reach` past every marked pixel (clipped to the tile).
            expect(x0).toBeLessThanOrEqual(Math.max(0, x - reach));
            expect(x1).toBeGreaterThanOrEqual(Math.min(w, x + reach + 1));
          }
        }
      expect(marked).toBeGreaterThan(0);
    }
    // The left strip's band stops short of the far side: the rest keeps the fill made ahead.
    const strip = new Uint8Array(w * h).fill(1);
    for (let y = 0; y < h; y++) for (let x = 0; x < 37; x++) strip[y * w + x] = 0;
    expect(refillPlan(strip, w, h, 40)!.window.x1).toBeLessThan(w);
  });

  it('has nothing to fill again when nothing is known, or nothing unknown', () => {
    expect(refillPlan(new Uint8Array(64 * 64).fill(1), 64, 64, 32)).toBeNull();
    expect(refillPlan(new Uint8Array(64 * 64), 64, 64, 32)).toBeNull();
  });
});

// Shrunk sideways and grown downwards (the layouts at the request's own size have no ahead colour to fill).
const CASES = CHAINED_LAYOUTS.filter((c) => c.name.startsWith('a square photo') || c.name.startsWith('a landscape'));

describe('a chained tile pre-filled ahead', () => {
  for (const c of CASES)
    it(`${c.name}: after the answers, the band filled again meets both the answers and the fill made ahead`, async () => {
      const { canvas, plan, working, unknownMap } = await outpaintLayout(c.model, c.photo, c.pad, 'size' in c ? c.size : undefined);
      const waits = tileWaits(plan);
      const ahead = await prepareChained({ working, unknownMap }, canvas.width, plan, 24, async () => {});
      const sent: TileAnswer[] = [];
      const answers: TileAnswer[] = [];
      let checked = 0;
      for (const [k, tile] of plan.entries()) {
        const r = tile.rect;
        const a = ahead[k];
        const weight = a
          ? a.masks.weight
          : (() => {
              const cut = tileCut({ working, unknownMap }, canvas.width, tile, 24);
              return tileBlendWeight(cut.unknown, r.width, r.height, 24, cut.windows);
            })();
        const copy = aheadCopy(a);
        if (a && copy) {
          const { width: tw, height: th, unknown } = a.small;
          const earlierSent = waits[k].map((j) => sent[j]);
          const earlier = waits[k].map((j) => answers[j]);
          // Stopped at once (the answers came first): nothing written, nothing to fill again.
          const untouched = new Uint8Array(copy);
          expect(await fillAhead(a, working, canvas.width, r, earlierSent, copy, () => true)).toBeUndefined();
          expect(Buffer.from(copy).equals(Buffer.from(untouched))).toBe(true);
          // Stopped after its first step: the stand-ins written, no fill yet.
          let asked = 0;
          expect(await fillAhead(a, working, canvas.width, r, earlierSent, copy, () => ++asked > 1)).toBeUndefined();
          const standIns = chainedFromAnswers(a, working, canvas.width, r, earlierSent);
          expect(Buffer.from(copy).equals(Buffer.from(standIns.rgba))).toBe(true);
          // Before the canvas is rendered: the stand-ins taken whole where their weight is partial,
          // the same elsewhere (at most a band of the feather's width; here the earlier weights are
          // whole wherever they reach this tile's request pixels).
          const noCanvas = chainedFromAnswers(a, null, canvas.width, r, earlierSent);
          let partial = 0;
          let same = 0;
          for (let i = 0; i < tw * th * 4; i += 4) {
            if (noCanvas.rgba[i] === standIns.rgba[i] && noCanvas.rgba[i + 1] === standIns.rgba[i + 1]) same++;
            else partial++;
          }
          expect(partial / (partial + same)).toBeLessThan(0.1);
          const refill = (await fillAhead(a, k % 2 ? null : working, canvas.width, r, earlierSent, copy))!;
          expect(refill).toBeTruthy();
          const madeAhead = new Uint8Array(copy);
          // The answers come: written over the stand-ins, then the band filled again.
          const got = chainedFromAnswers(a, working, canvas.width, r, earlier, copy);
          expect(got.rgba).toBe(copy);
          const unfilled = new Uint8Array(got.rgba);
          await refillWindow(got.rgba, tw, refill, smooth);
          // The whole pre-fill made after the answers (the way before).
          const whole = chainedFromAnswers(a, working, canvas.width, r, earlier);
          pushPullFill(whole.rgba, unknown, tw, th, whole.rgba);

          const { x0, y0, x1, y1 } = refill.window;
          const inBand = (x: number, y: number) =>
            x >= x0 && x < x1 && y >= y0 && y < y1 && refill.band[(y - y0) * (x1 - x0) + (x - x0)] === 1;
          const diff = (p: Uint8Array, i: number, q: Uint8Array, j: number) =>
            (Math.abs(p[i * 4] - q[j * 4]) + Math.abs(p[i * 4 + 1] - q[j * 4 + 1]) + Math.abs(p[i * 4 + 2] - q[j * 4 + 2])) / 3;
          let edge = 0;
          let edgeSum = 0;
          let aheadOff = 0;
          let gotOff = 0;
          let seam = 0;
          let seamSum = 0;
          // Counted here and asserted once after the loop (an expect per pixel took most of a minute).
          let knownOff = 0;
          let beyondOff = 0;
          for (let y = 0; y < th; y++)
            for (let x = 0; x < tw; x++) {
              const i = y * tw + x;
              if (!unknown[i]) {
                // Known: the answers' pixels, as the whole way has them.
                if (diff(got.rgba, i, whole.rgba, i) !== 0) knownOff++;
                continue;
              }
              // Beyond the band: the fill made ahead, untouched by the answers.
              if (!inBand(x, y) && diff(got.rgba, i, madeAhead, i) !== 0) beyondOff++;
              const around = [x > 0 ? i - 1 : -1, y > 0 ? i - tw : -1, x + 1 < tw ? i + 1 : -1, y + 1 < th ? i + tw : -1];
              // Next to a known pixel: as close to it as the whole pre-fill is.
              for (const j of around)
                if (j >= 0 && !unknown[j]) {
                  edge++;
                  edgeSum += Math.abs(diff(got.rgba, i, got.rgba, j) - diff(whole.rgba, i, whole.rgba, j));
                  aheadOff += diff(unfilled, i, whole.rgba, i);
                  gotOff += diff(got.rgba, i, whole.rgba, i);
                }
              // Where the band meets the fill made ahead: no step.
              for (const j of around)
                if (j >= 0 && unknown[j] && inBand(x, y) && !inBand(j % tw, Math.floor(j / tw))) {
                  seam++;
                  seamSum += diff(got.rgba, i, got.rgba, j);
                }
            }
          expect(knownOff).toBe(0);
          expect(beyondOff).toBe(0);
          expect(edge).toBeGreaterThan(0);
          expect(seam).toBeGreaterThan(0);
          // Next to the answers the fill made ahead was off (the stand-ins were other pixels); filled
          // again it is as the whole pre-fill made after them (measured: 1.8–82 levels off before,
          // 0.3–0.9 after; steps to the neighbours within 0.3–0.75 levels of the whole fill's).
          expect(gotOff / edge).toBeLessThan(1.5);
          expect(gotOff).toBeLessThan(aheadOff / 3);
          expect(edgeSum / edge).toBeLessThan(2);
          // Where the band meets the fill made ahead: a step of 0.9–3.3 levels on average (a smooth
          // fill's own steps are under one; the photo's edge against any pre-fill, tens).
          expect(seamSum / seam).toBeLessThan(5);
          checked++;
        }
        // What this tile was sent and what it answered: two different photos.
        sent[k] = { ...(await photoAt('coffee.png', tile, 0)), rect: r, weight };
        answers[k] = { ...(await photoAt('building.jpg', tile, 120)), rect: r, weight };
      }
      expect(checked).toBeGreaterThan(0);
    });

  it('the band reaches as far as REFILL_REACH past the known pixels, not the whole unknown part', () => {
    const w = 3312;
    const h = 1104;
    const unknown = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) unknown.fill(1, y * w + 828, (y + 1) * w);
    const plan = refillPlan(unknown, w, h, REFILL_REACH)!;
    // The band ends within a block of the reach; the window a reach past it on both sides.
    expect(plan.window.x0).toBe(828 - 12 - REFILL_REACH);
    expect(plan.window.x1).toBeLessThanOrEqual(828 + 2 * REFILL_REACH + 2 * 16);
    expect(plan.window.x1 - plan.window.x0).toBeLessThan(w / 6);
  });
});

describe('chainedFromAnswers without the canvas', () => {
  it('takes the first answer whole where its weight is partial, and blends later ones by weight', () => {
    // A 4×1 tile at a 4×1 request (its own size would be cut from the canvas: an ahead colour stands in).
    const r = { x: 0, y: 0, width: 8, height: 2 };
    const ahead = {
      masks: { windows: [], weight: new Uint8Array(0) },
      small: { width: 4, height: 1, rgba: new Uint8Array(16), unknown: new Uint8Array(4), ask: new Uint8Array(4) },
      requestMask: new Uint8Array(4),
      changed: [{ x0: 0, y0: 0, x1: 8, y1: 2 }],
    };
    const flat = (v: number) => new Uint8Array(4 * 4).map((_, i) => (i % 4 === 3 ? 255 : v));
    const weight = new Uint8Array(16).fill(128);
    const one = { width: 4, height: 1, rgba: flat(200), rect: r, weight };
    const canvas = new Uint8Array(8 * 2 * 4).fill(0);
    const withCanvas = chainedFromAnswers(ahead as never, canvas, 8, r, [one]);
    const without = chainedFromAnswers(ahead as never, null, 8, r, [one]);
    // With the canvas: half of 200 over black; without: the answer whole.
    expect(withCanvas.rgba[0]).toBe(100);
    expect(without.rgba[0]).toBe(200);
    const two = { ...one, rgba: flat(0) };
    expect(chainedFromAnswers(ahead as never, null, 8, r, [one, two]).rgba[0]).toBe(100);
    // At the request's own size there is no ahead colour: it needs the canvas.
    expect(() => chainedFromAnswers({ ...ahead, small: { ...ahead.small, rgba: new Uint8Array(0) } } as never, null, 8, r, [one])).toThrow(
      /canvas/,
    );
  });
});

describe('ChainCopies', () => {
  it('hands each copy over once, refuses one made after its tile took its own, and says when a fill may still write', async () => {
    const { ChainCopies } = await import('../../../electron/main/edit/chain-copies');
    const copies = new ChainCopies();
    const a = new Uint8Array(4);
    expect(copies.offer(2, a)).toBe(true);
    expect(copies.holds(2, a)).toBe(true);
    const refill = { window: { x0: 0, y0: 0, x1: 1, y1: 1 }, band: new Uint8Array(1) };
    copies.filled(2, refill);
    expect(copies.take(2)).toEqual({ copy: a, refill });
    // Taken: no fill writes into it any more, and nothing is handed over twice.
    expect(copies.holds(2, a)).toBe(false);
    expect(copies.take(2)).toEqual({ copy: undefined, refill: undefined });
    // A tile that took its request buffer first gets no copy later.
    expect(copies.offer(2, new Uint8Array(4))).toBe(false);
    // Prepared: offered with its refill.
    const b = new Uint8Array(4);
    expect(copies.offer(3, b, null)).toBe(true);
    expect(copies.take(3)).toEqual({ copy: b, refill: null });
  });
});
