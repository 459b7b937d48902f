/**
 * A chained tile's pre-fill made while the earlier tiles are with the model (issue 16). Its request
 * is made of their answers, so its unknown part's smooth fill (push–pull, from every known pixel)
 * used to be made after they came — 60–90 ms of one thread between an answer and the next request.
 * Now the fill is made ahead from what those tiles were sent (their requests, decoded: the photo's
 * pixels and their own pre-fill, where their answers will be) into the tile's request copy
 * (`aheadCopy`); when the answers come only a band of the unknown part next to the known pixels is
 * filled again (`refillPlan`, `refillWindow`), from the answers on one side and the fill made ahead on the other.
 * Beyond the band the model's context is the smooth continuation of what the earlier tiles were
 * sent rather than of what they answered: a model's context, never the document's pixels (what is
 * kept is still the blend of the answers at full size).
 */
import { dilateSquare, type Window } from '../../../shared/pixels/box-filter';
import { pushPullFill } from '../../../shared/pixels/push-pull-fill';
import { chainedFromAnswers, type ChainedAhead, type TileAnswer } from './chain-ahead';

/**
 * How far (request pixels, a square's half side) from the known pixels the pre-fill is made again
 * once the answers are in: wide enough for the answers' colours to fade into the fill made ahead
 * without a visible step, a fifth or less of a chained tile's unknown width.
 */
export const REFILL_REACH = 128;

/**
 * What of a chained tile filled ahead is filled again once the answers are in: a window of the
 * request (the band's bounds, padded by the reach so the fill sees both sides) and, over that
 * window, the band itself (1 = fill again: unknown pixels near the known ones).
 */
export interface Refill {
  window: Window;
  band: Uint8Array;
}

/**
 * Fills `copy` (the tile's ahead copy, `aheadCopy(ahead)`) ahead: the earlier tiles' stand-ins
 * (`earlier`: their requests decoded, with their rects and blend weights, in blend order) where the
 * answers will go, then the smooth fill over the tile's unknown part. Returns what to fill again
 * once the answers are in ({@link refillPlan}; null: nothing unknown next to a known pixel), or
 * undefined when `stop` said so. `canvas`: the working canvas when it is rendered already, else
 * null (the stand-ins are then taken whole where their weight is partial). Only the pixels the answers are written over (`chainedFromAnswers`
 * writes the same ones) and the band change after this.
 *
 * In three steps of a few tens of milliseconds, the event loop served between them: an answer that
 * comes meanwhile is not held up behind the whole fill. `stop` is asked after each pause, before
 * anything is written: true (the answers are in, the copy was taken) ends it there — the copy then
 * holds stand-ins and part of a fill that the request made the whole way writes over.
 */
export async function fillAhead(
  ahead: ChainedAhead,
  canvas: Uint8Array | null,
  canvasWidth: number,
  r: { x: number; y: number; width: number; height: number },
  earlier: readonly TileAnswer[],
  copy: Uint8Array,
  stop: () => boolean = () => false,
): Promise<Refill | null | undefined> {
  const { width, height, unknown } = ahead.small;
  if (copy.length !== width * height * 4) throw new RangeError('fill ahead: the copy is not the tile at its request size');
  const plan = refillPlan(unknown, width, height, REFILL_REACH);
  if (!plan) return null;
  await pause();
  if (stop()) return undefined;
  chainedFromAnswers(ahead, canvas, canvasWidth, r, earlier, copy);
  await pause();
  if (stop()) return undefined;
  pushPullFill(copy, unknown, width, height, copy);
  return plan;
}

/** Lets the event loop serve what is waiting (an answer's bytes) before the next step. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The band's grain: blocks of this many pixels a side are near the known pixels or not as a whole. */
const BLOCK = 16;

/**
 * The unknown pixels (non-zero in `unknown`) near a known one — in a block of {@link BLOCK}² pixels
 * within `reach` (rounded up to whole blocks, Chebyshev) of a block holding a known pixel — and the
 * window to fill them in: their bounds padded by `reach`. Made on blocks, so one pass over the map
 * (a pixel-exact square dilation of a 3312×1104 map took ≈ 70 ms). Null when no unknown pixel is
 * near a known one (nothing known, or nothing unknown).
 */
export function refillPlan(unknown: Uint8Array, width: number, height: number, reach: number): Refill | null {
  const bw = Math.ceil(width / BLOCK);
  const bh = Math.ceil(height / BLOCK);
  // Per block: 1 = holds a known pixel, 2 = holds an unknown one (both bits when mixed).
  const kind = new Uint8Array(bw * bh);
  for (let y = 0; y < height; y++) {
    const row = (y / BLOCK) | 0;
    for (let x = 0, i = y * width; x < width; x++, i++) kind[row * bw + ((x / BLOCK) | 0)] |= unknown[i] ? 2 : 1;
  }
  // The blocks within reach of a known one (a square dilation of the known blocks).
  const known = new Uint8Array(bw * bh);
  for (let i = 0; i < known.length; i++) if (kind[i] & 1) known[i] = 255;
  const near = dilateSquare(known, bw, bh, Math.ceil(reach / BLOCK), { x0: 0, y0: 0, x1: bw, y1: bh });
  let X0 = bw;
  let Y0 = bh;
  let X1 = -1;
  let Y1 = -1;
  for (let Y = 0; Y < bh; Y++)
    for (let X = 0; X < bw; X++)
      if (near[Y * bw + X] && kind[Y * bw + X] & 2) {
        if (X < X0) X0 = X;
        if (X > X1) X1 = X;
        if (Y < Y0) Y0 = Y;
        if (Y > Y1) Y1 = Y;
      }
  if (X1 < 0) return null;
  const window = {
    x0: Math.max(0, X0 * BLOCK - reach),
    y0: Math.max(0, Y0 * BLOCK - reach),
    x1: Math.min(width, (X1 + 1) * BLOCK + reach),
    y1: Math.min(height, (Y1 + 1) * BLOCK + reach),
  };
  const ww = window.x1 - window.x0;
  const band = new Uint8Array(ww * (window.y1 - window.y0));
  for (let y = window.y0; y < window.y1; y++) {
    const row = ((y / BLOCK) | 0) * bw;
    for (let x = window.x0, i = y * width + x, o = (y - window.y0) * ww; x < window.x1; x++, i++, o++)
      if (unknown[i] && near[row + ((x / BLOCK) | 0)]) band[o] = 1;
  }
  return { window, band };
}

/**
 * `rgba` (`width` wide, the tile at its request size, filled ahead) with the band of `refill`
 * filled again by `fill` (a pre-fill of the window's pixels with the band as their unknown part),
 * in place: only the window is copied out and back.
 */
export async function refillWindow(
  rgba: Uint8Array,
  width: number,
  refill: Refill,
  fill: (window: { width: number; height: number; rgba: Uint8Array; unknown: Uint8Array }) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const { x0, y0, x1, y1 } = refill.window;
  const ww = x1 - x0;
  const wh = y1 - y0;
  const part = new Uint8Array(ww * wh * 4);
  for (let y = 0; y < wh; y++) part.set(rgba.subarray(((y0 + y) * width + x0) * 4, ((y0 + y) * width + x1) * 4), y * ww * 4);
  const filled = await fill({ width: ww, height: wh, rgba: part, unknown: refill.band });
  for (let y = 0; y < wh; y++) rgba.set(filled.subarray(y * ww * 4, (y + 1) * ww * 4), ((y0 + y) * width + x0) * 4);
  return rgba;
}
