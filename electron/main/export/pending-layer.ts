/**
 * A layer an export waits for: a running edit's candidate (`image:export`'s `pendingLayer`). The
 * export knows the rows it may cover (`rect`) from the start and encodes the others meanwhile.
 */
import { AppError } from '../../../shared/errors';
import type { JobResult } from '../../../shared/ipc/contract-types';
import type { PlacedAsset } from '../services/image-export';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PendingLayer {
  /** Where the layer will lie (its region is checked against it when it arrives). */
  rect: Rect;
  layer: Promise<PlacedAsset>;
}

/** The `candidate`-th result of job `jobId`, once the job is done; its failure or cancellation otherwise. */
export function pendingJobLayer(
  jobs: { wait(jobId: string): Promise<JobResult> },
  p: { jobId: string; candidate: number; rect: Rect; name?: string },
): PendingLayer {
  const layer = jobs.wait(p.jobId).then((r): PlacedAsset => {
    if (r.state === 'failed') throw new AppError(r.error);
    if (r.state !== 'done') throw new AppError({ kind: 'cancelled', message: 'The edit was cancelled; nothing was exported.' });
    const c = r.candidates[p.candidate];
    if (!c)
      throw new AppError({ kind: 'invalid-request', message: `The edit returned no candidate ${p.candidate + 1}; nothing was exported.` });
    const { x, y, width, height } = c.region;
    if (x < p.rect.x || y < p.rect.y || x + width > p.rect.x + p.rect.width || y + height > p.rect.y + p.rect.height) {
      throw new AppError({ kind: 'invalid-request', message: 'The edit’s result lies outside the rows the export kept for it.' });
    }
    return { assetId: c.assetId, x, y, ...(p.name ? { name: p.name } : {}) };
  });
  // The export awaits it (or reports the job's error); an unused rejection is not an unhandled one.
  layer.catch(() => {});
  return { rect: p.rect, layer };
}
