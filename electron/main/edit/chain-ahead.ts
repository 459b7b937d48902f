/**
 * A tile that overlaps earlier tiles is made of their answers, so its request cannot be made before
 * they are in. Everything else about it can (issue 16): its masks at its turn (they follow from the
 * plan: shared/pixels/outpaint-turns.ts), those masks at the request size, the request mask in its
 * wire form, and the tile's colour at the request size from the canvas before any tile was blended.
 * When its turn comes only the parts the earlier blends changed are scaled again — libvips computes
 * a resize's extract alone, with the values of the whole resize — so the request is the same bytes
 * without cutting and scaling a whole tile (a 7200×4800 tile's crop, masks and scale took 0.6–3 s).
 */
import sharp from 'sharp';
import { tileWaits, type OutpaintTile } from '../../../shared/geometry';
import type { Window } from '../../../shared/pixels/box-filter';
import { tileTurns, type TileTurn } from '../../../shared/pixels/outpaint-turns';
import { tileView } from '../../../shared/pixels/outpaint-masks';
import type { WorkingCanvas } from './outpaint-prepare';
import type { Size } from './provider-image';
import { scaleRequestMask } from './request-pixels';
import { rowBands, SCALE_PIPELINES, scaledReach, tileAtSize } from './tile-scale';
import type { TilePixels } from './outpaint-tile-steps';
import type { DecodedAnswer } from './tile-scale';
import { FORCE_GENERAL, oneAnswer, sampleAxis } from './answer-sampling';
import type { PixelLease } from './pixel-pool';

/** What a chained tile needs that does not depend on the earlier tiles' answers. */
export interface ChainedAhead {
  /**
   * Its windows and blend weight at its turn (tile coordinates). Its full-size ask mask is not kept:
   * the request is made from the ask at the request size (`small.ask`, the request mask).
   */
  masks: { windows: Window[]; weight: Uint8Array };
  /** At the request size: the colour before any tile (RGBA, read only), the unknown map and the ask mask. */
  small: TilePixels;
  /** The request mask (`scaleRequestMask` of the small ask), its wire form made. */
  requestMask: Uint8Array;
  /** Where the earlier tiles' blends can change its pixels (tile coordinates). */
  changed: Window[];
}

/**
 * The chained tiles' ahead parts (undefined for a tile that waits for none) from `canvas` before any
 * blend. `prepareMask`: the provider's wire mask, made for each request mask. Aborted through
 * `signal`: nothing is made (an empty list) once it is.
 */
export async function prepareChained(
  canvas: WorkingCanvas,
  canvasWidth: number,
  tiles: readonly OutpaintTile[],
  featherPx: number,
  prepareMask: (mask: Uint8Array, size: Size) => Promise<void>,
  signal?: AbortSignal,
): Promise<(ChainedAhead | undefined)[]> {
  const waits = tileWaits(tiles);
  const chained = waits.map((w) => w.length > 0);
  const turns = tileTurns(
    canvas.unknownMap,
    canvasWidth,
    tiles.map((t) => t.rect),
    featherPx,
    chained,
  );
  const out: (ChainedAhead | undefined)[] = [];
  for (const [k, tile] of tiles.entries()) {
    if (signal?.aborted) return [];
    const turn = turns[k];
    if (!chained[k] || !('ask' in turn)) {
      out.push(undefined);
      continue;
    }
    const r = tile.rect;
    const { rgba } = tileView(canvas.working, canvas.unknownMap, canvasWidth, r);
    const p: TilePixels = { width: r.width, height: r.height, rgba, unknown: turn.unknown, ask: turn.ask, windows: turn.windows };
    const scaled = await tileAtSize(p, tile.request);
    // At the request's size already: the colour is the tile's own at its turn (nothing to keep ahead).
    const small = scaled === p ? { ...p, rgba: new Uint8Array(0) } : scaled;
    const requestMask = await scaleRequestMask(small.ask, { x: r.x, y: r.y, width: small.width, height: small.height }, tile.request);
    await prepareMask(requestMask, tile.request);
    const changed = waits[k].flatMap((j) => shifted(turns[j].windows, tiles[j].rect, r));
    out.push({ masks: maskOf(turn), small, requestMask, changed });
  }
  return out;
}

const maskOf = (t: TileTurn) => ({ windows: t.windows, weight: t.weight });

/** The bytes the ahead parts hold (a preparation keeps them only up to a budget). */
export function chainedBytes(parts: readonly (ChainedAhead | undefined)[]): number {
  let n = 0;
  for (const a of parts)
    if (a) n += a.masks.weight.byteLength + a.small.rgba.byteLength + a.small.unknown.byteLength + a.small.ask.byteLength;
  return n;
}

