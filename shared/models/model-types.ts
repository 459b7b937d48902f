/**
 * Types for the model catalog: what each image model accepts and costs.
 *
 * All sizes are in output pixels (the pixels the provider returns), never document pixels.
 * Facts and their sources live in `../shared/docs/providers.md` (§1.1–1.2, §2.1, §3).
 */

/** Who serves the model. `gateway` = an OpenAI-compatible endpoint configured by the user. */
export type ProviderKind = 'openai' | 'gemini' | 'gateway' | 'local';

/** `retired` models are kept only so a stale project or CLI flag gets a clear error. */
export type ModelStatus = 'active' | 'deprecated' | 'retired';

/** Gemini `imageConfig.imageSize` tier. Upper-case "K" is required by the API. */
export type GeminiImageSize = '512' | '1K' | '2K' | '4K';

/** Aspect ratio label as Gemini spells it, e.g. `'16:9'` (width:height). */
export type AspectLabel = `${number}:${number}`;

/** OpenAI `quality` values offered by GPT image models. */
export type Quality = 'low' | 'medium' | 'high' | 'auto';

/**
 * How a model honours a mask.
 * - `native-alpha`: a PNG whose alpha 0 marks editable pixels (OpenAI edits).
 * - `emulated`: no mask field; the mask is sent as an extra image plus an instruction (Gemini).
 * - `engine`: the local fill engine reads the mask directly.
 */
export type MaskSupport = 'native-alpha' | 'emulated' | 'engine';

/** Progressive results: OpenAI partial images, Gemini SSE chunks, or local progress events. */
export type StreamingSupport = 'partial-images' | 'sse' | 'progress' | 'none';

/** Output size as `[width, height]` in pixels. */
export type Dimensions = readonly [width: number, height: number];

/** Free sizes on a pixel grid (gpt-image-2). All limits are in output pixels. */
export interface GridSizeRule {
  readonly kind: 'grid';
  /** Width and height must both be multiples of this (px). */
  readonly multiple: number;
  /** Minimum width × height (px²). */
  readonly minPixels: number;
  /** Maximum width × height (px²). */
  readonly maxPixels: number;
  /** Maximum of width and height (px). */
  readonly maxEdge: number;
  /** Maximum long/short edge ratio (3 means 3:1 … 1:3). */
  readonly maxAspect: number;
}

/** A short list of exact sizes (gpt-image-1.5, gpt-image-1-mini, retired models). */
export interface FixedSizeRule {
  readonly kind: 'fixed';
  readonly sizes: readonly Dimensions[];
}

/**
 * Gemini: the request names an aspect and a tier; the model picks the pixels.
 * `dimensions[aspect][imageSize]` is the output size that pair yields.
 */
export interface AspectListSizeRule {
  readonly kind: 'aspect-list';
  readonly aspects: readonly AspectLabel[];
  /** Tiers in ascending order. */
  readonly imageSizes: readonly GeminiImageSize[];
  readonly dimensions: Readonly<Record<string, Readonly<Partial<Record<GeminiImageSize, Dimensions>>>>>;
}

/** Any size up to a pixel budget (the local engine). */
export interface AnySizeRule {
  readonly kind: 'any';
  /** Maximum width × height (px²) the engine is asked to work at. */
  readonly maxPixels: number;
}

/** Discriminated union of every size rule. */
export type SizeRule = GridSizeRule | FixedSizeRule | AspectListSizeRule | AnySizeRule;

/** How many candidates one request may ask for. */
export interface CountRange {
  readonly min: number;
  readonly max: number;
  /** `true`: the API takes `n`. `false`: n is emulated with parallel requests. */
  readonly native: boolean;
}

/** USD prices for one quality level, per output image. */
export interface QualityPrices {
  readonly low: number;
  readonly medium: number;
  readonly high: number;
}

/**
 * How to estimate spend before sending (providers.md §3).
 * - `openai-size-table`: per-image rows at 1024×1024 and 1536×1024 (either orientation),
 *   scaled by pixel area for other sizes, plus input image tokens.
 * - `per-image-tier`: Gemini, a flat price per output image by `imageSize`.
 * - `free`: runs on this computer.
 */
export type Pricing =
  | {
      readonly kind: 'openai-size-table';
      /** Per image at 1024×1024 (USD). */
      readonly square: QualityPrices;
      /** Per image at 1536×1024 or 1024×1536 (USD). */
      readonly oblong: QualityPrices;
      /** Input image tokens, USD per 1M tokens. */
      readonly imageInputPerMTok: number;
      /** Source marker and key from providers.md, e.g. `'⚠️[OA-P2]'`. */
      readonly source: string;
    }
  | {
      readonly kind: 'per-image-tier';
      /** USD per output image for each tier the price is known for. */
      readonly perImage: Readonly<Partial<Record<GeminiImageSize, number>>>;
      readonly source: string;
    }
  | { readonly kind: 'free' };

/** Working-size defaults the region and outpaint planners use. */
export interface PlanningDefaults {
  /** Largest request (px²) asked for by default; bigger regions are downscaled to it. */
  readonly preferredMaxPixels: number;
  /** Largest request (px²) when quality `'high'` is chosen. */
  readonly highQualityMaxPixels: number;
  /** Gemini: highest tier chosen automatically (default quality). */
  readonly defaultImageSizeCap?: GeminiImageSize;
  /** Gemini: highest tier chosen automatically when quality `'high'` is chosen. */
  readonly highQualityImageSizeCap?: GeminiImageSize;
}

/** Why and when a model stopped being usable. */
export interface Retirement {
  /** ISO date of the shutdown. */
  readonly date: string;
  /** The catalog id to offer instead. */
  readonly replacement: string;
}

/** Everything Maskwork knows about one model. Plain data: safe to send over IPC. */
export interface ModelSpec {
  /** The id sent to the provider (or, for gateways, the user's id for the entry). */
  readonly id: string;
  /** Name shown in the UI. */
  readonly name: string;
  readonly provider: ProviderKind;
  readonly status: ModelStatus;
  readonly retirement?: Retirement;
  readonly sizeRule: SizeRule;
  /** Images in one request, counting the source (and, for emulated masks, the mask image). */
  readonly maxInputImages: number;
  readonly n: CountRange;
  readonly mask: MaskSupport;
  readonly streaming: StreamingSupport;
  /** OpenAI `quality` values; empty when the model has no quality knob. */
  readonly qualities: readonly Quality[];
  readonly pricing: Pricing;
  /** Working sizes the planners aim for (see {@link PlanningDefaults}). */
  readonly defaultForPlanning: PlanningDefaults;
  /** Gateways only: the catalog model whose rules this entry copies. */
  readonly template?: string;
  /** Gateways only: the model name the gateway expects, if it differs from `id`. */
  readonly upstreamModel?: string;
  /** Source keys from providers.md §7 backing the rules above. */
  readonly sources: string;
}

/** A model given by catalog id, or a spec built at run time (e.g. a gateway entry). */
export type ModelRef = string | ModelSpec;

/** Result of a size check: `rule` says in words which rule the size breaks. */
export type SizeCheck = { readonly ok: true } | { readonly ok: false; readonly rule: string };
