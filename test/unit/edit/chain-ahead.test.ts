/**
 * A chained outpaint tile made mostly ahead (electron/main/edit/chain-ahead.ts) is the tile the job
 * would cut and scale at its turn: the same masks, the same pixels at the request size, the same
 * request mask — on layouts that shrink, enlarge and keep the tile's size, after a real blend of the
 * earlier tile's answer.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { tileWaits, type OutpaintTile } from '../../../shared/geometry';
import { blendTile, tileBlendWeight } from '../../../shared/pixels/outpaint-masks';
import { tileTurns } from '../../../shared/pixels/outpaint-turns';
import { aheadCopy, chainedAtRequest, chainedFromAnswers, prepareChained, type TileAnswer } from '../../../electron/main/edit/chain-ahead';
import { FORCE_GENERAL } from '../../../electron/main/edit/answer-sampling';
import { CHAINED_LAYOUTS, outpaintLayout as layout, PHOTOS } from '../../support/outpaint-layout';
import { tileCut } from '../../../electron/main/edit/outpaint-prepare';
import { scaleTileWindows, tileAtSize } from '../../../electron/main/edit/tile-scale';
import { scaleRequestMask } from '../../../electron/main/edit/request-pixels';

/** A stand-in answer that depends on every pixel the tile read: a pattern keyed by a hash of its input. */
function answerOf(input: Uint8Array, tile: OutpaintTile, k: number): Uint8Array {
  let h = 2166136261;
  for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input[i], 16777619);
  return answer(tile, ((h >>> 0) % 251) + k);
}

/** A stand-in answer for a tile: a pattern that differs from the photo everywhere. */
function answer(tile: OutpaintTile, seed: number): Uint8Array {
  const { width, height } = tile.rect;
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    out[i * 4] = (i * 7 + seed) & 255;
    out[i * 4 + 1] = ((i >> 5) * 13 + seed) & 255;
    out[i * 4 + 2] = (i % width) & 255;
    out[i * 4 + 3] = 255;
  }
  return out;
}

const CASES = CHAINED_LAYOUTS;

