/**
 * Size legality per model, with the broken rule spelled out for the user
 * (design.md: "invalid request (say which rule)").
 */

import { resolveModel } from './catalog';
import type { AspectListSizeRule, Dimensions, GeminiImageSize, ModelRef, ModelSpec, SizeCheck } from './model-types';

/**
 * Formats an integer with thousands separators, e.g. `8294400` → `"8,294,400"`.
 * Locale-independent so messages are identical in Node, the renderer and tests.
 */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats the aspect of `width × height` as a long:short ratio with the short side 1,
 * e.g. 3500×1000 → `"3.5:1"`, 1000×4000 → `"1:4"`.
 */
export function formatAspect(width: number, height: number): string {
  const ratio = Math.max(width, height) / Math.min(width, height);
  const text = String(Math.round(ratio * 100) / 100);
  return width >= height ? `${text}:1` : `1:${text}`;
}

/** Formats a size as `"1024×1536"`. */
export function formatSize(size: Dimensions): string {
  return `${size[0]}×${size[1]}`;
}

/**
 * Finds the aspect label whose output size at `imageSize` is exactly `width × height`.
 * Without `imageSize`, every tier of the model is searched.
 */
export function findAspectForSize(
  rule: AspectListSizeRule,
  width: number,
  height: number,
  imageSize?: GeminiImageSize,
): { aspect: string; imageSize: GeminiImageSize } | undefined {
  const tiers = imageSize ? [imageSize] : rule.imageSizes;
  for (const aspect of rule.aspects) {
    for (const tier of tiers) {
      const dims = rule.dimensions[aspect]?.[tier];
      if (dims && dims[0] === width && dims[1] === height) return { aspect, imageSize: tier };
    }
  }
  return undefined;
}

/**
 * Checks whether `model` accepts an output of `width × height` px (and, for Gemini, `imageSize`).
 * @param model - catalog id or spec (gateway entries are specs).
 * @param width - requested output width (px).
 * @param height - requested output height (px).
 * @param imageSize - Gemini tier the size is meant for; omitted = any tier the model has.
 * @returns `{ok:true}`, or `{ok:false, rule}` where `rule` names the broken rule in words.
 * @example isSizeLegal('gpt-image-2', 1000, 1024) // {ok:false, rule:'width 1000 is not a multiple of 16'}
 */
export function isSizeLegal(model: ModelRef, width: number, height: number, imageSize?: GeminiImageSize): SizeCheck {
  const spec = resolveModel(model);
  if (!spec) return { ok: false, rule: `unknown model '${String(model)}'` };
  if (spec.status === 'retired') return { ok: false, rule: retiredRule(spec) };
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    return { ok: false, rule: `size ${width}×${height} must be whole pixels of at least 1×1` };
  }
  const rule = spec.sizeRule;
  const pixels = width * height;
  switch (rule.kind) {
    case 'grid': {
      if (width % rule.multiple !== 0) return fail(`width ${width} is not a multiple of ${rule.multiple}`);
      if (height % rule.multiple !== 0) return fail(`height ${height} is not a multiple of ${rule.multiple}`);
      if (Math.max(width, height) > rule.maxAspect * Math.min(width, height)) {
        return fail(`aspect ${formatAspect(width, height)} exceeds ${spec.id}'s ${rule.maxAspect}:1 limit`);
      }
      if (pixels < rule.minPixels) return fail(`${formatCount(pixels)} px below min ${formatCount(rule.minPixels)}`);
      if (pixels > rule.maxPixels) return fail(`${formatCount(pixels)} px above max ${formatCount(rule.maxPixels)}`);
      if (Math.max(width, height) > rule.maxEdge) {
        return fail(`edge ${Math.max(width, height)} above max ${rule.maxEdge}`);
      }
      return { ok: true };
    }
    case 'fixed': {
      if (rule.sizes.some(([w, h]) => w === width && h === height)) return { ok: true };
      return fail(`${width}×${height} is not one of ${spec.id}'s sizes (${rule.sizes.map(formatSize).join(', ')})`);
    }
    case 'aspect-list': {
      if (imageSize && !rule.imageSizes.includes(imageSize)) {
        return fail(`imageSize ${imageSize} is not offered by ${spec.id} (${rule.imageSizes.join(', ')})`);
      }
      if (findAspectForSize(rule, width, height, imageSize)) return { ok: true };
      const where = imageSize ? ` at ${imageSize}` : '';
      return fail(`${width}×${height} is not an output size of ${spec.id}${where}; ${nearestHint(rule, width, height, imageSize)}`);
    }
    case 'any':
      if (pixels > rule.maxPixels) return fail(`${formatCount(pixels)} px above max ${formatCount(rule.maxPixels)}`);
      return { ok: true };
  }
}

/** "gpt-image-1 was shut down on 2026-10-23; use gpt-image-2". */
export function retiredRule(spec: ModelSpec): string {
  const r = spec.retirement;
  return r ? `${spec.id} was shut down on ${r.date}; use ${r.replacement}` : `${spec.id} is retired`;
}

function fail(rule: string): SizeCheck {
  return { ok: false, rule };
}

/** Names the closest legal size so the message tells the user what would work. */
function nearestHint(rule: AspectListSizeRule, width: number, height: number, imageSize?: GeminiImageSize): string {
  const tier = imageSize ?? rule.imageSizes[0];
  let best: { aspect: string; dims: Dimensions; d: number } | undefined;
  for (const aspect of rule.aspects) {
    const dims = rule.dimensions[aspect]?.[tier];
    if (!dims) continue;
    const d = Math.abs(Math.log(dims[0] / dims[1]) - Math.log(width / height));
    if (!best || d < best.d) best = { aspect, dims, d };
  }
  return best ? `aspect ${best.aspect} at ${tier} yields ${formatSize(best.dims)}` : 'no size known';
}
