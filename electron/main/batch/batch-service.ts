/**
 * The batch queue in main: creates batches (every item opened and priced before anything is sent),
 * runs `now` batches one item after another through the ordinary edit job, submits `batch-api`
 * batches to the Gemini Batch API as one job and polls it, records every state change in the
 * persisted store (its watcher told), and carries review marks, redo and cancel. The Batch API job
 * itself — submission, its state and answers — is batch-api-job.ts. A failed, refused or
 * cancelled item only ever changes its own record; nothing here touches an open document. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { getModel } from '../../../shared/models';
import {
  batchApiAvailable,
  clearable,
  batchQuality,
  type BatchItemRecord,
  type BatchMode,
  type BatchRecord,
  type BatchReview,
  type BatchView,
} from '../../../shared/batch/batch-types';
import type { JobServices } from '../create-services';
import { resolveModel } from '../edit/resolve-model';
import { withinCap } from '../services/spend-ledger';
import { checkRedoMask, estimateItem, openItem, runItemNow } from './batch-item';
import type { BatchSettings } from './batch-item';
import type { BatchStore } from './batch-store';
import { BatchWatch } from './batch-watch';
import { batchApiClient, errorInfo, refreshBatchApi, reopenIfMissing, submitBatchApi } from './batch-api-job';
import { addUsd, cancelItems, itemOf, round, setResult, view } from './batch-record-ops';

export interface NewBatch {
  items: Array<{ name: string; image: string; mask: string; output?: string }>;
  settings: BatchSettings;
  mode: BatchMode;
  format?: BatchRecord['format'];
  autoReason?: string;
}

export interface BatchServiceOptions {
  /** How often submitted Batch API jobs are polled (default 30 s; MASKWORK_BATCH_POLL_MS). */
  pollMs?: number;
}

export class BatchService {
  private readonly running = new Map<string, AbortController>();
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private resumed = false;

  readonly watch = new BatchWatch(); // told of every batch that moves (`batch:watch`)

  constructor(
    private readonly svc: JobServices,
    readonly store: BatchStore,
    private readonly opts: BatchServiceOptions = {},
  ) {
    store.onChange = (batches) => this.watch.changed(batches);
  }

  /**
   * Opens and prices every item, stores the batch, then starts it (now) or submits it (Batch API).
   * `signal` (the CLI's Ctrl+C) stops a Batch API submission: nothing is sent once it is aborted, and
   * a job already on its way is cancelled as soon as Google accepts it; the batch ends cancelled.
   */
  async create(n: NewBatch, signal?: AbortSignal): Promise<BatchRecord> {
    const spec = getModel(n.settings.model);
    if (!spec || spec.status === 'retired')
      throw new AppError({ kind: 'invalid-request', message: `Unknown model “${n.settings.model}”.`, rule: 'model' });
    if (n.mode === 'batch-api' && !batchApiAvailable(spec.provider))
      throw new AppError({
        kind: 'invalid-request',
        message: `The Batch API is for Nano Banana models (Gemini); ${spec.name} runs now at its standard price.`,
        rule: 'batch-api',
      });
    // An empty prompt is allowed: a cloud model then removes what is masked (shared/prompts REMOVE_PROMPT,
    // applied where each request is built: run-edit for a batch run now, batchRequestOf for the Batch API).
    if (!n.items.length) throw new AppError({ kind: 'invalid-request', message: 'Add at least one image to the batch.' });
    // No key for the model: refused here, before anything is stored, sent or counted (a `now` batch was
    // stored and each photo failed in turn; a Batch API job counted its price and took it back).
    await resolveModel(this.svc, spec.id);
    // A model with a quality setting always gets one (Generate's default, medium): without it OpenAI uses auto, billed like high.
    const { quality: asked, ...rest } = n.settings;
    const quality = batchQuality(spec.qualities, asked);
    const settings: BatchSettings = { ...rest, ...(quality ? { quality } : {}) };
    const b: BatchRecord = {
      id: `b-${randomUUID().slice(0, 8)}`,
      createdAt: Date.now(),
      ...settings,
      mode: n.mode,
      state: 'queued',
      estimateUsd: 0,
      items: [],
      ...(n.format ? { format: n.format } : {}),
      ...(n.autoReason ? { autoReason: n.autoReason } : {}),
    };
    for (const [i, it] of n.items.entries()) {
      const item: BatchItemRecord = {
        id: `item-${i + 1}`,
        name: it.name,
        image: it.image,
        mask: it.mask,
        state: 'queued',
        review: 'pending',
      };
      if (it.output) item.output = it.output;
      try {
        const opened = await openItem(this.svc, it, settings);
        item.estimateUsd = estimateItem(opened.req, n.mode);
      } catch (e) {
        item.state = 'failed';
        item.error = errorInfo(e);
      }
      b.items.push(item);
    }
    b.estimateUsd = withinCap(this.svc.ledger, round(b.items.reduce((s, i) => s + (i.estimateUsd ?? 0), 0))); // refused above the spend cap
    this.store.add(b);
    await this.store.save();
    if (n.mode === 'batch-api') await this.submit(b, signal);
    else this.runNow(b);
    return b;
  }