/** Windows of the tile at `from` in the coordinates of the tile at `to`, clipped to it. */
function shifted(
  windows: readonly Window[],
  from: { x: number; y: number },
  to: { x: number; y: number; width: number; height: number },
): Window[] {
  const dx = from.x - to.x;
  const dy = from.y - to.y;
  return windows.flatMap((w) => {
    const x0 = Math.max(0, w.x0 + dx);
    const y0 = Math.max(0, w.y0 + dy);
    const x1 = Math.min(to.width, w.x1 + dx);
    const y1 = Math.min(to.height, w.y1 + dy);
    return x1 > x0 && y1 > y0 ? [{ x0, y0, x1, y1 }] : [];
  });
}

/**
 * The chained tile `r` at its request size at its turn, read from the canvas as it is now (after the
 * earlier blends; RGBA, `canvasWidth` wide). Scaled again only inside the changed windows, padded by
 * the kernel's reach: libvips cuts the tile out of the canvas, scales it and keeps the window, reading
 * only the pixels those need — the tile is never copied out (a fresh 14 MB tile costs ≈ 40–80 ms in
 * page faults alone). The result's RGBA is the caller's own. `copy`: a copy of the ahead colour made
 * earlier (aheadCopy), written into and returned — no fresh buffer after the answers.
 */
export async function chainedAtRequest(
  ahead: ChainedAhead,
  canvas: Uint8Array,
  canvasWidth: number,
  r: { x: number; y: number; width: number; height: number },
  copy?: Uint8Array,
): Promise<TilePixels> {
  const { small } = ahead;
  const from = { width: r.width, height: r.height };
  if (small.width === from.width && small.height === from.height) return { ...small, rgba: copyRect(canvas, canvasWidth, r) };
  const to = { width: small.width, height: small.height };
  const out = startFrom(small.rgba, copy);
  const rows = canvas.length / (canvasWidth * 4);
  // In bands of rows when there are fewer windows than cores (one libvips thread per pipeline).
  const reach = ahead.changed.map((win) => {
    const { x0, y0, w, h } = scaledReach(win, from, to);
    return { x0, y0, x1: x0 + w, y1: y0 + h };
  });
  await Promise.all(
    rowBands(reach, SCALE_PIPELINES).map(async (band) => {
      const { x0, y0 } = band;
      const w = band.x1 - x0;
      const h = band.y1 - y0;
      const part = await sharp(canvas, { raw: { width: canvasWidth, height: rows, channels: 4 } })
        .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
        .resize(to.width, to.height, { fit: 'fill', kernel: 'linear' })
        .extract({ left: x0, top: y0, width: w, height: h })
        .raw()
        .toBuffer();
      for (let y = 0; y < h; y++) out.set(part.subarray(y * w * 4, (y + 1) * w * 4), ((y0 + y) * to.width + x0) * 4);
    }),
  );
  return { ...small, rgba: out };
}

/** An earlier tile's answer as a chained tile's request reads it: decoded at its request size, with its rect and blend weight. */
export interface TileAnswer extends DecodedAnswer {
  rect: { x: number; y: number; width: number; height: number };
  /** Its blend weight (its rect's size): what of the answer the canvas will take, pixel by pixel. */
  weight: Uint8Array;
}

/**
 * The chained tile `r` at its request size at its turn, made from the earlier tiles' answers as they
 * came (`answers`: every tile it waits for, in blend order) instead of from the canvas after their
 * blends: those blends — the answers scaled to full size, then blended — are off the critical path
 * (the job runs them while this tile is with the model) and this request is out a decode later.
 * Inside the changed windows each request pixel is the blend, at the full-size point under its
 * centre, of the canvas there (read before any of those blends: the job holds them back until this
 * request is made) and each answer sampled bilinearly at that point, with that tile's weight there.
 * Elsewhere it is the ahead colour. Not the bytes the canvas's linear downscale gives (that averages
 * the lanczos-enlarged answer again), but within a few levels of them (chain-ahead tests): a model's
 * context, not a document's pixels. The result's RGBA is the caller's own. `copy`: as for
 * chainedAtRequest. `canvas` null (stand-ins for the answers, before the canvas is rendered: see
 * chain-fill-ahead.ts): where the first answer's weight is partial it is taken whole.
 */
