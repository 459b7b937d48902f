/**
 * The cost estimate shown before sending: the region the planner would crop, the request size the
 * model would be asked for, and the dollars that costs. Pure: the same function feeds the Generate
 * panel and the `estimate()` test hook.
 */
import { planRegion, type Rect } from '../../shared/geometry';
import { estimateCost, type GeminiImageSize, type ModelSpec, type Quality } from '../../shared/models';

export interface EstimateInput {
  canvas: { width: number; height: number };
  /** Bounding box of the mask, or null when the mask is empty. */
  bbox: Rect | null;
  spec: ModelSpec;
  quality?: Quality;
  imageSize?: GeminiImageSize;
  n: number;
  /** Sizes of the reference images that will be sent. */
  references: ReadonlyArray<{ width: number; height: number }>;
}

export interface EstimateOk {
  ok: true;
  usd: number;
  /** Output size the model is asked for. */
  request: { width: number; height: number; imageSize?: GeminiImageSize; aspect?: string };
  /** Crop of the document sent to the model (document px). */
  region: Rect;
  /** The region plus the border mirrored past the photo's edges that the request covers, when padded. */
  frame?: Rect;
  /** How the dollar figure was computed (tooltip). */
  basis: string;
  approximate: boolean;
  /** "≈ $0.025 (GPT Image 2, medium)" or "$0.000 — free (offline)". */
  costText: string;
  /** "1536×1024 from a 2100×1400 region" (+ ", padded to 894×600 past the photo's edges"). */
  sizeText: string;
}

export interface EstimateError {
  ok: false;
  code: 'empty-mask' | 'needs-tiling' | 'unknown-model' | 'retired' | 'cost';
  /** A sentence for the user; Generate is disabled while there is one. */
  error: string;
}

export type Estimate = EstimateOk | EstimateError;

export function formatUsd(usd: number): string {
  return `$${usd.toFixed(3)}`;
}

export function computeEstimate(input: EstimateInput): Estimate {
  const { spec } = input;
  if (!input.bbox || input.bbox.width <= 0 || input.bbox.height <= 0) {
    return { ok: false, code: 'empty-mask', error: 'Paint a mask first' };
  }
  const quality = spec.qualities.length && input.quality && spec.qualities.includes(input.quality) ? input.quality : undefined;
  const imageSize =
    spec.sizeRule.kind === 'aspect-list' && input.imageSize && spec.sizeRule.imageSizes.includes(input.imageSize)
      ? input.imageSize
      : undefined;
  const plan = planRegion({ canvas: input.canvas, bbox: input.bbox, model: spec, quality, imageSize });
  if (!plan.ok) {
    const error = plan.code === 'empty-mask' ? 'Paint a mask first' : capitalise(plan.reason);
    return { ok: false, code: plan.code, error };
  }
  let cost: ReturnType<typeof estimateCost>;
  try {
    cost = estimateCost({
      modelId: spec,
      width: plan.request.width,
      height: plan.request.height,
      quality,
      n: input.n,
      imageSize: plan.request.imageSize ?? imageSize,
      referenceImages: input.references,
    });
  } catch (e) {
    return { ok: false, code: 'cost', error: e instanceof Error ? e.message : String(e) };
  }
  const free = spec.pricing.kind === 'free';
  const { region, request, frame } = plan;
  const padded = frame ? `, padded to ${frame.width}×${frame.height} past the photo's edges` : '';
  return {
    ok: true,
    usd: cost.usd,
    request: { width: request.width, height: request.height, imageSize: request.imageSize, aspect: request.aspect },
    region,
    ...(frame ? { frame } : {}),
    basis: cost.basis,
    approximate: cost.approximate,
    // The model named beside the price, as the extension's line says it ("≈ $0.033 (GPT Image 2, medium)"):
    // the footer is always in view, the Model list may be scrolled out of it (a 1280×720 window).
    costText: free
      ? `${formatUsd(0)} — free (offline)`
      : `${cost.approximate ? '≈ ' : ''}${formatUsd(cost.usd)} (${[spec.name, quality, request.imageSize ?? imageSize].filter(Boolean).join(', ')})`,
    sizeText: `${request.width}×${request.height} from a ${region.width}×${region.height} region${padded}`,
  };
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
