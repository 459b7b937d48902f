/**
 * Choosing what a model is asked for: the aspects it can produce and the best legal request
 * size for a region of a given shape. Used by the region planner and the outpaint tiler.
 */

import { compareTiers } from '../models/gemini-dimensions';
import type { AspectLabel, GeminiImageSize, ModelSpec, Quality } from '../models/model-types';
import type { Size } from './rect';

/**
 * Largest accepted mismatch between a region's aspect and its request's aspect, as a fraction
 * (0.015 = 1.5 %). Scaling region → request is uniform up to this stretch. Needed because
 * Gemini's outputs are not exactly their nominal aspect (16:9 at 1K is 1376×768 = 1.792, not
 * 1.778); a full-canvas 16:9 photo would otherwise be unreachable. Regions not pinned by the
 * canvas match to within rounding (well under 0.2 %).
 */
export const DEFAULT_MAX_ANISOTROPY = 0.015;

/** What a model is asked for: output px, plus the Gemini aspect label and tier. */
export interface ModelRequest {
  /** Output width (px). */
  readonly width: number;
  /** Output height (px). */
  readonly height: number;
  /** Gemini `imageConfig.imageSize`. */
  readonly imageSize?: GeminiImageSize;
  /** Gemini `imageConfig.aspectRatio`. */
  readonly aspect?: AspectLabel;
}

/** Aspect ratios (width / height) a model can produce. */
export type AspectOptions =
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'list'; readonly values: readonly { readonly ratio: number; readonly label: string }[] }
  | { readonly kind: 'free' };

/** Options steering the working size. */
export interface RequestOptions {
  /** `'high'` lifts the pixel cap (gpt-image-2) or the tier cap (Gemini, to 4K). */
  readonly quality?: Quality;
  /** Gemini: ask for exactly this tier instead of choosing one. */
  readonly imageSize?: GeminiImageSize;
}

/**
 * The aspect ratios (width / height of the actual output pixels) a model produces.
 * Gemini ratios come from the output table, not the nominal label.
 */
export function aspectOptions(spec: ModelSpec): AspectOptions {
  const rule = spec.sizeRule;
  switch (rule.kind) {
    case 'grid':
      return { kind: 'range', min: 1 / rule.maxAspect, max: rule.maxAspect };
    case 'fixed':
      return { kind: 'list', values: rule.sizes.map(([w, h]) => ({ ratio: w / h, label: `${w}x${h}` })) };
    case 'aspect-list':
      return {
        kind: 'list',
        values: rule.aspects.map((label) => {
          const dims = rule.dimensions[label]?.[rule.imageSizes[0]] ?? [1, 1];
          return { ratio: dims[0] / dims[1], label };
        }),
      };
    case 'any':
      return { kind: 'free' };
  }
}

/** Relative mismatch of two aspect ratios: `|a/b − 1|` with a, b as width/height. */
export function anisotropy(region: Size, request: Size): number {
  return Math.abs(region.width / region.height / (request.width / request.height) - 1);
}

/** Distance of two ratios on a log scale (symmetric in portrait/landscape). */
export function ratioDistance(a: number, b: number): number {
  return Math.abs(Math.log(a / b));
}

/**
 * The best legal request for a region of `width × height` document px.
 * - grid: closest 16-grid size to the region's aspect, pixel count clamped to
 *   [minPixels, cap] (cap = 2560×1440-class by default, the model max for quality `'high'`);
 * - fixed: the size with the closest aspect;
 * - Gemini: closest aspect; smallest tier whose short side ≥ the region's, capped at 2K (4K for
 *   `'high'`), unless `imageSize` is given;
 * - local: the region itself, downscaled to the pixel budget.
 */
