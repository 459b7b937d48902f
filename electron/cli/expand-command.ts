/**
 * `maskwork expand`: extend the canvas to an aspect (with an anchor) or by pixels per side, then fill
 * the new area with the chosen model through the app's outpaint planner and job. The output has the
 * exact target size; the original's pixels are untouched outside the overlap band.
 */
import { resolve } from 'node:path';
import { extendBySides, extendToAspect, planOutpaint, type ExtendAnchor } from '../../shared/geometry';
import { estimateCost, getModel } from '../../shared/models';
import { parseArgs, required, UsageError } from './args';
import { CliSession, formatOf } from './cli-session';

export const EXPAND_USAGE = `maskwork expand --image <file> (--aspect W:H [--anchor centre|left|right|top|bottom]
              | --left N --right N --top N --bottom N) --model <id> [--prompt <text>]
              [--quality low|medium|high|auto] [--band <px>] [--prefill smooth|local]
              --out <file.png> [--json]`;

const ANCHORS = ['centre', 'center', 'left', 'right', 'top', 'bottom'];

export async function runExpand(argv: string[]): Promise<Record<string, unknown>> {
  const a = parseArgs(argv, {
    image: 'string',
    aspect: 'string',
    anchor: 'string',
    left: 'number',
    right: 'number',
    top: 'number',
    bottom: 'number',
    model: 'string',
    prompt: 'string',
    quality: 'string',
    band: 'number',
    prefill: 'string',
    out: 'string',
    json: 'boolean',
    seed: 'number',
  });
  const image = resolve(required(a, 'image'));
  const out = resolve(required(a, 'out'));
  formatOf(out);
  const model = required(a, 'model');
  const bySides = ['left', 'right', 'top', 'bottom'].some((k) => a[k] !== undefined);
  if (!!a.aspect === bySides) throw new UsageError('give either --aspect W:H or --left/--right/--top/--bottom');
  const anchorArg = (a.anchor as string | undefined) ?? 'centre';
  if (!ANCHORS.includes(anchorArg)) throw new UsageError('--anchor must be centre, left, right, top or bottom');
  const anchor = (anchorArg === 'center' ? 'centre' : anchorArg) as ExtendAnchor;
  const quality = a.quality as 'low' | 'medium' | 'high' | 'auto' | undefined;
  if (quality && !['low', 'medium', 'high', 'auto'].includes(quality)) throw new UsageError('--quality must be low, medium, high or auto');
  const prefill = a.prefill as 'smooth' | 'local' | undefined;
  if (prefill && prefill !== 'smooth' && prefill !== 'local') throw new UsageError('--prefill must be smooth or local');
  const band = Math.round((a.band as number | undefined) ?? 32);
  const json = !!a.json;

  const t0 = performance.now();
  const session = await CliSession.start(
    (p) => !json && process.stderr.write(`\r${`${Math.round(p.fraction * 100)}% ${p.stage}`.padEnd(60)}`),
  );
  try {
    const img = await session.openImage(image);
    const size = { width: img.width, height: img.height };
    let ext: ReturnType<typeof extendToAspect>;
    try {
      ext = a.aspect
        ? extendToAspect(size, a.aspect as string, anchor)
        : extendBySides(size, {
            left: (a.left as number) ?? 0,
            right: (a.right as number) ?? 0,
            top: (a.top as number) ?? 0,
            bottom: (a.bottom as number) ?? 0,
          });
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    const original = { x: ext.originalAt.x, y: ext.originalAt.y, width: img.width, height: img.height };
    const spec = getModel(model);
    const plan =
      spec && spec.status !== 'retired' ? planOutpaint({ canvas: ext.canvas, original, model: spec, quality, featherPx: band }) : null;
    const tiles = plan?.ok
      ? plan.tiles.map((t) => ({
          rect: t.rect,
          request: t.request,
          costUsd:
            Math.round(
              estimateCost({ modelId: spec!, width: t.request.width, height: t.request.height, quality, imageSize: t.request.imageSize })
                .usd * 10000,
            ) / 10000,
        }))
      : [];
    const { jobId } = await session.call<{ jobId: string }>('outpaint:start', {
      canvas: ext.canvas,
      original,
      layers: [{ assetId: img.assetId, x: original.x, y: original.y }],
      prompt: (a.prompt as string | undefined) ?? '',
      model,
      n: 1,
      quality,
      featherPx: band,
      prefill,
      seed: a.seed as number | undefined,
    });
    const candidates = await session.candidatesOf(jobId, !json);
    const tGen = performance.now();
    const c = candidates[0];
    await session.exportTo(out, {
      canvas: ext.canvas,
      layers: [
        { assetId: img.assetId, x: original.x, y: original.y },
        { assetId: c.assetId, x: c.region.x, y: c.region.y },
      ],
    });
    const tEnd = performance.now();
    return {
      model,
      image: { path: image, width: img.width, height: img.height },
      canvas: ext.canvas,
      originalAt: ext.originalAt,
      requests: tiles.length,
      tiles,
      estimatedCostUsd: Math.round(tiles.reduce((s, t) => s + t.costUsd, 0) * 10000) / 10000,
      timings: { generateMs: Math.round(tGen - t0), writeMs: Math.round(tEnd - tGen), totalMs: Math.round(tEnd - t0) },
      outputs: [out],
    };
  } finally {
    await session.close();
  }
}
