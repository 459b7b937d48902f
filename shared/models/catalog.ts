/**
 * The model catalog: one plain-data {@link ModelSpec} per image model Maskwork knows.
 *
 * Facts come from `../shared/docs/providers.md` (researched 2026-11-27); each entry's `sources`
 * names the keys. Retired models stay listed so that an old project or a CLI flag naming them
 * gets "gpt-image-1 was shut down on 2026-10-23; use gpt-image-2" instead of "unknown model".
 */

import {
  GEMINI_25_BASE_1K,
  GEMINI_3_BASE_1K,
  GEMINI_FOURTEEN_ASPECTS,
  GEMINI_TEN_ASPECTS,
  buildGeminiDimensions,
} from './gemini-dimensions';
import type { Dimensions, ModelRef, ModelSpec, PlanningDefaults, Quality } from './model-types';

const GPT_QUALITIES: readonly Quality[] = ['low', 'medium', 'high', 'auto'];
const OPENAI_FIXED_SIZES: readonly Dimensions[] = [
  [1024, 1024],
  [1536, 1024],
  [1024, 1536],
];
const OPENAI_N = { min: 1, max: 10, native: true } as const;
/** Gemini has no reliable `candidateCount` for images: n means parallel requests, capped at 4. */
const GEMINI_N = { min: 1, max: 4, native: false } as const;
const FIXED_PLANNING: PlanningDefaults = { preferredMaxPixels: 1536 * 1024, highQualityMaxPixels: 1536 * 1024 };
const GEMINI_PLANNING: PlanningDefaults = {
  preferredMaxPixels: 2048 * 2048,
  highQualityMaxPixels: 4096 * 4096,
  defaultImageSizeCap: '2K',
  highQualityImageSizeCap: '4K',
};

/** gpt-image-2: any WxH on a 16 px grid within pixel, edge and 3:1 limits (providers.md §1.2). */
const GPT_IMAGE_2: ModelSpec = {
  id: 'gpt-image-2',
  name: 'GPT Image 2',
  provider: 'openai',
  status: 'active',
  // 3824 not 3840: the Codex doc recommends 3824x2160 and calls the edge limit "<3840" (❓).
  sizeRule: { kind: 'grid', multiple: 16, minPixels: 655_360, maxPixels: 8_294_400, maxEdge: 3824, maxAspect: 3 },
  maxInputImages: 16,
  n: OPENAI_N,
  mask: 'native-alpha',
  streaming: 'partial-images',
  qualities: GPT_QUALITIES,
  pricing: {
    kind: 'openai-size-table',
    square: { low: 0.006, medium: 0.053, high: 0.211 },
    oblong: { low: 0.005, medium: 0.041, high: 0.165 },
    imageInputPerMTok: 8,
    source: '⚠️[OA-P2] 📄[OA-M26]',
  },
  // Sizes above 2560x1440 are "experimental": stay at or below that pixel count unless asked.
  defaultForPlanning: { preferredMaxPixels: 2560 * 1440, highQualityMaxPixels: 8_294_400 },
  sources: '✅[OA-T] 📄[OA-SPEC][OA-CODEX][OA-M2]',
};

const GPT_IMAGE_15: ModelSpec = {
  id: 'gpt-image-1.5',
  name: 'GPT Image 1.5',
  provider: 'openai',
  status: 'active',
  sizeRule: { kind: 'fixed', sizes: OPENAI_FIXED_SIZES },
  maxInputImages: 16,
  n: OPENAI_N,
  mask: 'native-alpha',
  streaming: 'partial-images',
  qualities: GPT_QUALITIES,
  pricing: {
    kind: 'openai-size-table',
    square: { low: 0.009, medium: 0.034, high: 0.133 },
    oblong: { low: 0.013, medium: 0.05, high: 0.2 },
    // Not in providers.md; assumed equal to gpt-image-2's image-input rate.
    imageInputPerMTok: 8,
    source: '⚠️[OA-P15]',
  },
  defaultForPlanning: FIXED_PLANNING,
  sources: '✅[OA-T] 📄[OA-SPEC][OA-CODEX]',
};

