/**
 * Pre-send cost estimates in USD (design.md step 2: "Show the cost estimate before sending").
 *
 * Prices are the published rows of providers.md §3. Estimates are reconciled against the
 * provider's `usage` after each call (main), so the aim is "right to within tens of percent,
 * never silently low", not cents.
 *
 * OpenAI edits = output rows + input image tokens. The output rows exist for 1024×1024 and
 * 1536×1024 (either orientation); other gpt-image-2 sizes scale the nearer row (by aspect) with
 * pixel area. Input image tokens use the GPT vision tiling rule as a documented guess: the image
 * is fitted inside 2048×2048 and costs 85 + 170 tokens per 512×512 tile (1024² → 765 tokens ≈
 * $0.0061 at $8/1M). gpt-image-2 always reads inputs at high fidelity, so no low-fidelity
 * shrink is applied. Input tokens are billed once per request, output per image. The mask and
 * prompt text tokens are not counted (prompt text is ~$0.000005/token).
 */

import { resolveModel } from './catalog';
import type { GeminiImageSize, ModelRef, ModelSpec, Quality, QualityPrices } from './model-types';
import { findAspectForSize, formatCount, retiredRule } from './size-rules';

/** What to price: one request for `n` images of `width × height` px. */
export interface CostInput {
  /** Catalog id or spec (gateway entries are specs). */
  readonly modelId: ModelRef;
  /** Requested output width (px). */
  readonly width: number;
  /** Requested output height (px). */
  readonly height: number;
  /** OpenAI quality; `'auto'` (and omitted) is priced as `'high'`, the upper bound. */
  readonly quality?: Quality;
  /** Images wanted (≥ 1). Gemini sends n parallel requests. Default 1. */
  readonly n?: number;
  /** Gemini tier; inferred from the size when omitted. */
  readonly imageSize?: GeminiImageSize;
  /** Extra input images besides source and mask: a count (each assumed request-sized) or sizes (px). */
  readonly referenceImages?: number | ReadonlyArray<{ readonly width: number; readonly height: number }>;
  /** `'edit'` (default) sends the source image too; `'generate'` sends none. */
  readonly mode?: 'edit' | 'generate';
}

/** A cost estimate in USD. */
export interface CostEstimate {
  /** Total for the whole request, all `n` images (USD). */
  readonly usd: number;
  /** Output price of one image (USD), excluding input tokens. */
  readonly perImage: number;
  /** How the figure was computed, in plain words for a tooltip or `--json` (no research reference codes). */
  readonly basis: string;
  /** Where the price comes from: the catalog's reference codes (see providers.md); empty when free. */
  readonly sources: string;
  /** `true` when any part is scaled, guessed or taken from an unconfirmed source. */
  readonly approximate: boolean;
}

const TABLE_SQUARE = 1024 * 1024;
const TABLE_OBLONG = 1536 * 1024;

/**
 * Estimates the cost of one request before it is sent.
 * @throws RangeError for unknown or retired models, or n < 1.
 * @example estimateCost({modelId:'gpt-image-2', width:1024, height:1024, quality:'medium', n:1}).perImage // 0.053
 */
