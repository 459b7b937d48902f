/**
 * Outpaint tiling (design.md "Outpainting"): when a model cannot produce the extended canvas in
 * one request (gpt-image-2 stops at 3:1; fixed sizes stop at 3:2), split the new area into
 * overlapping, model-legal tiles generated in sequence, each seeing the previous results.
 *
 * Every tile: spans an aspect the model produces (uniform scaling up to the anisotropy
 * tolerance), overlaps known pixels (original or earlier tiles) by ≥ max(64, 25 % of its extent
 * along the growth axis) and by the 64 px feather band, and the tiles together cover the new
 * area. The count is minimal: it meets the lower bound that tile-bounds.ts derives without
 * placing tiles, on every preset and on seeded random extensions (see the tests).
 * The local engine takes the whole canvas in one tile (it fills from the whole image).
 */

import type { Rect } from './rect';
import { canvasRect, clipAll, subtractFromAll, subtractRect } from './rect';
import type { GrowthAxis, OutpaintInput, Phase } from './outpaint-phases';
import { DEFAULT_CONTEXT, resolveOutpaint } from './outpaint-phases';
import type { ModelRequest, RequestOptions } from './request-size';
import type { ModelSpec } from '../models/model-types';
import { anisotropy, requestFor } from './request-size';
import { estimateCost } from '../models/cost';
import type { StripTile } from './strip-solver';
import { MAX_TILES_PER_AXIS, solveStrip } from './strip-solver';
import { stripLowerBound } from './tile-bounds';
import { tileWrites } from './tile-order';

export type { OutpaintInput } from './outpaint-phases';

/** One request of an outpaint job, in generation order. */
export interface OutpaintTile {
  /** The tile in canvas px: crop it (known + flat-filled new area), scale to `request`. */
  readonly rect: Rect;
  /** What the model is asked for (output px, Gemini aspect/tier). */
  readonly request: ModelRequest;
  /** Parts of `rect` no earlier tile or the original covered (canvas px). */
  readonly newArea: Rect[];
  /** Axis the tile grows the known area along. */
  readonly axis: GrowthAxis;
  /** Overlap with already-known pixels along `axis` (px); the blend band lies inside it. */
  readonly context: number;
  /** Request px per tile px (geometric mean of both axes). */
  readonly scale: number;
  /**
   * Where its blend can change the canvas: `newArea` grown by the blend's reach for the plan's
   * feather, within `rect` (tile-order.ts: tiles wait only for tiles that write where they read).
   */
  readonly writes: Rect[];
}

/** A tiling of the whole new area. */
export interface OutpaintPlan {
  readonly ok: true;
  readonly tiles: OutpaintTile[];
  /** Canvas minus original: everything that must be generated (canvas px). */
  readonly newArea: Rect[];
}

/** Why no plan exists. */
export interface OutpaintFailure {
  readonly ok: false;
  readonly code: 'unknown-model' | 'retired' | 'bad-original' | 'no-legal-tile';
  readonly reason: string;
}

/**
 * Plans the tiles for extending `input.original` to `input.canvas`.
 * @example planOutpaint({canvas:{width:8000,height:1000}, original:{x:3500,y:0,width:1000,height:1000}, model:'gpt-image-2'}).tiles.length // 4
 */
export function planOutpaint(input: OutpaintInput): OutpaintPlan | OutpaintFailure {
  const job = resolveOutpaint(input);
  if (!job.ok) return job;
  const canvas = canvasRect(input.canvas);
  const newArea = subtractRect(canvas, input.original);
  if (newArea.length === 0) return { ok: true, tiles: [], newArea };
  const opts = { quality: input.quality, imageSize: input.imageSize };
  const band = input.featherPx ?? DEFAULT_CONTEXT.featherPx;

  if (job.spec.sizeRule.kind === 'any') {
    const axis: GrowthAxis = input.canvas.width - input.original.width >= input.canvas.height - input.original.height ? 'x' : 'y';
    const context = axis === 'x' ? input.original.width : input.original.height;
    const request = requestFor(job.spec, canvas.width, canvas.height, opts);
    const scale = Math.sqrt((request.width * request.height) / (canvas.width * canvas.height));
    return {
      ok: true,
      tiles: [{ rect: canvas, request, newArea, axis, context, scale, writes: tileWrites(canvas, newArea, band) }],
      newArea,
    };
  }

  const solved = [job.orders.xThenY, job.orders.yThenX].map((phases) => solvePhases(phases, job.tolerance, job.spec, opts));
  const best = solved
    .filter((s): s is Array<{ phase: Phase; tiles: StripTile[] }> => s !== undefined)
    .sort((a, b) => count(a) - count(b))[0];
  if (!best) {
    return {
      ok: false,
      code: 'no-legal-tile',
      reason:
        `${job.spec.id} cannot reach this canvas in at most ${MAX_TILES_PER_AXIS} tiles per side that each keep ` +
        'enough known context; extend in smaller steps or pick a model with wider aspects',
    };
  }

  if (best.length > 1) {
    const whole = wholeCanvasTile(job.spec, input, canvas, newArea, opts, job.tolerance, band);
    // Growing on both axes: one request for the whole canvas when the model makes its shape and it
    // loses no resolution against the phases' tiles (their last phase spans the whole canvas
    // anyway). One request instead of two or more: half the cost and the wait, no tile made of
    // another's answer, and the model sees every side at once.
    if (whole && whole.scale >= Math.min(...best.flatMap((b) => b.tiles.map((t) => tileScale(job.spec, b.phase, t, opts)))) - 1e-9)
      return { ok: true, tiles: [whole], newArea };
  }

  let unknown = newArea;
  const tiles: OutpaintTile[] = [];
  for (const { phase, tiles: strip } of best) {
    for (const t of strip) {
      const rect = phaseRect(phase, t);
      const request = requestFor(job.spec, rect.width, rect.height, opts);
      const stretch = anisotropy(rect, request);
      if (stretch > job.tolerance + 1e-9) {
        throw new Error(`internal: tile ${rect.width}×${rect.height} stretches ${stretch} onto ${request.width}×${request.height}`);
      }
      const scale = Math.sqrt((request.width * request.height) / (rect.width * rect.height));
      const tileNew = clipAll(unknown, rect);
      tiles.push({ rect, request, newArea: tileNew, axis: phase.axis, context: t.context, scale, writes: tileWrites(rect, tileNew, band) });
      unknown = subtractFromAll(unknown, rect);
    }
  }
  return { ok: true, tiles, newArea };
}