export function requestFor(spec: ModelSpec, width: number, height: number, opts: RequestOptions = {}): ModelRequest {
  const rule = spec.sizeRule;
  const high = opts.quality === 'high';
  const cap = high ? spec.defaultForPlanning.highQualityMaxPixels : spec.defaultForPlanning.preferredMaxPixels;
  switch (rule.kind) {
    case 'grid': {
      const a = Math.min(rule.maxAspect, Math.max(1 / rule.maxAspect, width / height));
      const maxPx = Math.min(cap, rule.maxPixels);
      const target = Math.min(maxPx, Math.max(rule.minPixels, width * height));
      return gridSearch(rule.multiple, rule.minPixels, maxPx, rule.maxEdge, rule.maxAspect, a, target);
    }
    case 'fixed': {
      let best = rule.sizes[0];
      for (const s of rule.sizes) {
        if (ratioDistance(s[0] / s[1], width / height) < ratioDistance(best[0] / best[1], width / height)) best = s;
      }
      return { width: best[0], height: best[1] };
    }
    case 'aspect-list': {
      const options = aspectOptions(spec);
      const values = options.kind === 'list' ? options.values : [];
      let best = values[0];
      for (const v of values) {
        if (ratioDistance(v.ratio, width / height) < ratioDistance(best.ratio, width / height)) best = v;
      }
      const label = best.label;
      const tier = chooseTier(spec, label, Math.min(width, height), opts);
      const dims = rule.dimensions[label]![tier]!;
      return { width: dims[0], height: dims[1], imageSize: tier, aspect: label as AspectLabel };
    }
    case 'any': {
      const budget = Math.min(cap, rule.maxPixels);
      const s = Math.min(1, Math.sqrt(budget / (width * height)));
      let w = Math.max(1, Math.round(width * s));
      let h = Math.max(1, Math.round(height * s));
      if (w * h > budget) [w, h] = [Math.max(1, Math.floor(width * s)), Math.max(1, Math.floor(height * s))];
      return { width: w, height: h };
    }
  }
}

/** Gemini tier: explicit, else the smallest whose short side covers `regionShort`, within the cap. */
function chooseTier(spec: ModelSpec, label: string, regionShort: number, opts: RequestOptions): GeminiImageSize {
  const rule = spec.sizeRule;
  if (rule.kind !== 'aspect-list') throw new Error('not a Gemini size rule');
  if (opts.imageSize && rule.imageSizes.includes(opts.imageSize)) return opts.imageSize;
  const capTier =
    opts.quality === 'high'
      ? (spec.defaultForPlanning.highQualityImageSizeCap ?? '4K')
      : (spec.defaultForPlanning.defaultImageSizeCap ?? '2K');
  const allowed = rule.imageSizes.filter((t) => compareTiers(t, capTier) <= 0);
  const tiers = allowed.length > 0 ? allowed : [rule.imageSizes[0]];
  for (const t of tiers) {
    const d = rule.dimensions[label]![t]!;
    if (Math.min(d[0], d[1]) >= regionShort) return t;
  }
  return tiers[tiers.length - 1];
}

/**
 * Searches the `m`-px grid for the size closest to aspect `a` and pixel count `target`.
 * Score = 200 × aspect error (log) + pixel-count error (log): 0.1 % of aspect weighs like 20 %
 * of pixels, because when the canvas pins the region, aspect error becomes stretch, while
 * pixel error is only cost and detail (1000×700 → 1120×784, exactly 10:7, not 1008×704).
 */
function gridSearch(m: number, minPx: number, maxPx: number, maxEdge: number, maxAspect: number, a: number, target: number): ModelRequest {
  let best: ModelRequest | undefined;
  let bestScore = Infinity;
  for (let h = m; h <= maxEdge; h += m) {
    const ideal = h * a;
    for (const w of [Math.floor(ideal / m) * m, Math.ceil(ideal / m) * m]) {
      if (w < m || w > maxEdge) continue;
      const px = w * h;
      if (px < minPx || px > maxPx || Math.max(w, h) > maxAspect * Math.min(w, h)) continue;
      const score = 200 * ratioDistance(w / h, a) + Math.abs(Math.log(px / target));
      if (score < bestScore) [best, bestScore] = [{ width: w, height: h }, score];
    }
  }
  if (!best) throw new Error(`no ${m}-grid size for aspect ${a.toFixed(3)}`);
  return best;
}
