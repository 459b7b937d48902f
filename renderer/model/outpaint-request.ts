/**
 * Outpainting, pure: whether the document has an extension to fill, the `outpaint:start` request,
 * its adaptation to another model (moderation retry), and the estimate shown before sending — how
 * many requests the shared planner needs and what they cost (the same `planOutpaint` call main
 * makes, so the count shown is the count sent). No I/O, no DOM.
 */
import type { RequestOf } from '../../shared/ipc/contract';
import { longestChain, planOutpaint } from '../../shared/geometry';
import { estimateCost, expectedSeconds, type ExpectedTime, type GeminiImageSize, type ModelSpec, type Quality } from '../../shared/models';
import { layerHasMask, layerOpacity, layerVisible } from '../../shared/document/schema';
import type { DocState } from './document-types';
import { qualityFor, requestLayers } from './edit-request';
import { formatUsd } from './estimate';
import { clampN } from './model-options';

export type OutpaintRequest = RequestOf<'outpaint:start'>;

/** The outpaint contract takes at most 4 candidates. */
export const OUTPAINT_MAX_N = 4;

type Rect = { x: number; y: number; width: number; height: number };

const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** The original's rect in the canvas. */
export function originalRectOf(doc: DocState): Rect {
  return { x: doc.original.x, y: doc.original.y, width: doc.original.width, height: doc.original.height };
}

/**
 * Where the picture is known: the original, grown to every kept extension that surrounds it. A kept
 * outpaint layer is opaque outside the part that was known when it was made (`extension.known`), so
 * once that part lies in what is known already, the whole layer is known. Only a layer that shows as
 * it was generated counts: visible, full opacity, no layer mask (a hidden or masked extension is
 * filled again). What an outpaint sends as `original` and what its estimate plans.
 */
export function knownRectOf(doc: DocState): Rect {
  let known = originalRectOf(doc);
  const canvas = { x: 0, y: 0, ...doc.canvas };
  const extensions = doc.layers.filter((l) => l.extension && layerVisible(l) && layerOpacity(l) === 1 && !layerHasMask(l));
  for (let grew = true; grew; ) {
    grew = false;
    for (const l of extensions) {
      const k = l.extension!.known;
      const layer = { x: l.x, y: l.y, width: l.width, height: l.height };
      const hole = { x: l.x + k.x, y: l.y + k.y, width: k.width, height: k.height };
      if (!contains(known, hole) || !contains(layer, known) || contains(known, layer) || !contains(canvas, layer)) continue;
      known = layer;
      grew = true;
    }
  }
  return known;
}

/** What Generate fills, in words: around the photo, or around the photo and the extensions kept around it. */
export function outpaintWhat(doc: DocState): string {
  const k = knownRectOf(doc);
  const canvas = `${doc.canvas.width}×${doc.canvas.height} canvas`;
  if (k.width === doc.original.width && k.height === doc.original.height)
    return `Generate fills the ${canvas} around the ${k.width}×${k.height} photo`;
  return `Generate fills the ${canvas} around the ${k.width}×${k.height} you kept (the photo and its extension)`;
}

/** True when part of the canvas is not known yet: the canvas is larger than the original and the kept extensions around it. */
export function hasExtension(doc: DocState | null): boolean {
  if (!doc) return false;
  const k = knownRectOf(doc);
  return k.width < doc.canvas.width || k.height < doc.canvas.height;
}

export interface OutpaintSettings {
  n: number;
  quality?: Quality;
  imageSize?: GeminiImageSize;
  /** The overlap band (px). */
  featherPx: number;
}

/** Settings restricted to what `spec` and the outpaint contract accept. */
export function outpaintSettingsFor(s: OutpaintSettings, spec: ModelSpec): OutpaintSettings {
  const tiers = spec.sizeRule.kind === 'aspect-list' ? spec.sizeRule.imageSizes : [];
  return {
    n: Math.min(OUTPAINT_MAX_N, clampN(s.n, spec)),
    quality: qualityFor(s.quality, spec),
    imageSize: s.imageSize && tiers.includes(s.imageSize) ? s.imageSize : undefined,
    featherPx: Math.max(0, Math.min(256, Math.round(s.featherPx))),
  };
}

/** The `outpaint:start` request: the original first at its x,y, then the visible patch layers. */
export function buildOutpaintRequest(
  doc: DocState,
  prompt: string,
  model: string,
  spec: ModelSpec,
  settings: OutpaintSettings,
): OutpaintRequest {
  const s = outpaintSettingsFor(settings, spec);
  const req: OutpaintRequest = {
    canvas: { ...doc.canvas },
    original: knownRectOf(doc),
    layers: requestLayers(doc),
    prompt,
    model,
    n: s.n,
    featherPx: s.featherPx,
  };
  if (s.quality !== undefined) req.quality = s.quality;
  if (s.imageSize !== undefined) req.imageSize = s.imageSize;
  return req;
}

