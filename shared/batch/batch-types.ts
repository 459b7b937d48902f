/**
 * A batch: one prompt, one model and one mask rule over many images, kept in main's persisted queue
 * (`batches.json`) so it survives a restart. Items are reviewed one by one (kept, discarded, redone)
 * and the kept ones exported to a folder. With the Gemini Batch API the requests go to Google as one
 * batch job at half price, answered within 24 h; otherwise they run one after another at once.
 */
import type { AppErrorInfo } from '../errors';
import type { Quality } from '../models';

/** The Gemini Batch API bills 50 % of the standard price (providers.md §3, [G-PRICE]). */
export const BATCH_API_PRICE_FACTOR = 0.5;
/** Google's target turnaround for a batch job. */
export const BATCH_API_TURNAROUND_HOURS = 24;
/** Inlined requests must stay under 20 MB in total (Gemini Batch API guide). */
export const BATCH_API_INLINE_LIMIT_BYTES = 20 * 1024 * 1024;

/** `now`: requests sent one after another at the standard price; `batch-api`: one Gemini batch job at half price. */
export type BatchMode = 'now' | 'batch-api';

export type BatchItemState = 'queued' | 'running' | 'submitted' | 'done' | 'failed' | 'cancelled';
export type BatchReview = 'pending' | 'kept' | 'discarded';
/** The Gemini job's state as the SDK names it, lower-cased without the prefix. */
export type RemoteBatchState = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'expired' | 'unknown';

export interface BatchResult {
  /** Patch asset (RGBA PNG of `region`, alpha = feathered mask). */
  assetId: string;
  region: { x: number; y: number; width: number; height: number };
  costUsd: number;
  requestId?: string;
}

export interface BatchItemRecord {
  /** `item-1`, `item-2`, …: also the Batch API request's metadata key. */
  id: string;
  /** The file's name (shown in the queue and the review grid). */
  name: string;
  /** Absolute paths main read (never sent by the renderer). */
  image: string;
  mask: string;
  state: BatchItemState;
  review: BatchReview;
  /** Pre-send estimate at this batch's price. */
  estimateUsd?: number;
  /**
   * What the requests sent for this item cost (the spend ledger's figure: counted when sent, a
   * request the service rejected taken back out), redos included.
   */
  spentUsd?: number;
  result?: BatchResult;
  /** Result assets a Redo replaced (main only: deleted with the batch's results when it is cleared). */
  earlier?: string[];
  /** The result asset Export kept last wrote (a redo's new result is not exported yet). */
  exported?: string;
  error?: AppErrorInfo;
  /** CLI: the output file this item is written to. */
  output?: string;
  /** CLI: a fetch wrote this item's result to `output` (a later fetch leaves that file as it is). */
  written?: boolean;
}

export interface BatchRecord {
  id: string;
  createdAt: number;
  prompt: string;
  /** The model the user chose (`auto` resolved to a concrete id before the batch is made). */
  model: string;
  quality?: 'low' | 'medium' | 'high' | 'auto';
  featherPx: number;
  colorMatch: boolean;
  mode: BatchMode;
  state: 'queued' | 'running' | 'submitted' | 'done' | 'failed' | 'cancelled';
  /** The Gemini batch job (`batches/…`) and its last known state. */
  remote?: { name: string; state: RemoteBatchState; checkedAt?: number };
  estimateUsd: number;
  items: BatchItemRecord[];
  error?: AppErrorInfo;
  /** Why Auto chose `model`, when the user chose Auto. */
  autoReason?: string;
  /** CLI: output format of the written files. */
  format?: 'png' | 'jpeg' | 'webp';
}

/** What the renderer sees of a batch (paths reduced to names). */
export type BatchView = Omit<BatchRecord, 'items'> & { items: Array<Omit<BatchItemRecord, 'image' | 'mask' | 'output' | 'earlier'>> };

/** Price of one request at the chosen mode. */
export function batchPrice(standardUsd: number, mode: BatchMode): number {
  return mode === 'batch-api' ? standardUsd * BATCH_API_PRICE_FACTOR : standardUsd;
}

/** Only Google's Nano Banana models go through the Gemini Batch API. */
export function batchApiAvailable(provider: string): boolean {
  return provider === 'gemini';
}

/** Counts for a queue line: done, failed, cancelled, all. */
export function batchCounts(items: ReadonlyArray<{ state: BatchItemState }>): {
  done: number;
  failed: number;
  cancelled: number;
  total: number;
} {
  return {
    done: items.filter((i) => i.state === 'done').length,
    failed: items.filter((i) => i.state === 'failed').length,
    cancelled: items.filter((i) => i.state === 'cancelled').length,
    total: items.length,
  };
}

/** What a batch's sent requests cost so far (USD, rounded to 1/10 000 $). */
export function batchSpent(items: ReadonlyArray<{ spentUsd?: number }>): number {
  return Math.round(items.reduce((s, i) => s + (i.spentUsd ?? 0), 0) * 10000) / 10000;
}

/**
 * The quality a batch sends, as Generate chooses it: the one asked for when the model has it, else
 * medium (or the model's first); none for models without a quality setting. Never left out for a
 * model that has one: OpenAI would then use `auto`, priced and billed like high.
 */
export function batchQuality(qualities: readonly Quality[], asked: Quality | undefined): Quality | undefined {
  if (!qualities.length) return undefined;
  if (asked && qualities.includes(asked)) return asked;
  return qualities.includes('medium') ? 'medium' : qualities[0];
}

/** A finished batch Clear finished takes off the queue: done, failed or cancelled, with nothing kept and not exported yet. */
export function clearable(b: {
  state: BatchRecord['state'];
  items: ReadonlyArray<Pick<BatchItemRecord, 'review' | 'result' | 'exported'>>;
}): boolean {
  return (b.state === 'done' || b.state === 'failed' || b.state === 'cancelled') && !keptNotExported(b.items);
}

/** How many kept results Export kept has not written yet. */
export function keptNotExported(items: ReadonlyArray<Pick<BatchItemRecord, 'review' | 'result' | 'exported'>>): number {
  return items.filter((i) => i.review === 'kept' && i.result && i.exported !== i.result.assetId).length;
}