const GPT_IMAGE_1_MINI: ModelSpec = {
  id: 'gpt-image-1-mini',
  name: 'GPT Image 1 mini',
  provider: 'openai',
  status: 'deprecated',
  sizeRule: { kind: 'fixed', sizes: OPENAI_FIXED_SIZES },
  maxInputImages: 16,
  n: OPENAI_N,
  mask: 'native-alpha',
  streaming: 'partial-images',
  qualities: GPT_QUALITIES,
  pricing: {
    kind: 'openai-size-table',
    square: { low: 0.005, medium: 0.011, high: 0.036 },
    oblong: { low: 0.006, medium: 0.015, high: 0.052 },
    imageInputPerMTok: 2.5,
    source: '📄[OA-MMINI]',
  },
  defaultForPlanning: FIXED_PLANNING,
  sources: '✅[OA-T] 📄[OA-SPEC][OA-MMINI]',
};

const GEMINI_31_FLASH: ModelSpec = {
  id: 'gemini-3.1-flash-image',
  name: 'Nano Banana 2 (Gemini 3.1 Flash Image)',
  provider: 'gemini',
  status: 'active',
  sizeRule: {
    kind: 'aspect-list',
    aspects: GEMINI_FOURTEEN_ASPECTS,
    imageSizes: ['512', '1K', '2K', '4K'],
    dimensions: buildGeminiDimensions(GEMINI_3_BASE_1K, GEMINI_FOURTEEN_ASPECTS, ['512', '1K', '2K', '4K']),
  },
  // 14 reference images (≤10 object + ≤4 character) ⚠️; we count source and mask image in it.
  maxInputImages: 14,
  n: GEMINI_N,
  mask: 'emulated',
  streaming: 'sse',
  qualities: [],
  pricing: {
    kind: 'per-image-tier',
    // The 512 price is unknown (❓); cost.ts falls back to the 1K price as an upper bound.
    perImage: { '1K': 0.067, '2K': 0.101, '4K': 0.151 },
    source: '⚠️[G-LZ][G-NGROK]',
  },
  defaultForPlanning: GEMINI_PLANNING,
  sources: '📄[G-DEP][G-MOD] ⚠️[G-3P][G-NB21]',
};

const GEMINI_3_PRO: ModelSpec = {
  id: 'gemini-3-pro-image',
  name: 'Nano Banana Pro (Gemini 3 Pro Image)',
  provider: 'gemini',
  status: 'active',
  sizeRule: {
    kind: 'aspect-list',
    aspects: GEMINI_TEN_ASPECTS,
    imageSizes: ['1K', '2K', '4K'],
    dimensions: buildGeminiDimensions(GEMINI_3_BASE_1K, GEMINI_TEN_ASPECTS, ['1K', '2K', '4K']),
  },
  maxInputImages: 14,
  n: GEMINI_N,
  mask: 'emulated',
  streaming: 'sse',
  qualities: [],
  pricing: { kind: 'per-image-tier', perImage: { '1K': 0.134, '2K': 0.134, '4K': 0.24 }, source: '📄[G-PRICE]' },
  defaultForPlanning: GEMINI_PLANNING,
  sources: '📄[G-DEP][G-CB] ⚠️[G-3P]',
};

/** The offline content-aware fill: no key, no network, no size grid. */
const LOCAL_ENGINE: ModelSpec = {
  id: 'local',
  name: 'Offline fill',
  provider: 'local',
  status: 'active',
  sizeRule: { kind: 'any', maxPixels: 4096 * 4096 },
  maxInputImages: 1,
  n: { min: 1, max: 4, native: false },
  mask: 'engine',
  streaming: 'progress',
  qualities: [],
  pricing: { kind: 'free' },
  defaultForPlanning: { preferredMaxPixels: 4096 * 4096, highQualityMaxPixels: 4096 * 4096 },
  sources: 'design.md "The local engine"',
};

/** Shared shape of the retired entries: nothing about them is offered any more. */
function retired(
  spec: Pick<ModelSpec, 'id' | 'name' | 'provider' | 'sizeRule' | 'retirement' | 'sources'> & Partial<ModelSpec>,
): ModelSpec {
  return {
    status: 'retired',
    maxInputImages: 1,
    n: { min: 1, max: 1, native: true },
    mask: spec.provider === 'gemini' ? 'emulated' : 'native-alpha',
    streaming: 'none',
    qualities: [],
    pricing: { kind: 'free' },
    defaultForPlanning: FIXED_PLANNING,
    ...spec,
  };
}

