/**
 * The schemas several channels of the IPC contract (contract.ts) share: asset ids, rectangles,
 * placed and exported layers, an outpaint request, keys and gateways.
 */
import * as s from './schema';

export const assetId = s.string({ min: 8, max: 128, pattern: /^[a-z0-9-]+$/ });
export const imageFormat = s.oneOf(['png', 'jpeg', 'webp', 'tiff', 'psd'] as const);
export const rect = s.object({
  x: s.number({ int: true, min: -1e6, max: 1e6 }),
  y: s.number({ int: true, min: -1e6, max: 1e6 }),
  width: s.number({ int: true, min: 1, max: 1e6 }),
  height: s.number({ int: true, min: 1, max: 1e6 }),
});
/** `openai`, `gemini` or `gateway:<id>`: whose API key. */
export const providerId = s.string({ min: 1, max: 64, pattern: /^[a-z0-9:-]+$/ });
export const apiKey = s.string({ min: 8, max: 512 });
/** One configured gateway: what `gateways:set` accepts and what the settings file holds. */
export const gatewaySettings = s.object({
  id: s.string({ min: 1, max: 40, pattern: /^[a-z0-9-]+$/ }),
  name: s.string({ min: 1, max: 80 }),
  baseURL: s.string({ min: 8, max: 500, pattern: /^https?:\/\/[^\s]+$/ }),
  modelIds: s.array(s.string({ min: 1, max: 120 }), { min: 1, max: 32 }),
  template: s.optional(s.oneOf(['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1-mini'] as const)),
});
/**
 * A layer placed on the canvas. Patches (every layer after the first) may carry their opacity (0…1,
 * default 1) and a layer mask (a grey PNG asset of the patch's size, 255 = shown): both scale the
 * patch's alpha before it is composited Normal (shared/pixels/layer-alpha.ts).
 */
export const placedLayer = s.object({
  assetId,
  x: s.number({ int: true, min: -1e6, max: 1e6 }),
  y: s.number({ int: true, min: -1e6, max: 1e6 }),
  opacity: s.optional(s.number({ min: 0, max: 1 })),
  maskAssetId: s.optional(assetId),
});
/** An export layer: placed (with opacity and layer mask), plus its name and visibility (a PSD keeps hidden layers hidden; flat formats leave them out). */
export const exportLayer = s.object({
  assetId,
  x: s.number({ int: true, min: -1e6, max: 1e6 }),
  y: s.number({ int: true, min: -1e6, max: 1e6 }),
  name: s.optional(s.string({ max: 255 })),
  hidden: s.optional(s.boolean()),
  /** 0…1, multiplies the layer's alpha (document schema `opacity`). */
  opacity: s.optional(s.number({ min: 0, max: 1 })),
  /** The layer mask as a layer-sized grey PNG asset (document schema `maskAssetId`). */
  maskAssetId: s.optional(assetId),
});

/** An outpaint: the canvas, where the original sits, the layers, the model settings (`outpaint:start`, `outpaint:prepare`). */
export const outpaintRequest = s.object({
  canvas: s.object({ width: s.number({ int: true, min: 1, max: 100_000 }), height: s.number({ int: true, min: 1, max: 100_000 }) }),
  /**
   * Where the known picture sits in the canvas: the original, grown to a kept extension that
   * surrounds it (renderer `knownRectOf`). Everything outside it is filled; the patch fades into it.
   */
  original: rect,
  layers: s.array(placedLayer, { min: 1, max: 256 }),
  prompt: s.string({ max: 32_000 }),
  model: s.string({ min: 1, max: 200 }),
  n: s.number({ int: true, min: 1, max: 4 }),
  quality: s.optional(s.oneOf(['low', 'medium', 'high', 'auto'] as const)),
  imageSize: s.optional(s.oneOf(['512', '1K', '2K', '4K'] as const)),
  /** Overlap band blended into known pixels (px). */
  featherPx: s.number({ int: true, min: 0, max: 256 }),
  /** How cloud tiles' unknown area is pre-filled before sending: smooth diffusion or the offline engine. */
  prefill: s.optional(s.oneOf(['smooth', 'local'] as const)),
  seed: s.optional(s.number({ int: true, min: 0, max: 2 ** 31 - 1 })),
});
