/**
 * The app's job client (job-client.ts) wired to the real bridge, store, blob stores and workers, and
 * the functions the UI calls on it.
 */
import { api } from './bridge';
import { getMask } from './blob-store';
import { encodeMaskPng } from './mask-encode';
import { useEditor } from './store/store';
import { adoptPatch, buildBitmap, previewUrl, revokeUrls } from './candidate-assets';
import { runMaskOp } from '../workers/mask-ops-client';
import { rememberModel } from './providers-client';
import { refreshSpend } from './spend-client';
import { composeWithDocMask } from './partial-compose';
import { afterNextPaint, editTracer } from './edit-trace';
import { createJobClient, type JobClient, type JobRequest } from './job-client';

/** The app's client: the real bridge, store and blob stores. */
export const jobClient: JobClient = createJobClient({
  bridge: api,
  store: useEditor,
  // Removal: the mask grown first (in the mask worker), so a tight mask leaves no halo.
  encodeMask: async (maskId, rect, growPx) =>
    encodeMaskPng(growPx ? await runMaskOp('grow', getMask(maskId), growPx) : getMask(maskId), rect),
  adoptPatch,
  prebuild: buildBitmap,
  composePartial: composeWithDocMask,
  previewUrl,
  revokeUrls,
  rememberModel,
  refreshSpend,
  trace: editTracer,
  afterPaint: afterNextPaint,
});

export const generate = (): Promise<void> => jobClient.generate();
export const retryOn = (model: string, toastId?: number): Promise<void> => jobClient.retryOn(model, toastId);
export const cancelJob = (): Promise<void> => jobClient.cancelJob();
export const installJobEvents = (): (() => void) => jobClient.installJobEvents();
export const beginJob: JobClient['beginJob'] = (...args) => jobClient.beginJob(...args);
export const sendJob = (job: JobRequest, docId: string): Promise<void> => jobClient.sendJob(job, docId);
export const failStart = (e: unknown): void => jobClient.failStart(e);
