/**
 * The cost estimate shown before sending: the region the planner would crop, the request size the
 * model would be asked for, and the dollars that costs. Pure: the same function feeds the Generate
 * panel and the `estimate()` test hook.
 */
import { shortModelName } from '../../shared/models/display-name';
import { MAX_AREAS, planRegions, type Rect, type RegionPlan } from '../../shared/geometry';
import { estimateCost, type GeminiImageSize, type ModelSpec, type Quality } from '../../shared/models';
import { formatUsd } from '../../shared/money';

export interface EstimateInput {
  canvas: { width: number; height: number };
  /** Bounding box of the mask, or null when the mask is empty. */
  bbox: Rect | null;
  /**
   * The boxes of the mask's separate parts (shared/mask/mask-parts.ts): parts far apart make an
   * edit in areas, one request each. Absent: one region around `bbox`.
   */
  parts?: readonly Rect[];
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
  /** Crop of the document sent to the model (document px); in areas: the first area's. */
  region: Rect;
  /** An edit in areas (more than one): each area's region and request, one request each. */
  areas?: { region: Rect; request: { width: number; height: number } }[];
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

/** The one money formatter (shared/money.ts), here for the renderer's existing imports. */
export { formatUsd };

/**
 * Why Generate waits with no mask: in words that fit the selection tools as well as the brush (it said
 * "Paint a mask first" to someone holding the marquee or the lasso).
 */
export const NO_MASK = 'Paint a mask or select an area first';

export function computeEstimate(input: EstimateInput): Estimate {
  const { spec } = input;
  if (!input.bbox || input.bbox.width <= 0 || input.bbox.height <= 0) {
    return { ok: false, code: 'empty-mask', error: NO_MASK };
  }
  const quality = spec.qualities.length && input.quality && spec.qualities.includes(input.quality) ? input.quality : undefined;
  const imageSize =
    spec.sizeRule.kind === 'aspect-list' && input.imageSize && spec.sizeRule.imageSizes.includes(input.imageSize)
      ? input.imageSize
      : undefined;
  const planned = planRegions({ canvas: input.canvas, bbox: input.bbox, parts: input.parts ?? [], model: spec, quality, imageSize });
  if (!planned.ok) {
    const error = planned.code === 'empty-mask' ? NO_MASK : capitalise(planned.reason);
    return { ok: false, code: planned.code, error };
  }
  const costs: ReturnType<typeof estimateCost>[] = [];
  try {
    for (const p of planned.plans) {
      costs.push(
        estimateCost({
          modelId: spec,
          width: p.request.width,
          height: p.request.height,
          quality,
          n: input.n,
          imageSize: p.request.imageSize ?? imageSize,
          referenceImages: input.references,
        }),
      );
    }
  } catch (e) {
    return { ok: false, code: 'cost', error: e instanceof Error ? e.message : String(e) };
  }
  const free = spec.pricing.kind === 'free';
  const plan = planned.plans[0];
  const { region, request, frame } = plan;
  const count = planned.plans.length;
  const usd = costs.reduce((t, c) => t + c.usd, 0);
  const approximate = costs.some((c) => c.approximate);
  // The short name ("Nano Banana 2"): the whole one took three lines of the footer at 1280×800.
  const price = `${approximate ? '≈ ' : ''}${formatUsd(usd)} (${[shortModelName(spec.name), quality, request.imageSize ?? imageSize].filter(Boolean).join(', ')})`;
  // An edit in areas says so beside the price: "2 areas, 2 requests: ≈ $0.147 (GPT Image 2, high)".
  // A model that makes one image per request (Gemini) is sent one request per candidate per area.
  const requests = count * (spec.n.native ? 1 : input.n);
  const areas = count > 1 ? `${count} areas${free ? '' : `, ${requests} requests`}` : '';
  // More groups than MAX_AREAS: "8 areas (of 11 apart, the nearest joined)".
  const capped = planned.capped ? ` (of ${planned.capped} apart, the nearest joined)` : '';
  // Back to one region past MAX_AREAS, said (the cost line just dropped "areas"): "· one region: 15 areas apart, more than 8".
  const over = planned.overMax ? ` · one region: ${planned.overMax} areas apart, more than ${MAX_AREAS}` : '';
  return {
    ok: true,
    usd,
    request: { width: request.width, height: request.height, imageSize: request.imageSize, aspect: request.aspect },
    region,
    ...(count > 1
      ? { areas: planned.plans.map((p) => ({ region: { ...p.region }, request: { width: p.request.width, height: p.request.height } })) }
      : {}),
    ...(frame ? { frame } : {}),
    basis: count > 1 ? costs.map((c, i) => `Area ${i + 1}: ${c.basis}`).join('\n') : costs[0].basis,
    approximate,
    // The model named beside the price, as the extension's line says it ("≈ $0.033 (GPT Image 2, medium)"):
    // the footer is always in view, the Model list may be scrolled out of it (a 1280×720 window).
    costText: (free ? `${formatUsd(0)} — free (offline)${areas ? `, ${areas}` : ''}` : `${areas ? `${areas}: ` : ''}${price}`) + over,
    sizeText:
      count > 1
        ? `${count} areas${capped}, ${free ? 'filled one after another' : 'one request each'}: ${planned.plans.map(areaText).join('; ')}`
        : `${areaText(plan)}${planned.overMax ? ` — one region: ${planned.overMax} areas apart are more than ${MAX_AREAS}, and joined down to ${MAX_AREAS} they were no smaller` : ''}`,
  };
}

/**
 * "1536×1024 from a 2100×1400 region" (+ ", padded to 894×600 past the photo's edges"); a request the
 * region's own size says it once, "584×346 region at full size" (it read "584×346 from a 584×346 region").
 */
function areaText(p: RegionPlan): string {
  const padded = p.frame ? `, padded to ${p.frame.width}×${p.frame.height} past the photo's edges` : '';
  const region = `${p.region.width}×${p.region.height}`;
  const same = p.request.width === p.region.width && p.request.height === p.region.height;
  return `${same ? `${region} region at full size` : `${p.request.width}×${p.request.height} from a ${region} region`}${padded}`;
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