describe('chained tiles made ahead', () => {
  for (const c of CASES)
    it(`${c.name}: the same masks, pixels at the request size and request mask as cut and scaled at its turn`, async () => {
      const { canvas, plan, working, unknownMap } = await layout(c.model, c.photo, c.pad, 'size' in c ? c.size : undefined);
      const waits = tileWaits(plan);
      expect(waits.some((w) => w.length > 0)).toBe(true);
      const wires: number[] = [];
      const ahead = await prepareChained({ working, unknownMap }, canvas.width, plan, 24, async (m) => void wires.push(m.length));
      expect(wires).toHaveLength(waits.filter((w) => w.length).length);
      for (const [k, tile] of plan.entries()) {
        const r = tile.rect;
        const cut = tileCut({ working, unknownMap }, canvas.width, tile, 24);
        const a = ahead[k];
        if (waits[k].length) {
          // The job's way: the live canvas cut and scaled now.
          expect(a).toBeDefined();
          const weight = tileBlendWeight(cut.unknown, r.width, r.height, 24, cut.windows);
          expect(a!.masks.windows).toEqual(cut.windows);
          expect(Buffer.from(a!.masks.weight).equals(Buffer.from(weight))).toBe(true);
          const small = await tileAtSize({ width: r.width, height: r.height, ...cut }, tile.request);
          const made = await chainedAtRequest(a!, working, canvas.width, r);
          expect([made.width, made.height]).toEqual([small.width, small.height]);
          expect(Buffer.from(made.rgba).equals(Buffer.from(small.rgba))).toBe(true);
          expect(Buffer.from(made.unknown).equals(Buffer.from(small.unknown))).toBe(true);
          expect(Buffer.from(made.ask).equals(Buffer.from(small.ask))).toBe(true);
          // Into a copy of the ahead colour made earlier (the job makes it while the model works):
          // the same bytes, written into that copy, the ahead colour itself untouched.
          const before = Buffer.from(a!.small.rgba);
          // (At the request's size already there is no ahead colour to copy: the tile is cut from the canvas.)
          const copy = aheadCopy(a);
          expect(copy === undefined).toBe(a!.small.rgba.length === 0);
          const into = await chainedAtRequest(a!, working, canvas.width, r, copy);
          if (copy) expect(into.rgba).toBe(copy);
          expect(Buffer.from(into.rgba).equals(Buffer.from(small.rgba))).toBe(true);
          expect(before.equals(Buffer.from(a!.small.rgba))).toBe(true);
          const mask = await scaleRequestMask(small.ask, { x: r.x, y: r.y, width: small.width, height: small.height }, tile.request);
          expect(Buffer.from(a!.requestMask).equals(Buffer.from(mask))).toBe(true);
        } else expect(a).toBeUndefined();
        // This tile's answer goes in as the job blends it.
        const weight = tileBlendWeight(cut.unknown, r.width, r.height, 24, cut.windows);
        blendTile(working, unknownMap, canvas.width, r, answer(tile, k * 31 + 5), weight, cut.windows, 0);
      }
    });

  // The job's way with tiles side by side: a chained tile's request made from the earlier answers as
  // they came, their blends held back until it is made. Against the exact request (the canvas after
  // the blends, scaled): a photo-like answer of the request's size for every tile.
  for (const c of CASES)
    it(`${c.name}: made from the earlier answers, the request is within a few levels of the one made after their blends`, async () => {
      const exact = await layout(c.model, c.photo, c.pad, 'size' in c ? c.size : undefined);
      const lagging = await layout(c.model, c.photo, c.pad, 'size' in c ? c.size : undefined);
      const { canvas, plan } = exact;
      const waits = tileWaits(plan);
      const dependents = plan.map((_, j) => waits.flatMap((w, k) => (w.includes(j) ? [k] : [])));
      const ahead = await prepareChained(exact, canvas.width, plan, 24, async () => {});
      const answers: TileAnswer[] = [];
      const generated: Awaited<ReturnType<typeof scaleTileWindows>>[] = [];
      const applied = new Set<number>();
      let compared = 0;
      for (const [k, tile] of plan.entries()) {
        const r = tile.rect;
        const a = ahead[k];
        const cut = tileCut(exact, canvas.width, tile, 24);
        const weight = a ? a.masks.weight : tileBlendWeight(cut.unknown, r.width, r.height, 24, cut.windows);
        if (a) {
          const want = await chainedAtRequest(a, exact.working, canvas.width, r);
          const got = chainedFromAnswers(
            a,
            lagging.working,
            canvas.width,
            r,
            waits[k].map((j) => answers[j]),
          );
          expect(Buffer.from(got.unknown).equals(Buffer.from(want.unknown))).toBe(true);
          // A tile made of one answer goes through its own loop: the general loop's bytes.
          FORCE_GENERAL.on = true;
          const general = chainedFromAnswers(
            a,
            lagging.working,
            canvas.width,
            r,
            waits[k].map((j) => answers[j]),
          );
          FORCE_GENERAL.on = false;
          expect(Buffer.from(general.rgba).equals(Buffer.from(got.rgba))).toBe(true);
          // The same request written into a copy made ahead; a copy of another size is not used.
          const copy = aheadCopy(a) ?? new Uint8Array(got.rgba.length);
          const inCopy = chainedFromAnswers(
            a,
            lagging.working,
            canvas.width,
            r,
            waits[k].map((j) => answers[j]),
            copy,
          );
          // At the request's size already the tile is cut from the canvas: no copy is written into.
          if (a.small.rgba.length) expect(inCopy.rgba).toBe(copy);
          else expect(inCopy.rgba).not.toBe(copy);
          expect(Buffer.from(inCopy.rgba).equals(Buffer.from(got.rgba))).toBe(true);
          const short = new Uint8Array(copy.length - 4);
          const fresh = chainedFromAnswers(
            a,
            lagging.working,
            canvas.width,
            r,
            waits[k].map((j) => answers[j]),
            short,
          );
          expect(fresh.rgba).not.toBe(short);
          expect(Buffer.from(fresh.rgba).equals(Buffer.from(got.rgba))).toBe(true);
          expect(Buffer.from(got.ask).equals(Buffer.from(want.ask))).toBe(true);
          let sum = 0;
          let big = 0;
          const n = got.width * got.height;
          for (let i = 0; i < n; i++) {
            if (got.unknown[i]) continue; // pre-filled over before it is sent
            for (let ch = 0; ch < 3; ch++) {
              const d = Math.abs(got.rgba[i * 4 + ch] - want.rgba[i * 4 + ch]);
              sum += d;
              if (d > 24) big++;
            }
          }
          // Mean 0–0.9 levels, 0–0.02 % of values off by more than 24 when measured (2026-12-03).
          expect(sum / (3 * n)).toBeLessThan(2);
          expect(big / (3 * n)).toBeLessThan(0.001);
          compared++;
        }
        // This tile's answer, as a model gives it: a photo at its request size, a tint per tile.
        const px = await sharp(join(PHOTOS, k % 2 ? 'building.jpg' : 'coffee.png'))
          .resize(tile.request.width, tile.request.height, { fit: 'fill' })
          .ensureAlpha()
          .raw()
          .toBuffer();
        const decoded = { width: tile.request.width, height: tile.request.height, rgba: new Uint8Array(px) };
        answers[k] = { ...decoded, rect: r, weight };
        const windows = a ? a.masks.windows : cut.windows;
        generated[k] = await scaleTileWindows(decoded, { width: r.width, height: r.height }, windows, 'Test', tile.request);
        blendTile(exact.working, exact.unknownMap, canvas.width, r, generated[k], weight, windows, 0);
        // The lagging canvas takes a blend once every tile made of that answer has been made, and
        // after the blends of the tiles it waits for (as the job holds them).
        for (let more = true; more; ) {
          more = false;
          for (const [j, t] of plan.entries())
            if (j <= k && !applied.has(j) && dependents[j].every((d) => d <= k) && waits[j].every((w) => applied.has(w))) {
              applied.add(j);
              more = true;
              const w = ahead[j] ? ahead[j]!.masks.windows : tileCut(lagging, canvas.width, t, 24).windows;
              blendTile(lagging.working, lagging.unknownMap, canvas.width, t.rect, generated[j], answers[j].weight, w, 0);
            }
        }
      }
      expect(compared).toBeGreaterThan(0);
      // Held back and blended later, the canvas comes out the same.
      expect(Buffer.from(lagging.working).equals(Buffer.from(exact.working))).toBe(true);
    });

  it('a cancelled job or preparation makes nothing ahead (and no wire mask)', async () => {
    const { canvas, plan, working, unknownMap } = await layout(
      'gpt-image-2',
      { width: 360, height: 640 },
      { x: 0, y: 0 },
      { width: 1500, height: 640 },
    );
    const stop = new AbortController();
    stop.abort();
    const wires: number[] = [];
    expect(
      await prepareChained({ working, unknownMap }, canvas.width, plan, 24, async (m) => void wires.push(m.length), stop.signal),
    ).toEqual([]);
    expect(wires).toEqual([]);
  });

  it('the turns follow the blends: each tile meets the unknown map its earlier tiles left', async () => {
    const { canvas, plan, working, unknownMap } = await layout('gpt-image-2', { width: 2000, height: 1000 }, { x: 1000, y: 0 });
    const before = unknownMap.slice();
    const turns = tileTurns(
      unknownMap,
      canvas.width,
      plan.map((t) => t.rect),
      24,
    );
    expect(Buffer.from(unknownMap).equals(Buffer.from(before))).toBe(true);
    for (const [k, tile] of plan.entries()) {
      const cut = tileCut({ working, unknownMap }, canvas.width, tile, 24);
      const turn = turns[k] as { unknown: Uint8Array };
      expect(Buffer.from(turn.unknown).equals(Buffer.from(cut.unknown))).toBe(true);
      const weight = tileBlendWeight(cut.unknown, tile.rect.width, tile.rect.height, 24, cut.windows);
      blendTile(working, unknownMap, canvas.width, tile.rect, answer(tile, k), weight, cut.windows, 0);
    }
  });

  // Tiles wait only for tiles that write where they read (tile-order.ts): those that do not wait for
  // each other may run in any order — the canvas comes out the same to the byte.
  const ORDERS = [
    {
      name: '256² to 8:1 around the centre (gpt-image-2: the two sides apart)',
      model: 'gpt-image-2',
      photo: { width: 256, height: 256 },
      pad: { x: 896, y: 0 },
    },
    {
      name: '1000×600 to 4:1 around the centre (gpt-image-2)',
      model: 'gpt-image-2',
      photo: { width: 1000, height: 600 },
      pad: { x: 700, y: 0 },
    },
    {
      name: '640×427 to 9:16 around the centre (gpt-image-1.5)',
      model: 'gpt-image-1.5',
      photo: { width: 640, height: 427 },
      pad: { x: 0, y: 356 },
    },
  ];
  for (const c of ORDERS)
    it(`${c.name}: tiles that do not wait for each other give the same canvas in either order`, async () => {
      const first = await layout(c.model, c.photo, c.pad);
      const waits = tileWaits(first.plan);
      const apart = waits.flatMap((w, k) => first.plan.slice(0, k).flatMap((_, j) => (w.includes(j) ? [] : [[j, k]])));
      expect(apart.length).toBeGreaterThan(0);
      // Plan order, and the order that runs every tile as late as its waits allow from the end.
      const late: number[] = [];
      const placed = new Set<number>();
      while (late.length < first.plan.length)
        for (let k = first.plan.length - 1; k >= 0; k--)
          if (!placed.has(k) && waits[k].every((j) => placed.has(j))) {
            late.push(k);
            placed.add(k);
            break;
          }
      expect(late).not.toEqual(first.plan.map((_, k) => k));
      const second = await layout(c.model, c.photo, c.pad);
      for (const [order, l] of [
        [first.plan.map((_, k) => k), first],
        [late, second],
      ] as const)
        for (const k of order) {
          const tile = l.plan[k];
          const r = tile.rect;
          const cut = tileCut({ working: l.working, unknownMap: l.unknownMap }, l.canvas.width, tile, 24);
          const weight = tileBlendWeight(cut.unknown, r.width, r.height, 24, cut.windows);
          // Every pixel the blend changes is one the plan says the tile writes.
          let outside = 0;
          for (let y = 0; y < r.height; y++)
            for (let x = 0; x < r.width; x++)
              if (weight[y * r.width + x]) {
                const [X, Y] = [r.x + x, r.y + y];
                if (!tile.writes.some((w) => X >= w.x && X < w.x + w.width && Y >= w.y && Y < w.y + w.height)) outside++;
              }
          expect(outside).toBe(0);
          blendTile(l.working, l.unknownMap, l.canvas.width, r, answerOf(cut.rgba, tile, k), weight, cut.windows, 0);
        }
      expect(Buffer.from(second.working).equals(Buffer.from(first.working))).toBe(true);
      expect(Buffer.from(second.unknownMap).equals(Buffer.from(first.unknownMap))).toBe(true);
    });
});