const RETIRED: readonly ModelSpec[] = [
  retired({
    id: 'gpt-image-1',
    name: 'GPT Image 1',
    provider: 'openai',
    sizeRule: { kind: 'fixed', sizes: OPENAI_FIXED_SIZES },
    retirement: { date: '2026-10-23', replacement: 'gpt-image-2' },
    sources: '✅[OA-T] 📄[OA-M1]',
  }),
  retired({
    id: 'dall-e-2',
    name: 'DALL·E 2',
    provider: 'openai',
    sizeRule: {
      kind: 'fixed',
      sizes: [
        [256, 256],
        [512, 512],
        [1024, 1024],
      ],
    },
    retirement: { date: '2026-05-12', replacement: 'gpt-image-2' },
    sources: '✅[OA-T] 📄[OA-SPEC]',
  }),
  retired({
    id: 'gemini-2.5-flash-image',
    name: 'Nano Banana (Gemini 2.5 Flash Image)',
    provider: 'gemini',
    sizeRule: {
      kind: 'aspect-list',
      aspects: GEMINI_TEN_ASPECTS,
      imageSizes: ['1K'],
      dimensions: buildGeminiDimensions(GEMINI_25_BASE_1K, GEMINI_TEN_ASPECTS, ['1K']),
    },
    retirement: { date: '2026-10-02', replacement: 'gemini-3.1-flash-image' },
    sources: '📄[G-DEP][G-CB]',
  }),
];

/** Every catalog entry, offered first, retired last. */
export const MODEL_CATALOG: readonly ModelSpec[] = [
  GPT_IMAGE_2,
  GPT_IMAGE_15,
  GPT_IMAGE_1_MINI,
  GEMINI_31_FLASH,
  GEMINI_3_PRO,
  LOCAL_ENGINE,
  ...RETIRED,
];

/** Catalog ids a gateway entry may copy its rules from. */
export type GatewayTemplateId = 'gpt-image-2' | 'gpt-image-1.5' | 'gpt-image-1-mini' | 'gemini-3.1-flash-image' | 'gemini-3-pro-image';

/**
 * Looks a catalog model up by id.
 * @returns the spec, or `undefined` for an id the catalog does not know.
 */
export function getModel(id: string): ModelSpec | undefined {
  return MODEL_CATALOG.find((m) => m.id === id);
}

/** Models the UI may offer: active and deprecated ones, never retired. */
export function offeredModels(): readonly ModelSpec[] {
  return MODEL_CATALOG.filter((m) => m.status !== 'retired');
}

/**
 * Reference images that fit in one request next to the source image (and, for models whose
 * mask is emulated, the mask image). The Gemini limits (14) are counted the same way, to be safe.
 * @example maxReferenceImages(getModel('gpt-image-2')!) // 15
 */
export function maxReferenceImages(spec: ModelSpec): number {
  return Math.max(0, spec.maxInputImages - 1 - (spec.mask === 'emulated' ? 1 : 0));
}

/**
 * Resolves a {@link ModelRef}: a spec is returned as is, an id is looked up in the catalog.
 * @returns the spec, or `undefined` for an unknown id.
 */
export function resolveModel(ref: ModelRef): ModelSpec | undefined {
  return typeof ref === 'string' ? getModel(ref) : ref;
}

/**
 * Builds the catalog entry of a model reached through an OpenAI-compatible gateway.
 * The base URL and key live in main, never here. Size rules, limits, mask handling and list
 * prices are copied from the template; the gateway's real price may differ (cost.ts marks
 * gateway estimates approximate).
 * @param base - the user's id and display name; `upstreamModel` is the name the gateway expects.
 * @param rulesFrom - the catalog model whose rules the gateway model follows.
 */
export function gatewayModel(
  base: { readonly id: string; readonly name: string; readonly upstreamModel?: string },
  rulesFrom: GatewayTemplateId,
): ModelSpec {
  const template = getModel(rulesFrom);
  if (!template || template.status === 'retired') throw new Error(`no usable template model '${rulesFrom}'`);
  return {
    ...template,
    id: base.id,
    name: base.name,
    provider: 'gateway',
    status: 'active',
    template: template.id,
    upstreamModel: base.upstreamModel ?? template.id,
    sources: `${template.sources} (rules of ${template.id})`,
  };
}
