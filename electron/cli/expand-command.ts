/**
 * `maskwork expand`: extend the canvas to an aspect (with an anchor) or by pixels per side, then fill
 * the new area with the chosen model through the app's outpaint planner and job. The output has the
 * exact target size; the original's pixels are untouched outside the overlap band. Main refuses a
 * canvas over 150 MP / 30000 px per side (or over the memory budget) before any work.
 */
import { resolve } from 'node:path';
import { centredOnGrid, extendBySides, extendToAspect, planOutpaint, type CanvasExtension, type ExtendAnchor } from '../../shared/geometry';
import { estimateCost } from '../../shared/models';
import { flag, int, intOr, oneOf, oneOfOr, optional, parseOptions, required, UsageError } from './args';
import { checkOutpaintBudget } from '../main/edit/outpaint-budget';
import { asGiven, CliSession, unwrap } from './cli-session';
import { autoReport, chooseModelFor, modelOption, qualityFor, readRules } from './model-choice';
import { AUTO_MODEL, formatDecision } from '../../shared/routing';
import { formatOf, refuseExisting, resultLayerName } from './output-paths';
import { progressLine } from './progress-line';
import { seedsOf } from './edit-command';

const SIDE = () => int(0, 1_000_000);
export const EXPAND_OPTIONS = {
  image: required(),
  out: required(),
  model: modelOption(),
  aspect: optional(),
  anchor: oneOfOr(['centre', 'center', 'left', 'right', 'top', 'bottom'], 'centre'),
  left: SIDE(),
  right: SIDE(),
  top: SIDE(),
  bottom: SIDE(),
  prompt: optional(),
  quality: oneOf(['low', 'medium', 'high', 'auto']),
  band: intOr(0, 256, 32),
  prefill: oneOf(['smooth', 'local']),
  seed: int(0, 2 ** 31 - 1),
  rules: optional(),
  overwrite: flag(),
  json: flag(),
};

export type ExpandOptions = ReturnType<typeof parseExpand>;

export function parseExpand(argv: readonly string[]) {
  return checkExtent(parseOptions('expand', argv, EXPAND_OPTIONS));
}

/** Exactly one way to say the new size: an aspect, or pixels per side. */
export function checkExtent<T extends { aspect?: string; left?: number; right?: number; top?: number; bottom?: number }>(a: T): T {
  const bySides = a.left !== undefined || a.right !== undefined || a.top !== undefined || a.bottom !== undefined;
  if (!!a.aspect === bySides) throw new UsageError('give either --aspect W:H or --left/--right/--top/--bottom');
  return a;
}

export async function runExpand(o: ExpandOptions): Promise<Record<string, unknown>> {
  // With --model auto the pick depends on the extended canvas: checked here, decided once it is known.
  const rules = await readRules(o.rules);
  if (o.rules && o.model !== AUTO_MODEL) throw new UsageError('--rules applies only with --model auto');
  const fixed = o.model === AUTO_MODEL ? null : chooseModelFor(o.model, { prompt: '', outpaint: null, env: process.env });
  if (fixed) qualityFor(fixed.spec, o.quality);
  const image = resolve(o.image);
  const out = resolve(o.out);
  formatOf(out);
  await refuseExisting([out], o.overwrite);
  const anchor = (o.anchor === 'center' ? 'centre' : o.anchor) as ExtendAnchor;

  const t0 = performance.now();
  const progress = progressLine(process.stderr, !o.json);
  const session = CliSession.start((p) => progress.update(p.fraction, p.stage));
  try {
    const img = await asGiven(o.image, session.openImage(image));
    const size = { width: img.width, height: img.height };
    let ext: CanvasExtension;
    try {
      // A JPEG centred by --aspect goes on its block grid (≤ 8 px off the centre): its data can be kept.
      ext = o.aspect
        ? img.format === 'jpeg'
          ? centredOnGrid(extendToAspect(size, o.aspect, anchor), size, anchor)
          : extendToAspect(size, o.aspect, anchor)
        : extendBySides(size, { left: o.left ?? 0, right: o.right ?? 0, top: o.top ?? 0, bottom: o.bottom ?? 0 });
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const { spec, auto } =
      fixed ?? chooseModelFor(o.model, { prompt: o.prompt ?? '', outpaint: ext.canvas, quality: o.quality, env: process.env, rules });
    if (auto && !o.json) process.stderr.write(`maskwork: Auto picked ${formatDecision(auto)}\n`);
    const quality = qualityFor(spec, auto && !spec.qualities.length ? undefined : o.quality);
    const original = { x: ext.originalAt.x, y: ext.originalAt.y, width: img.width, height: img.height };
    const request = {
      canvas: ext.canvas,
      original,
      layers: [{ assetId: img.assetId, x: original.x, y: original.y }],
      prompt: o.prompt ?? '',
      model: spec.id,
      n: 1,
      ...(quality ? { quality } : {}),
      featherPx: o.band,
      ...(o.prefill ? { prefill: o.prefill } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
    };
    // The canvas limits and memory, before any work (main's handler checks again): also for a canvas
    // beyond what the IPC contract would even accept, so the message is the clear one.
    checkOutpaintBudget(request, process.env, spec);
    const { jobId } = unwrap(await session.api.outpaint.start(request));
    const plan = planOutpaint({ canvas: ext.canvas, original, model: spec, quality, featherPx: o.band });
    const tiles = plan.ok
      ? plan.tiles.map((t) => ({
          rect: t.rect,
          request: t.request,
          costUsd:
            Math.round(
              estimateCost({ modelId: spec, width: t.request.width, height: t.request.height, quality, imageSize: t.request.imageSize })
                .usd * 10000,
            ) / 10000,
        }))
      : [];
    const candidates = await session.candidatesOf(jobId, progress);
    const tGen = performance.now();
    const c = candidates[0];
    await session.exportTo(
      out,
      {
        canvas: ext.canvas,
        layers: [
          { assetId: img.assetId, x: original.x, y: original.y },
          { assetId: c.assetId, x: c.region.x, y: c.region.y, name: resultLayerName(spec.id, o.prompt ?? 'Extend') },
        ],
        provenance: { models: [spec.id] },
      },
      o.overwrite,
    );
    const tEnd = performance.now();
    return {
      model: spec.id,
      ...autoReport(auto),
      quality: quality ?? null,
      image: { path: image, width: img.width, height: img.height },
      canvas: ext.canvas,
      originalAt: ext.originalAt,
      requests: tiles.length,
      tiles,
      estimatedCostUsd: Math.round(tiles.reduce((s, t) => s + t.costUsd, 0) * 10000) / 10000,
      timings: { generateMs: Math.round(tGen - t0), writeMs: Math.round(tEnd - tGen), totalMs: Math.round(tEnd - t0) },
      outputs: [out],
      ...(session.notes.length ? { notes: session.notes } : {}),
      ...seedsOf(candidates),
    };
  } finally {
    session.close();
  }
}
