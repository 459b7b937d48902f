/**
 * Derived Generate state read by the panel, the commands and the test hooks: the model options,
 * the chosen model, the references that will be sent, the cost estimate and what (if anything)
 * blocks Generate. The mask bounds are cached per mask id (masks are immutable).
 */
import { placeholderBlocker } from '../model/prompt-placeholder';
import { maskBounds, maskParts, thresholdMask, type Rect } from '../../shared/mask';
import { getMask } from './blob-store';
import type { EditorStore } from './store/store';
import type { ReferenceImage } from './store/jobs-slice';
import { computeEstimate, type Estimate } from '../model/estimate';
import { buildModelOptions, LOCAL_MODEL, providerLabel, referenceLimit, withArticle, type ModelOption } from '../model/model-options';
import { effectiveGrowPx, qualityFor } from '../model/edit-request';
import { canvasRect, expandRect, intersectRects } from '../../shared/geometry';
import type { ModelSpec } from '../../shared/models';
import { MASK_ON } from '../../shared/mask/threshold';
import type { RoutingDecision } from '../../shared/routing';
import { AUTO_VALUE, autoDecision } from '../model/auto-choice';
import { runActive } from '../model/multi-plan';
import { hasExtension, knownRectOf } from '../model/outpaint-request';
import { isZeroSides } from '../model/extend-logic';
import { STRONGER_TEXT_MODEL, textCheckPlan } from '../model/text-check-request';

let boundsCache: { maskId: string; bbox: Rect | null; planBox: Rect | null; parts?: Rect[] } | null = null;

function bounds(s: EditorStore) {
  const doc = s.doc;
  if (!doc) return null;
  if (boundsCache?.maskId !== doc.maskId) {
    const mask = getMask(doc.maskId);
    const bbox = maskBounds(mask);
    boundsCache = { maskId: doc.maskId, bbox, planBox: bbox ? maskBounds(thresholdMask(mask, MASK_ON)) : null };
  }
  return boundsCache;
}

/** Bounds of every masked pixel (value > 0): what the mask PNG sent to main must cover. */
export function currentMaskBounds(s: EditorStore): Rect | null {
  return bounds(s)?.bbox ?? null;
}

/**
 * The boxes of the mask's separate parts (pixels ≥ MASK_ON), as main finds them: parts far apart
 * make an edit in areas. Worked out when first asked for, once per mask.
 */
export function currentMaskParts(s: EditorStore): Rect[] {
  const b = bounds(s);
  if (!b?.planBox || !s.doc) return [];
  b.parts ??= maskParts(getMask(s.doc.maskId), MASK_ON);
  return b.parts;
}

/** Bounds of the pixels at least half masked (≥ MASK_ON): the box main plans the region around. */
export function currentPlanBox(s: EditorStore): Rect | null {
  return bounds(s)?.planBox ?? null;
}

/**
 * The box and the parts main plans the request around, for `spec`: the job grows the mask by the
 * Edge's grow before sending it (`effectiveGrowPx`, on by default for the offline engine), so they
 * grow with it, inside the photo. Planned around the mask as painted, the panel said "520×432 region
 * at full size" for a request the kept version then gave as 532×444 (found by hand).
 */
export function sentPlanInput(s: EditorStore, spec: ModelSpec): { bbox: Rect | null; parts: Rect[] } {
  const bbox = currentPlanBox(s);
  const parts = currentMaskParts(s);
  const grow = effectiveGrowPx(s.gen, spec);
  if (!grow || !bbox || !s.doc) return { bbox, parts };
  const photo = canvasRect(s.doc.canvas);
  const grown = (r: Rect) => intersectRects(expandRect(r, grow), photo) ?? r;
  return { bbox: grown(bbox), parts: parts.map(grown) };
}

let optionsCache: { keys: unknown; settings: unknown; options: ModelOption[] } | null = null;

export function modelOptions(s: EditorStore): ModelOption[] {
  if (optionsCache?.keys !== s.keyStatus || optionsCache.settings !== s.providerSettings) {
    optionsCache = {
      keys: s.keyStatus,
      settings: s.providerSettings,
      options: buildModelOptions(s.keyStatus, s.providerSettings.gateways),
    };
  }
  return optionsCache.options;
}

/**
 * True when Generate means "fill the extension": part of the canvas is not known yet (outside the
 * original and the kept extensions around it, `knownRectOf`) and the mask reaches outside the known
 * part. A canvas-sized layer kept before layers recorded their extension (an older project) counts
 * as filling the canvas, as it always did.
 */
export function fillsExtension(s: EditorStore): boolean {
  const doc = s.doc;
  if (!doc || !hasExtension(doc)) return false;
  const { width: W, height: H } = doc.canvas;
  if (doc.layers.some((l) => !l.extension && l.x <= 0 && l.y <= 0 && l.x + l.width >= W && l.y + l.height >= H)) return false;
  const b = currentMaskBounds(s);
  if (!b) return false;
  const o = knownRectOf(doc);
  return b.x < o.x || b.y < o.y || b.x + b.width > o.x + o.width || b.y + b.height > o.y + o.height;
}

let autoCache: { key: unknown[]; decision: RoutingDecision } | null = null;