export function estimateCost(input: CostInput): CostEstimate {
  const spec = resolveModel(input.modelId);
  if (!spec) throw new RangeError(`unknown model '${String(input.modelId)}'`);
  if (spec.status === 'retired') throw new RangeError(retiredRule(spec));
  const n = input.n ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  const gateway = spec.provider === 'gateway' ? `; gateway list price unknown, ${spec.template}'s used` : '';
  const pricing = spec.pricing;
  switch (pricing.kind) {
    case 'free':
      return { usd: 0, perImage: 0, basis: `${spec.name} runs on this computer: free`, sources: '', approximate: false };
    case 'per-image-tier': {
      const tier = input.imageSize ?? inferTier(spec, input.width, input.height);
      const known = pricing.perImage[tier];
      const price = known ?? pricing.perImage['1K'] ?? 0;
      const guess = known === undefined ? ` (${tier} price unknown; 1K price used as upper bound)` : '';
      return {
        usd: round6(price * n),
        perImage: price,
        basis: `${n} × $${price} per ${tier} image${guess}; input tokens not included${gateway}`,
        sources: pricing.source,
        approximate: true,
      };
    }
    case 'openai-size-table': {
      const quality: keyof QualityPrices = !input.quality || input.quality === 'auto' ? 'high' : input.quality;
      const { width: w, height: h } = input;
      const oblong = Math.abs(Math.log(Math.max(w, h) / Math.min(w, h))) > Math.log(Math.sqrt(1.5));
      const rowPrice = oblong ? pricing.oblong[quality] : pricing.square[quality];
      const rowArea = oblong ? TABLE_OBLONG : TABLE_SQUARE;
      const exact = w * h === rowArea && (oblong ? Math.max(w, h) === 1536 : w === 1024);
      const perImage = exact ? rowPrice : round6((rowPrice * w * h) / rowArea);
      const tokens = inputImageTokens(input, w, h);
      const inputUsd = (tokens * pricing.imageInputPerMTok) / 1e6;
      const rowName = oblong ? '1536×1024' : '1024×1024';
      // In megapixels: "768,512/1,572,864 px" read like a pair of coordinates.
      const mp = (a: number) => `${(a / 1e6).toFixed(2)} MP`;
      // "scaled by area: 2304×1536 is 3.54 MP, 2.25 × the row's 1.57 MP" ("3.54 MP of its 1.57 MP" read as nonsense).
      const times = `${(Math.round(((w * h) / rowArea) * 100) / 100).toString()} ×`;
      const scaled = exact ? '' : ` scaled by area: ${w}×${h} is ${mp(w * h)}, ${times} the row's ${mp(rowArea)}`;
      const auto = input.quality === 'auto' || !input.quality ? ' (auto priced as high)' : '';
      return {
        usd: round6(perImage * n + inputUsd),
        perImage,
        basis:
          `${n} × $${rowPrice} (${quality}${auto}, ${rowName} row${scaled})` +
          ` + ~${formatCount(tokens)} input image tokens × $${pricing.imageInputPerMTok}/1M${gateway}`,
        sources: pricing.source,
        approximate: !exact || tokens > 0 || spec.provider === 'gateway',
      };
    }
  }
}

/**
 * Estimated input tokens of one image: fitted inside 2048×2048, then 85 + 170 per 512 px tile.
 * @param width - image width as sent (px).
 * @param height - image height as sent (px).
 */
export function imageInputTokens(width: number, height: number): number {
  const fit = Math.min(1, 2048 / Math.max(width, height));
  const tiles = Math.ceil((width * fit) / 512) * Math.ceil((height * fit) / 512);
  return 85 + 170 * tiles;
}

function inputImageTokens(input: CostInput, w: number, h: number): number {
  let tokens = input.mode === 'generate' ? 0 : imageInputTokens(w, h);
  const refs = input.referenceImages;
  if (typeof refs === 'number') tokens += refs * imageInputTokens(w, h);
  else if (refs) for (const r of refs) tokens += imageInputTokens(r.width, r.height);
  return tokens;
}

/** The tier a Gemini output size belongs to: exact table match, else nearest by pixel count. */
function inferTier(spec: ModelSpec, width: number, height: number): GeminiImageSize {
  const rule = spec.sizeRule;
  if (rule.kind !== 'aspect-list') return '1K';
  const hit = findAspectForSize(rule, width, height);
  if (hit) return hit.imageSize;
  const oneK = 1024 * 1024;
  const byPixels: Record<GeminiImageSize, number> = { '512': oneK / 4, '1K': oneK, '2K': oneK * 4, '4K': oneK * 16 };
  let best: GeminiImageSize = rule.imageSizes[0];
  let bestD = Infinity;
  for (const tier of rule.imageSizes) {
    const d = Math.abs(Math.log((width * height) / byPixels[tier]));
    if (d < bestD) [best, bestD] = [tier, d];
  }
  return best;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
