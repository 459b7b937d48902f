/** The job client's seams: what it is given (deps) and what it offers (see job-client.ts). */
import type { Rect } from '../../shared/geometry/rect';
import type { MaskworkApi } from '../../shared/ipc/bridge';
import type { ExpectedTime } from '../../shared/models';
import type { JobKind } from './store/jobs-slice';
import type { EditorStore } from './store/store';
import type { EditRequest } from '../model/edit-request';
import type { OutpaintRequest } from '../model/outpaint-request';
import type { EditTracer } from './edit-trace';
import type { BuiltPatch, PatchSource, PixelSource } from './candidate-assets';

/** What a job was started with: a masked edit or an outpaint. */
export type JobRequest = { kind: 'edit'; req: EditRequest } | { kind: 'outpaint'; req: OutpaintRequest };

/** Everything the job client talks to; the app passes the real ones, tests fakes. */
export interface JobClientDeps {
  /** The bridge (window.maskwork): edit/outpaint start, job cancel/result, progress events. */
  bridge: () => Pick<MaskworkApi, 'edit' | 'outpaint' | 'job' | 'events'>;
  store: { getState(): EditorStore };
  /** The mask inside `rect` as a grey PNG. */
  /** The mask inside `rect` as PNG, grown by `growPx` first when given (removal without a halo). */
  encodeMask(maskId: string, rect: Rect, growPx?: number): Promise<Uint8Array>;
  /** Builds a candidate's patch bitmap and keeps its source (candidate-assets). */
  adoptPatch(assetId: string, source: PatchSource, built?: Promise<BuiltPatch>): Promise<void>;
  /** Starts building the bitmap of pixels that came ahead of the result (absent: built when staged). */
  prebuild?(source: PixelSource): Promise<BuiltPatch>;
  previewUrl(bytes: Uint8Array): string;
  revokeUrls(urls: Iterable<string>): void;
  rememberModel(model: string): void;
  refreshSpend(): Promise<void> | void;
  /** Timing spans of each edit (renderer/commands/edit-trace.ts); none when absent. */
  trace?: EditTracer;
  /** A copy of a bitmap the early view owns (renderer/commands/early-show.ts; default createImageBitmap). */
  copyBitmap?(bmp: ImageBitmap): Promise<ImageBitmap>;
  /**
   * A streamed partial preview at its region's size, cut out by the mask (renderer/commands/partial-show.ts);
   * absent: partial images show in the strip only.
   */
  composePartial?(bytes: Uint8Array, region: Rect): Promise<ImageBitmap | null>;
  /** Resolves once the frame showing a newly staged candidate is painted (the trace's end). */
  afterPaint?: () => Promise<void>;
  timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(handle: unknown): void };
  now?: () => number;
  pollMs?: number;
}

export interface JobClient {
  /** Ctrl/Cmd+Enter and the Generate button. */
  generate(): Promise<void>;
  /** Retries the last request (same pixels, mask and prompt) on another model after a refusal. */
  retryOn(model: string, toastId?: number): Promise<void>;
  /** The Cancel button, and Escape while a job runs. */
  cancelJob(): Promise<void>;
  /** Subscribes to job progress; returns the unsubscribe. */
  installJobEvents(): () => void;
  /** Shows the job (one progress bar) before its start request is answered. */
  beginJob(
    docId: string,
    model: string,
    modelName: string,
    prompt: string,
    kind: JobKind,
    canvas: { width: number; height: number },
    expected?: ExpectedTime | null,
  ): void;
  /** Starts the job in main; progress, cancel and staging then work the same for every kind. */
  sendJob(job: JobRequest, docId: string): Promise<void>;
  /** A job that could not start: the bar goes away and the error is shown. */
  failStart(e: unknown): void;
}
