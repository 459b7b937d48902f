/**
 * Output pixel sizes of Gemini image models per (aspect, imageSize).
 *
 * APPROXIMATION (⚠️ secondary sources only, providers.md §2.1 and §6): Google's English image
 * generation page could not be retrieved, so these numbers follow the commonly published table
 * (Gemini 3 Pro Image / Nano Banana docs as quoted by third parties [G-3P][G-LZ]). The pattern:
 * 1K ≈ 1 MP (1:1 → 1024×1024), 2K = 2 × 1K per edge (≈ 4 MP), 4K = 4 × 1K (≈ 16 MP),
 * and the `512` tier of gemini-3.1-flash-image = ½ × 1K. Every 1K size is a multiple of 16.
 * The table only drives planning; the compositor always resizes whatever comes back to the
 * region, so a provider that returns slightly different pixels still composites correctly.
 */

import type { AspectLabel, Dimensions, GeminiImageSize } from './model-types';

/** The 1K output size per aspect for Gemini 3.x image models (px). */
export const GEMINI_3_BASE_1K: Readonly<Record<string, Dimensions>> = {
  '1:1': [1024, 1024],
  '2:3': [848, 1264],
  '3:2': [1264, 848],
  '3:4': [896, 1200],
  '4:3': [1200, 896],
  '4:5': [928, 1152],
  '5:4': [1152, 928],
  '9:16': [768, 1376],
  '16:9': [1376, 768],
  '21:9': [1584, 672],
  '1:4': [512, 2048],
  '4:1': [2048, 512],
  '1:8': [384, 3072],
  '8:1': [3072, 384],
};

/** The 1K output size per aspect for the retired gemini-2.5-flash-image (px). */
export const GEMINI_25_BASE_1K: Readonly<Record<string, Dimensions>> = {
  '1:1': [1024, 1024],
  '2:3': [832, 1248],
  '3:2': [1248, 832],
  '3:4': [864, 1184],
  '4:3': [1184, 864],
  '4:5': [896, 1152],
  '5:4': [1152, 896],
  '9:16': [768, 1344],
  '16:9': [1344, 768],
  '21:9': [1536, 672],
};

/** The ten aspects every Gemini image model since 2.5 accepts. */
export const GEMINI_TEN_ASPECTS: readonly AspectLabel[] = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];

/** The fourteen aspects of gemini-3.1-flash-image: the ten plus the extreme banners. */
export const GEMINI_FOURTEEN_ASPECTS: readonly AspectLabel[] = [...GEMINI_TEN_ASPECTS, '1:4', '4:1', '1:8', '8:1'];

/** Edge multiplier of each tier relative to 1K. */
const TIER_FACTOR: Readonly<Record<GeminiImageSize, number>> = { '512': 0.5, '1K': 1, '2K': 2, '4K': 4 };

/** Tiers from smallest to largest; used to sort and compare tiers. */
export const GEMINI_TIER_ORDER: readonly GeminiImageSize[] = ['512', '1K', '2K', '4K'];

/**
 * Builds `dimensions[aspect][imageSize]` for the given aspects and tiers from a 1K table.
 * @param base - 1K output size per aspect (px).
 * @returns a table of output sizes (px) for every (aspect, tier) pair.
 */
export function buildGeminiDimensions(
  base: Readonly<Record<string, Dimensions>>,
  aspects: readonly AspectLabel[],
  tiers: readonly GeminiImageSize[],
): Record<string, Partial<Record<GeminiImageSize, Dimensions>>> {
  const table: Record<string, Partial<Record<GeminiImageSize, Dimensions>>> = {};
  for (const aspect of aspects) {
    const one = base[aspect];
    if (!one) throw new Error(`no 1K size known for aspect ${aspect}`);
    const row: Partial<Record<GeminiImageSize, Dimensions>> = {};
    for (const tier of tiers) {
      const f = TIER_FACTOR[tier];
      row[tier] = [Math.round(one[0] * f), Math.round(one[1] * f)];
    }
    table[aspect] = row;
  }
  return table;
}

/**
 * Compares two tiers.
 * @returns negative when `a` is smaller than `b`, 0 when equal, positive when larger.
 */
export function compareTiers(a: GeminiImageSize, b: GeminiImageSize): number {
  return GEMINI_TIER_ORDER.indexOf(a) - GEMINI_TIER_ORDER.indexOf(b);
}