/** What Auto picks now and why (also when another model is selected: the panel may show it). */
export function currentAutoDecision(s: EditorStore): RoutingDecision {
  const outpaint = fillsExtension(s) ? (s.doc?.canvas ?? null) : null;
  const key = [
    s.gen.prompt,
    s.gen.presetId,
    s.gen.quality,
    // The prices compared are of the grown mask's request (sentPlanInput).
    s.gen.grow,
    s.gen.growPx,
    s.prefs,
    s.keyStatus,
    s.providerSettings,
    s.doc?.maskId,
    outpaint?.width,
    outpaint?.height,
  ];
  if (autoCache?.key.every((k, i) => k === key[i])) return autoCache.decision;
  const doc = s.doc;
  const decision = autoDecision({
    prompt: s.gen.prompt,
    outpaint,
    presetId: s.gen.presetId,
    prefs: s.prefs,
    options: modelOptions(s),
    // The price of this very request with each model (an empty mask prices a 1024² request).
    priceOf: (spec) => {
      const { bbox, parts } = sentPlanInput(s, spec);
      if (!doc || !bbox || outpaint) return null;
      const e = computeEstimate({
        canvas: doc.canvas,
        bbox,
        parts,
        spec,
        quality: qualityFor(s.gen.quality, spec),
        n: 1,
        references: [],
      });
      return e.ok ? e.usd : null;
    },
  });
  autoCache = { key, decision };
  return decision;
}

/** The chosen model's option (Auto: the one the rules pick; the local engine if the chosen one is gone, e.g. a removed gateway). */
export function currentOption(s: EditorStore): ModelOption {
  const options = modelOptions(s);
  const value = s.gen.model === AUTO_VALUE ? currentAutoDecision(s).modelId : s.gen.model;
  return options.find((o) => o.value === value) ?? options.find((o) => o.value === LOCAL_MODEL)!;
}

/** The references that will be sent: the first ones, up to what the model takes. */
export function sentReferences(s: EditorStore): ReferenceImage[] {
  return s.gen.references.slice(0, referenceLimitOf(s).max);
}

/**
 * How many references the request takes: the chosen model's limit, or with several models at once
 * the smallest among the models counted (each is sent the same references; the hidden single
 * model's limit was shown and used, "0/15" with Offline fill, which takes none, in the list).
 */
export function referenceLimitOf(s: EditorStore): ReturnType<typeof referenceLimit> {
  const spec = currentOption(s).spec;
  if (!s.gen.multiOn) return referenceLimit([], spec);
  const counted = modelOptions(s).filter((o) => (s.gen.multi[o.value] ?? 0) > 0);
  return referenceLimit(
    counted.map((o) => o.spec),
    spec,
  );
}

export function currentEstimate(s: EditorStore): Estimate | null {
  if (!s.doc) return null;
  const { spec } = currentOption(s);
  // An edit with the text check is one region (main never splits it: the check reads one region).
  const stronger = modelOptions(s).find((o) => o.value === STRONGER_TEXT_MODEL);
  const checked = !!textCheckPlan(s.gen.prompt, s.gen.textCheck, spec, !!stronger?.usable)?.request;
  const { bbox, parts } = sentPlanInput(s, spec);
  return computeEstimate({
    canvas: s.doc.canvas,
    bbox,
    ...(checked ? {} : { parts }),
    spec,
    quality: qualityFor(s.gen.quality, spec),
    imageSize: s.gen.imageSize,
    n: s.gen.n,
    references: sentReferences(s),
  });
}

/** What Generate says while an extension is proposed over a leftover mask: both ways out. */
export const APPLY_OR_DROP = 'Apply the extension (Enter) to fill the new area, or drop it (Esc) to edit the mask';

/**
 * With the extend tool in hand, the proposal comes first. Pixels proposed but not applied yet block
 * every Generate (one model, several, the extension's fill): with a mask left over it ran a paid
 * edit of that mask and left the proposal unapplied (hands-on H3), so the message names both ways
 * out; with no mask, Apply. With nothing proposed and no mask, how to propose some ("Paint a mask
 * first" said nothing of the tool in hand). Null with another tool, or nothing proposed over a mask.
 */
export function pendingExtension(s: EditorStore): string | null {
  if (s.tool !== 'extend') return null;
  return proposalBlocker(s) ?? (currentMaskBounds(s) ? null : 'Pick a size above or drag an edge, then Enter (or paint a mask)');
}

/** An extension proposed in the bar and not applied yet: what Generate says, else null. */
export function proposalBlocker(s: EditorStore): string | null {
  if (s.tool !== 'extend' || isZeroSides(s.extend.sides)) return null;
  return currentMaskBounds(s) ? APPLY_OR_DROP : 'Apply the extension first (Enter), then Generate';
}

/** Why Generate cannot run now, or null. */
export function generateBlocker(s: EditorStore, estimate = currentEstimate(s)): string | null {
  if (!s.doc) return 'Open a photo first';
  if (s.job || runActive(s.multiRun?.entries)) return 'A job is running';
  const pending = pendingExtension(s);
  if (pending) return pending;
  if (estimate && !estimate.ok) return estimate.error;
  const opt = currentOption(s);
  if (!opt.usable && opt.keyProvider)
    return `Set ${withArticle(providerLabel(opt.keyProvider, s.providerSettings.gateways))} key in Settings (⚙)`;
  // An empty prompt is sent as Generative Fill's (main's REMOVE_PROMPT). The offline engine does not
  // read the prompt: a blank left in it changes nothing there.
  return opt.spec.provider === 'local' ? null : placeholderBlocker(s.gen.prompt);
}
