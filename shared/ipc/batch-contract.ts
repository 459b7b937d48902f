/**
 * The Batch panel's channels (spread into `channels` in contract.ts). Files and masks are chosen in
 * main's own dialogs and referred to by opaque ids: the renderer never sends a path main would read.
 */
import * as s from './schema';
import type { BatchView } from '../batch/batch-types';

/** A file main picked for a batch, by id; `mask` is the per-file mask found by name, if any. */
/** The formats Export kept writes (TIFF and layered PSD too, as the CLI's `batch --format`). */
export const BATCH_EXPORT_FORMATS = ['png', 'jpeg', 'webp', 'tiff', 'psd'] as const;
export type BatchExportFormat = (typeof BATCH_EXPORT_FORMATS)[number];

export interface BatchFile {
  fileId: string;
  name: string;
  /** Name of the mask found beside it (`<stem>.mask.png`, `<stem>-mask.png`, `<stem>.mask-<label>.png`, or in `masks/`). */
  mask: string | null;
  /** No mask taken: these labelled masks (`<stem>.mask-blob.png`, `<stem>.mask-box.png`) are all its own; which one is not guessed. */
  masks?: string[];
}

export interface BatchEstimate {
  items: Array<{ fileId: string; usd: number | null; error?: string }>;
  /** At the chosen mode's price. */
  totalUsd: number;
  /** The same requests at the standard price. */
  standardUsd: number;
  /** The model the batch will use (Auto resolved) and why. */
  model: string;
  autoReason?: string;
}

export interface BatchExportResult {
  folder: string;
  written: string[];
  /** `exists`: the output name (`coffee-edited.png`) was already in the folder, and was not replaced. */
  failed: Array<{ name: string; message: string; exists?: string }>;
}

/** What Clear finished did: the queue left (newest first), how many batches it took off, and their results deleted. */
export interface BatchClearResult {
  batches: BatchView[];
  cleared: number;
  /**
   * The cleared batches' results deleted from the app's data folder (their files, `bytes` in all);
   * `kept`: still in use elsewhere (the open document, another batch). Null: none deleted, as something
   * the check reads (the autosave, a settings file) could not be read.
   */
  deleted: { results: number; bytes: number; kept: number } | null;
}

const fileId = s.string({ min: 1, max: 64, pattern: /^[a-z0-9-]+$/ });
const batchId = s.string({ min: 1, max: 64, pattern: /^[a-z0-9-]+$/ });
const itemId = s.string({ min: 1, max: 32, pattern: /^item-\d+$/ });
const settings = {
  fileIds: s.array(fileId, { min: 1, max: 500 }),
  /** One mask for every file (from `batch:chooseMask`); without it, each file's own mask by name. */
  maskId: s.optional(fileId),
  prompt: s.string({ max: 32_000 }),
  /** Catalog id or `auto`. */
  model: s.string({ min: 1, max: 200 }),
  quality: s.optional(s.oneOf(['low', 'medium', 'high', 'auto'] as const)),
  mode: s.oneOf(['now', 'batch-api'] as const),
};

/**
 * Main → renderer (`batch:changed`, after `batch:watch`): a batch's state or progress moved — an image
 * sent, finished or failed, the batch ended. Checked in the renderer before it is acted on.
 */
export const batchChangedEvent = s.object({
  batchId,
  state: s.oneOf(['queued', 'running', 'submitted', 'done', 'failed', 'cancelled'] as const),
});

export const batchChannels = {
  /** The renderer that is told of every batch change from now on (`batch:changed`); polling stays only as a slow fallback. */
  'batch:watch': { request: s.object({}), response: s.type<{ watching: true }>() },
  /** Main's open dialog (several images); returns them with the masks found by name. */
  'batch:addImages': { request: s.object({}), response: s.type<{ files: BatchFile[] } | { canceled: true }>() },
  /** Main's folder dialog; every image in it (mask files are matched, not listed). */
  'batch:addFolder': { request: s.object({}), response: s.type<{ files: BatchFile[] } | { canceled: true }>() },
  /**
   * An image dropped on the Batch dialog: its bytes and name, and `path` (set by the transport from
   * the dropped File, never by the page). From its file when that still holds these bytes (its mask
   * is found by name beside it); else a copy in the app's data folder (no mask by name: one mask for all).
   */
  'batch:addDropped': {
    request: s.object({
      bytes: s.bytes({ maxBytes: 400 * 1024 * 1024 }),
      name: s.string({ min: 1, max: 512 }),
      path: s.optional(s.string({ min: 1, max: 4096 })),
    }),
    response: s.type<{ files: BatchFile[] }>(),
  },
  /** Of a file's several labelled masks (`BatchFile.masks`), the one to use: the file as it is now. */
  'batch:pickMask': { request: s.object({ fileId, mask: s.string({ min: 1, max: 255 }) }), response: s.type<BatchFile>() },
  /** Main's open dialog for the one mask used for every file. */
  'batch:chooseMask': { request: s.object({}), response: s.type<{ maskId: string; name: string } | { canceled: true }>() },
  /** The whole batch's price before starting (each image opened and planned as Generate would). */
  'batch:estimate': { request: s.object(settings), response: s.type<BatchEstimate>() },
  'batch:start': {
    request: s.object({ ...settings, featherPx: s.number({ int: true, min: 0, max: 256 }), colorMatch: s.boolean() }),
    response: s.type<BatchView>(),
  },
  /** The persisted queue, newest first. */
  'batch:list': { request: s.object({}), response: s.type<BatchView[]>() },
  'batch:cancel': { request: s.object({ batchId }), response: s.type<BatchView>() },
  /**
   * Takes every finished batch (done, failed, cancelled; none being redone) off the queue and deletes
   * their results from the app's data folder (never an exported file); the queue left, newest first.
   */
  'batch:clearFinished': { request: s.object({}), response: s.type<BatchClearResult>() },
  'batch:review': {
    request: s.object({ batchId, itemId, review: s.oneOf(['pending', 'kept', 'discarded'] as const) }),
    response: s.type<BatchView>(),
  },
  /** Sends one item again now (standard price). */
  'batch:redo': { request: s.object({ batchId, itemId }), response: s.type<BatchView>() },
  /** A small before/after preview of an item's result (JPEG, longest edge ≤ 512 px). */
  'batch:preview': { request: s.object({ batchId, itemId }), response: s.type<{ before: Uint8Array; after: Uint8Array | null }>() },
  /** Main's folder dialog, then every kept result written there (never replacing a file). */
  'batch:export': {
    request: s.object({
      batchId,
      format: s.oneOf(BATCH_EXPORT_FORMATS),
      quality: s.optional(s.number({ int: true, min: 1, max: 100 })),
    }),
    response: s.type<BatchExportResult | { canceled: true }>(),
  },
} as const;