  /** Every batch, newest first, without file paths. On the first call, a restart's leftovers resume. */
  list(): BatchView[] {
    this.resume();
    return [...this.store.list()].reverse().map(view);
  }

  get(id: string): BatchRecord {
    const b = this.store.get(id);
    if (!b) throw new AppError({ kind: 'not-found', message: `No batch ${id} in this queue.` });
    return b;
  }

  /** Re-queues what a restart interrupted and polls submitted Batch API jobs again (once). */
  resume(): void {
    if (this.resumed) return;
    this.resumed = true;
    for (const b of this.store.list()) {
      if (this.running.has(b.id)) continue; // started by this instance: not a leftover
      if (b.mode === 'now' && (b.state === 'running' || b.state === 'queued')) {
        for (const i of b.items) if (i.state === 'running') i.state = 'queued';
        this.runNow(b);
      }
    }
    if (this.store.list().some((b) => b.state === 'submitted')) this.startPolling();
  }

  /** Polls submitted Batch API jobs every `pollMs` until none is left. */
  startPolling(): void {
    if (this.pollTimer) return;
    const ms = this.opts.pollMs ?? (Number(this.svc.env.MASKWORK_BATCH_POLL_MS) || 30_000);
    this.pollTimer = setInterval(() => void this.pollOnce(), ms);
    this.pollTimer.unref?.();
  }

  stop(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    for (const c of this.running.values()) c.abort();
  }

