/**
 * `maskwork edit` and `maskwork fill`: one masked edit through the app's own pipeline, written as
 * files with the input's exact dimensions (and its EXIF/ICC). Pixels outside the mask's feather band
 * are the input's, bit for bit.
 */
import { resolve } from 'node:path';
import { planRegion } from '../../shared/geometry';
import { estimateCost, getModel } from '../../shared/models';
import { parseArgs, required, UsageError, type FlagSpec } from './args';
import { CliSession, candidatePaths, formatOf, readMaskFile } from './cli-session';

export const EDIT_USAGE = `maskwork edit --image <file> --mask <png> --prompt <text> --model <id> [--n <k>]
              [--quality low|medium|high|auto] [--ref <file>]... [--feather <px>] [--no-color-match]
              --out <file.png|.jpg|.webp> [--json]`;
export const FILL_USAGE = `maskwork fill --image <file> --mask <png> --out <file.png> [--seed <n>] [--json]`;

interface Log {
  json: boolean;
  progress(text: string): void;
}

export async function runEdit(argv: string[], fill: boolean): Promise<Record<string, unknown>> {
  const flags: FlagSpec = fill
    ? { image: 'string', mask: 'string', out: 'string', seed: 'number', json: 'boolean', feather: 'number' }
    : {
        image: 'string',
        mask: 'string',
        prompt: 'string',
        model: 'string',
        n: 'number',
        quality: 'string',
        ref: 'strings',
        feather: 'number',
        'no-color-match': 'boolean',
        out: 'string',
        json: 'boolean',
        seed: 'number',
      };
  const a = parseArgs(argv, flags);
  const image = resolve(required(a, 'image'));
  const maskPath = resolve(required(a, 'mask'));
  const out = resolve(required(a, 'out'));
  formatOf(out);
  const model = fill ? 'local' : required(a, 'model');
  const prompt = fill ? '' : required(a, 'prompt');
  const n = (a.n as number | undefined) ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new UsageError('--n must be a whole number from 1 to 10');
  const quality = a.quality as 'low' | 'medium' | 'high' | 'auto' | undefined;
  if (quality && !['low', 'medium', 'high', 'auto'].includes(quality)) throw new UsageError('--quality must be low, medium, high or auto');
  const feather = (a.feather as number | undefined) ?? (fill ? 0 : 4);
  const json = !!a.json;
  const log: Log = { json, progress: (t) => !json && process.stderr.write(`\r${t.padEnd(60)}`) };

  const t0 = performance.now();
  const session = await CliSession.start((p) => log.progress(`${Math.round(p.fraction * 100)}% ${p.stage}`));
  try {
    const img = await session.openImage(image);
    const mask = await readMaskFile(maskPath, img.width, img.height);
    const refs = [];
    for (const r of (a.ref as string[] | undefined) ?? []) refs.push((await session.openImage(resolve(r))).assetId);
    const tOpen = performance.now();
    const spec = getModel(model);
    const plan =
      spec && spec.status !== 'retired'
        ? planRegion({ canvas: { width: img.width, height: img.height }, bbox: mask.rect, model: spec, quality })
        : null;
    const estimate = plan?.ok
      ? estimateCost({
          modelId: spec!,
          width: plan.request.width,
          height: plan.request.height,
          quality,
          n,
          imageSize: plan.request.imageSize,
          referenceImages: refs.length,
        })
      : null;
    const { jobId } = await session.call<{ jobId: string }>('edit:start', {
      canvas: { width: img.width, height: img.height },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      mask,
      prompt,
      model,
      n,
      quality,
      references: refs,
      featherPx: Math.max(0, Math.round(feather)),
      colorMatch: fill ? false : !a['no-color-match'],
      seed: a.seed as number | undefined,
    });
    const candidates = await session.candidatesOf(jobId, !json);
    const tGen = performance.now();
    const paths = candidatePaths(out, candidates.length);
    for (const [i, c] of candidates.entries()) {
      await session.exportTo(paths[i], {
        canvas: { width: img.width, height: img.height },
        layers: [
          { assetId: img.assetId, x: 0, y: 0 },
          { assetId: c.assetId, x: c.region.x, y: c.region.y },
        ],
      });
    }
    const tEnd = performance.now();
    const c0 = candidates[0];
    return {
      model,
      image: { path: image, width: img.width, height: img.height },
      mask: { bbox: mask.rect },
      region: c0.region,
      requestSize: c0.requestSize,
      estimatedCostUsd: estimate ? Math.round(estimate.usd * 10000) / 10000 : 0,
      costBasis: estimate?.basis,
      timings: {
        openMs: Math.round(tOpen - t0),
        generateMs: Math.round(tGen - tOpen),
        writeMs: Math.round(tEnd - tGen),
        totalMs: Math.round(tEnd - t0),
      },
      outputs: paths,
      requestIds: candidates.map((c) => c.requestId).filter(Boolean),
    };
  } finally {
    await session.close();
  }
}