/** The same outpaint sent to another model: same canvas, layers and prompt. */
export function adaptOutpaintRequest(req: OutpaintRequest, model: string, spec: ModelSpec): OutpaintRequest {
  const s = outpaintSettingsFor(req, spec);
  const out: OutpaintRequest = { ...req, model, n: s.n, featherPx: s.featherPx };
  delete out.quality;
  delete out.imageSize;
  if (s.quality !== undefined) out.quality = s.quality;
  if (s.imageSize !== undefined) out.imageSize = s.imageSize;
  return out;
}

export interface OutpaintEstimateInput {
  canvas: { width: number; height: number };
  original: { x: number; y: number; width: number; height: number };
  spec: ModelSpec;
  /** Shown in the summary ("gpt-image-2"). */
  modelLabel: string;
  settings: OutpaintSettings;
}

export interface OutpaintEstimateOk {
  ok: true;
  /** Provider requests in all (tiles × candidates); for the local engine, the candidates it makes. */
  requests: number;
  tiles: number;
  usd: number;
  approximate: boolean;
  /** "2 requests · ≈ $0.088 (GPT Image 2, medium)", "1 candidate · $0.000 — free (offline)". */
  text: string;
  /** One line per tile (tooltip). */
  detail: string;
  /** Usual time of the whole plan (the tiles' longest chain of waits, or all of them for the offline engine; × candidates), or null when unknown. */
  expected: ExpectedTime | null;
}

export interface OutpaintEstimateError {
  ok: false;
  error: string;
}

export type OutpaintEstimate = OutpaintEstimateOk | OutpaintEstimateError;

export function computeOutpaintEstimate(input: OutpaintEstimateInput): OutpaintEstimate {
  const { spec } = input;
  const s = outpaintSettingsFor(input.settings, spec);
  if (input.canvas.width === input.original.width && input.canvas.height === input.original.height) {
    return { ok: false, error: 'Extend the canvas first (C)' };
  }
  const plan = planOutpaint({
    canvas: input.canvas,
    original: input.original,
    model: spec,
    quality: s.quality,
    imageSize: s.imageSize,
    featherPx: s.featherPx,
  });
  if (!plan.ok) return { ok: false, error: capitalise(plan.reason) };
  if (!plan.tiles.length) return { ok: false, error: 'Extend the canvas first (C)' };
  let perCandidate = 0;
  let approximate = false;
  // A cloud model's tiles that do not overlap are asked at once: the plan takes its longest chain of waits.
  const perTile = plan.tiles.map((t) => expectedSeconds(spec, spec.provider === 'local' ? t.rect : t.request));
  let expected: ExpectedTime | null = null;
  if (perTile.every((e) => e !== null)) {
    const side = (k: 'low' | 'high') =>
      spec.provider === 'local' ? perTile.reduce((t, e) => t + e![k], 0) : longestChain(plan.tiles, (i) => perTile[i]![k]);
    // Main runs a cloud model's candidates side by side (run-outpaint.ts inParallel): they take one
    // candidate's time. Main also asks that their working canvases fit its memory budget together,
    // which the renderer cannot know (half the computer's memory); this follows the cloud rule, so a
    // canvas too large for that runs longer than shown. The offline engine's run one after the other.
    const times = spec.provider === 'local' ? s.n : 1;
    expected = { low: side('low') * times, high: side('high') * times, basis: perTile[0]?.basis ?? '' };
  }
  try {
    for (const t of plan.tiles) {
      const c = estimateCost({
        modelId: spec,
        width: t.request.width,
        height: t.request.height,
        quality: s.quality,
        imageSize: t.request.imageSize,
      });
      perCandidate += c.usd;
      approximate ||= c.approximate;
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const usd = Math.round(perCandidate * s.n * 1e6) / 1e6;
  const requests = plan.tiles.length * s.n;
  const local = spec.provider === 'local';
  // The offline engine fills the whole canvas in one tile, so what it makes is so many candidates (the
  // progress line counts them too: "The extension, candidate 2 of 3"), not "passes".
  const made = (n: number) => `${n} candidate${n === 1 ? '' : 's'}`;
  const count = local
    ? // "(offline)" says where: "… on this computer" made the line three lines at 1280×800.
      `${plan.tiles.length === 1 ? made(s.n) : `${plan.tiles.length} tiles × ${made(s.n)}`}`
    : `${requests} request${requests === 1 ? '' : 's'}`;
  // Said as the edit's cost line says it: "$0.000 — free (offline)", "≈ $0.088 (GPT Image 2, medium)".
  const money =
    spec.pricing.kind === 'free'
      ? `${formatUsd(0)} — free (offline)`
      : `${approximate ? '≈ ' : ''}${formatUsd(usd)} (${[input.modelLabel, s.quality, s.imageSize].filter(Boolean).join(', ')})`;
  const detail = plan.tiles
    .map((t, i) => `Tile ${i + 1}: ${t.rect.width}×${t.rect.height} at ${t.rect.x},${t.rect.y} → ${t.request.width}×${t.request.height}`)
    .join('\n');
  return {
    ok: true,
    requests,
    tiles: plan.tiles.length,
    usd: spec.pricing.kind === 'free' ? 0 : usd,
    approximate,
    text: `${count} · ${money}`,
    detail: s.n > 1 ? `${detail}\n× ${s.n} candidates` : detail,
    expected,
  };
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