  private async pollOnce(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const open = this.store.list().filter((b) => b.state === 'submitted');
      for (const b of open) await this.refresh(b.id).catch(() => {});
      if (!this.store.list().some((b) => b.state === 'submitted')) this.stop();
    } finally {
      this.polling = false;
    }
  }

  /** Prepares and submits a Batch API batch as one job (batch-api-job.ts), then polls it. */
  private async submit(b: BatchRecord, signal?: AbortSignal): Promise<void> {
    if (await submitBatchApi(this.svc, this.store, b, signal)) this.startPolling();
  }

  /**
   * Asks the Batch API for the job's state; when it succeeded (and `collect`), turns every answer into
   * a result. Without `collect` only the state is recorded (the CLI's `status`).
   */
  async refresh(id: string, collect = true): Promise<BatchRecord> {
    return refreshBatchApi(this.svc, this.store, this.get(id), collect);
  }

  /** Puts a finished Batch API batch back to submitted when its result assets are gone (a new CLI session). */
  async reopenIfMissing(id: string): Promise<void> {
    await reopenIfMissing(this.svc, this.get(id));
  }

  /** Takes finished batches (none of their images out again) off the queue, answering them; one with a kept result not exported stays. */
  async clearFinished(): Promise<BatchRecord[]> {
    const gone = this.store.list().filter((b) => clearable(b) && !this.running.has(b.id));
    for (const b of gone) this.store.remove(b.id);
    await this.store.save();
    return gone;
  }

  /** Cancels a batch: the Batch API job at Google, or the items not yet sent. */
  async cancel(id: string): Promise<BatchRecord> {
    const b = this.get(id);
    if (b.state === 'done' || b.state === 'failed' || b.state === 'cancelled') return b;
    if (b.mode === 'batch-api' && b.remote) {
      const client = await batchApiClient(this.svc, b.model);
      await client.cancel(b.remote.name);
      b.remote.state = 'cancelled';
    }
    this.running.get(b.id)?.abort();
    cancelItems(b, ['queued', 'running', 'submitted'], 'Cancelled before a result arrived.');
    await this.store.save();
    return b;
  }

  async review(id: string, itemId: string, review: BatchReview): Promise<BatchRecord> {
    const b = this.get(id);
    const item = itemOf(b, itemId);
    if (review === 'kept' && !item.result)
      throw new AppError({ kind: 'invalid-request', message: `${item.name} has no result to keep.`, rule: 'review' });
    item.review = review;
    await this.store.save();
    return b;
  }

  /** Sends the item again now, at the standard price (also for Batch API batches). */
  async redo(id: string, itemId: string): Promise<BatchRecord> {
    const b = this.get(id);
    const item = itemOf(b, itemId);
    if (item.state === 'running' || item.state === 'submitted' || (item.state === 'queued' && this.running.has(b.id)))
      throw new AppError({ kind: 'invalid-request', message: `${item.name} is still waiting for its result.`, rule: 'redo' });
    if (item.error?.rule === 'mask size') await checkRedoMask(this.svc, item);
    item.state = 'queued';
    item.review = 'pending';
    delete item.error;
    this.runNow(b, [item]);
    await this.store.save();
    return b;
  }

  /**
   * Saves the queue from the background run: a failed write (the disk, or the settings folder gone as
   * the app quits) leaves the queue in memory and the next save writes all of it, instead of an
   * unhandled rejection that stopped the run.
   */
  private persist(): Promise<void> {
    return this.store.save().catch(() => {});
  }

  /** Runs queued items one after another in the background (a batch at a time per batch). */
  private runNow(b: BatchRecord, only?: BatchItemRecord[]): void {
    if (this.running.has(b.id) && !only) return;
    const controller = this.running.get(b.id) ?? new AbortController();
    this.running.set(b.id, controller);
    const todo = only ?? b.items.filter((i) => i.state === 'queued');
    const wasTerminal = b.state === 'done' || b.state === 'failed' || b.state === 'cancelled';
    if (!wasTerminal || only) b.state = b.mode === 'batch-api' && b.state === 'submitted' ? b.state : 'running';
    void (async () => {
      for (const item of todo) {
        if (controller.signal.aborted) break;
        item.state = 'running';
        await this.persist();
        try {
          const opened = await openItem(this.svc, item, b);
          const result = await runItemNow(this.svc, opened.req, controller.signal, (usd) => {
            item.spentUsd = addUsd(item.spentUsd, usd);
            this.store.changed();
          });
          setResult(item, result);
          item.state = 'done';
          delete item.error;
        } catch (e) {
          if (controller.signal.aborted) break;
          item.state = 'failed';
          item.error = errorInfo(e);
        }
        await this.persist();
      }
      this.running.delete(b.id);
      // Stopped (the app is quitting): what was running stays so, and is sent again at the next start.
      if (controller.signal.aborted && b.state === 'running') return;
      if (b.state === 'running') b.state = b.items.every((i) => i.state === 'failed') ? 'failed' : 'done';
      await this.persist();
    })();
  }

  /** Resolves when no batch is running now (for tests and the CLI). */
  async idle(): Promise<void> {
    while (this.running.size) await new Promise((r) => setTimeout(r, 20));
  }
}