export function chainedFromAnswers(
  ahead: ChainedAhead,
  canvas: Uint8Array | null,
  canvasWidth: number,
  r: { x: number; y: number; width: number; height: number },
  answers: readonly TileAnswer[],
  copy?: Uint8Array,
): TilePixels {
  const { small } = ahead;
  const tw = small.width;
  const th = small.height;
  // At the request's size already the ahead colour is empty: the canvas is cut as chainedAtRequest does.
  if (!small.rgba.length && !canvas) throw new RangeError('chained tile at its request size: made from the canvas');
  const out = small.rgba.length ? startFrom(small.rgba, copy) : copyRect(canvas!, canvasWidth, r);
  const sx = r.width / tw;
  const sy = r.height / th;
  for (const win of ahead.changed) {
    // The request pixels whose centre's nearest full-size pixel lies in the window.
    const u0 = Math.max(0, Math.floor((win.x0 - 0.5) / sx - 0.5));
    const u1 = Math.min(tw, Math.ceil((win.x1 + 0.5) / sx + 0.5));
    const v0 = Math.max(0, Math.floor((win.y0 - 0.5) / sy - 0.5));
    const v1 = Math.min(th, Math.ceil((win.y1 + 0.5) / sy + 0.5));
    if (u1 <= u0 || v1 <= v0) continue;
    // Where each column and each row of the window samples the canvas and every answer, worked out
    // once per window instead of per pixel (the same values: each depends on u or on v alone).
    const cols = sampleAxis(u0, u1, r.x, r.width, sx, answers, (a) => [a.rect.x, a.rect.width, a.width]);
    const rows = sampleAxis(v0, v1, r.y, r.height, sy, answers, (a) => [a.rect.y, a.rect.height, a.height]);
    if (answers.length === 1 && !FORCE_GENERAL.on) {
      oneAnswer(out, tw, { u0, u1, v0, v1 }, cols, rows, answers[0], canvas, canvasWidth);
      continue;
    }
    for (let v = v0; v < v1; v++) {
      const yv = v - v0;
      const yi = rows.full[yv];
      for (let u = u0; u < u1; u++) {
        const xu = u - u0;
        const xi = cols.full[xu];
        let touched = false;
        let cr = 0;
        let cg = 0;
        let cb = 0;
        for (let n = 0; n < answers.length; n++) {
          const a = answers[n];
          const ax = xi - a.rect.x;
          const ay = yi - a.rect.y;
          if (ax < 0 || ay < 0 || ax >= a.rect.width || ay >= a.rect.height) continue;
          const w = a.weight[ay * a.rect.width + ax];
          if (!w) continue;
          // Without the canvas the first answer is taken whole where it touches.
          const k = touched || canvas ? w / 255 : 1;
          if (!touched && w < 255 && canvas) {
            const q = (yi * canvasWidth + xi) * 4;
            cr = canvas[q];
            cg = canvas[q + 1];
            cb = canvas[q + 2];
          }
          touched = true;
          // The answer at the same point (pixel centres aligned), bilinear.
          const c = cols.at[n];
          const R = rows.at[n];
          const x0 = c.i0[xu];
          const x1 = c.i1[xu];
          const tx = c.t[xu];
          const row0 = R.i0[yv] * a.width;
          const row1 = R.i1[yv] * a.width;
          const ty = R.t[yv];
          const p00 = (row0 + x0) * 4;
          const p01 = (row0 + x1) * 4;
          const p10 = (row1 + x0) * 4;
          const p11 = (row1 + x1) * 4;
          const px = a.rgba;
          let t = px[p00] + (px[p01] - px[p00]) * tx;
          cr += (t + (px[p10] + (px[p11] - px[p10]) * tx - t) * ty - cr) * k;
          t = px[p00 + 1] + (px[p01 + 1] - px[p00 + 1]) * tx;
          cg += (t + (px[p10 + 1] + (px[p11 + 1] - px[p10 + 1]) * tx - t) * ty - cg) * k;
          t = px[p00 + 2] + (px[p01 + 2] - px[p00 + 2]) * tx;
          cb += (t + (px[p10 + 2] + (px[p11 + 2] - px[p10 + 2]) * tx - t) * ty - cb) * k;
        }
        if (!touched) continue;
        const o = (v * tw + u) * 4;
        out[o] = Math.round(cr);
        out[o + 1] = Math.round(cg);
        out[o + 2] = Math.round(cb);
        out[o + 3] = 255;
      }
    }
  }
  return { ...small, rgba: out };
}

/**
 * A copy of a chained tile's ahead colour, to be made while the model works: the request is written
 * into it once the answers are in. A fresh buffer of a request's size (15 MB for 3312×1104) costs
 * ≈ 45–50 ms here in page faults and zeroing alone, against < 1 ms to write into one already touched
 * — made after the answers, that was most of the step. Undefined when the tile has no ahead colour
 * (at its request's size already: it is cut from the canvas). With `lease`, in one of the job's pooled
 * buffers (pixel-pool.ts): a job that reran the outpaint before touched it already.
 */
export function aheadCopy(ahead: ChainedAhead | undefined, lease?: PixelLease): Uint8Array | undefined {
  if (!ahead?.small.rgba.length) return undefined;
  return lease ? lease.copyOf(ahead.small.rgba) : new Uint8Array(ahead.small.rgba);
}

/** The request's start: the ahead copy made earlier when there is one of the right size, else a fresh copy. */
function startFrom(colour: Uint8Array, copy: Uint8Array | undefined): Uint8Array {
  return copy && copy.length === colour.length ? copy : new Uint8Array(colour);
}

function copyRect(canvas: Uint8Array, canvasWidth: number, r: { x: number; y: number; width: number; height: number }): Uint8Array {
  const rgba = new Uint8Array(r.width * r.height * 4);
  for (let y = 0; y < r.height; y++)
    rgba.set(canvas.subarray(((r.y + y) * canvasWidth + r.x) * 4, ((r.y + y) * canvasWidth + r.x + r.width) * 4), y * r.width * 4);
  return rgba;
}