function phaseRect(phase: Phase, t: StripTile): Rect {
  const p = phase.problem;
  return phase.axis === 'x'
    ? { x: t.start, y: phase.crossStart, width: t.extent, height: p.cross }
    : { x: phase.crossStart, y: t.start, width: p.cross, height: t.extent };
}

function tileScale(spec: ModelSpec, phase: Phase, t: StripTile, opts: RequestOptions): number {
  const rect = phaseRect(phase, t);
  const request = requestFor(spec, rect.width, rect.height, opts);
  return Math.sqrt((request.width * request.height) / (rect.width * rect.height));
}

/** The whole canvas as one tile, or null when the model cannot make its shape within `tolerance`. */
function wholeCanvasTile(
  spec: ModelSpec,
  input: OutpaintInput,
  canvas: Rect,
  newArea: Rect[],
  opts: RequestOptions,
  tolerance: number,
  band: number,
): OutpaintTile | null {
  // The original is its context on both axes: at least the phases' share of each side (25 %).
  const fraction = input.minContext?.fraction ?? DEFAULT_CONTEXT.fraction;
  if (
    input.original.width < Math.ceil(fraction * canvas.width - 1e-9) ||
    input.original.height < Math.ceil(fraction * canvas.height - 1e-9)
  )
    return null;
  const request = requestFor(spec, canvas.width, canvas.height, opts);
  if (anisotropy(canvas, request) > tolerance + 1e-9) return null;
  const axis: GrowthAxis = input.canvas.width - input.original.width >= input.canvas.height - input.original.height ? 'x' : 'y';
  const context = axis === 'x' ? input.original.width : input.original.height;
  const scale = Math.sqrt((request.width * request.height) / (canvas.width * canvas.height));
  return { rect: canvas, request, newArea, axis, context, scale, writes: tileWrites(canvas, newArea, band) };
}

/** Stretch allowed when aiming for "exact" aspects: a few px of rounding on a typical tile. */
const NEAR_EXACT = 0.002;

/** Solves each phase, preferring near-exact aspects: the full tolerance is used only if it saves tiles. */
function solvePhases(
  phases: readonly Phase[],
  tolerance: number,
  spec: ModelSpec,
  opts: RequestOptions,
): Array<{ phase: Phase; tiles: StripTile[] }> | undefined {
  const out: Array<{ phase: Phase; tiles: StripTile[] }> = [];
  for (const phase of phases) {
    if (stripLowerBound(phase.problem, tolerance, MAX_TILES_PER_AXIS) > MAX_TILES_PER_AXIS) return undefined;
    // What the phase's requests cost at the model's prices.
    const cost = (tiles: readonly StripTile[]) =>
      tiles.reduce((usd, t) => {
        const rect = phaseRect(phase, t);
        const request = requestFor(spec, rect.width, rect.height, opts);
        return (
          usd +
          estimateCost({ modelId: spec, width: request.width, height: request.height, quality: opts.quality, imageSize: request.imageSize })
            .usd
        );
      }, 0);
    const exact = solveStrip(phase.problem, Math.min(NEAR_EXACT, tolerance), cost);
    const stretched = solveStrip(phase.problem, tolerance, cost);
    const tiles = !stretched || (exact && exact.length <= stretched.length) ? exact : stretched;
    if (!tiles) return undefined;
    out.push({ phase, tiles });
  }
  return out;
}

function count(solution: ReadonlyArray<{ tiles: readonly StripTile[] }>): number {
  return solution.reduce((n, s) => n + s.tiles.length, 0);
}
