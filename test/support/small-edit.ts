/** A small synthetic photo and mask, edited through dispatch like the renderer does (fast enough for matrices). */
import sharp from 'sharp';
import type { JobResult } from '../../shared/ipc/contract-types';
import { makePng } from '../servers';
import type { MainHarness } from './main-harness';

export interface SmallEdit {
  assetId: string;
  width: number;
  height: number;
}

/** Imports a 384×256 photo into main. */
export async function importSmallPhoto(main: MainHarness): Promise<SmallEdit> {
  const bytes = new Uint8Array(await makePng(384, 256, [90, 140, 190, 255]));
  const img = await main.call('image:import', { bytes, name: 'small.png' });
  return { assetId: img.assetId, width: img.width, height: img.height };
}

let maskPng: Uint8Array | undefined;
const MASK_RECT = { x: 150, y: 90, width: 80, height: 60 };

/** Starts an edit of the small photo and returns the job result as `job:result` hands it to the renderer. */
export async function smallEdit(
  main: MainHarness,
  photo: SmallEdit,
  model: string,
  extra: Record<string, unknown> = {},
): Promise<{ jobId: string; result: JobResult; direct: JobResult; raw: unknown }> {
  maskPng ??= new Uint8Array(
    await sharp({ create: { width: MASK_RECT.width, height: MASK_RECT.height, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  const { jobId } = await main.call('edit:start', {
    canvas: { width: photo.width, height: photo.height },
    layers: [{ assetId: photo.assetId, x: 0, y: 0 }],
    mask: { png: maskPng, rect: MASK_RECT },
    prompt: 'a small red box',
    model,
    n: 1,
    references: [],
    featherPx: 2,
    colorMatch: false,
    ...extra,
  });
  // What the CLI reads (straight from the job runner), then what the renderer gets over IPC.
  const direct = await main.waitJob(jobId);
  const raw = await main.callRaw('job:result', { jobId });
  if (!raw.ok) throw new Error(`job:result failed: ${raw.error.message}`);
  return { jobId, result: raw.value as JobResult, direct, raw };
}
