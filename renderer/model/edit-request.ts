/**
 * Builds the `edit:start` request from the document and the Generate settings (everything but the
 * mask PNG, which needs the DOM to encode), and adapts a request to another model for a retry.
 * Pure: no I/O, no DOM.
 */
import { placedLayers } from '../model/layer-logic';
import type { RequestOf } from '../../shared/ipc/contract';
import type { ModelSpec, Quality, GeminiImageSize } from '../../shared/models';
import type { Rect } from '../../shared/geometry';
import type { DocState } from './document-types';
import { clampN, maxReferences } from './model-options';

export type EditRequest = RequestOf<'edit:start'>;

/** The mask rect sent to main: the mask's bounds grown by twice the feather, clipped to the canvas. */
export function maskRectFor(bbox: Rect, featherPx: number, canvas: { width: number; height: number }): Rect {
  const m = Math.max(0, Math.round(featherPx * 2));
  const x0 = Math.max(0, bbox.x - m);
  const y0 = Math.max(0, bbox.y - m);
  const x1 = Math.min(canvas.width, bbox.x + bbox.width + m);
  const y1 = Math.min(canvas.height, bbox.y + bbox.height + m);
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/**
 * The layer stack main composites for the model: the original, then every visible patch with its
 * opacity and layer mask asset (fill those first: commands' `withLayerMaskAssets`).
 */
export function requestLayers(doc: DocState): EditRequest['layers'] {
  return placedLayers(doc);
}

export interface RequestSettings {
  prompt: string;
  model: string;
  n: number;
  quality?: Quality;
  imageSize?: GeminiImageSize;
  references: string[];
  featherPx: number;
  colorMatch: boolean;
}

/** Settings restricted to what `spec` accepts (n range, qualities, tiers, reference count). */
export function settingsForModel<T extends Omit<RequestSettings, 'model' | 'prompt'>>(s: T, spec: ModelSpec): T {
  const quality = qualityFor(s.quality, spec);
  const tiers = spec.sizeRule.kind === 'aspect-list' ? spec.sizeRule.imageSizes : [];
  const imageSize = s.imageSize && tiers.includes(s.imageSize) ? s.imageSize : undefined;
  return {
    ...s,
    n: clampN(s.n, spec),
    quality,
    imageSize,
    references: s.references.slice(0, maxReferences(spec)),
    featherPx: Math.max(0, Math.min(256, Math.round(s.featherPx))),
  };
}

/** The same request sent to another model (moderation retry): same pixels, mask and prompt. */
export function adaptRequest(req: EditRequest, model: string, spec: ModelSpec): EditRequest {
  const adapted = settingsForModel({ ...req, references: [...req.references] }, spec);
  const out: EditRequest = { ...adapted, model };
  if (out.quality === undefined) delete out.quality;
  if (out.imageSize === undefined) delete out.imageSize;
  return out;
}

/** The quality to send: the chosen one when the model has it, else medium (or its first), else none. */
export function qualityFor(q: Quality | undefined, spec: ModelSpec): Quality | undefined {
  if (!spec.qualities.length) return undefined;
  if (q && spec.qualities.includes(q)) return q;
  return spec.qualities.includes('medium') ? 'medium' : spec.qualities[0];
}

/** Pixels the mask is grown by before sending: `growPx` when on (default: on for the offline engine), else 0. */
export function effectiveGrowPx(gen: { grow: boolean | null; growPx: number }, spec: { provider: string }): number {
  const on = gen.grow ?? spec.provider === 'local';
  return on ? Math.max(0, Math.min(64, Math.round(gen.growPx))) : 0;
}
